// Tests of the file-encoding rule: binary files and bytes that are not UTF-8.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/api/lint.js';
import { ruleTester } from '../rule-tester.js';
import { sop } from '../sop-text.js';

ruleTester('file-encoding', { valid: [sop()], invalid: [] });

describe('rule file-encoding on bytes', () => {
  it('reports Latin-1 bytes at the first bad character', async () => {
    const bytes = Buffer.concat([Buffer.from('---\nnomor: "1"\nnama: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]);
    const r = await lintText(bytes, { file: 'latin1.md' });
    assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.severity]), [['file-encoding', 3, 10, 'error']]);
    assert.match(r.diagnostics[0].message, /UTF-8/);
  });
  it('reports a binary file (NUL byte)', async () => {
    const r = await lintText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), { file: 'gambar.md', lang: 'en' });
    assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.message]), [['file-encoding', 'binary file, not Markdown text']]);
  });
});
