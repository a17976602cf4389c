// Tests of the waktu-format rule: durations the toolkit can read and total.
import { ruleTester } from '../rule-tester.js';
import { FLOW, sop, span, within } from '../sop-text.js';

const withWaktu = (w: string) => sop({ flow: FLOW.replace('waktu: 30 menit', `waktu: ${w}`) });
const mnt = withWaktu('5 mnt');
const words = withWaktu('secepatnya');

const dash = withWaktu('"-"');
const sesuai = withWaktu('Sesuai kebutuhan');
const segera = sop({ flow: FLOW.replace('waktu: 30 menit', 'waktu: Segera').replace('waktu: 15 menit', 'waktu: Tentatif') });
ruleTester('waktu-format', {
  valid: [
    { name: '1.1: a rate', code: withWaktu('2 menit/berkas') },
    { name: '1.1: a rate with per', code: withWaktu('15 menit per dokumen') },sop(), withWaktu('1 jam 30 menit'), withWaktu('1,5 jam'), withWaktu('1-2 hari kerja'), withWaktu('3 working days'), withWaktu('"2 minggu"'),
    // empty or non-text waktu is a schema error
    withWaktu('15')],
  invalid: [
    { name: '1.1: "-" is no time standard: a warning', code: dash, errors: [{ messageId: 'noStandard', ...within(dash, 'waktu: "-"', '"-"'), severity: 'warning', message: '`-` berarti kegiatan ini tidak memiliki baku waktu; kegiatan ini tidak dihitung dalam Jumlah waktu. Bila ada, tulis angka dan satuan, mis. `15 menit`' }] },
    { name: '1.1: a default no-standard phrase', code: sesuai, errors: [{ messageId: 'noStandard', ...span(sesuai, 'Sesuai kebutuhan'), severity: 'warning' }] },
    { name: '1.1: a phrase from config time.noStandard (the defaults no longer apply)', code: segera, config: { time: { noStandard: ['segera'] } }, errors: [{ messageId: 'notDuration', ...span(segera, 'Tentatif'), severity: 'error' }, { messageId: 'noStandard', ...span(segera, 'Segera'), severity: 'warning' }] },
    { code: mnt, errors: [{ messageId: 'notDuration', ...span(mnt, '5 mnt') }] },
    { code: words, lang: 'en', errors: [{ messageId: 'notDuration', ...span(words, 'secepatnya'), message: /^`secepatnya` is not a duration/ }] },
  ],
});
