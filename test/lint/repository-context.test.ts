// Cross-file rules see the whole repository even when only some files are linted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lint } from '../../src/api/lint.js';
import { removeOnExit } from '../helpers/tree.js';

const examples = path.resolve(import.meta.dirname, '../../examples');

function copyExamples(): string {
  const dir = removeOnExit(mkdtempSync(path.join(tmpdir(), 'sop-ctx-')));
  cpSync(examples, dir, { recursive: true });
  return dir;
}

test('linting one file resolves its keterkaitan against the rest of the repository', async () => {
  const dir = copyExamples();
  // the examples' config turns keterkaitan-unresolved on as an error; a fixed day keeps their monitoring sheets current
  const r = await lint({ cwd: dir, paths: ['kesejahteraan/cuti-besar.md'], now: new Date('2026-12-01T08:00:00') });
  assert.equal(r.results.length, 1);
  assert.deepEqual(r.results[0].diagnostics.map((d) => d.ruleId), []);
});

test('an entry that names no SOP anywhere is still reported in a one-file run', async () => {
  const dir = copyExamples();
  const file = path.join(dir, 'kesejahteraan/cuti-besar.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('  - Pengelolaan Surat Keluar\n', '  - SOP Yang Tidak Ada\n'));
  const r = await lint({ cwd: dir, paths: ['kesejahteraan/cuti-besar.md'] });
  const d = r.results[0].diagnostics.filter((x) => x.ruleId === 'keterkaitan-unresolved');
  assert.equal(d.length, 1);
  assert.equal(d[0].line, 25);
  assert.equal(d[0].column, 5);
});

test('a one-file run reports a nomor that a later file of the repository also uses only there', async () => {
  const dir = copyExamples();
  const file = path.join(dir, 'pengembangan/izin-belajar.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('800/010/SOP/BKPSDM/2025', '800/011/SOP/BKPSDM/2025'));
  const r = await lint({ cwd: dir, paths: ['pengembangan/izin-belajar.md'] });
  const d = r.results[0].diagnostics.filter((x) => x.ruleId === 'duplicate-nomor');
  assert.equal(d.length, 1);
  assert.equal(d[0].related?.[0].file, 'kesejahteraan/cuti-besar.md');
  assert.equal(d[0].related?.[0].line, 3);
});
