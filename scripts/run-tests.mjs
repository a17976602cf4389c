// Runs every test/**/*.test.ts with node's test runner through tsx (Node 20's --test has no globs), three files at a
// time: much of the test time is spent waiting on Chromium, git, npm and child processes, so more files than cores fill
// the gaps (2 cores, clean clone, idle: 369 and 383 s with two at a time, 331 s with three).
// SOP_TEST_CONCURRENCY=1 runs them one by one (to read a failure's output in order).
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { spawnSync } from 'node:child_process';

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
const filter = process.argv.slice(2);
// The slowest files (measured 2026-12-02, 15-65 s each) start first, so the two lanes end together instead of one
// long file running alone at the end; the rest keep their path order. xss-fields (65 s in the clean-clone run of
// 3c2bc16, the longest file) and the last four (14-24 s there) were missing: they started in path order.
const SLOW_FIRST = [
  'test/publish/xss-fields.test.ts',
  'test/install/pack-install.test.ts', 'test/cli/build.test.ts', 'test/publish/incremental.test.ts', 'test/fuzz/sigkill.test.ts',
  'test/fuzz/fuzz.test.ts', 'test/publish/faults.test.ts', 'test/cli/build-refuse.test.ts', 'test/lifecycle/build-forms.test.ts',
  'test/publish/riwayat.test.ts', 'test/publish/svg-sanitise.test.ts', 'test/publish/xss.test.ts',
  'test/lifecycle/evidence-perbandingan.test.ts', 'test/render/flowtable/stress.test.ts', 'test/publish/isolation.test.ts', 'test/publish/containment.test.ts',
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
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
