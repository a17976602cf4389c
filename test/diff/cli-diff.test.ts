// `sop diff` end to end in a temporary git repository (content change, layout-only change, rename, tag), each format against an expected file.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hasGit, type TestRepo } from '../helpers/git-repo.js';
import { besar, expectFile, normalize, revisionsRepo, runDiff as run } from './revisions.js';

describe('sop diff (CLI)', { skip: !hasGit() && 'git is not installed' }, () => {
  let repo: TestRepo;
  let commits: Record<string, string> = {};
  before(() => {
    ({ repo, commits } = revisionsRepo());
  });
  after(() => repo.cleanup());

  for (const [format, ext] of [['stylish', 'txt'], ['markdown', 'md'], ['json', 'json']] as const) {
    it(`--format ${format}`, async () => {
      const r = await run(repo.root, ['diff', 'sop-2025', 'HEAD', '--format', format]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      expectFile(`diff.${ext}`, normalize(r.stdout, commits));
    });
  }

  it('English, and a layout-only change is no change', async () => {
    const r = await run(repo.root, ['diff', 'sop-2025', commits.rapi, '--lang', 'en', '--exit-code']);
    assert.equal(r.code, 0);
    assert.equal(normalize(r.stdout, commits), 'SOP comparison: sop-2025 (<awal>, 2025-01-15, sop-2025) → <rapi> (<rapi>, 2025-02-01)\n\nno change to the SOP content\n\n0 SOP(s) changed, 0 added, 0 removed, 0 moved, 3 unchanged\n');
  });

  it('against the working tree, limited to a path; --exit-code', async () => {
    writeFileSync(path.join(repo.root, 'sop/besar.md'), besar.replace('Cuti Besar', 'Cuti Besar Pegawai'));
    try {
      const r = await run(repo.root, ['diff', 'HEAD', 'sop/besar.md', '--exit-code']);
      assert.equal(r.code, 1);
      assert.equal(normalize(r.stdout, commits), [
        'Perbandingan SOP: HEAD (<revisi>, 2025-06-01) → working tree (belum di-commit)', '',
        'sop/besar.md  [diubah]  800/002/SOP/BKD/2025 Pelayanan Permohonan Cuti Besar Pegawai', '  Identitas', '    ~ nama: Pelayanan Permohonan Cuti Besar → Pelayanan Permohonan Cuti Besar Pegawai', '',
        '1 SOP diubah, 0 ditambah, 0 dihapus, 0 dipindah, 0 tidak berubah', ''].join('\n'));
    } finally {
      repo.git('checkout', '--', 'sop/besar.md');
    }
  });

  it('an unknown revision and a folder outside git are usage errors (exit 2, one line)', async () => {
    const r = await run(repo.root, ['diff', 'tidak-ada']);
    assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', 'sop: revisi git tidak dikenal / unknown git revision: tidak-ada\n']);
    const outside = await run(path.dirname(repo.root), ['diff', 'HEAD', '--lang', 'en']);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^sop: sop diff: revision history off: this folder is not a git repository/);
    assert.equal(outside.stderr.split('\n').length, 2);
  });
});
