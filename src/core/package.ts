// Where the package's files are, found from here, in one place: src/core/ (tests), dist/core/ (the library) and the
// CLI's chunks in dist/bundle/ (scripts/bundle.mjs) all sit two levels below the package root.
import { fileURLToPath } from 'node:url';

// Defined true by scripts/bundle.mjs (esbuild `define`); an undeclared global everywhere else.
declare const SOP_BUNDLE: boolean | undefined;

/** True when this code runs from the CLI bundle (dist/bundle/), not from its own module files. */
export const BUNDLED: boolean = typeof SOP_BUNDLE !== 'undefined' && SOP_BUNDLE === true;

/** The CLI bundle's folder, relative to the package root. */
export const BUNDLE_DIR = 'dist/bundle';

/** Absolute path of a file of the package, e.g. `assets/sop.css`; `''` is the package root (with a trailing separator). */
export function packageFile(rel: string): string {
  return fileURLToPath(new URL(`../../${rel}`, import.meta.url));
}

/**
 * Absolute path in the tree of the running code's modules (`src/` from source, `dist/` compiled): e.g.
 * `schema/sop-validator.cjs`, or `''` for the tree itself. The bundle was linked from dist/, so that is its tree.
 */
export function codeFile(rel: string): string {
  return BUNDLED ? packageFile(`dist/${rel}`) : fileURLToPath(new URL(`../${rel}`, import.meta.url));
}
