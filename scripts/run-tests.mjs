// Runs every test/**/*.test.ts with node's test runner through tsx (Node 20's --test has no globs), three files at a
// time: much of the test time is spent waiting on Chromium, git, npm and child processes, so more files than cores fill
// the gaps (2 cores, clean clone, idle: 369 and 383 s with two at a time, 331 s with three).
// SOP_TEST_CONCURRENCY=1 runs them one by one (to read a failure's output in order).
import { mkdtempSync, readdirSync, rmSync, statSync, statfsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transpileAll } from './ts-loader/transpile.mjs';

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
// --typecheck (npm test): `tsc -p tsconfig.test.json` runs beside the test files instead of before them: tsc keeps one
// core busy for 10-13 s (2.5-4 s when its incremental state in node_modules/.cache/tsc/ is warm), which left the second
// core idle while the tests waited for it; its output is shown at the end, and a type error fails the run as before.
const args = process.argv.slice(2);
const typecheck = args.includes('--typecheck');
const filter = args.filter((a) => a !== '--typecheck');
// The slowest files start first, longest first, so the lanes end together instead of one long file running alone at
// the end; the rest keep their path order. Per-file times of a whole run on this machine (2026-12-02, three at a time,
// 15-75 s for the first ten), less what the faster browser close saves; test/site/ (8-10 s) started last before.
const SLOW_FIRST = [
  'test/install/pack-install.test.ts', 'test/publish/xss-fields.test.ts', 'test/render/flowtable/stress.test.ts',
  'test/publish/xss-lifecycle.test.ts', 'test/publish/faults.test.ts', 'test/lifecycle/evidence-perbandingan.test.ts',
  'test/fuzz/sigkill.test.ts', 'test/render/flowtable/header-check.test.ts', 'test/publish/svg-sanitise.test.ts',
  'test/lifecycle/build-forms.test.ts', 'test/fuzz/fuzz.test.ts', 'test/render/flowtable/flowtable.test.ts',
  'test/publish/incremental.test.ts', 'test/cli/build-refuse.test.ts', 'test/publish/xss.test.ts', 'test/print/zero-network.test.ts',
  'test/site/a11y.test.ts', 'test/diff/perbandingan.test.ts', 'test/publish/isolation.test.ts', 'test/cli/interrupt.test.ts',
  'test/cli/build.test.ts', 'test/site/catalogue.test.ts', 'test/publish/riwayat.test.ts', 'test/publish/profiles.test.ts',
  'test/lifecycle/forms.test.ts', 'test/publish/containment.test.ts', 'test/publish/format-1.1-build.test.ts', 'test/publish/status.test.ts',
];
const rank = (f) => {
  const i = SLOW_FIRST.indexOf(f.split(sep).join('/'));
  return i === -1 ? SLOW_FIRST.length : i;
};
// Array.prototype.sort is stable: files of equal rank stay in path order
const files = find('test')
  .filter((f) => filter.length === 0 || filter.some((s) => f.includes(s)))
  .sort((a, b) => rank(a) - rank(b));
const concurrency = String(Number(process.env.SOP_TEST_CONCURRENCY) || 3);

const children = new Set();
/** Runs a command; resolves with its exit status (1 when it could not run or was killed by a signal). */
function run(args, opts) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, opts);
    children.add(child);
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr?.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('error', (err) => resolve({ status: 1, out: `${out}${err.message}\n` }));
    child.on('close', (status) => {
      children.delete(child);
      resolve({ status: status ?? 1, out });
    });
  });
}
// The TypeScript runs through scripts/ts-loader/ rather than tsx: transpiled once here, then served from a cache to
// every test process (see transpile.mjs for what tsx cost per file).
const root = fileURLToPath(new URL('..', import.meta.url));
await transpileAll(root);
const loader = fileURLToPath(new URL('./ts-loader/register.mjs', import.meta.url));
const tsc = typecheck ? createRequire(import.meta.url).resolve('typescript/bin/tsc') : undefined;
// The tests' temporary folders (git repositories, builds, npm installs, Chromium profiles) go to a folder of their own
// in memory (/dev/shm) when it has room: on this machine's disk the suite spent 57 s of system time, in memory 40 s
// (npm test 208 -> 187 s). SOP_TEST_TMPDIR names another folder; without room in /dev/shm the system's stays.
const tmp = testTmpDir();
// On Ctrl-C (or a SIGINT to this process alone) the runs are stopped and this process waits for them, then tidies up
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
  for (const child of children) child.kill('SIGINT');
});
const [tests, types] = await Promise.all([
  run(['--import', loader, '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit', env: tmp ? { ...process.env, TMPDIR: tmp } : process.env }),
  tsc ? run([tsc, '-p', 'tsconfig.test.json'], { stdio: ['ignore', 'pipe', 'pipe'] }) : undefined,
]);
if (types) {
  if (types.out) process.stdout.write(types.out);
  console.log(types.status === 0 ? '# typecheck (tsc -p tsconfig.test.json): ok' : `# typecheck (tsc -p tsconfig.test.json) failed: exit ${types.status}`);
}
if (tmp && !process.env.SOP_TEST_TMPDIR) {
  // tsx keeps its cache there (tests that start the CLI from source); anything else is a test's leftover, kept to be
  // seen, unless the run was interrupted (the tests had no chance to clean up)
  // (a Chromium whose test was stopped writes into its profile for up to a second or so after its parent has gone)
  if (interrupted) await new Promise((resolve) => setTimeout(resolve, 2000));
  const left = readdirSync(tmp).filter((n) => !n.startsWith('tsx-'));
  if (left.length === 0 || interrupted) rmSync(tmp, { recursive: true, force: true });
  else console.log(`# ${left.length} temporary file(s) or folder(s) left behind by tests in ${tmp}: ${left.slice(0, 10).join(', ')}`);
}
process.exit(tests.status || types?.status || 0);

/** A fresh folder under /dev/shm when it is a writable file system with 4 GB free, or SOP_TEST_TMPDIR; else undefined. */
function testTmpDir() {
  if (process.env.SOP_TEST_TMPDIR) return process.env.SOP_TEST_TMPDIR;
  try {
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize < 4 * 1024 ** 3) return undefined;
    return mkdtempSync('/dev/shm/sop-tests-');
  } catch {
    return undefined;
  }
}
