// Tests of the file-read rule (unreadable files) and of paths that name nothing (`missing`, exit 2 in the CLI); the rest is still linted.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lint } from '../../../src/api/lint.js';
import { sop } from '../sop-text.js';

describe('rule file-read', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sop-file-read-'));
    writeFileSync(path.join(dir, 'ok.md'), sop());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing path and a glob without matches apart from the results, and lints the others', async () => {
    const r = await lint({ cwd: dir, paths: ['ok.md', 'hilang.md', 'arsip/**/*.md'], workers: 0 });
    assert.deepEqual(r.results.map((f) => [f.filePath, f.diagnostics.length]), [['ok.md', 0]]);
    assert.deepEqual(r.missing, [
      { arg: 'hilang.md', message: 'path `hilang.md` tidak ada' },
      { arg: 'arsip/**/*.md', message: 'tidak ada berkas yang cocok dengan pola `arsip/**/*.md`' },
    ]);
    assert.equal(r.errorCount, 0);
  });

  // root reads chmod-000 files anyway, so the check only means something for other users
  it('reports an unreadable file', { skip: process.getuid?.() === 0 ? 'running as root: chmod 000 files stay readable' : false }, async () => {
    const locked = path.join(dir, 'terkunci.md');
    writeFileSync(locked, sop());
    chmodSync(locked, 0o000);
    try {
      const r = await lint({ cwd: dir, paths: ['terkunci.md', 'ok.md'], lang: 'en', workers: 0 });
      assert.deepEqual(r.results.map((f) => [f.filePath, f.diagnostics.map((d) => d.ruleId)]), [['ok.md', []], ['terkunci.md', ['file-read']]]);
      assert.match(r.results[1].diagnostics[0].message, /cannot be read \(EACCES\)/);
    } finally {
      chmodSync(locked, 0o644);
    }
  });
});
