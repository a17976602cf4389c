// Stress corpus for the flow table: SOPs shaped like the ones agencies publish (many actors with long
// titles, long activities, decisions looping back across pages). Each fixture says where it came from;
// the texts are our own transcriptions and paraphrases of the published steps, not copies.
import type { FlowModel } from '../../../src/model/flow-types.js';
import { buildModel, type RowSpec } from './model-fixtures.js';

export interface StressCase {
  name: string;
  source: string;
  model: FlowModel;
}

/**
 * Izin Prinsip, Lampiran II Peraturan Bupati Blitar (DPMPTSP Kabupaten Blitar), as shown in the
 * public transcript at vdokumen.com ("lampiran-ii-perbub-sop"): seven actor columns from Pemohon to
 * Kasir, a validity check that returns invalid files to customer service, a technical meeting and
 * signing by the Kepala Dinas or the Bupati. Activities lengthened to the 20-40 words an agency writes
 * when it spells a step out; actor titles as printed there, with their unit spelled out.
 */
function blitarIzinPrinsip(): FlowModel {
  const actors = {
    pemohon: 'Pemohon',
    cs: 'Petugas Pelayanan (Customer Service)',
    validasi: 'Seksi Validasi dan Verifikasi Dokumen',
    pemrosesan: 'Seksi Pemrosesan Perizinan dan Nonperizinan',
    penerbitan: 'Seksi Penerbitan Perizinan',
    tu: 'Tata Usaha Kepala Dinas / Bupati',
    kasir: 'Kasir Penerimaan Retribusi Daerah',
  };
  const rows: RowSpec[] = [
    { actor: 'pemohon', kegiatan: 'Mencari informasi persyaratan dan mengambil formulir permohonan izin prinsip di loket informasi Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu atau mengunduhnya dari laman resmi dinas', kelengkapan: 'Daftar persyaratan izin prinsip', waktu: '15 menit', output: 'Formulir permohonan' },
    { actor: 'pemohon', kegiatan: 'Mengisi formulir permohonan secara mandiri dan melengkapi seluruh dokumen persyaratan sesuai daftar periksa, lalu menandatangani pernyataan kebenaran data di atas meterai', kelengkapan: ['Formulir permohonan', 'Alat tulis', 'Daftar periksa kelengkapan'], waktu: '10 menit', output: 'Berkas permohonan' },
    { actor: 'cs', kegiatan: 'Menerima berkas permohonan, memeriksa kelengkapan persyaratan dan bukti pembayaran retribusi, lalu memberikan tanda terima berkas kepada pemohon sesuai nomor antrean', kelengkapan: 'Berkas permohonan', waktu: '30 menit', output: 'Tanda terima berkas', keputusan: { tidak: 2, label: ['Lengkap', 'Tidak'] }, keterangan: 'Berkas tidak lengkap dikembalikan kepada pemohon untuk dilengkapi (kegiatan 2)' },
    { actor: 'validasi', kegiatan: 'Memverifikasi dan memvalidasi data dokumen permohonan terhadap basis data perizinan serta memberi nomor registrasi dan memasukkan data ke aplikasi perizinan daring', kelengkapan: ['Berkas sesuai persyaratan', 'Daftar periksa', 'Akses internet'], waktu: '1 hari', output: 'Dokumen tervalidasi', keputusan: { tidak: 3, label: ['Valid', 'Tidak valid'] }, keterangan: 'Dokumen tidak valid dikembalikan kepada customer service lalu kepada pemohon' },
    { actor: 'pemrosesan', kegiatan: 'Menyusun surat tugas kepada tim teknis perizinan, menjadwalkan rapat pembahasan dan menyiapkan undangan melalui tata usaha, serta peninjauan lokasi bila dipandang perlu', kelengkapan: 'Dokumen tervalidasi', waktu: '3 hari', output: 'Surat tugas tim teknis' },
    { actor: 'pemrosesan', kegiatan: 'Melaksanakan rapat pembahasan bersama tim teknis dan menyusun berita acara hasil pembahasan beserta rekomendasi teknis atas permohonan izin prinsip', kelengkapan: ['Surat tugas tim teknis', 'Undangan rapat'], waktu: '3 hari', output: 'Berita acara dan rekomendasi', keputusan: { tidak: 'selesai', label: ['Disetujui', 'Ditolak'] }, keterangan: 'Permohonan yang ditolak diberi surat penolakan dan prosedur selesai' },
    { actor: 'kasir', kegiatan: 'Menerima pembayaran tagihan retribusi dari pemohon dan mencetak tanda bukti pembayaran yang sah sesuai ketetapan retribusi daerah', kelengkapan: 'Ketetapan retribusi', waktu: '15 menit', output: 'Tanda pembayaran' },
    { actor: 'penerbitan', kegiatan: 'Mencetak konsep surat keputusan izin prinsip, meminta paraf Kepala Bidang Perizinan dan meneruskannya untuk ditandatangani', kelengkapan: ['Berita acara dan rekomendasi', 'Tanda pembayaran'], waktu: '1 hari', output: 'Konsep SK izin' },
    { actor: 'tu', kegiatan: 'Mengajukan konsep surat keputusan kepada Kepala Dinas atau Bupati sesuai kewenangan penandatanganan, lalu mengembalikan yang perlu perbaikan kepada seksi penerbitan', kelengkapan: 'Konsep SK izin', waktu: '2 hari', output: 'SK izin ditandatangani', keputusan: { tidak: 8, label: ['Setuju', 'Perbaikan'] }, keterangan: '7 hari bila ditandatangani Bupati; 2 hari bila oleh Kepala Dinas' },
    { actor: 'cs', kegiatan: 'Menyerahkan surat keputusan izin prinsip kepada pemohon setelah mencocokkan tanda terima berkas dan identitas pengambil, lalu mencatatnya dalam buku register penyerahan', kelengkapan: ['SK izin ditandatangani', 'Tanda terima berkas'], waktu: '15 menit', output: 'SK izin diterima pemohon' },
  ];
  return buildModel(actors, rows, '10 hari 1 jam 25 menit');
}

