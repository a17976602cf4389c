// Build step after `tsc`: links the compiled CLI (dist/cli/main.js) and the lint worker into ES-module chunks in
// dist/bundle/, which bin/sop.js runs. Node 20 loads ES modules one file at a time (read, resolve, compile): a
// one-SOP rebuild loaded ~500 of them (our ~200 and the Markdown stack's ~300), ~350 ms on a 2-core machine,
// against ~110 ms for the same code linked by esbuild (measured). dist/ itself stays as tsc wrote it: it is the
// library entry and the fallback of bin/sop.js.
//
// - Split at every dynamic import, so `sop lint` still loads no Markdown, browser or PDF code.
// - The packages sop depends on directly stay outside unless LINKED names them (ES modules on the common paths;
//   the others are CommonJS or loaded on demand): they resolve from the package as before. Everything the linked
//   ones import is linked in too, transitive packages included, so no nested version can be swapped for another.
// - `SOP_BUNDLE` is defined true: src/core/package.ts then finds the compiled tree under dist/, not next to itself.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Direct dependencies linked into the bundle: ES modules only, needed on the paths that matter. */
const LINKED = new Set(['chalk', 'unified', 'remark-parse', 'remark-gfm', 'remark-rehype', 'rehype-sanitize', 'rehype-stringify']);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !LINKED.has(name));

const outdir = join(root, 'dist', 'bundle');
const staging = `${outdir}.tmp-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { sop: 'dist/cli/main.js', 'lint-worker': 'dist/lint/worker.js' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  // a direct dependency and its subpaths (e.g. ajv/dist/2020.js) resolve at run time, as before
  external: external.flatMap((name) => [name, `${name}/*`]),
  define: { SOP_BUNDLE: 'true' },
  metafile: true,
  legalComments: 'inline',
  logLevel: 'warning',
});
// Which modules each file of the bundle holds (paths from the package root): the tests read it to see what a
// command loads. npm pack leaves it out.
const files = {};
const prefix = `${relative(root, staging).split(sep).join('/')}/`;
for (const [out, info] of Object.entries(result.metafile.outputs)) files[out.slice(prefix.length)] = { inputs: Object.keys(info.inputs) };
writeFileSync(join(staging, '.meta.json'), `${JSON.stringify({ files }, null, 1)}\n`);
// swapped in whole, so a run never sees chunks of two builds
rmSync(outdir, { recursive: true, force: true });
renameSync(staging, outdir);
