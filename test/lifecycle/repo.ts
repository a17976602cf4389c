// Builds a small SOP repository with lifecycle records (inventory, monitoring sheets, evaluations) for lifecycle tests.
import { rmSync } from 'node:fs';
import { lint } from '../../src/api/lint.js';
import type { Diagnostic } from '../../src/core/types.js';
import { tree } from '../helpers/tree.js';
import { FLOW, IDENTITY } from '../lint/sop-text.js';

export interface SopSpec {
  nomor: string;
  nama: string;
  efektif?: string;
  revisi?: string;
}

/** An SOP file text: the valid base with its own nomor, nama and dates (nomor on line 2, tanggal_revisi 9, tanggal_efektif 10). */
export function sopText(s: SopSpec): string {
  const id = IDENTITY.replace('nomor: "800/001/SOP/BKD/2025"', `nomor: "${s.nomor}"`)
    .replace('nama: Pelayanan Permohonan Cuti Tahunan', `nama: ${s.nama}`)
    .replace('tanggal_revisi: "-"', `tanggal_revisi: ${s.revisi ?? '"-"'}`)
    .replace('tanggal_efektif: 2025-02-01', `tanggal_efektif: ${s.efektif ?? '2025-02-01'}`);
  return `---\n${id}${FLOW}---\n`;
}

/** Two units (umum, mutasi) with two SOPs each, as files under a temp folder with a config. */
export const SOPS: Record<string, SopSpec> = {
  'umum/surat-masuk.md': { nomor: '800/001/SOP/BKD/2025', nama: 'Penanganan Surat Masuk' },
  'umum/surat-keluar.md': { nomor: '800/002/SOP/BKD/2025', nama: 'Pengelolaan Surat Keluar' },
  'mutasi/kenaikan-pangkat.md': { nomor: '800/003/SOP/BKD/2025', nama: 'Pelayanan Kenaikan Pangkat', revisi: '2025-10-01' },
  'mutasi/mutasi-keluar.md': { nomor: '800/004/SOP/BKD/2025', nama: 'Pelayanan Mutasi Keluar' },
};

export function repo(records: Record<string, string>, sops: Record<string, SopSpec> = SOPS, config = 'lang: id\n'): string {
  const files: Record<string, string> = { 'sop.config.yaml': config };
  for (const [rel, s] of Object.entries(sops)) files[rel] = sopText(s);
  return tree({ ...files, ...records }, 'sop-life-');
}

export const sheet = (periode: string, unit: string, tanggal: string, rows: string) => `periode: ${periode}
unit: ${unit}
tanggal: ${tanggal}
penilai:
  nama: Budi
  jabatan: Kepala Bagian
baris:
${rows}`;

export const row = (prosedur: string, penilaian = 'baik') => `  - prosedur: "${prosedur}"\n    penilaian: ${penilaian}\n`;

/** Lints the whole repository and returns `file:line:col rule severity` plus messages, for exact assertions. */
export async function lintRepo(root: string, now: string, extra: { rules?: Record<string, any>; lang?: 'id' | 'en'; paths?: string[] } = {}): Promise<{ diags: (Diagnostic & { in: string })[]; keys: string[] }> {
  try {
    const r = await lint({ cwd: root, now: new Date(now), rules: extra.rules, lang: extra.lang, paths: extra.paths, workers: 0 });
    const diags = r.results.flatMap((f) => f.diagnostics.map((d) => ({ ...d, in: f.filePath })));
    return { diags, keys: diags.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.severity}`) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