/**
 * Sistem, mekanisme dan prosedur perizinan, DPMPTSP Kabupaten Wajo (dpmptsp.wajokab.go.id/mekanisme):
 * eleven numbered steps through eight actors (loket informasi, loket pendaftaran, back office,
 * tim teknis, Kepala DPMPTSP, seksi pengolahan, loket penyerahan). The published list sends
 * incomplete files back to the applicant and rejected permits back to the back office; both loops
 * are kept. Activities are our paraphrase at the length of the published sentences (25-40 words).
 */
function wajoPerizinan(): FlowModel {
  const actors = {
    pemohon: 'Pemohon',
    informasi: 'Petugas Loket Informasi Front Office',
    pendaftaran: 'Staf Loket Pendaftaran',
    bidang: 'Bidang Penyelenggaraan Pelayanan Perizinan dan Nonperizinan',
    timteknis: 'Tim Teknis Perangkat Daerah',
    kepala: 'Kepala Dinas Penanaman Modal dan PTSP',
    pengolahan: 'Seksi Pengolahan Perizinan dan Nonperizinan',
    penyerahan: 'Petugas Loket Penyerahan',
  };
  const rows: RowSpec[] = [
    { actor: 'pemohon', kegiatan: 'Mendapatkan informasi dan mengambil formulir pendaftaran di loket informasi front office, atau melalui kantor desa, kelurahan, kecamatan dan laman resmi dinas yang telah ditentukan', kelengkapan: '-', waktu: '15 menit', output: 'Formulir pendaftaran' },
    { actor: 'pemohon', kegiatan: 'Mengisi formulir permohonan, melengkapi dokumen yang dipersyaratkan sesuai jenis izin, dan menyerahkannya ke loket pendaftaran untuk diperiksa kelengkapannya', kelengkapan: 'Formulir pendaftaran', waktu: '30 menit', output: 'Berkas permohonan' },
    { actor: 'pendaftaran', kegiatan: 'Memeriksa kelengkapan berkas permohonan; bila lengkap meregistrasi pendaftaran dan memberikan bukti pendaftaran kepada pemohon, bila belum lengkap mengembalikan berkas untuk dilengkapi', kelengkapan: 'Berkas permohonan', waktu: '30 menit', output: 'Bukti pendaftaran', keputusan: { tidak: 2, label: ['Lengkap', 'Belum'] }, keterangan: 'Berkas yang belum lengkap tidak diregistrasi dan dikembalikan (kegiatan 2)' },
    { actor: 'bidang', kegiatan: 'Menerima berkas yang telah lengkap dari loket pendaftaran, menentukan bentuk kajian teknis dan komposisi tim teknis, serta menyusun surat tugas tim teknis', kelengkapan: 'Berkas teregistrasi', waktu: '1 hari', output: 'Surat tugas tim teknis' },
    { actor: 'timteknis', kegiatan: 'Melakukan kajian teknis terhadap permohonan izin yang diterima sesuai surat tugas dan melakukan kunjungan lapangan bila diperlukan untuk memastikan kesesuaian data permohonan', kelengkapan: ['Surat tugas tim teknis', 'Berkas teregistrasi'], waktu: '3 hari', output: 'Hasil kajian teknis' },
    { actor: 'timteknis', kegiatan: 'Menerbitkan rekomendasi diterima atau ditolaknya permohonan izin atas dasar hasil kajian dan kunjungan lapangan kepada Kepala Dinas selaku koordinator tim teknis', kelengkapan: 'Hasil kajian teknis', waktu: '1 hari', output: 'Rekomendasi tim teknis' },
    { actor: 'kepala', kegiatan: 'Menelaah rekomendasi tim teknis dan memutuskan permohonan: yang ditolak dikembalikan kepada bidang penyelenggaraan untuk diterbitkan surat penolakan, yang diterima diteruskan untuk pencetakan izin', kelengkapan: 'Rekomendasi tim teknis', waktu: '1 hari', output: 'Disposisi keputusan', keputusan: { tidak: 4, label: ['Diterima', 'Ditolak'] }, keterangan: 'Ditolak: bidang penyelenggaraan menerbitkan surat penolakan (kembali ke kegiatan 4)' },
    { actor: 'pengolahan', kegiatan: 'Mencetak dokumen izin sesuai disposisi Kepala Dinas, memeriksa kesesuaian isi dengan data permohonan dan memaraf konsep sebelum diajukan untuk ditandatangani', kelengkapan: 'Disposisi keputusan', waktu: '1 hari', output: 'Konsep izin tercetak' },
    { actor: 'kepala', kegiatan: 'Menandatangani dokumen izin yang telah dicetak dan diparaf, atau mengembalikannya kepada seksi pengolahan untuk diperbaiki bila terdapat kesalahan isi', kelengkapan: 'Konsep izin tercetak', waktu: '1 hari', output: 'Izin ditandatangani', keputusan: { tidak: 8, label: ['Benar', 'Perbaikan'] } },
    { actor: 'pengolahan', kegiatan: 'Membubuhkan cap stempel pada izin yang telah ditandatangani dan mengarsipkan salinannya di seksi pelayanan perizinan dan nonperizinan', kelengkapan: 'Izin ditandatangani', waktu: '30 menit', output: 'Izin bercap, arsip salinan' },
    { actor: 'informasi', kegiatan: 'Menghubungi pemohon melalui telepon atau pesan singkat dan menyampaikan bahwa izinnya telah selesai dan dapat diambil di loket penyerahan', kelengkapan: 'Daftar izin selesai', waktu: '15 menit', output: 'Pemberitahuan kepada pemohon' },
    { actor: 'penyerahan', kegiatan: 'Menyerahkan izin kepada pemohon setelah memeriksa bukti pendaftaran dan kesesuaian identitas pengambil, serta meminta tanda tangan pada buku penyerahan', kelengkapan: ['Izin bercap', 'Bukti pendaftaran'], waktu: '15 menit', output: 'Izin diterima pemohon' },
  ];
  return buildModel(actors, rows, '8 hari 3 jam 15 menit');
}

