// evaluasi-tindak-lanjut: a Tidak followed up by a revision after the evaluation or by a follow-up not yet due; unknown SOPs; positions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/api/lint.js';
import { hasGit, makeRepo } from '../../helpers/git-repo.js';
import { lintRepo, repo, sopText } from '../../lifecycle/repo.js';

const SOPS: Record<string, { nomor: string; nama: string; revisi?: string }> = {
  'mutasi/kenaikan-pangkat.md': { nomor: '800/003/SOP/BKD/2025', nama: 'Pelayanan Kenaikan Pangkat', revisi: '2025-10-01' },
  'mutasi/mutasi-keluar.md': { nomor: '800/004/SOP/BKD/2025', nama: 'Pelayanan Mutasi Keluar' },
};

const YA = ['mendorong-kinerja', 'mudah-dipahami', 'mudah-dilaksanakan', 'menjalankan-peran', 'mengatasi-permasalahan', 'menjawab-kebutuhan', 'sinergi'];
function entry(prosedur: string, tidak: Record<string, string> = {}): string {
  const lines = YA.map((k) => (tidak[k] !== undefined ? `      ${k}:\n        hasil: tidak\n${tidak[k]}` : `      ${k}: ya\n`));
  return `  - prosedur: "${prosedur}"\n    kriteria:\n${lines.join('')}`;
}
const evaluation = (tanggal: string, entries: string) => `tanggal: ${tanggal}\ntim:\n  - nama: Budi\n    jabatan: Sekretaris\nsop:\n${entries}`;
const follow = (batas: string) => `        tindak_lanjut:\n          uraian: Merevisi alur\n          batas_waktu: ${batas}\n`;

test('no evaluasi folder: silent', async () => {
  const { keys } = await lintRepo(repo({}, SOPS), '2026-06-01');
  assert.deepEqual(keys, []);
});

test('a Tidak followed by a revision after the evaluation date is fine; without one it is reported at the criterion', async () => {
  const root = repo({
    'evaluasi/2025-09.yaml': evaluation('2025-09-01', entry('800/003/SOP/BKD/2025', { 'mudah-dilaksanakan': '' }) + entry('Pelayanan Mutasi Keluar', { sinergi: '' })),
  }, SOPS);
  const { diags, keys } = await lintRepo(root, '2026-06-01');
  // entry 2 starts on line 16; its sinergi key is line 24 and the answer (`hasil: tidak`) line 25
  assert.deepEqual(keys, ['evaluasi/2025-09.yaml:25:9 evaluasi-tindak-lanjut warning']);
  assert.equal(diags[0].message, 'kriteria "Sinergi satu dengan lainnya" dijawab Tidak pada evaluasi 2025-09-01, tetapi SOP `Pelayanan Mutasi Keluar` belum direvisi sesudahnya (tanggal_revisi -) dan tidak ada `tindak_lanjut` dengan batas waktu');
  assert.deepEqual(diags[0].related?.map((r) => `${r.file}:${r.line}:${r.column}`), ['mutasi/mutasi-keluar.md:9:17']);
});

test('a revision dated before the evaluation does not count', async () => {
  const root = repo({ 'evaluasi/e.yaml': evaluation('2025-11-01', entry('800/003/SOP/BKD/2025', { 'mudah-dipahami': '' })) }, SOPS);
  const { keys } = await lintRepo(root, '2026-06-01');
  assert.deepEqual(keys, ['evaluasi/e.yaml:10:9 evaluasi-tindak-lanjut warning']);
});

test('a follow-up whose due date has not passed is enough; once it has, it is reported at batas_waktu', async () => {
  const files = { 'evaluasi/e.yaml': evaluation('2026-01-10', entry('800/004/SOP/BKD/2025', { 'mudah-dipahami': follow('2026-03-31') })) };
  assert.deepEqual((await lintRepo(repo(files, SOPS), '2026-03-31')).keys, []);
  const late = await lintRepo(repo(files, SOPS), '2026-04-01', { lang: 'en' });
  assert.deepEqual(late.keys, ['evaluasi/e.yaml:13:24 evaluasi-tindak-lanjut warning']);
  assert.match(late.diags[0].message, /^the follow-up of criterion "Mudah dipahami" is past its due date 2026-03-31/);
});

