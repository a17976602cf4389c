// The tests' JavaScript cache, shared by transpile.mjs, hooks.mjs and register.mjs without loading esbuild. It sits
// under node_modules/ (ignored by git and npm), one folder for each set of what the output depends on: the Node and
// esbuild versions, transpile.mjs (its esbuild options) and tsconfig.json (its compiler options). Each cached file starts with a stamp of its source (modification time and size): a source touched in any
// way, also set back to an older time, no longer matches and is transformed again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function cacheDirOf(root) {
  const esbuild = JSON.parse(readFileSync(path.join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
  const options = createHash('sha256');
  for (const file of [new URL('./transpile.mjs', import.meta.url), path.join(root, 'tsconfig.json')]) options.update(readFileSync(file));
  return path.join(root, 'node_modules', '.cache', 'sop-test-js', `node${process.versions.node}-esbuild${esbuild}-${options.digest('hex').slice(0, 12)}`);
}

/** `<cache>/<path of the source in the repository, .ts → .js>` */
export const cachedPathOf = (root, cache, file) => path.join(cache, `${path.relative(root, file).replace(/\.[cm]?ts$/, '')}.js`);

const stampOf = (stat) => `// sop-test-js ${stat.mtimeMs} ${stat.size}\n`;

/** The cached JavaScript of a source with this stat, or undefined when there is none or it is stale. */
export function readCached(out, stat) {
  let text;
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    return undefined;
  }
  const stamp = stampOf(stat);
  return text.startsWith(stamp) ? text.slice(stamp.length) : undefined;
}

/** Writes the JavaScript whole: several test processes may write the same file at once, each through its own temporary file. */
export function writeCached(out, stat, code) {
  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, stampOf(stat) + code);
  renameSync(tmp, out);
}
