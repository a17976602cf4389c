// Tests of the duplicate-nomor rule (cross-file): two SOPs share a number; both places are named.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester, runRule } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

const other = (nomor: string, nama = 'Penerbitan Surat Tugas') => sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', nomor).replace('Pelayanan Permohonan Cuti Tahunan', nama) });
const a = sop();
const b = other('"800/001/SOP/BKD/2025"');

ruleTester('duplicate-nomor', {
  valid: [
    { code: [{ file: 'a.md', text: a }, { file: 'b.md', text: other('"800/002/SOP/BKD/2025"') }] },
    // `-` means "not numbered yet"
    { name: 'unnumbered drafts', code: [{ file: 'a.md', text: other('"-"', 'A') }, { file: 'b.md', text: other('"-"', 'B') }] },
  ],
  invalid: [
    {
      code: [{ file: 'b.md', text: b }, { file: 'a.md', text: a }],
      errors: [{ messageId: 'duplicate', in: 'b.md', ...span(b, '"800/001/SOP/BKD/2025"'), message: 'nomor `800/001/SOP/BKD/2025` sudah dipakai oleh a.md; setiap SOP harus memiliki nomor sendiri' }],
    },
    {
      name: 'case and spacing do not make a number different',
      code: [{ file: 'a.md', text: a }, { file: 'c.md', text: other('" 800/001/sop/BKD/2025"') }],
      errors: [{ messageId: 'duplicate', in: 'c.md', line: 2, column: 8 }],
    },
  ],
});

describe('duplicate-nomor related location', () => {
  it('points back at the first file', async () => {
    const [d] = await runRule('duplicate-nomor', { code: [{ file: 'a.md', text: a }, { file: 'b.md', text: b }] });
    assert.deepEqual(d.related, [{ file: 'a.md', line: 2, column: 8, endLine: 2, endColumn: 30, message: 'nomor yang sama di sini' }]);
  });
});