/**
 * Prosedur layanan perizinan yang ditandatangani Bupati dengan rekomendasi tim teknis (DPMPTSP 2017,
 * public spreadsheet on scribd "PROSEDUR LAYANAN DPMPTSP 2017"): help desk, front office, back office,
 * tim teknis, Kepala Dinas, Sekretariat Daerah and Bupati. The published narrative has about twenty
 * sub-steps; we number 34 rows as an agency drafting the flow table would, with six decisions whose
 * loops run back across page breaks. Activities at 20-40 words.
 */
function perizinanBupati34(): FlowModel {
  const actors = {
    pemohon: 'Pemohon / Kuasa Pemohon',
    helpdesk: 'Petugas Help Desk Layanan Informasi',
    fo: 'Petugas Front Office',
    bo: 'Petugas Back Office',
    tim: 'Tim Teknis Satuan Organisasi Perangkat Daerah',
    kadis: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    bupati: 'Bupati melalui Sekretariat Daerah',
  };
  const long = (head: string) => `${head} sesuai ketentuan peraturan perundang-undangan yang berlaku, lalu mencatat hasilnya dalam buku register dan aplikasi perizinan daring agar dapat dipantau oleh pemohon`;
  const spec: [keyof typeof actors, string, Partial<RowSpec>?][] = [
    ['pemohon', 'Menanyakan informasi pelayanan perizinan yang dibutuhkan kepada petugas help desk layanan informasi, termasuk persyaratan, biaya, dan jangka waktu penyelesaian'],
    ['helpdesk', 'Memberikan informasi tentang formulir permohonan, persyaratan, dan informasi lain tentang pelayanan perizinan dan nonperizinan yang diperlukan oleh pemohon'],
    ['pemohon', 'Mengisi formulir permohonan dan melengkapi persyaratan administrasi, lalu menyampaikan dokumen permohonan kepada petugas front office sesuai arahan help desk'],
    ['fo', long('Menerima dokumen permohonan izin dan memverifikasi kelengkapan dokumen'), { keputusan: { tidak: 3, label: ['Lengkap', 'Tidak'] }, keterangan: 'Tidak lengkap: dokumen diserahkan kembali beserta daftar yang harus dilengkapi' }],
    ['fo', 'Meregister dokumen, memberikan resi tanda terima, menyampaikan perkiraan waktu selesai dan perhitungan sementara tarif retribusi atau pajak yang harus dibayar'],
    ['fo', 'Memasang dan mengisi formulir daftar periksa kelengkapan dan distribusi dokumen pada map, lalu menyampaikan dokumen permohonan kepada petugas back office'],
    ['bo', 'Menerima dokumen permohonan dari front office, mengisi formulir alur distribusi dokumen, dan mempelajari dokumen permohonan sesuai jenis perizinan yang diajukan'],
    ['bo', 'Membuat surat kepada tim teknis perangkat daerah sesuai jenis perizinan untuk verifikasi dan peninjauan lapangan, lalu mengajukan penandatanganan kepada Kepala Dinas'],
    ['kadis', 'Memeriksa dan menandatangani surat permintaan verifikasi kepada tim teknis, atau mengembalikannya kepada back office bila terdapat kekeliruan isi', { keputusan: { tidak: 8, label: ['Setuju', 'Perbaikan'] } }],
    ['bo', 'Mengirimkan surat permintaan verifikasi beserta salinan dokumen permohonan kepada tim teknis dan mencatat tanggal pengiriman dalam formulir alur distribusi'],
    ['tim', long('Memverifikasi dokumen permohonan dan menjadwalkan peninjauan lapangan bersama pemohon')],
    ['tim', 'Melaksanakan peninjauan lapangan bersama pemohon dan menyusun berita acara pemeriksaan lapangan yang ditandatangani seluruh anggota tim teknis yang hadir'],
    ['tim', 'Menilai hasil verifikasi dan peninjauan lapangan, lalu menyusun rekomendasi teknis diterima, diterima dengan catatan, atau ditolak', { keputusan: { tidak: 11, label: ['Memenuhi', 'Belum'] }, keterangan: 'Belum memenuhi: pemohon diminta melengkapi dan peninjauan diulang (kegiatan 11)' }],
    ['tim', 'Menyampaikan rekomendasi teknis kepada Kepala Dinas melalui petugas back office beserta berita acara pemeriksaan lapangan dan dokumen pendukung'],
    ['bo', 'Menerima rekomendasi teknis, memeriksa kesesuaiannya dengan dokumen permohonan, dan menyusun konsep surat keputusan izin atau surat penolakan'],
    ['bo', 'Menghitung besaran retribusi atau pajak berdasarkan rekomendasi teknis dan menyusun surat ketetapan retribusi untuk disampaikan kepada pemohon'],
    ['fo', 'Menyampaikan surat ketetapan retribusi kepada pemohon dan menjelaskan tata cara pembayaran melalui bank persepsi atau kanal pembayaran daring'],
    ['pemohon', 'Membayar retribusi atau pajak sesuai surat ketetapan melalui bank persepsi dan menyerahkan bukti pembayaran kepada petugas front office'],
    ['fo', 'Memeriksa keabsahan bukti pembayaran retribusi dan meneruskannya kepada back office untuk dilampirkan pada berkas konsep surat keputusan', { keputusan: { tidak: 18, label: ['Sah', 'Tidak sah'] } }],
    ['bo', 'Melengkapi berkas konsep surat keputusan dengan bukti pembayaran dan mengajukan konsep kepada Kepala Dinas untuk diparaf'],
    ['kadis', 'Memeriksa dan memaraf konsep surat keputusan izin, lalu meneruskannya kepada Bupati melalui Sekretariat Daerah untuk ditandatangani', { keputusan: { tidak: 15, label: ['Paraf', 'Perbaikan'] }, keterangan: 'Perbaikan: konsep dikembalikan kepada back office (kegiatan 15)' }],
    ['bupati', 'Menandatangani surat keputusan izin yang telah diparaf Kepala Dinas, atau mengembalikannya melalui Sekretariat Daerah bila perlu perbaikan', { keputusan: { tidak: 15, label: ['Tanda tangan', 'Perbaikan'] } }],
    ['bo', 'Menerima surat keputusan yang telah ditandatangani, memberi nomor dan tanggal dalam buku register keputusan, serta menggandakannya sesuai kebutuhan'],
    ['bo', 'Membubuhkan cap dinas pada surat keputusan dan salinannya, lalu memindai dokumen untuk diunggah ke aplikasi perizinan daring'],
    ['bo', 'Mengarsipkan salinan surat keputusan beserta seluruh berkas permohonan dan berita acara dalam arsip aktif dinas'],
    ['bo', 'Menyampaikan surat keputusan asli kepada petugas front office beserta tanda terima untuk diserahkan kepada pemohon'],
    ['fo', 'Menghubungi pemohon dan memberitahukan bahwa surat keputusan izin telah terbit dan dapat diambil di loket penyerahan'],
    ['pemohon', 'Datang ke loket penyerahan dengan membawa resi tanda terima dan identitas diri atau surat kuasa bila diwakilkan'],
    ['fo', 'Memeriksa resi tanda terima dan identitas pengambil, lalu menyerahkan surat keputusan izin dan meminta tanda tangan pada buku penyerahan'],
    ['fo', 'Meminta pemohon mengisi survei kepuasan masyarakat atas pelayanan perizinan yang diterima'],
    ['pemohon', 'Mengisi survei kepuasan masyarakat secara daring atau pada formulir yang disediakan di loket'],
    ['helpdesk', 'Merekapitulasi hasil survei kepuasan masyarakat setiap bulan dan menyampaikannya kepada Kepala Dinas'],
    ['kadis', 'Menelaah rekapitulasi survei kepuasan dan menetapkan tindak lanjut perbaikan pelayanan bila diperlukan'],
    ['pemohon', 'Menerima surat keputusan izin dan menyimpannya sebagai bukti legalitas usaha'],
  ];
  const rows: RowSpec[] = spec.map(([actor, kegiatan, extra], i) => ({
    actor,
    kegiatan,
    kelengkapan: i === 0 ? 'Daftar layanan' : `Hasil kegiatan ${i}`,
    waktu: i % 4 === 0 ? '1 hari' : i % 3 === 0 ? '1 jam' : '15 menit',
    output: `Hasil kegiatan ${i + 1}`,
    ...extra,
  }));
  return buildModel(actors, rows, '12 hari 6 jam');
}

