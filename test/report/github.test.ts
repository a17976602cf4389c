// Tests the github formatter: workflow-command lines and their escaping rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { github } from '../../src/report/formatters/github.js';
import { context, fileResult, sampleResults } from './factories.js';

test('one command per diagnostic, ::warning for warnings', () => {
  assert.equal(
    github(sampleResults(), context()),
    '::error file=sop/a.md,line=3,col=5,endLine=3,endColumn=12,title=schema::Missing key "nip" in disahkan_oleh\n' +
      '::warning file=sop/a.md,line=12,col=10,endLine=12,endColumn=16,title=unused-pelaksana::Actor "kepala" has no row\n' +
      '::error file=sop/c.md,line=2,col=8,endLine=2,endColumn=20,title=duplicate-nomor::Duplicate nomor "800/01"\n',
  );
});

test('escapes %, CR and LF in the message; , and : only in properties', () => {
  const out = github([fileResult('sop/x,y:z%.md', [{ message: '100% wrong:\r\nsee a, b', line: 1, column: 1, endLine: 1, endColumn: 2 }])], context());
  assert.equal(out, '::error file=sop/x%2Cy%3Az%25.md,line=1,col=1,endLine=1,endColumn=2,title=schema::100%25 wrong:%0D%0Asee a, b\n');
});

test('annotates the file that holds the node and makes absolute paths relative to cwd', () => {
  const out = github([fileResult('/repo/sop/a.md', [{ file: '/repo/sop.config.yaml', message: 'm' }])], context());
  assert.match(out, /^::error file=sop\.config\.yaml,/);
});

test('prints nothing for a clean run', () => {
  assert.equal(github([fileResult('a.md')], context()), '');
});
