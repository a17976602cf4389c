// Tests of the waktu-format rule: durations the toolkit can read and total.
import { ruleTester } from '../rule-tester.js';
import { FLOW, sop, span } from '../sop-text.js';

const withWaktu = (w: string) => sop({ flow: FLOW.replace('waktu: 30 menit', `waktu: ${w}`) });
const mnt = withWaktu('5 mnt');
const words = withWaktu('secepatnya');

ruleTester('waktu-format', {
  valid: [sop(), withWaktu('1 jam 30 menit'), withWaktu('1,5 jam'), withWaktu('1-2 hari kerja'), withWaktu('3 working days'), withWaktu('"2 minggu"'),
    // empty or non-text waktu is a schema error
    withWaktu('15')],
  invalid: [
    { code: mnt, errors: [{ messageId: 'notDuration', ...span(mnt, '5 mnt') }] },
    { code: words, lang: 'en', errors: [{ messageId: 'notDuration', ...span(words, 'secepatnya'), message: /^`secepatnya` is not a duration/ }] },
  ],
});
