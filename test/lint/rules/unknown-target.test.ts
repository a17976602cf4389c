// Tests of the unknown-target rule: ke / ya / tidak naming no row.
import { ruleTester } from '../rule-tester.js';
import { FLOW, span, sop, within } from '../sop-text.js';

const badYa = sop({ flow: FLOW.replace('ya: tandatangan', 'ya: tanda_tangan') });
const badTidak = sop({ flow: FLOW.replace('tidak: 1', 'tidak: 9') });
const badKe = sop({ flow: `${FLOW}    ke: arsip\n` });

ruleTester('unknown-target', {
  valid: [
    sop(),
    { name: 'selesai and row numbers', code: sop({ flow: FLOW.replace('ya: tandatangan', 'ya: 3').replace('tidak: 1', 'tidak: selesai') }) },
    // a target of the wrong shape is reported once, by the schema
    { name: 'malformed target left to the schema', code: sop({ flow: FLOW.replace('tidak: 1', 'tidak: Verifikasi Ulang') }) },
  ],
  invalid: [
    { name: 'misspelt id', code: badYa, errors: [{ messageId: 'noIdSuggest', ...span(badYa, 'tanda_tangan'), message: 'tidak ada baris dengan id `tanda_tangan`; mungkin maksudnya `tandatangan`?' }] },
    { name: 'row number out of range', code: badTidak, errors: [{ messageId: 'noRow', ...within(badTidak, 'tidak: 9', '9'), message: 'tidak ada kegiatan nomor 9: prosedur ini hanya memiliki 3 kegiatan' }] },
    { name: 'ke to nowhere, English', code: badKe, lang: 'en', errors: [{ messageId: 'noId', ...span(badKe, 'arsip') }] },
  ],
});
