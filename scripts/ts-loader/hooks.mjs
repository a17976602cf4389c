// Module hooks (registered by register.mjs) that run this repository's TypeScript the way tsx does, for the test
// files: an import of `./x.js` finds `./x.ts`, and a .ts file loads as the JavaScript transpile.mjs wrote for it.
// The module keeps its own file: URL, so import.meta.url and every path a test derives from it stay as under tsx.
// A file changed (or added) since that run is transformed here and written back, so a test never runs stale code.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedPathOf, readCached, writeCached } from './cache.mjs';

let root;
let cache;
/** @param {{ root: string, cache: string }} data */
export function initialize(data) {
  root = data.root;
  cache = data.cache;
}

const TS = /\.[cm]?ts$/;
const inNodeModules = (file) => file.includes(`${path.sep}node_modules${path.sep}`);
/** Files of the repository are cached; others (a test's temporary .ts files) are transformed each time. */
const inRepo = (file) => file.startsWith(root + path.sep) && !inNodeModules(file);

export async function resolve(specifier, context, next) {
  // TypeScript's NodeNext style: the import names the .js file the compiler would write
  if (specifier.endsWith('.js') && (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('file:')) && context.parentURL?.startsWith('file:')) {
    const url = new URL(specifier, context.parentURL);
    const js = fileURLToPath(url);
    if (!inNodeModules(js)) {
      const ts = `${js.slice(0, -3)}.ts`;
      if (!existsSync(js) && existsSync(ts)) return { url: pathToFileURL(ts).href + url.search, format: 'module', shortCircuit: true };
    }
  }
  return next(specifier, context);
}

/** The JavaScript of a .ts file: from the cache while the source is unchanged, else transformed now and cached. */
async function javascriptOf(file) {
  const stat = statSync(file);
  const out = inRepo(file) ? cachedPathOf(root, cache, file) : undefined;
  const cached = out && readCached(out, stat);
  if (cached !== undefined) return cached;
  const code = (await import('./transpile.mjs')).transformFile(root, file);
  if (out) writeCached(out, stat, code);
  return code;
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && TS.test(new URL(url).pathname)) {
    return { format: 'module', source: await javascriptOf(fileURLToPath(url)), shortCircuit: true };
  }
  return next(url, context);
}
