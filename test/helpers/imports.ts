// Reads the relative imports of a source file: shared by the layering test and the lint cache's program-key test.
import path from 'node:path';

/**
 * Relative imports of a file (static, re-exports, dynamic `import()`), resolved to .ts files of src/.
 * `runtime: false` leaves out `import type` / `export type`: erased when compiled, they can form no
 * circle at run time (they still count for the direction of layers).
 */
export function importsOf(file: string, text: string, runtime = false): string[] {
  const re = /^\s*(import|export)(\s+type)?\b[^'";]*?\bfrom\s+['"](\.[^'"]+)['"]|\bimport\s*\(\s*['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]/gm;
  const specs = [...text.matchAll(re)].filter((m) => !(runtime && m[2])).map((m) => m[3] ?? m[4] ?? m[5]);
  return specs.map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}
