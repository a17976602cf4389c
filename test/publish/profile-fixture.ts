// The compact SOP built with each shipped profile (docs/profiles): the profile tests and docs/img/profile-*.png use it.
//
// Modelled on the e-signed SOPs of a vertical agency's regional office (Kantor Wilayah): three-line
// instansi down to the Bagian, a flow of a few steps printed under the identity table, no NIP, the
// BSrE statement in the footer. Names, numbers and steps are fictional.
import type { SopSpec } from '../helpers/build.js';

export const compactSop: SopSpec = {
  file: 'umum/surat-masuk.md',
  nomor: 'W.12-UM.01.01-07',
  nama: 'Penerimaan dan Pengagendaan Surat Masuk',
  extra: {
    instansi: ['KEMENTERIAN HUKUM REPUBLIK INDONESIA', 'KANTOR WILAYAH JAWA BARAT', 'BAGIAN UMUM'],
    disahkan_oleh: { jabatan: 'Kepala Kantor Wilayah', nama: 'Dr. RINA KARTIKA, S.H., M.H.', tte: true },
    dasar_hukum: ['Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan', 'Peraturan Menteri PANRB Nomor 35 Tahun 2012'],
    kualifikasi_pelaksana: ['Memahami tata naskah dinas', 'Mampu mengoperasikan aplikasi persuratan'],
    keterkaitan: '-',
    peralatan_perlengkapan: ['Komputer dan pemindai', 'Aplikasi persuratan elektronik'],
    peringatan: 'Surat tidak tercatat dan *terlambat* ditindaklanjuti.',
    pencatatan_pendataan: ['Agenda surat masuk pada aplikasi persuratan'],
    pelaksana: { pengadministrasi: 'Pengadministrasi Umum', kasubbag: 'Kepala Subbagian Umum', kabag: 'Kepala Bagian Umum' },
    prosedur: [
      { kegiatan: 'Menerima surat masuk dan memeriksa alamat tujuannya', pelaksana: 'pengadministrasi', kelengkapan: 'Surat masuk', waktu: '5 menit', output: 'Surat diterima' },
      { kegiatan: 'Melakukan *scanning* surat dan mencatat metadata pada aplikasi', pelaksana: 'pengadministrasi', kelengkapan: 'Surat diterima', waktu: '10 menit', output: 'Agenda surat' },
      { kegiatan: 'Memeriksa agenda dan meneruskan surat kepada Kepala Bagian', pelaksana: 'kasubbag', kelengkapan: ['Agenda surat', 'Lembar **disposisi**'], waktu: '10 menit', output: 'Surat diteruskan', keputusan: { ya: 4, tidak: 2 } },
      { kegiatan: 'Memberikan disposisi', pelaksana: 'kabag', kelengkapan: 'Surat diteruskan', waktu: '15 menit', output: 'Disposisi' },
    ],
  },
};

