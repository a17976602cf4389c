// inventaris-coverage: inventory rows without an SOP, SOPs no row names, missing process-map references; with positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRepo, repo } from '../../lifecycle/repo.js';

const invRow = (judul: string, peta?: string) => `  - tugas: Tugas
    fungsi: Fungsi
    uraian_tugas: Uraian
    kegiatan: Kegiatan
    output: Output
    aspek_kegiatan: Pelayanan
    judul_sop: ${judul}
${peta ? `    peta_proses: ${peta}\n` : ''}`;

const SOPS = {
  'umum/surat-masuk.md': { nomor: '800/001/SOP/BKD/2025', nama: 'Penanganan Surat Masuk' },
  'umum/surat-keluar.md': { nomor: '800/002/SOP/BKD/2025', nama: 'Pengelolaan Surat Keluar' },
};

test('no inventory: silent', async () => {
  const { keys } = await lintRepo(repo({}, SOPS), '2026-06-01');
  assert.deepEqual(keys, []);
});

test('a row with no SOP (at judul_sop) and an SOP no row names (at nama)', async () => {
  const root = repo({ 'inventaris.yaml': `baris:\n${invRow('penanganan  surat masuk')}${invRow('Penyusunan Renstra')}` }, SOPS);
  const { diags, keys } = await lintRepo(root, '2026-06-01');
  assert.deepEqual(keys, ['inventaris.yaml:15:16 inventaris-coverage warning', 'umum/surat-keluar.md:3:7 inventaris-coverage warning']);
  assert.equal(diags[0].message, 'judul SOP `Penyusunan Renstra` belum ada SOP-nya di repositori; buat dengan `sop new --from-inventaris 2`');
  assert.equal(diags[1].message, 'SOP `Pengelolaan Surat Keluar` tidak disebut di inventaris (inventaris.yaml); tambahkan barisnya di Tabel 6');
});

test('requireProcessMap: a row naming an SOP without peta_proses', async () => {
  const root = repo({ 'inventaris.yaml': `baris:\n${invRow('Penanganan Surat Masuk', 'PB.01')}${invRow('800/002/SOP/BKD/2025')}` }, SOPS);
  const { diags, keys } = await lintRepo(root, '2026-06-01', { rules: { 'inventaris-coverage': ['warn', { requireProcessMap: true }] }, lang: 'en' });
  assert.deepEqual(keys, ['inventaris.yaml:16:16 inventaris-coverage warning']);
  assert.equal(diags[0].message, 'the row for `800/002/SOP/BKD/2025` has no `peta_proses` (business-process-map reference), which the config requires');
});

test('the inventory file configured under lifecycle.inventory; its schema problems are reported there', async () => {
  const root = repo({ 'data/tabel6.yaml': 'baris:\n  - tugas: T\n    judul_sop: Penanganan Surat Masuk\n' }, SOPS, 'lifecycle:\n  inventory: data/tabel6.yaml\n');
  const { diags, keys } = await lintRepo(root, '2026-06-01');
  // five Tabel 6 columns are missing from the row: one message each, at the row
  assert.deepEqual([...new Set(keys)], ['data/tabel6.yaml:2:5 schema error', 'umum/surat-keluar.md:3:7 inventaris-coverage warning']);
  assert.equal(diags.filter((d) => d.ruleId === 'schema').length, 5);
  assert.ok(diags.some((d) => /aspek_kegiatan/.test(d.message)));
});
