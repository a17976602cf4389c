// Tests of the nomor-pattern rule: `nomor` against config `numbering`, and its year against tanggal_pembuatan.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileNumbering } from '../../../src/lint/util/numbering.js';
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

const numbering = { numbering: '800/{seq:3}/SOP/BKD/{year}' };
const withNomor = (n: string) => sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', n) });
const short = withNomor('"800/01/SOP/BKD/2025"');
const year = withNomor('"800/001/SOP/BKD/2024"');

ruleTester('nomor-pattern', {
  valid: [
    { name: 'no numbering configured', code: withNomor('"anything goes"') },
    { code: sop(), config: numbering },
    { name: 'serial outgrows its padding', code: withNomor('"800/1000/SOP/BKD/2025"'), config: numbering },
    { name: '{seq} takes any digits', code: withNomor('"800/7/SOP/BKD/2025"'), config: { numbering: '800/{seq}/SOP/BKD/{year}' } },
  ],
  invalid: [
    {
      name: 'too few digits',
      code: short,
      config: numbering,
      errors: [{ messageId: 'mismatch', ...span(short, '"800/01/SOP/BKD/2025"'), message: 'nomor `800/01/SOP/BKD/2025` tidak sesuai pola penomoran `800/{seq:3}/SOP/BKD/{year}` (`numbering` pada konfigurasi), mis. `800/001/SOP/BKD/2025`' }],
    },
    { name: 'zero-padded beyond N', code: withNomor('"800/0012/SOP/BKD/2025"'), config: numbering, errors: [{ messageId: 'mismatch', line: 2, column: 8 }] },
    { name: 'other year', code: year, config: numbering, lang: 'en', errors: [{ messageId: 'year', ...span(year, '"800/001/SOP/BKD/2024"') }] },
  ],
});

describe('compileNumbering', () => {
  it('escapes literal text and builds an example', () => {
    const m = compileNumbering('SOP-{seq:2}.{year}')!;
    assert.ok(m.regex.test('SOP-07.2025'));
    assert.ok(!m.regex.test('SOP-07x2025'));
    assert.equal(m.example(2030), 'SOP-01.2030');
    assert.equal(compileNumbering('{bogus}'), undefined);
  });
});
