// The history both `sop diff` tests compare: SOP awal (tagged sop-2025), a layout-only commit, a rename, then the
// revision after an evaluation (actor renamed, a time and a branch changed, a step reworded) and one SOP revoked.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { FLOW, IDENTITY, sop } from '../lint/sop-text.js';

export const CONFIG = 'history:\n  releaseTags: "sop-*"\n';
export const cuti = sop();
export const besar = sop({ identity: IDENTITY.replace('001', '002').replace('Cuti Tahunan', 'Cuti Besar') });
export const surat = sop({ identity: IDENTITY.replace('001', '003').replace('Pelayanan Permohonan Cuti Tahunan', 'Penanganan Surat Masuk') });
export const cutiRevised = sop({
  identity: IDENTITY.replace('tanggal_revisi: "-"', 'tanggal_revisi: 2025-06-01'),
  flow: FLOW.replace('kepala: Kepala Badan', 'kepala: Sekretaris Badan').replace('waktu: 30 menit', 'waktu: 45 menit').replace('tidak: 1', 'tidak: selesai')
    .replace('Memverifikasi kelengkapan berkas', 'Memverifikasi kelengkapan berkas permohonan cuti'),
}).replace('Catatan.', 'Catatan: berkas diserahkan lengkap.');

/** Makes the repository; `commits` maps awal, rapi, pindah, revisi to their full ids. */
export function revisionsRepo(prefix?: string): { repo: TestRepo; commits: Record<string, string> } {
  const repo = makeRepo(prefix);
  const commits: Record<string, string> = {};
  commits.awal = repo.commit('SOP awal', '2025-01-15', { 'sop.config.yaml': CONFIG, 'sop/cuti.md': cuti, 'sop/besar.md': besar, 'sop/surat.md': surat, 'README.md': '# Repositori SOP\n' });
  repo.git('tag', 'sop-2025');
  commits.rapi = repo.commit('Rapikan spasi', '2025-02-01', { 'sop/besar.md': besar.replace('nomor:', '# nomor\nnomor:') + '\n\n' });
  repo.move('sop/cuti.md', 'sop/kepegawaian/cuti-tahunan.md');
  commits.pindah = repo.commit('Pindahkan SOP cuti', '2025-03-01');
  commits.revisi = repo.commit('Perbaikan hasil evaluasi', '2025-06-01', { 'sop/kepegawaian/cuti-tahunan.md': cutiRevised, 'sop/surat.md': surat.replace('---\nCatatan', 'status: dicabut\ntanggal_dicabut: 2025-06-01\n---\nCatatan') });
  return { repo, commits };
}

/** Runs the CLI in process with an empty environment (Chromium found at its usual paths). */
export async function runDiff(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd, env: {}, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdoutIsTTY: false, stdinIsTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Commit ids replaced by their names, so expected text stays readable and stable. */
export function normalize(text: string, commits: Record<string, string>): string {
  let out = text;
  for (const [name, id] of Object.entries(commits)) out = out.split(id).join(`<${name}>`).split(id.slice(0, 7)).join(`<${name}>`);
  return out;
}

const expectedDir = path.join(import.meta.dirname, 'expected');

/** Compares with test/diff/expected/<name>; UPDATE_EXPECTED=1 rewrites the file (review the git diff before committing). */
export function expectFile(name: string, actual: string): void {
  const file = path.join(expectedDir, name);
  if (process.env.UPDATE_EXPECTED === '1') writeFileSync(file, actual);
  assert.ok(existsSync(file), `${name} is missing (UPDATE_EXPECTED=1 writes it)`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs (UPDATE_EXPECTED=1 rewrites it after review)`);
}