test('an entry naming no SOP is an error at prosedur; a missing criterion is a schema error', async () => {
  const bad = entry('800/099/SOP/BKD/2025').replace('      sinergi: ya\n', '');
  const root = repo({ 'evaluasi/e.yaml': evaluation('2026-01-10', bad) }, SOPS);
  const { diags, keys } = await lintRepo(root, '2026-06-01');
  assert.deepEqual(keys, ['evaluasi/e.yaml:6:15 evaluasi-tindak-lanjut error', 'evaluasi/e.yaml:7:5 schema error']);
  assert.match(diags[1].message, /sinergi/);
});

describe('with git history', { skip: hasGit() ? false : 'no git on this machine' }, () => {
  /** The SOPs committed in January, the evaluation in September; `after` commits one more change to mutasi-keluar.md. */
  function history(change?: { date: string; text: string }) {
    const r = makeRepo('sop-eval-git-');
    const files: Record<string, string> = { 'sop.config.yaml': 'lang: id\n' };
    for (const [rel, spec] of Object.entries(SOPS)) files[rel] = sopText(spec);
    r.commit('SOP ditetapkan', '2025-01-20', files);
    r.commit('Evaluasi 2025', '2025-09-01', { 'evaluasi/2025-09.yaml': evaluation('2025-09-01', entry('Pelayanan Mutasi Keluar', { sinergi: '' })) });
    if (change) r.commit('Revisi alur mutasi keluar', change.date, { 'mutasi/mutasi-keluar.md': change.text });
    return r;
  }
  const revisedText = sopText(SOPS['mutasi/mutasi-keluar.md']).replace('peringatan: Hak cuti pegawai tidak dapat diberikan tepat waktu', 'peringatan: Mutasi tertunda bila berkas tidak lengkap');
  const keysOf = async (root: string, opts: { paths?: string[]; rules?: Record<string, any>; history?: boolean } = {}) => {
    const res = await lint({ cwd: root, now: new Date('2026-06-01'), workers: 0, ...opts });
    return res.results.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'evaluasi-tindak-lanjut').map((d) => `${d.file}:${d.line}:${d.column}`));
  };

  test('a content change committed after the evaluation date counts as the revision, even with tanggal_revisi unchanged', async () => {
    assert.ok(revisedText !== sopText(SOPS['mutasi/mutasi-keluar.md']));
    const r = history({ date: '2025-10-15', text: revisedText });
    try {
      assert.deepEqual(await keysOf(r.root, { rules: { 'revisi-outdated': 'off' } }), []);
      // the same with revisi-outdated on (one history read for both rules), and when only the record is linted
      assert.deepEqual(await keysOf(r.root), []);
      assert.deepEqual(await keysOf(r.root, { paths: ['evaluasi'] }), []);
      // with history off the tool cannot know: the Tidak is reported
      assert.deepEqual(await keysOf(r.root, { history: false }), ['evaluasi/2025-09.yaml:15:9']);
    } finally {
      r.cleanup();
    }
  });

  test('no commit after the evaluation (or one that only touched other SOPs): still reported at the criterion', async () => {
    const r = history();
    try {
      r.commit('Revisi kenaikan pangkat', '2025-11-01', { 'mutasi/kenaikan-pangkat.md': sopText(SOPS['mutasi/kenaikan-pangkat.md']).replace('peringatan: Hak cuti pegawai tidak dapat diberikan tepat waktu', 'peringatan: Surat hilang') });
      assert.deepEqual(await keysOf(r.root), ['evaluasi/2025-09.yaml:15:9']);
    } finally {
      r.cleanup();
    }
  });

  test('a change committed before the evaluation does not count', async () => {
    const r = makeRepo('sop-eval-git-');
    try {
      const files: Record<string, string> = { 'sop.config.yaml': 'lang: id\n' };
      for (const [rel, spec] of Object.entries(SOPS)) files[rel] = sopText(spec);
      r.commit('SOP ditetapkan', '2025-01-20', files);
      r.commit('Revisi alur mutasi keluar', '2025-08-01', { 'mutasi/mutasi-keluar.md': revisedText });
      r.commit('Evaluasi 2025', '2025-09-01', { 'evaluasi/2025-09.yaml': evaluation('2025-09-01', entry('Pelayanan Mutasi Keluar', { sinergi: '' })) });
      assert.deepEqual(await keysOf(r.root), ['evaluasi/2025-09.yaml:15:9']);
    } finally {
      r.cleanup();
    }
  });
});
