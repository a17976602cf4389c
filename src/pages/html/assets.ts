// Files every HTML page needs besides itself: the stylesheet and the Arimo fonts it names (shipped with the package).
import { createRequire } from 'node:module';
import { packageFile } from '../../core/package.js';

const require = createRequire(import.meta.url);

/** The stylesheet shipped in the package's `assets/` folder; the site carries it as `assets/sop.css`. */
export const STYLESHEET = packageFile('assets/sop.css');

/** Font files the stylesheet names (site path under assets/fonts/ -> file). */
export function fontFiles(): Map<string, string> {
  const names = ['latin-400-normal', 'latin-700-normal', 'latin-400-italic', 'latin-ext-400-normal', 'latin-ext-700-normal'];
  return new Map(names.map((n) => [`assets/fonts/arimo-${n}.woff2`, require.resolve(`@fontsource/arimo/files/arimo-${n}.woff2`)]));
}
