// Tests of the active-verb rule: kegiatan starting with an active verb and no subject.
import { ruleTester } from '../rule-tester.js';
import { FLOW, sop, span } from '../sop-text.js';

const withKegiatan = (k: string) => sop({ flow: FLOW.replace('Memverifikasi kelengkapan berkas', k) });
const subject = withKegiatan('Petugas memverifikasi kelengkapan berkas');
const passive = withKegiatan('Berkas diverifikasi oleh petugas');
const imperative = withKegiatan('Periksa kelengkapan berkas');

const berakhir = withKegiatan('Berakhirnya masa kontrak');
const pembayaran = withKegiatan('Pembayaran uang muka');
const update = withKegiatan('Update data pegawai');
const input = withKegiatan('Input nilai SKP');
ruleTester('active-verb', {
  valid: [
    { name: '1.1: ber- verb whose root ends in -nya', code: withKegiatan('Bertanya kepada pemohon') },
    sop(),
    withKegiatan('Bermusyawarah dengan tim'),
    withKegiatan('Menyampaikan berkas'),
    withKegiatan('"Mengisi, lalu menyerahkan formulir"'),
    { name: 'allow list', code: withKegiatan('Hadir pada rapat koordinasi') },
    { name: 'agency allow option', code: imperative, options: { allow: ['periksa'] } },
  ],
  invalid: [
    { name: '1.1: a ber-...-nya noun', code: berakhir, errors: [{ messageId: 'noun', ...span(berakhir, 'Berakhirnya masa kontrak'), message: 'kegiatan diawali kata benda `Berakhirnya`, bukan kata kerja; tulis dengan kata kerja aktif tanpa subjek, mis. `Memverifikasi berkas`' }] },
    { name: '1.1: a pe-...-an noun', code: pembayaran, errors: [{ messageId: 'noun', ...span(pembayaran, 'Pembayaran uang muka') }] },
    { name: '1.1: an English imperative', code: update, errors: [{ messageId: 'english', ...span(update, 'Update data pegawai'), message: 'kegiatan diawali kata Inggris `Update`; tulis dengan kata kerja aktif bahasa Indonesia, mis. `Memperbarui`' }] },
    { name: '1.1: an English imperative the prefixes would accept', code: input, options: { prefixes: ['me', 'in'] }, errors: [{ messageId: 'english', ...span(input, 'Input nilai SKP') }] },
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
