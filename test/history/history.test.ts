// Revision history from a real temporary git repository: content changes count, layout-only changes do not, renames are followed, tags mark releases.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import path from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { history } from '../../src/api/history.js';
import { readHistory } from '../../src/history/history.js';
import { hasGit, makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { sop, IDENTITY, FLOW } from '../lint/sop-text.js';

const V1 = sop();
// layout only: a comment, blank lines, a different quoting style, a body comment
const V1_LAYOUT = V1.replace('nomor: "800/001/SOP/BKD/2025"', "# nomor dari tata naskah\nnomor: '800/001/SOP/BKD/2025'\n").replace('Catatan.\n', 'Catatan.\n\n<!-- catatan tim -->\n');
const V2 = sop({ flow: FLOW.replace('waktu: 30 menit', 'waktu: 45 menit').replace('Kepala Badan', 'Sekretaris Badan') });
const V3 = sop({ identity: IDENTITY.replace('tanggal_revisi: "-"', 'tanggal_revisi: 2025-06-01'), flow: FLOW.replace('waktu: 30 menit', 'waktu: 45 menit').replace('Kepala Badan', 'Sekretaris Badan') });

describe('readHistory', { skip: !hasGit() && 'git is not installed' }, () => {
  let repo: TestRepo;
  before(() => {
    repo = makeRepo();
    repo.commit('SOP cuti tahunan disusun', '2025-01-15', { 'sop/cuti.md': V1, 'sop/lain.md': sop({ identity: IDENTITY.replace('001', '002').replace('Cuti Tahunan', 'Cuti Besar') }) });
    repo.commit('Rapikan format', '2025-02-01', { 'sop/cuti.md': V1_LAYOUT });
    repo.git('tag', 'sop-2025');
    repo.move('sop/cuti.md', 'sop/kepegawaian/cuti-tahunan.md');
    repo.commit('Pindahkan ke folder kepegawaian', '2025-03-01');
    repo.commit('Revisi waktu verifikasi dan pejabat penandatangan', '2025-05-20', { 'sop/kepegawaian/cuti-tahunan.md': V2 }, 'Evaluator <evaluator@example.go.id>');
    repo.commit('Catat tanggal revisi', '2025-06-01', { 'sop/kepegawaian/cuti-tahunan.md': V3 });
  });
  after(() => repo.cleanup());

  it('lists content revisions only, across the rename, with parts and tags', async () => {
    const file = path.join(repo.root, 'sop/kepegawaian/cuti-tahunan.md');
    const h = await readHistory({ cwd: repo.root, files: [file], releaseTags: 'sop-*' });
    assert.equal(h.available, true);
    const fh = h.files.get(file)!;
    assert.deepEqual(fh.revisions.map((r) => [r.number, r.date, r.author, r.subject, r.path, r.parts.join(','), r.tags.join(',')]), [
      [0, '2025-01-15', 'Penyusun SOP', 'SOP cuti tahunan disusun', 'sop/cuti.md', '', 'sop-2025'],
      [1, '2025-05-20', 'Evaluator', 'Revisi waktu verifikasi dan pejabat penandatangan', 'sop/kepegawaian/cuti-tahunan.md', 'pelaksana,mutu_baku', ''],
      [2, '2025-06-01', 'Penyusun SOP', 'Catat tanggal revisi', 'sop/kepegawaian/cuti-tahunan.md', 'identitas', ''],
    ]);
    assert.equal(fh.uncommitted, false);
    assert.equal(fh.released, false, 'the last revision is not in a release tag');
    assert.equal(fh.incomplete, false);
  });

  it('the history API gives the same revisions as JSON, keyed by path, and says when the config turns it off', async () => {
    const r = await history({ cwd: repo.root, paths: ['sop/kepegawaian'] });
    const json = JSON.parse(JSON.stringify(r)) as typeof r;
    assert.deepEqual(Object.keys(json.files), ['sop/kepegawaian/cuti-tahunan.md']);
    assert.deepEqual([json.available, json.shallow, json.notices], [true, false, []]);
    const revs = json.files['sop/kepegawaian/cuti-tahunan.md'].revisions;
    assert.deepEqual(revs.map((x) => [x.number, x.date, x.subject, x.path, x.parts.join(',')]), [
      [0, '2025-01-15', 'SOP cuti tahunan disusun', 'sop/cuti.md', ''],
      [1, '2025-05-20', 'Revisi waktu verifikasi dan pejabat penandatangan', 'sop/kepegawaian/cuti-tahunan.md', 'pelaksana,mutu_baku'],
      [2, '2025-06-01', 'Catat tanggal revisi', 'sop/kepegawaian/cuti-tahunan.md', 'identitas'],
    ]);
    assert.match(revs[1].commit, /^[0-9a-f]{40}$/);
    writeFileSync(path.join(repo.root, 'sop.config.yaml'), 'history:\n  enabled: false\n');
    try {
      const off = await history({ cwd: repo.root });
      assert.deepEqual([off.available, off.files], [false, {}]);
      assert.equal(off.notices[0].en, 'revision history is turned off by the config (history.enabled: false)');
    } finally {
      rmSync(path.join(repo.root, 'sop.config.yaml'));
    }
  });

  it('sees uncommitted content changes but not uncommitted layout changes', async () => {
    const file = path.join(repo.root, 'sop/lain.md');
    writeFileSync(file, sop({ identity: IDENTITY.replace('001', '002').replace('Cuti Tahunan', 'Cuti Besar') }).replace('Catatan.', 'Catatan.   '));
    assert.equal((await readHistory({ cwd: repo.root, files: [file] })).files.get(file)!.uncommitted, false);
    writeFileSync(file, sop({ identity: IDENTITY.replace('001', '002').replace('Cuti Tahunan', 'Cuti Besar Pegawai') }));
    assert.equal((await readHistory({ cwd: repo.root, files: [file] })).files.get(file)!.uncommitted, true);
    repo.git('checkout', '--', 'sop/lain.md');
  });

  it('with `within`: every Markdown file under the folders and the files named, nothing else of the repository; a file moved in keeps its history', async () => {
    const other = path.join(repo.root, 'docs/panduan.md');
    repo.commit('Panduan tim', '2025-06-02', { 'docs/panduan.md': '# Panduan\n' });
    try {
      const named = path.join(repo.root, 'docs/panduan.md');
      const lain = path.join(repo.root, 'sop/lain.md');
      const cuti = path.join(repo.root, 'sop/kepegawaian/cuti-tahunan.md');
      const all = await readHistory({ cwd: repo.root });
      assert.ok(all.files.has(other), 'without a scope the whole repository is read (so the check below can fail)');
      const scoped = await readHistory({ cwd: repo.root, files: [], within: [path.join(repo.root, 'sop/kepegawaian')] });
      assert.deepEqual([...scoped.files.keys()], [cuti]);
      // its revisions still start before the move into sop/kepegawaian/ (from sop/cuti.md)
      assert.deepEqual(scoped.files.get(cuti)!.revisions.map((r) => r.path), all.files.get(cuti)!.revisions.map((r) => r.path));
      assert.equal(scoped.files.get(cuti)!.revisions[0].path, 'sop/cuti.md');
      const both = await readHistory({ cwd: repo.root, files: [named], within: [path.join(repo.root, 'sop')] });
      assert.deepEqual([...both.files.keys()].sort(), [named, lain, cuti].sort());
    } finally {
      repo.git('rm', '-q', 'docs/panduan.md');
      repo.commit('Hapus panduan', '2025-06-03');
    }
  });

  it('is off with one line outside git', async () => {
    const h = await readHistory({ cwd: path.parse(repo.root).root === repo.root ? repo.root : path.dirname(repo.root) });
    // the temp folder's parent is not a repository
    assert.equal(h.available, false);
    assert.equal(h.notices.length, 1);
    assert.match(h.notices[0].en, /not a git repository/);
  });

  it('says a shallow clone is incomplete and how to fetch the rest', async () => {
    const clone = makeRepo('sop-git-shallow-');
    try {
      clone.git('fetch', '-q', '--depth', '1', `file://${repo.root}`, 'main');
      clone.git('checkout', '-q', 'FETCH_HEAD');
      const file = path.join(clone.root, 'sop/kepegawaian/cuti-tahunan.md');
      const h = await readHistory({ cwd: clone.root, files: [file] });
      assert.equal(h.available && h.shallow, true);
      assert.match(h.notices[0].id, /git fetch --unshallow/);
      assert.equal(h.files.get(file)!.incomplete, true);
      assert.equal(h.files.get(file)!.revisions.length, 1);
    } finally {
      clone.cleanup();
    }
  });
});
