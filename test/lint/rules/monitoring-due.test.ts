// monitoring-due: SOPs in force not monitored within six months, sheet rows naming no SOP, unknown assessments; with positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRepo, repo, row, sheet } from '../../lifecycle/repo.js';

test('no monev folder: the rule stays silent (a repository that keeps no monitoring records)', async () => {
  const { keys } = await lintRepo(repo({}), '2026-06-01');
  assert.deepEqual(keys.filter((k) => k.includes('monitoring-due')), []);
});

test('an SOP never monitored is reported at its tanggal_efektif; one monitored within six months is not', async () => {
  const root = repo({
    'monev/2026-S1/umum.yaml': sheet('2026-S1', 'umum', '2026-03-10', row('800/001/SOP/BKD/2025') + row('Pengelolaan Surat Keluar')),
  });
  const { diags, keys } = await lintRepo(root, '2026-06-01');
  assert.deepEqual(keys.filter((k) => k.includes('monitoring-due')).sort(), [
    'mutasi/kenaikan-pangkat.md:10:18 monitoring-due warning',
    'mutasi/mutasi-keluar.md:10:18 monitoring-due warning',
  ]);
  const d = diags.find((x) => x.file === 'mutasi/kenaikan-pangkat.md')!;
  assert.equal(d.message, 'SOP ini belum pernah dimonitor sejak berlaku 2025-02-01; monitoring jatuh tempo 2025-08-01 (setiap 6 bulan). Buat lembarnya dengan `sop monev new --periode 2026-S1 --unit mutasi`');
  assert.equal(d.url, 'https://github.com/sop-ap/sop/blob/main/docs/rules/monitoring-due.md');
});

test('an SOP last monitored more than six months ago points at its nomor, with the last sheet row as related', async () => {
  const root = repo({
    'monev/2025-S2/umum.yaml': sheet('2025-S2', 'umum', '2025-09-15', row('800/001/SOP/BKD/2025') + row('800/002/SOP/BKD/2025')),
    'monev/2026-S1/umum.yaml': sheet('2026-S1', 'umum', '2026-04-01', row('800/002/SOP/BKD/2025')),
    'monev/2026-S1/mutasi.yaml': sheet('2026-S1', 'mutasi', '2026-04-01', row('800/003/SOP/BKD/2025') + row('800/004/SOP/BKD/2025', 'null')),
  });
  const { diags } = await lintRepo(root, '2026-04-20', { lang: 'en' });
  const due = diags.filter((d) => d.ruleId === 'monitoring-due');
  assert.deepEqual(due.map((d) => `${d.file}:${d.line}:${d.column}`), ['mutasi/mutasi-keluar.md:10:18', 'umum/surat-masuk.md:2:8']);
  const old = due[1];
  assert.equal(old.message, 'this SOP was last monitored on 2025-09-15; the next monitoring was due on 2026-03-15 (every 6 months). Fill in its assessment in monev/2026-S1/umum.yaml');
  assert.deepEqual(old.related?.map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`), ['monev/2025-S2/umum.yaml:8:15 last monitoring here']);
  // a row left unassessed (penilaian: null) does not count: mutasi-keluar is still never monitored
  assert.match(due[0].message, /has not been monitored since it took effect on 2025-02-01/);
});

test('the interval is an option, and CI can make the reminder an error', async () => {
  const root = repo({ 'monev/2026-S1/umum.yaml': sheet('2026-S1', 'umum', '2026-01-10', row('800/001/SOP/BKD/2025')) }, { 'umum/surat-masuk.md': { nomor: '800/001/SOP/BKD/2025', nama: 'Penanganan Surat Masuk' } });
  const { keys } = await lintRepo(root, '2026-05-01', { rules: { 'monitoring-due': ['error', { months: 3 }] } });
  assert.deepEqual(keys, ['umum/surat-masuk.md:2:8 monitoring-due error']);
});

test('SOPs not yet in force are not due', async () => {
  const root = repo({ 'monev/x.yaml': sheet('2026-S1', 'umum', '2026-01-10', '') }, { 'umum/baru.md': { nomor: '800/009/SOP/BKD/2026', nama: 'Pelayanan Baru', efektif: '2026-07-01' } });
  const { keys } = await lintRepo(root, '2026-06-01');
  assert.deepEqual(keys.filter((k) => k.includes('monitoring-due')), []);
});

test('a row naming no SOP is an error at its prosedur, even while the rule is a warning; an unknown assessment too', async () => {
  const root = repo({
    'monev/2026-S1/umum.yaml': sheet('2026-S1', 'umum', '2026-04-01', row('800/001/SOP/BKD/2025') + row('800/099/SOP/BKD/2025') + row('800/002/SOP/BKD/2025', 'lumayan')),
  }, { 'umum/surat-masuk.md': SOP1, 'umum/surat-keluar.md': SOP2 });
  const { diags, keys } = await lintRepo(root, '2026-04-20');
  // rows start on line 8, two lines each; the SOP whose row was unusable is still due
  assert.deepEqual(keys, ['monev/2026-S1/umum.yaml:10:15 monitoring-due error', 'monev/2026-S1/umum.yaml:13:16 monitoring-due error', 'umum/surat-keluar.md:10:18 monitoring-due warning']);
  assert.equal(diags[0].message, '`800/099/SOP/BKD/2025` bukan nomor atau nama SOP mana pun di repositori');
  assert.equal(diags[1].message, 'penilaian `lumayan` tidak dikenal; pilih `baik`, `tidak-baik` (nilai tambahan: `lifecycle.assessments` di sop.config.yaml)');
});

test('a third assessment value comes from config lifecycle.assessments', async () => {
  const root = repo(
    { 'monev/2026-S1/umum.yaml': sheet('2026-S1', 'umum', '2026-04-01', row('800/001/SOP/BKD/2025', 'kurang-baik')) },
    { 'umum/surat-masuk.md': SOP1 },
    'lifecycle:\n  assessments:\n    kurang-baik: Berjalan kurang baik\n',
  );
  const { keys } = await lintRepo(root, '2026-04-20');
  assert.deepEqual(keys, []);
});

test('a broken sheet gets schema diagnostics at the node, the rest of the repository is still checked', async () => {
  const root = repo({ 'monev/2026-S1/umum.yaml': 'periode: 2026-S3\nunit: umum\ntanggal: 2026-04-01\npenilai: {nama: A, jabatan: B}\nbaris: []\n' }, { 'umum/surat-masuk.md': SOP1 });
  const { keys } = await lintRepo(root, '2026-06-01');
  assert.deepEqual(keys, ['monev/2026-S1/umum.yaml:1:10 schema error', 'umum/surat-masuk.md:10:18 monitoring-due warning']);
});

test('linting one SOP file reports its own reminder but not the records of the repository', async () => {
  const root = repo({ 'monev/2026-S1/umum.yaml': sheet('2026-S1', 'umum', '2026-04-01', row('800/099/SOP/BKD/2025')) }, { 'umum/surat-masuk.md': SOP1 });
  const { keys } = await lintRepo(root, '2026-06-01', { paths: ['umum/surat-masuk.md'] });
  assert.deepEqual(keys, ['umum/surat-masuk.md:10:18 monitoring-due warning']);
});

const SOP1 = { nomor: '800/001/SOP/BKD/2025', nama: 'Penanganan Surat Masuk' };
const SOP2 = { nomor: '800/002/SOP/BKD/2025', nama: 'Pengelolaan Surat Keluar' };
