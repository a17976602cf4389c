// The TypeScript of src/, test/ and bench/ turned into JavaScript once per `npm test`, before the test files start:
// one esbuild service for all ~440 files instead of each of ~500 test processes loading tsx, which transforms, caches
// and resolves every module through its own hooks. hooks.mjs serves the files from the cache (cache.mjs).
// The transform is the one tsx asks esbuild for (target the running Node, inline source maps, tsconfig.json's compiler
// options), without two options tsx adds for its minified output: keepNames, which wraps every function and class
// created in a __name() call (1-2% of the CPU of the flow-table stress test) and is not needed since a transform that
// does not minify renames nothing; and minifyWhitespace, which put each module on one line (CPU profiles showed line 1).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { transform, transformSync } from 'esbuild';
import { cacheDirOf, cachedPathOf, readCached, writeCached } from './cache.mjs';

/** Folders whose TypeScript the tests import. */
const FOLDERS = ['src', 'test', 'bench'];

let compilerOptions;
/** esbuild options for one file, as tsx sets them. */
function esbuildOptions(root, file) {
  compilerOptions ??= JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')).compilerOptions;
  return {
    loader: 'ts',
    format: 'esm',
    target: `node${process.versions.node}`,
    sourcemap: 'inline',
    sourcefile: file,
    tsconfigRaw: { compilerOptions },
  };
}

/** Transforms one TypeScript file now (a file changed after transpileAll ran, or one outside the repository). */
export function transformFile(root, file) {
  return transformSync(readFileSync(file, 'utf8'), esbuildOptions(root, file)).code;
}

function tsFiles(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    // bench/ keeps generated corpora and outputs beside its scripts
    if (e.name === 'node_modules' || e.name.startsWith('corpus') || e.name === 'out') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (/\.[cm]?ts$/.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Transforms every source whose cached JavaScript is missing or stale; resolves with how many it wrote. */
export async function transpileAll(root) {
  const cache = cacheDirOf(root);
  const files = FOLDERS.flatMap((f) => (statSync(path.join(root, f), { throwIfNoEntry: false })?.isDirectory() ? tsFiles(path.join(root, f), []) : []));
  let written = 0;
  await Promise.all(
    files.map(async (file) => {
      const stat = statSync(file);
      const out = cachedPathOf(root, cache, file);
      if (readCached(out, stat) !== undefined) return;
      writeCached(out, stat, (await transform(readFileSync(file, 'utf8'), esbuildOptions(root, file))).code);
      written++;
    }),
  );
  return written;
}
