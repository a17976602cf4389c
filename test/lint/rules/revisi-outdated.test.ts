// Tests of revisi-outdated: on history facts given directly, and end to end through lint() on a real temporary git repository.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lint } from '../../../src/api/lint.js';
import { readHistory } from '../../../src/history/history.js';
import { hasGit, makeRepo, type TestRepo } from '../../helpers/git-repo.js';
import { ruleTester } from '../rule-tester.js';
import { FLOW, IDENTITY, sop, within } from '../sop-text.js';

const change = (date: string) => ({ 'sop.md': { lastChange: { date, commit: '0123456789abcdef0123456789abcdef01234567', subject: 'Ubah waktu verifikasi', author: 'Evaluator' } } });
const revised = sop({ identity: IDENTITY.replace('tanggal_revisi: "-"', 'tanggal_revisi: 2025-06-01') });
const monthOnly = sop({ identity: IDENTITY.replace('tanggal_revisi: "-"', 'tanggal_revisi: 2025-06') });

ruleTester('revisi-outdated', {
  valid: [
    { name: 'no history (outside git, or lintText)', code: sop() },
    { name: 'no content change since the first version', code: sop(), history: { 'sop.md': {} } },
    { name: 'changed on the revision date', code: revised, history: change('2025-06-01') },
    { name: 'changed before a planned review date', code: revised, history: change('2025-05-30') },
    { name: 'a month-only revision date covers its month', code: monthOnly, history: change('2025-06-30') },
    { name: 'changed on the day it was made, no revision date', code: sop(), history: change('2025-01-15') },
  ],
  invalid: [
    {
      name: 'changed after tanggal_revisi',
      code: revised,
      history: change('2025-07-02'),
      errors: [{ messageId: 'afterRevisi', severity: 'warning', ...within(revised, 'tanggal_revisi: 2025-06-01', '2025-06-01'), message: 'isi SOP berubah pada 2025-07-02 (commit 0123456 "Ubah waktu verifikasi", Evaluator) sesudah `tanggal_revisi` 2025-06-01; perbarui `tanggal_revisi`' }],
    },
    {
      name: 'changed after tanggal_pembuatan, tanggal_revisi "-"',
      code: sop(),
      lang: 'en',
      history: change('2025-03-01'),
      errors: [{ messageId: 'noRevisi', ...within(sop(), 'tanggal_revisi: "-"', '"-"'), message: 'the SOP content changed on 2025-03-01 (commit 0123456 "Ubah waktu verifikasi", Evaluator) after `tanggal_pembuatan` 2025-01-15, but `tanggal_revisi` is not set; set it to the revision date' }],
    },
  ],
});

describe('revisi-outdated from a real git history', { skip: !hasGit() && 'git is not installed' }, () => {
  let repo: TestRepo;
  before(() => {
    repo = makeRepo();
    repo.commit('SOP disusun', '2025-01-20', { 'cuti.md': sop(), 'besar.md': sop({ identity: IDENTITY.replace('001', '002').replace('Tahunan', 'Besar') }) });
    // layout only: no revision
    repo.commit('Rapikan', '2025-02-10', { 'cuti.md': sop().replace('nomor:', '# nomor\nnomor:') });
    // content change without a new tanggal_revisi in besar.md; cuti.md only gets its revision date recorded late
    repo.commit('Ubah waktu verifikasi', '2025-03-05', { 'besar.md': sop({ identity: IDENTITY.replace('001', '002').replace('Tahunan', 'Besar'), flow: FLOW.replace('30 menit', '45 menit') }) });
    repo.commit('Catat tanggal revisi', '2025-04-01', { 'cuti.md': sop({ identity: IDENTITY.replace('tanggal_revisi: "-"', 'tanggal_revisi: 2025-03-01') }) });
  });
  after(() => repo.cleanup());

  it('warns only where content changed after the dates', async () => {
    const r = await lint({ cwd: repo.root, rules: { 'active-verb': 'off' } });
    const found = r.results.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'revisi-outdated').map((d) => `${f.filePath}:${d.line}:${d.column} ${d.severity}`));
    assert.deepEqual(found, ['besar.md:9:17 warning']);
    assert.deepEqual(r.notices, []);
  });

  it('lints while git is read, with the same diagnostics as when git is read first', async () => {
    // besar.md as before; tanpa.md has no tanggal_revisi key (reported at tanggal_pembuatan); diam.md silences it inline
    const besar = sop({ identity: IDENTITY.replace('001', '002').replace('Tahunan', 'Besar'), flow: FLOW.replace('30 menit', '45 menit') });
    const tanpa = sop({ identity: IDENTITY.replace('001', '003').replace('Tahunan', 'Tanpa').replace('tanggal_revisi: "-"\n', '') });
    const diam = sop({ identity: IDENTITY.replace('001', '004').replace('Tahunan', 'Diam').replace('tanggal_revisi: "-"', '# sop-disable-next-line revisi-outdated\ntanggal_revisi: "-"') });
    repo.commit('Tambah dua SOP', '2025-05-01', { 'tanpa.md': tanpa.replace('30 menit', '20 menit'), 'diam.md': diam.replace('30 menit', '20 menit') });
    repo.commit('Ubah keduanya', '2025-06-01', { 'tanpa.md': tanpa, 'diam.md': diam, 'besar.md': besar }); // besar.md as it was
    const options = { cwd: repo.root, lang: 'en' as const, rules: { 'active-verb': 'off' as const } };
    const files = ['besar.md', 'cuti.md', 'diam.md', 'tanpa.md'].map((f) => `${repo.root}/${f}`);
    const first = await lint({ ...options, repositoryHistory: await readHistory({ cwd: repo.root, files, deferWorkingTree: true }) });
    const meanwhile = await lint(options);
    assert.deepEqual(meanwhile.results, first.results);
    const found = meanwhile.results.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'revisi-outdated').map((d) => `${f.filePath}:${d.line}:${d.column} ${d.message.slice(0, 41)}`));
    assert.deepEqual(found, [
      'besar.md:9:17 the SOP content changed on 2025-03-05 (co',
      'tanpa.md:8:20 the SOP content changed on 2025-06-01 (co',
    ]);
    // the inline disable silenced a diagnostic that existed (else it would be reported as unused)
    assert.equal(meanwhile.results.find((f) => f.filePath === 'diam.md')!.diagnostics.some((d) => d.ruleId === 'unused-disable'), false);
  });

  it('history off in the config turns the rule off', async () => {
    repo.write({ 'sop.config.yaml': 'history:\n  enabled: false\n' });
    try {
      const r = await lint({ cwd: repo.root });
      assert.equal(r.results.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === 'revisi-outdated').length, 0);
    } finally {
      repo.git('clean', '-fq');
    }
  });
});