/**
 * Penanganan surat masuk, two actors over thirty rows (pengelola arsip and Kepala Subbagian Umum): the
 * shape of the many kearsipan SOPs agencies publish (e.g. the Unpad FISIP pack on docplayer, cited in the
 * domain notes as [S19]); steps are our own paraphrase, short as those SOPs write them.
 */
function suratMasuk30(): FlowModel {
  const steps = [
    'Menerima surat masuk dari kurir atau ekspedisi', 'Memeriksa alamat dan kelengkapan sampul surat', 'Membubuhkan tanggal terima pada sampul',
    'Memilah surat dinas dan surat pribadi', 'Membuka sampul surat dinas', 'Mencatat surat dalam buku agenda surat masuk', 'Memberi nomor agenda pada lembar disposisi',
    'Memindai surat untuk arsip elektronik', 'Menyampaikan surat kepada Kepala Subbagian Umum', 'Menelaah isi surat dan menentukan sifat surat',
    'Menentukan apakah surat perlu disposisi pimpinan', 'Menulis disposisi pada lembar disposisi', 'Mengembalikan surat kepada pengelola arsip',
    'Menggandakan surat sesuai tujuan disposisi', 'Mendistribusikan surat kepada unit tujuan', 'Mencatat penerimaan pada buku ekspedisi',
    'Memantau tindak lanjut surat oleh unit tujuan', 'Menerima laporan tindak lanjut dari unit', 'Memeriksa laporan tindak lanjut surat',
    'Menentukan apakah tindak lanjut sudah sesuai', 'Mencatat penyelesaian tindak lanjut', 'Menyusun berkas surat sesuai klasifikasi arsip',
    'Memberi kode klasifikasi pada berkas', 'Menyimpan berkas dalam filing kabinet', 'Memperbarui daftar arsip aktif', 'Menyusun rekapitulasi surat masuk bulanan',
    'Memeriksa rekapitulasi surat masuk bulanan', 'Menandatangani laporan rekapitulasi', 'Mengirim laporan kepada Sekretaris', 'Mengarsipkan laporan rekapitulasi',
  ];
  const who = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0];
  const rows: RowSpec[] = steps.map((kegiatan, i) => ({ actor: who[i], kegiatan, kelengkapan: i === 0 ? 'Surat masuk' : `Hasil kegiatan ${i}`, waktu: '10 menit', output: `Hasil kegiatan ${i + 1}` }));
  rows[1].keputusan = { tidak: 'selesai', label: ['Sesuai', 'Salah alamat'] };
  rows[10].keputusan = { ya: 12, tidak: 14 };
  rows[19].keputusan = { tidak: 17 };
  rows[26].keputusan = { tidak: 26 };
  return buildModel(['Pengelola Arsip Subbagian Umum', 'Kepala Subbagian Umum dan Kepegawaian'], rows, '5 jam');
}

