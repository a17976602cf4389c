// Tests of the row-number-override rule (spec §7.1): a printed number `no` that differs from the row's position.
import { ruleTester } from '../rule-tester.js';
import { FLOW, sop, span, within } from '../sop-text.js';

const with2 = (no: string) => sop({ flow: FLOW.replace('  - id: verifikasi\n', `  - id: verifikasi\n    no: ${no}\n`) });
const fiveA = with2('5a');
const dash = with2('"-"');

ruleTester('row-number-override', {
  valid: [sop(), { name: 'same as the position', code: with2('2') }, { name: 'same as text', code: with2('"2"') }],
  invalid: [
    { name: '5a', code: fiveA, errors: [{ messageId: 'override', ...span(fiveA, '5a'), severity: 'warning', message: 'kolom No. mencetak `5a` untuk kegiatan ke-2; tujuan bernomor (`ke`, `ya`, `tidak`) tetap menghitung urutan baris (2), bukan nomor tercetak' }] },
    { name: 'a dash', code: dash, lang: 'en', errors: [{ messageId: 'override', ...within(dash, 'no: "-"', '"-"'), message: 'the No. column prints `-` for row 2; numbered targets (`ke`, `ya`, `tidak`) still count positions (2), not printed numbers' }] },
  ],
});
