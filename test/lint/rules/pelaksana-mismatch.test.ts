// Tests of the pelaksana-mismatch rule (spec §7.5): kegiatan beginning with another actor's title.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, sop, span } from '../sop-text.js';

const withKegiatan = (k: string) => sop({ flow: FLOW.replace('Memverifikasi kelengkapan berkas', k) });
const other = withKegiatan('Kepala Badan memverifikasi kelengkapan berkas');
const lower = withKegiatan('pemohon menyerahkan berkas kepada pengelola');
const joint = sop({ flow: FLOW_11.replace('Menandatangani kontrak', 'Sekretaris menandatangani kontrak') });

ruleTester('pelaksana-mismatch', {
  valid: [
    sop(),
    sop({ flow: FLOW_11 }),
    // the row's own actor as subject is active-verb's report, not this rule's
    { name: 'own title first', code: withKegiatan('Pengelola Kepegawaian memverifikasi kelengkapan berkas') },
    { name: 'a title as a word inside another word', code: withKegiatan('Pemohonan berkas diverifikasi') },
    { name: 'a joint step names one of its own actors', code: sop({ flow: FLOW_11.replace('Menandatangani kontrak', 'Penyedia dan PPK menandatangani kontrak') }) },
    { name: 'a chain names one of its items\' actors', code: sop({ flow: FLOW_11.replace('Menelaah surat dan memberikan disposisi', 'Kepala Dinas menelaah surat') }) },
  ],
  invalid: [
    {
      name: 'another actor\'s title', code: other,
      errors: [{ messageId: 'mismatch', ...span(other, 'Kepala Badan memverifikasi kelengkapan berkas'), severity: 'warning', message: 'kegiatan diawali `Kepala Badan`, tetapi simbolnya di kolom `Pengelola Kepegawaian`; pindahkan kegiatan ke `pelaksana: kepala` atau perbaiki uraiannya' }],
    },
    { name: 'any case', code: lower, lang: 'en', errors: [{ messageId: 'mismatch', ...span(lower, 'pemohon menyerahkan berkas kepada pengelola'), message: 'the activity begins with `Pemohon`, but its symbol is in the column of `Pengelola Kepegawaian`; move it to `pelaksana: pemohon` or fix the text' }] },
    { name: 'a joint step names neither of its actors', code: joint, errors: [{ messageId: 'mismatch', ...span(joint, 'Sekretaris menandatangani kontrak'), message: /di kolom `Pejabat Pembuat Komitmen`, `Penyedia`;/ }] },
  ],
});