/**
 * The target shape: 10 rows, 7 actors, 30-word activities: the Blitar pack above with the actor
 * titles as that table prints them (short unit names) and every activity at 30 words.
 */
function sevenActors10(): FlowModel {
  const m = blitarIzinPrinsip();
  const printed = ['Pemohon', 'Petugas (Customer Service)', 'Seksi Validasi', 'Seksi Pemrosesan', 'Seksi Penerbitan', 'TU Kadin/Bupati', 'Kasir'];
  m.actors.forEach((a, i) => (a.title = printed[i]));
  for (const row of m.rows) {
    const words = row.kegiatan.split(' ');
    while (words.length < 30) words.push(...'sesuai ketentuan yang berlaku pada dinas'.split(' '));
    row.kegiatan = words.slice(0, 30).join(' ');
    // Remarks as short as the published original prints them.
    if (row.keterangan) row.keterangan = row.keterangan.split(' ').slice(0, 6).join(' ');
  }
  return m;
}

export function stressCorpus(): StressCase[] {
  return [
    { name: 'blitar-izin-prinsip', source: 'Lampiran II Perbup Blitar, DPMPTSP (vdokumen.com transcript)', model: blitarIzinPrinsip() },
    { name: 'seven-actors-10x30', source: 'Blitar pack at 30 words per activity (issue #10 target)', model: sevenActors10() },
    { name: 'wajo-perizinan', source: 'DPMPTSP Kabupaten Wajo, sistem mekanisme dan prosedur (dpmptsp.wajokab.go.id/mekanisme)', model: wajoPerizinan() },
    { name: 'perizinan-bupati-34', source: 'Prosedur layanan DPMPTSP 2017 (scribd spreadsheet), 34 rows, 7 actors', model: perizinanBupati34() },
    { name: 'surat-masuk-30', source: 'Kearsipan SOP shape (Unpad FISIP pack, docplayer [S19]), 30 rows, 2 actors', model: suratMasuk30() },
  ];
}
