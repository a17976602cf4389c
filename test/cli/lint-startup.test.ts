// `sop lint` stays light: it never loads the browser, Markdown or Mermaid stacks (they belong to other commands).
// bin/sop.js runs the CLI bundle (dist/bundle/): the chunks it loads are read back into their modules with the
// bundle's metafile, so a heavy package linked into a chunk that lint loads is seen too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const bundleDir = path.join(root, 'dist/bundle');
const built = existsSync(path.join(bundleDir, 'sop.mjs'));
/** dist/bundle/.meta.json (scripts/bundle.mjs): the modules each file of the bundle holds. */
type BundleMeta = { files: Record<string, { inputs: string[] }> };

/** A loaded URL or path, or for a file of the bundle the modules linked into it (`dist/...`, `node_modules/...`, as the metafile has them). */
function chunkInputs(meta: BundleMeta, url: string): string[] {
  if (!url.startsWith('file:')) return [url]; // node: built-ins and CommonJS paths
  const rel = path.relative(bundleDir, fileURLToPath(url)).split(path.sep).join('/');
  return meta.files[rel]?.inputs.map((input) => `/${input}`) ?? [url];
}

describe('sop lint start-up', { skip: built ? false : 'run `npm run build` first' }, () => {
  it('loads no puppeteer, mermaid, remark/rehype/unified or prompt code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sop-lint-startup-'));
    const log = path.join(dir, 'modules.txt');
    try {
      const r = spawnSync(
        process.execPath,
        ['--import', path.join(root, 'test/cli/fixtures/trace-loader.mjs'), path.join(root, 'bin/sop.js'), 'lint', 'errors', '--format', 'json'],
        { cwd: path.join(root, 'test/fixtures/lint/cli'), env: { ...process.env, SOP_TRACE_FILE: log }, encoding: 'utf8' },
      );
      assert.equal(r.status, 1, r.stderr);
      const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      assert.ok(loaded.some((m) => m.endsWith('/dist/bundle/sop.mjs')), 'bin/sop.js did not run the bundle');
      const meta = JSON.parse(readFileSync(path.join(bundleDir, '.meta.json'), 'utf8')) as BundleMeta;
      const modules = loaded.flatMap((url) => chunkInputs(meta, url));
      assert.ok(modules.some((m) => m.includes('/lint/engine.js')), 'the log does not show the lint engine: the hook did not run');
      const heavy = modules.filter((m) => /node_modules\/(puppeteer|puppeteer-core|@mermaid-js|mermaid|remark-[^/]+|rehype-[^/]+|unified|@inquirer|fontkit)\//.test(m));
      assert.deepEqual([...new Set(heavy)], []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
