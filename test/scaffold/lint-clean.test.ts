// End-to-end check that what `sop init` and `sop new` write passes `sop lint` with no errors and no warnings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/api/lint.js';
import { init } from '../../src/api/init.js';
import { scaffold } from '../../src/api/scaffold.js';
import { tempDir } from './helpers.js';

const NOW = new Date();

async function assertClean(cwd: string, expectedFiles: number): Promise<void> {
  const r = await lint({ cwd, now: NOW });
  const shown = r.results.flatMap((f) => f.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`));
  assert.equal(r.errorCount, 0, shown.join('\n'));
  assert.equal(r.warningCount, 0, shown.join('\n'));
  assert.equal(r.results.length, expectedFiles, `linted: ${r.results.map((f) => f.filePath).join(', ')}`);
}

describe('generated files lint clean', () => {
  it('init + several new (both templates, 1 to 7 actors, subfolders)', async () => {
    const { dir, cleanup } = tempDir('sop-lint-clean-');
    try {
      await init({
        cwd: dir,
        instansi: ['PEMERINTAH KABUPATEN SUKAMAJU', 'BADAN KEPEGAWAIAN DAERAH', 'BIDANG MUTASI'],
        singkatan: 'BKD',
        pejabat: { jabatan: 'Kepala Badan Kepegawaian Daerah', nama: 'Drs. AHMAD SURYADI, M.Si.', nip: '19750312 200012 1 003' },
        now: NOW,
      });
      await scaffold({ cwd: dir, title: 'Pelayanan Permohonan Cuti Tahunan', dir: 'mutasi', now: NOW });
      await scaffold({ cwd: dir, title: 'Pengagendaan Surat Masuk', dir: 'sekretariat/umum', template: 'teknis', now: NOW });
      await scaffold({ cwd: dir, title: 'Pemindaian Arsip', dir: 'sekretariat/umum', template: 'teknis', pelaksana: ['Arsiparis Terampil'], now: NOW });
      await scaffold({ cwd: dir, title: 'Penerbitan Surat Keterangan', dir: 'sekretariat', pelaksana: ['Pemohon'], now: NOW });
      await scaffold({ cwd: dir, title: 'Kenaikan Pangkat Reguler', dir: 'mutasi', pelaksana: ['Pegawai', 'Kepala Subbagian Umum'], now: NOW });
      await scaffold({
        cwd: dir, title: 'Mutasi Antar Instansi', dir: 'mutasi',
        pelaksana: ['Pemohon', 'Pengelola Kepegawaian', 'Kepala Subbagian Umum', 'Kepala Bidang Mutasi'], now: NOW,
      });
      await scaffold({ cwd: dir, title: 'Pemberhentian Pegawai', dir: 'mutasi', pelaksana: ['A Satu', 'B Dua', 'C Tiga', 'D Empat', 'E Lima', 'F Enam', 'G Tujuh'], now: NOW });
      await assertClean(dir, 8);
    } finally {
      cleanup();
    }
  });

  it('init --yes (sample values) + new', async () => {
    const { dir, cleanup } = tempDir('sop-lint-clean-');
    try {
      await init({ cwd: dir, yes: true, now: NOW });
      await scaffold({ cwd: dir, title: 'Layanan Informasi Publik', now: NOW });
      await assertClean(dir, 2);
    } finally {
      cleanup();
    }
  });
});
