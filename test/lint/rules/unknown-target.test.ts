// Tests of the unknown-target rule: ke / ya / tidak naming no row.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, sop, span, within } from '../sop-text.js';

const badYa = sop({ flow: FLOW.replace('ya: tandatangan', 'ya: tanda_tangan') });
const badTidak = sop({ flow: FLOW.replace('tidak: 1', 'tidak: 9') });
const badKe = sop({ flow: `${FLOW}    ke: arsip\n` });

const itemTypo = sop({ flow: FLOW_11.replace('tidak: telaah', 'tidak: telah') });
const forkBad = sop({ flow: FLOW_11.replace('ke: [4, 5]', 'ke: [4, 9]') });
ruleTester('unknown-target', {
  valid: [
    { name: '1.1: targets naming langkah items, fork lists', code: sop({ flow: FLOW_11 }) },
    sop(),
    { name: 'selesai and row numbers', code: sop({ flow: FLOW.replace('ya: tandatangan', 'ya: 3').replace('tidak: 1', 'tidak: selesai') }) },
    // a target of the wrong shape is reported once, by the schema
    { name: 'malformed target left to the schema', code: sop({ flow: FLOW.replace('tidak: 1', 'tidak: Verifikasi Ulang') }) },
  ],
  invalid: [
    { name: '1.1: a langkah item id', code: itemTypo, errors: [{ messageId: 'noIdSuggest', ...within(itemTypo, 'tidak: telah', 'telah'), message: /mungkin maksudnya `telaah`\?$/ }] },
    { name: '1.1: a fork list entry', code: forkBad, errors: [{ messageId: 'noRow', ...within(forkBad, 'ke: [4, 9]', '9') }] },
    { name: 'misspelt id', code: badYa, errors: [{ messageId: 'noIdSuggest', ...span(badYa, 'tanda_tangan'), message: 'tidak ada baris dengan id `tanda_tangan`; mungkin maksudnya `tandatangan`?' }] },
    { name: 'row number out of range', code: badTidak, errors: [{ messageId: 'noRow', ...within(badTidak, 'tidak: 9', '9'), message: 'tidak ada kegiatan nomor 9: prosedur ini hanya memiliki 3 kegiatan' }] },
    { name: 'ke to nowhere, English', code: badKe, lang: 'en', errors: [{ messageId: 'noId', ...span(badKe, 'arsip') }] },
  ],
});
