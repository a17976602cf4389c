// Benchmarks what git history costs `sop build`: 100 SOPs with a 200-commit history, built with history on and off.
// Usage: node bench/history.bench.mjs [--runs N] [--format html|pdf|html,pdf]   (run `npm run build` first: it times bin/sop.js)
// Target (issue #14): the build with history costs at most 15% more than the same build without it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/sop.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const format = args.includes('--format') ? args[args.indexOf('--format') + 1] : 'html';
const SOPS = 100;
const COMMITS = 200;

const dir = mkdtempSync(join(os.tmpdir(), 'sop-bench-history-'));
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
const git = (...a) => execFileSync('git', a, { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
const commit = (msg, day) => {
  git('add', '-A');
  const stamp = new Date(Date.UTC(2025, 0, 1 + day, 3)).toISOString();
  execFileSync('git', ['commit', '-q', '-m', msg], { cwd: dir, env: { ...env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp } });
};

// the example SOP Penanganan Surat Masuk as the template, renumbered per copy
const template = readFileSync(join(root, 'examples/sekretariat/penanganan-surat-masuk.md'), 'utf8').replace(/^# yaml-language-server.*\n/m, '');
const sopText = (i, minutes) =>
  template
    .replace('nomor: "800/001/SOP/BKPSDM/2024"', `nomor: "800/${String(i + 1).padStart(3, '0')}/SOP/BKPSDM/2024"`)
    .replace('nama: Penanganan Surat Masuk', `nama: Penanganan Surat Masuk ${i + 1}`)
    .replace(/keterkaitan:\n(\s+- .*\n)+/, 'keterkaitan: "-"\n')
    .replace('waktu: 30 menit', `waktu: ${minutes} menit`);
const file = (i) => join(dir, `unit-${i % 5}`, `sop-${i + 1}.md`);
const config = (enabled) => `defaults:\n  disahkan_oleh:\n    jabatan: Kepala Badan\n    nama: Dr. ARIEF BUDIMAN SANTOSO\n    nip: "19760921 199812 1 002"\nrules:\n  active-verb: off\nhistory:\n  enabled: ${enabled}\n`;

git('init', '-q', '-b', 'main');
git('config', 'user.name', 'Bench');
git('config', 'user.email', 'bench@example.go.id');
git('config', 'commit.gpgsign', 'false');
for (let u = 0; u < 5; u++) mkdirSync(join(dir, `unit-${u}`), { recursive: true });
writeFileSync(join(dir, '.gitignore'), '_site/\n.sop-cache/\n');
writeFileSync(join(dir, 'sop.config.yaml'), config(true));
for (let i = 0; i < SOPS; i++) writeFileSync(file(i), sopText(i, 30));
commit('SOP awal', 0);
// 199 more commits: each changes one SOP's time standard (a content revision), round robin
for (let c = 1; c < COMMITS; c++) {
  const i = c % SOPS;
  writeFileSync(file(i), sopText(i, 30 + c));
  commit(`Revisi SOP ${i + 1}`, c);
}
execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'noop'], { cwd: dir, env }); // keep the tree clean for the config toggling below

function once(enabled) {
  writeFileSync(join(dir, 'sop.config.yaml'), config(enabled));
  rmSync(join(dir, '_site'), { recursive: true, force: true });
  rmSync(join(dir, '.sop-cache'), { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'build', '--format', format, '--quiet'], { cwd: dir, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`sop build failed (${r.status}): ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  once(false); // warm the OS file cache
  const on = [];
  const off = [];
  for (let k = 0; k < runs; k++) {
    off.push(once(false));
    on.push(once(true));
  }
  const a = median(off);
  const b = median(on);
  console.log(`sop build --format ${format}, ${SOPS} SOPs, ${COMMITS} commits, median of ${runs} cold builds`);
  console.log(`  history off: ${a.toFixed(0)} ms`);
  console.log(`  history on:  ${b.toFixed(0)} ms  (${(((b - a) / a) * 100).toFixed(1)}% more; target <= 15%)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
