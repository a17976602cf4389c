// Tests of the active-verb rule: kegiatan starting with an active verb and no subject.
import { ruleTester } from '../rule-tester.js';
import { FLOW, sop, span } from '../sop-text.js';

const withKegiatan = (k: string) => sop({ flow: FLOW.replace('Memverifikasi kelengkapan berkas', k) });
const subject = withKegiatan('Petugas memverifikasi kelengkapan berkas');
const passive = withKegiatan('Berkas diverifikasi oleh petugas');
const imperative = withKegiatan('Periksa kelengkapan berkas');

ruleTester('active-verb', {
  valid: [
    sop(),
    withKegiatan('Bermusyawarah dengan tim'),
    withKegiatan('Menyampaikan berkas'),
    withKegiatan('"Mengisi, lalu menyerahkan formulir"'),
    { name: 'allow list', code: withKegiatan('Hadir pada rapat koordinasi') },
    { name: 'agency allow option', code: imperative, options: { allow: ['periksa'] } },
  ],
  invalid: [
    { name: 'subject first', code: subject, errors: [{ messageId: 'subject', ...span(subject, 'Petugas memverifikasi kelengkapan berkas'), severity: 'warning', message: 'kegiatan diawali subjek `Petugas`; pelaksana sudah ditunjukkan oleh kolomnya, mulailah dengan kata kerja aktif `memverifikasi`' }] },
    { name: 'passive', code: passive, errors: [{ messageId: 'passive', ...span(passive, 'Berkas diverifikasi oleh petugas') }] },
    { name: 'imperative root', code: imperative, lang: 'en', errors: [{ messageId: 'notActive', ...span(imperative, 'Periksa kelengkapan berkas') }] },
    { name: 'prefixes option replaces the defaults', code: sop(), options: { prefixes: ['ber'] }, errors: [
      { messageId: 'notActive', ...span(sop(), 'Mengisi formulir permohonan cuti') },
      { messageId: 'notActive', ...span(sop(), 'Memverifikasi kelengkapan berkas') },
      { messageId: 'notActive', ...span(sop(), 'Menandatangani surat izin cuti') },
    ] },
  ],
});
