#!/usr/bin/env node
// Makes a demo git repository from examples/ with two revisions of one SOP ("SOP awal" tagged sop-2025, then
// "SOP perbaikan" after an evaluation), plus a layout-only commit that history must ignore.
// Usage: node scripts/make-demo-repo.mjs <target-folder> [--force]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const force = args.includes('--force');
const target = args.find((a) => !a.startsWith('--'));
if (!target) {
  console.error('pemakaian / usage: node scripts/make-demo-repo.mjs <folder-tujuan> [--force]');
  process.exit(2);
}
const dest = path.resolve(target);
if (existsSync(dest)) {
  if (!force) {
    console.error(`${target} sudah ada; pakai --force untuk menggantinya / already exists; use --force to replace it`);
    process.exit(2);
  }
  rmSync(dest, { recursive: true, force: true });
}
const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');
cpSync(examples, dest, { recursive: true });

const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
const git = (...a) => execFileSync('git', a, { cwd: dest, env, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const commit = (message, date, author) => {
  git('add', '-A');
  const stamp = `${date}T09:00:00+07:00`;
  execFileSync('git', ['commit', '-q', '-m', message, ...(author ? ['--author', author] : [])], { cwd: dest, env: { ...env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp } });
};
git('init', '-q', '-b', 'main');
git('config', 'user.name', 'Tim Penyusun SOP BKPSDM');
git('config', 'user.email', 'tim.sop@bkpsdm.sukamaju.go.id');
git('config', 'commit.gpgsign', 'false');
git('config', 'tag.gpgsign', 'false');
commit('SOP AP BKPSDM 2025: penetapan awal', '2025-01-20');
git('tag', '-a', 'sop-2025', '-m', 'Ditetapkan dengan Keputusan Kepala BKPSDM 800.1.3/014/KEP/BKPSDM/2025');

const file = path.join(dest, 'sekretariat', 'penanganan-surat-masuk.md');
const edit = (pairs) => {
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`demo edit not applicable (examples changed?): ${from.slice(0, 60)}`);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
};
// layout only: a comment and a blank line; no revision
edit([['tanggal_pembuatan: 2024-12-16\n', '# tanggal dari naskah asli\ntanggal_pembuatan: 2024-12-16\n\n']]);
commit('Rapikan format penanganan-surat-masuk.md', '2025-03-03');
// the revision an evaluation asked for
edit([
  ['tanggal_revisi: "-"', 'tanggal_revisi: 2025-07-14'],
  ['  kasubbag: Kepala Subbagian Umum dan Kepegawaian\n', '  kasubbag: Kepala Subbagian Umum, Kepegawaian dan Keuangan\n'],
  ['    output: Surat masuk diterima\n', '    output: Surat masuk diterima\n  - kegiatan: Memindai surat masuk fisik dan mengunggahnya ke aplikasi Srikandi\n    pelaksana: pengadministrasi\n    kelengkapan: Surat masuk diterima\n    waktu: 10 menit\n    output: Pindaian surat masuk\n'],
  ['    kelengkapan: Surat masuk diterima\n    waktu: 15 menit\n    output: Surat masuk teragenda', '    kelengkapan: Pindaian surat masuk\n    waktu: 15 menit\n    output: Surat masuk teragenda'],
  ['      ya: 4\n      tidak: teruskan', '      ya: 5\n      tidak: selesai'],
  ['    waktu: 30 menit\n    output: Lembar disposisi berisi catatan Sekretaris', '    waktu: 15 menit\n    output: Lembar disposisi berisi catatan Sekretaris'],
  ['Mencatat isi disposisi pada aplikasi Srikandi dan menyampaikan surat kepada Kepala Bidang terkait', 'Mencatat isi disposisi pada aplikasi Srikandi lalu menyampaikan surat kepada Kepala Bidang terkait'],
]);
commit('Perbaikan SOP Penanganan Surat Masuk hasil evaluasi Juni 2025', '2025-07-14', 'Sekretaris BKPSDM <sekretariat@bkpsdm.sukamaju.go.id>');
console.log(`${target}: repositori demo dengan tag sop-2025 dan satu revisi / demo repository with tag sop-2025 and one revision`);
console.log(`  coba / try: cd ${target} && node ${path.join(examples, "..", "bin", "sop.js")} diff sop-2025`);
