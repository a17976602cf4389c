// Tests of the flow-header-too-tall rule: column headers that leave no room on a page, which `sop build`
// and `sop render` refuse; lint reports them at `pelaksana`, with the heights the layout measured.
import { ruleTester } from '../rule-tester.js';
import { FLOW, sop, span } from '../sop-text.js';

const LONG = 'Uraian kolom yang sangat panjang sekali '.repeat(15).trim();
const title = 'Kepala Sub Bagian Umum dan Kepegawaian '.repeat(60).trim();
const tallTitles = sop({ flow: FLOW.replace('  pemohon: Pemohon\n', `  pemohon: ${title}\n`).replace('  kepala: Kepala Badan\n', `  kepala: ${title}\n`) });
// `pelaksana:` of the flow, not of `kualifikasi_pelaksana:`
// long, but the layout finds room (the rule asks the layout, it does not guess from the length)
const longButFits = sop({ flow: FLOW.replace('  pemohon: Pemohon\n', `  pemohon: ${'Pejabat Pengelola Informasi dan Dokumentasi Pembantu '.repeat(2).trim()}\n`) });
const tallLabels = { labels: { no: LONG, kegiatan: LONG, waktu: LONG, keterangan: LONG } };

ruleTester('flow-header-too-tall', {
  valid: [
    sop(),
    { name: 'a 106-character actor title fits', code: longButFits },
    { name: 'a 120-character label fits', code: sop(), config: { labels: { keterangan: 'Uraian kolom yang sangat panjang sekali '.repeat(3).trim() } } },
  ],
  invalid: [
    {
      name: 'actor titles of 2,300 characters',
      code: tallTitles,
      errors: [{ messageId: 'tooTall', ...span(tallTitles, 'pelaksana', 2), severity: 'error', message: /^kepala kolom tabel alir setinggi \d{3,} mm dan tidak menyisakan ruang pada halaman 183 mm;/ }],
    },
    {
      name: 'four column labels of 600 characters (config labels), in English',
      code: sop(),
      config: tallLabels,
      lang: 'en',
      errors: [{ messageId: 'tooTall', ...span(sop(), 'pelaksana', 2), message: /^the flow table's column headers are \d{3} mm tall and leave no room on a 183 mm page/ }],
    },
    {
      name: 'F4 paper from the config',
      code: tallTitles,
      config: { paper: 'F4' },
      errors: [{ messageId: 'tooTall', ...span(tallTitles, 'pelaksana', 2), message: /halaman 188 mm;/ }],
    },
  ],
});
