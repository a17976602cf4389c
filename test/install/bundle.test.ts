// The CLI bundle (scripts/bundle.mjs, dist/bundle/): bin/sop.js runs it while it is current, falls back to dist/ when tsc
// wrote dist/ after it, its lint worker entry works, and every file of it loads with the packages resolved from here.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const bundleDir = path.join(root, 'dist/bundle');
const built = existsSync(path.join(bundleDir, 'sop.mjs'));
const tracer = path.join(root, 'test/cli/fixtures/trace-loader.mjs');

// a clean SOP of the lint fixtures, numbered and named apart so no project rule ties the copies together
const template = readFileSync(path.join(root, 'test/fixtures/lint/cli/clean/cuti-tahunan.md'), 'utf8');
const SOP = (n: number): string => template.replace('800/001/SOP/BKD/2025', `800/${n}/SOP/BKD/2025`).replace('Cuti Tahunan', `Cuti Tahunan ${n}`);

describe('the CLI bundle', { skip: built ? false : 'run `npm run build` first' }, () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sop-bundle-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('is what bin/sop.js runs', () => {
    const log = path.join(tmp, 'modules.txt');
    const r = spawnSync(process.execPath, ['--import', tracer, path.join(root, 'bin/sop.js'), '--version'], { env: { ...process.env, SOP_TRACE_FILE: log }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    const loaded = readFileSync(log, 'utf8').split('\n');
    assert.ok(loaded.includes(pathToFileURL(path.join(bundleDir, 'sop.mjs')).href), loaded.join('\n'));
    assert.deepEqual(loaded.filter((u) => u.includes('/dist/cli/')), [], 'the unbundled CLI was loaded as well');
  });

  it('gives way to dist/ when tsc wrote dist/ after it, or when it is missing', () => {
    // a copy of bin/sop.js beside two stand-ins that say which one ran
    const pkg = path.join(tmp, 'pkg');
    mkdirSync(path.join(pkg, 'bin'), { recursive: true });
    mkdirSync(path.join(pkg, 'dist/bundle'), { recursive: true });
    mkdirSync(path.join(pkg, 'dist/cli'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{"type":"module"}\n');
    copyFileSync(path.join(root, 'bin/sop.js'), path.join(pkg, 'bin/sop.js'));
    const standIn = (name: string): string => `export async function main() { process.stdout.write('${name}'); return 0; }\n`;
    const bundle = path.join(pkg, 'dist/bundle/sop.mjs');
    const info = path.join(pkg, 'dist/.tsbuildinfo');
    writeFileSync(bundle, standIn('bundle'));
    writeFileSync(path.join(pkg, 'dist/cli/main.js'), standIn('dist'));
    const ran = (): string => {
      const r = spawnSync(process.execPath, [path.join(pkg, 'bin/sop.js')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout;
    };
    assert.equal(ran(), 'bundle', 'an install (no tsc state)');
    writeFileSync(info, '{}');
    utimesSync(info, new Date(2026, 0, 1), new Date(2026, 0, 1));
    utimesSync(bundle, new Date(2026, 0, 2), new Date(2026, 0, 2));
    assert.equal(ran(), 'bundle', 'bundled after the last tsc');
    utimesSync(info, new Date(2026, 0, 3), new Date(2026, 0, 3));
    assert.equal(ran(), 'dist', 'tsc ran after the bundle');
    rmSync(bundle);
    assert.equal(ran(), 'dist', 'no bundle');
  });

  it('loads every one of its files, with each package it leaves out found from the package', () => {
    const files = readdirSync(bundleDir).filter((f) => f.endsWith('.mjs') && f !== 'lint-worker.mjs');
    assert.ok(files.length > 2, files.join(', '));
    const script = `for (const f of ${JSON.stringify(files.map((f) => pathToFileURL(path.join(bundleDir, f)).href))}) await import(f);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tmp, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('lints a large run in its own worker threads with the same findings', () => {
    // 2,000 files reach the worker threshold (src/lint/run.ts WORKER_THRESHOLD); every 500th one is broken
    const repo = path.join(tmp, 'repo');
    mkdirSync(repo);
    for (let i = 1; i <= 2000; i++) writeFileSync(path.join(repo, `sop-${i}.md`), i % 500 === 0 ? SOP(i).replace('pelaksana: kepala', 'pelaksana: sekretaris') : SOP(i));
    const log = path.join(tmp, 'worker-modules.txt');
    const r = spawnSync(process.execPath, ['--import', tracer, path.join(root, 'bin/sop.js'), 'lint', '.', '--format', 'json'], {
      cwd: repo,
      env: { ...process.env, SOP_TRACE_FILE: log },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 1, r.stderr);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.equal(results.length, 2000);
    const broken = results.filter((f) => f.messages.length > 0).map((f) => path.basename(f.filePath)).sort();
    assert.deepEqual(broken, ['sop-1000.md', 'sop-1500.md', 'sop-2000.md', 'sop-500.md']);
    for (const f of results.filter((x) => x.messages.length > 0)) {
      assert.deepEqual(f.messages.map((m) => m.ruleId).sort(), ['unknown-pelaksana', 'unused-pelaksana'], f.filePath);
    }
    assert.ok(readFileSync(log, 'utf8').split('\n').includes(pathToFileURL(path.join(bundleDir, 'lint-worker.mjs')).href), 'no worker of the bundle ran');
  });
});
