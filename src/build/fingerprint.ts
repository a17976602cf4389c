// What the build's output depends on besides the inputs: this code, the stylesheet, the fonts, the Mermaid version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontFiles, STYLESHEET } from './assets.js';

let cached: string | undefined;

/** The package's version (written into the manifest and the PDFs' producer). */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function hashTree(dir: string, h: ReturnType<typeof createHash>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) hashTree(p, h);
    else if (/\.(js|ts|mjs|json)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      h.update(e.name);
      h.update(readFileSync(p));
    }
  }
}

/**
 * A hash of the program that draws the output (src/ or dist/, whichever runs), the stylesheet and the
 * fonts. A cache keyed by it can never serve pages drawn by other code, in a release or while developing.
 */
export function codeFingerprint(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  const codeRoot = fileURLToPath(new URL('..', import.meta.url));
  for (const sub of ['build', 'render', 'model', 'config']) hashTree(path.join(codeRoot, sub), h);
  h.update(readFileSync(STYLESHEET));
  for (const [site, file] of fontFiles()) {
    h.update(site);
    h.update(readFileSync(file));
  }
  cached = h.digest('hex');
  return cached;
}
