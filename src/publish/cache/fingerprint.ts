// What the build's output depends on besides the inputs: this code, the stylesheet, the fonts, the Mermaid version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { hashTree } from '../../core/hash-tree.js';
import path from 'node:path';
import { BUNDLE_DIR, codeFile } from '../../core/package.js';
import { fontFiles, STYLESHEET } from '../../pages/html/assets.js';

let cached: string | undefined;

/**
 * Folders of the program that cannot change what a build writes. Listed by exclusion, so a folder
 * added later is hashed by default: a cache can be too cautious, never stale.
 */
const NOT_DRAWING = new Set(['cli', 'lint', 'report', 'scaffold', path.basename(BUNDLE_DIR)]);

/**
 * A hash of the program that draws the output (src/ or dist/, whichever runs: every folder but NOT_DRAWING), the stylesheet and the
 * fonts. A cache keyed by it can never serve pages drawn by other code, in a release or while developing.
 */
export function codeFingerprint(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  const codeRoot = codeFile('');
  const folders = readdirSync(codeRoot, { withFileTypes: true }).filter((e) => e.isDirectory() && !NOT_DRAWING.has(e.name));
  for (const sub of folders.map((e) => e.name).sort()) hashTree(path.join(codeRoot, sub), h, /\.(js|ts|mjs|json)$/);
  h.update(readFileSync(STYLESHEET));
  for (const [site, file] of fontFiles()) {
    h.update(site);
    h.update(readFileSync(file));
  }
  cached = h.digest('hex');
  return cached;
}
