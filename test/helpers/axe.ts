// axe-core in headless Chromium, from the installed npm package (no network): open a built page, run axe, list violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';

const require = createRequire(import.meta.url);

let source: string | undefined;

/** The axe-core script, read once from node_modules/axe-core (a devDependency). */
export function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  /** CSS targets of the offending nodes (first few), to find them in the page. */
  targets: string[];
}

/**
 * Opens `url` in a new page with the page's CSP bypassed (the built pages allow only their own
 * hashed script; axe is injected by the test, not by the site) and returns axe's violations.
 */
export async function axeViolations(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<AxeViolation[]> {
  const page: Page = await browser.newPage();
  try {
    await page.setBypassCSP(true);
    await page.setViewport(viewport);
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource() });
    return await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: AxeViolation['impact']; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
  } finally {
    await page.close();
  }
}

/** The violations a page must not have: serious and critical ones. */
export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
