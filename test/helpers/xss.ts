// Shared by the XSS suites (xss-fields: SOPs, config, bodies, git; xss-lifecycle: inventory, monitoring and
// evaluation records): the hostile strings, and the check of one built page in headless Chromium.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';

/**
 * The hostile strings, each in its own context-breaking form. Those that would run call alert(N)
 * (a dialog the test catches) and set window.__pwned; those that would load something ask evil.test.
 */
export const CORPUS: string[] = [
  `"'></title></style></textarea></script><script>alert(1);window.__pwned=1</script>`,
  `<img src=x onerror="alert(2);window.__pwned=2">`,
  `<svg onload="alert(3);window.__pwned=3"><circle r="1"/></svg>`,
  `<a href="javascript:alert(4)">a4</a> [md5](javascript:alert(5)) ![i6](javascript:alert(6)) [md7](JaVaScRiPt&#58;alert(7))`,
  `<iframe src="javascript:alert(8)"></iframe><iframe srcdoc="<script>alert(9)</script>"></iframe>`,
  `<style>@import url(http://evil.test/10.css);*{background:url(http://evil.test/11.png)}</style>`,
  `<link rel=stylesheet href=http://evil.test/12.css><img src=http://evil.test/13.png> ![r14](http://evil.test/14.png) <http://evil.test/15>`,
  `<object data=http://evil.test/16></object><embed src=http://evil.test/17><base href=http://evil.test/>`,
  `<meta http-equiv=refresh content="0;url=javascript:alert(18)"><details open ontoggle=alert(19)><summary>s</summary></details>`,
  `<form action=javascript:alert(20)><button>b</button></form><input autofocus onfocus=alert(21)>`,
  `%%{init: {"theme":"dark","securityLevel":"loose","themeCSS":"*{background:url(http://evil.test/22.png)}"}}%%`,
  `\nclick n1 call alert(23)\nclick n2 href "javascript:alert(24)"\nstyle n1 fill:url(http://evil.test/25.png)\nclassDef x fill:#f00\n`,
  `"]) --> evil(["<img src=x onerror=alert(26)>"]) %% n1["x`,
  `\u0007\u001b[31m\u202e\u2028\u2029\t\r\nkontrol`,
  `}"; } body{background:url(http://evil.test/27.png)} @page{ @bottom-left{content:"`,
  `&lt;script&gt;alert(28)&lt;/script&gt; &#60;img src=x onerror=alert(29)&#62;`,
  `\`<img src=x onerror=alert(30)>\` <math><mtext><table><mglyph><style><img src=x onerror=alert(31)></style></mglyph></table></mtext></math>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(32)>"></noscript><template><img src=x onerror=alert(33)></template>`,
];

export interface Observed {
  requests: string[];
  dialogs: string[];
  console: string[];
  errors: string[];
}

/** Watches a page: every request (aborted unless file: inside `root` or data:), dialog, console line and error. */
export async function watch(page: Page, root: string, seen: Observed): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    seen.requests.push(url);
    const ok = url.startsWith('data:') || url === 'about:blank' || (url.startsWith('file:') && inside(root, fileURLToPath(url)));
    if (req.isInterceptResolutionHandled()) return;
    void (ok ? req.continue() : req.abort('blockedbyclient')).catch(() => undefined);
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => seen.errors.push(String(e)));
}

export function inside(root: string, file: string): boolean {
  const rel = path.relative(root, path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Requests that are neither data: nor a file of `root`. */
export function foreign(urls: string[], root: string): string[] {
  return urls.filter((u) => !(u.startsWith('data:') || u === 'about:blank' || (u.startsWith('file:') && inside(root, fileURLToPath(u)))));
}

export function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(ext)) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

/**
 * Opens pages the build wrote, each once as published (its CSP on) and once with the CSP off (the escaping
 * alone must hold), and returns what is wrong: a payload that ran (dialog, window.__pwned, page error,
 * console line), a request for anything but the site's files, an event handler or javascript: URL left
 * in the DOM, a script, an element of the kinds payloads use, or a <link>/<meta> the page shell does not write.
 *
 * Two tabs (CSP on, CSP off) serve every file, which is opened in each in turn (a fresh tab per file started a
 * renderer each time). After each file a tab goes to about:blank, so what the page does while it unloads is
 * counted for that page; each file gets a fresh window, DOM and record.
 */
export function pageChecker(browser: Browser, site: string): { problems: (file: string) => Promise<string[]>; close: () => Promise<void> } {
  const open = async (bypassCsp: boolean): Promise<Tab> => {
    const tab: Tab = { page: await browser.newPage(), bypassCsp, seen: { requests: [], dialogs: [], console: [], errors: [] } };
    await tab.page.setBypassCSP(bypassCsp);
    await watch(tab.page, site, tab.seen);
    return tab;
  };
  let tabs: Promise<Tab[]> | undefined;
  return {
    problems: async (file) => {
      tabs ??= Promise.all([open(false), open(true)]);
      const problems: string[] = [];
      for (const tab of await tabs) problems.push(...(await check(tab, site, file)));
      return problems;
    },
    close: async () => {
      const open = await tabs;
      tabs = undefined;
      for (const tab of open ?? []) await tab.page.close();
    },
  };
}

interface Tab {
  page: Page;
  bypassCsp: boolean;
  /** What the tab's listeners saw since the current file was opened. */
  seen: Observed;
}

async function check({ page, bypassCsp, seen: record }: Tab, site: string, file: string): Promise<string[]> {
  for (const list of Object.values(record)) list.length = 0;
  const problems: string[] = [];
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // give timers, autofocus and toggles their chance
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  const dom = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const attrs = all.flatMap((el) => [...el.attributes].map((a) => ({ el: el.tagName.toLowerCase(), name: a.name.toLowerCase(), value: a.value })));
    const scripts = [...document.querySelectorAll('script')].map((s) => s.type || 'classic');
    return {
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      handlers: attrs.filter((a) => a.name.startsWith('on')).map((a) => `${a.el} ${a.name}`),
      jsUrls: attrs.filter((a) => /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value) && /href|src|action|data|formaction|content/.test(a.name)).map((a) => `${a.el} ${a.name}=${a.value.slice(0, 40)}`),
      scripts,
      banned: all.map((el) => (el.tagName === 'INPUT' ? `input#${el.id}` : el.tagName.toLowerCase())).filter((n) => (['iframe', 'frame', 'object', 'embed', 'base', 'form', 'button', 'textarea', 'math', 'template', 'noscript', 'details', 'link', 'meta'].includes(n) || n.startsWith('input'))),
      links: [...document.querySelectorAll('link')].map((l) => `${l.rel} ${l.getAttribute('href')}`),
      metas: [...document.querySelectorAll('meta')].map((m) => m.getAttribute('http-equiv') ?? m.getAttribute('name') ?? m.getAttribute('charset') ?? '?'),
    };
  });
  // leave the page here, so that its unload (pagehide, beforeunload, ...) is counted for this file too
  await page.goto('about:blank');
  const seen: Observed = { requests: [...record.requests], dialogs: [...record.dialogs], console: [...record.console], errors: [...record.errors] };
  const rel = path.relative(site, file);
  const where = `${rel}${bypassCsp ? ' (CSP off)' : ''}`;
  if (dom.pwned !== undefined) problems.push(`${where}: window.__pwned = ${dom.pwned}`);
  for (const d of seen.dialogs) problems.push(`${where}: dialog ${d}`);
  for (const e of seen.errors) problems.push(`${where}: page error ${e}`);
  for (const c of seen.console) problems.push(`${where}: console ${c}`);
  for (const u of foreign(seen.requests, site)) problems.push(`${where}: request ${u}`);
  for (const h of dom.handlers) problems.push(`${where}: handler ${h}`);
  for (const u of dom.jsUrls) problems.push(`${where}: URL ${u}`);
  // the catalogue's search box is the one script (and its index a JSON data block)
  const expected = rel === 'index.html' ? ['application/json', 'classic'] : [];
  if (dom.scripts.sort().join() !== expected.join()) problems.push(`${where}: scripts ${dom.scripts.join()}`);
  // the shell's own <meta>s and stylesheet <link>, nothing else of those kinds
  // (and the catalogue's search box)
  const banned = dom.banned.filter((n) => n !== 'link' && n !== 'meta' && !(rel === 'index.html' && n === 'input#q'));
  if (banned.length) problems.push(`${where}: elements ${banned.join()}`);
  if (dom.links.some((l) => !/^stylesheet (\.\.\/)*assets\/sop\.css$/.test(l))) problems.push(`${where}: links ${dom.links.join()}`);
  if (dom.metas.join() !== 'utf-8,Content-Security-Policy,viewport,generator') problems.push(`${where}: metas ${dom.metas.join()}`);
  return problems;
}
