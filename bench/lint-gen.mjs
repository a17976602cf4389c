// Generates a deterministic corpus of SOP files (sop-ap/1) for the lint benchmark: ~95% valid, ~5% broken.
// Usage: node lint-gen.mjs N DIR [--seed S]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt === -1 ? 35 : Number(args.splice(seedAt, 2)[1]);
const [countArg, dir] = args;
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !dir || !Number.isInteger(seed)) {
  console.error('usage: node lint-gen.mjs N DIR [--seed S]');
  process.exit(2);
}

// mulberry32: tiny, seedable and stable across Node versions, so every machine gets the same corpus.
function rng(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(seed);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
const pad = (n, w = 2) => String(n).padStart(w, '0');
function sample(xs, n) {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

const UNITS = [
  { dir: 'kepegawaian', code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', bidang: ['Bidang Mutasi', 'Bidang Pengembangan Kompetensi', 'Bidang Pengadaan dan Informasi'] },
  { dir: 'keuangan', code: 'BPKAD', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', bidang: ['Bidang Anggaran', 'Bidang Perbendaharaan', 'Bidang Akuntansi'] },
  { dir: 'umum', code: 'SETDA', name: 'Sekretariat Daerah', bidang: ['Bagian Umum', 'Bagian Organisasi', 'Bagian Hukum'] },
  { dir: 'perizinan', code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', bidang: ['Bidang Pelayanan Perizinan', 'Bidang Pengaduan'] },
  { dir: 'kependudukan', code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', bidang: ['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pencatatan Sipil'] },
  { dir: 'kesehatan', code: 'DINKES', name: 'Dinas Kesehatan', bidang: ['Bidang Pelayanan Kesehatan', 'Bidang Sumber Daya Kesehatan'] },
];
const KABUPATEN = ['Sukamaju', 'Sukamakmur', 'Tanjung Harapan', 'Karang Sari'];
const TOPICS = [
  'Pelayanan Permohonan Cuti Tahunan', 'Penerbitan Surat Keputusan Kenaikan Pangkat', 'Pengelolaan Surat Masuk',
  'Pengelolaan Surat Keluar', 'Penyusunan Rencana Kerja dan Anggaran', 'Pencairan Tambahan Penghasilan Pegawai',
  'Penerbitan Izin Usaha Mikro', 'Penanganan Pengaduan Masyarakat', 'Penerbitan Kartu Keluarga',
  'Penerbitan Akta Kelahiran', 'Verifikasi Surat Pertanggungjawaban', 'Pengadaan Barang Persediaan',
  'Pelaksanaan Rapat Koordinasi', 'Penyusunan Laporan Kinerja', 'Pemutakhiran Data Pegawai',
  'Pelayanan Rujukan Pasien', 'Penerbitan Surat Izin Praktik', 'Pengarsipan Dokumen Dinamis',
];
const ACTORS = [
  ['pemohon', 'Pemohon'], ['petugas', 'Petugas Pelayanan'], ['pengelola', 'Pengelola Data'],
  ['verifikator', 'Verifikator'], ['kasubbag', 'Kepala Subbagian'], ['kabid', 'Kepala Bidang'],
  ['sekretaris', 'Sekretaris'], ['kepala', 'Kepala Dinas'], ['bendahara', 'Bendahara Pengeluaran'],
  ['arsiparis', 'Arsiparis'],
];
const VERBS = [
  'Menerima', 'Memeriksa', 'Memverifikasi', 'Mencatat', 'Menyusun', 'Mengoreksi', 'Menandatangani',
  'Menyampaikan', 'Meneruskan', 'Mengarsipkan', 'Mengagendakan', 'Membuat', 'Memberikan', 'Mengajukan',
];
const OBJECTS = [
  'berkas permohonan', 'konsep surat', 'data pendukung', 'nota dinas', 'formulir isian', 'laporan hasil verifikasi',
  'surat keputusan', 'daftar nominatif', 'dokumen persyaratan', 'rekapitulasi data',
];
const WAKTU = ['5 menit', '10 menit', '15 menit', '30 menit', '1 jam', '1 jam 30 menit', '1,5 jam', '2 jam', '1 hari kerja', '1-2 hari kerja', '2 hari', '3 hari kerja', '1 minggu'];
const DASAR = [
  'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
  'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
  'Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan',
  'Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil',
  'Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan',
  'Peraturan Bupati Nomor 12 Tahun 2021 tentang Tata Naskah Dinas',
];
const KUALIFIKASI = ['Memahami peraturan kepegawaian', 'Mampu mengoperasikan komputer', 'Memahami tata naskah dinas', 'Mampu berkomunikasi dengan baik', 'Memahami aplikasi layanan daring'];
const PERALATAN = ['Komputer', 'Printer', 'Jaringan internet', 'Alat tulis kantor', 'Telepon', 'Aplikasi layanan daring', 'Lemari arsip'];
const PENCATATAN = ['Buku agenda', 'Arsip surat keputusan', 'Data elektronik pada aplikasi', 'Register permohonan', 'Berkas laporan'];
const PANGKAT = ['Pembina (IV/a)', 'Pembina Tingkat I (IV/b)', 'Pembina Utama Muda (IV/c)'];
const NAMES = ['Drs. Ahmad Suryadi, M.Si.', 'Ir. Siti Rahmawati, M.T.', 'Dr. Budi Santoso, S.H., M.H.', 'Hj. Nur Aini, S.E., M.Ak.', 'Yohanes Kristanto, S.Sos., M.AP.'];

function date(yearLo, yearHi) {
  return { y: int(yearLo, yearHi), m: int(1, 12), d: int(1, 28) };
}
const iso = (t) => `${t.y}-${pad(t.m)}-${pad(t.d)}`;
const later = (t, days) => {
  const dt = new Date(Date.UTC(t.y, t.m - 1, t.d + days));
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};

/** A NIP that passes `nip-format`: birth date, appointment year-month, sex 1|2, serial 001-999. */
function nip() {
  const birth = date(1965, 1990);
  const appointed = { y: birth.y + int(20, 30), m: int(1, 12) };
  const parts = [`${birth.y}${pad(birth.m)}${pad(birth.d)}`, `${appointed.y}${pad(appointed.m)}`, String(int(1, 2)), pad(int(1, 999), 3)];
  return chance(0.5) ? parts.join(' ') : parts.join('');
}

function actorsFor() {
  const n = int(3, 6);
  // The applicant opens most procedures, the head of office approves: keeps flows realistic.
  const chosen = sample(ACTORS.slice(1), n - 1);
  return [ACTORS[0], ...chosen];
}

/** 6-15 rows, every actor used, 0-2 decisions whose `tidak` loops back (or ends), `ya` goes forward. */
function rowsFor(actorIds) {
  const n = int(6, 15);
  const rows = [];
  for (let i = 0; i < n; i++) {
    // First rows cycle through the actors so none is unused; then any actor.
    const actor = i < actorIds.length ? actorIds[i] : pick(actorIds);
    const verb = i === 0 ? 'Mengajukan' : pick(VERBS);
    const obj = pick(OBJECTS);
    const kelengkapan = i === 0 ? pick(['-', 'Formulir permohonan']) : chance(0.5) ? `${obj[0].toUpperCase()}${obj.slice(1)}` : [`${obj[0].toUpperCase()}${obj.slice(1)}`, 'Data pendukung'];
    const row = {
      kegiatan: `${verb} ${obj} ${pick(['sesuai ketentuan', 'kepada pejabat berwenang', 'melalui aplikasi', 'secara lengkap', 'untuk diproses lebih lanjut'])}`,
      pelaksana: actor,
      kelengkapan,
      waktu: pick(WAKTU),
      output: chance(0.8) ? `${obj[0].toUpperCase()}${obj.slice(1)} ${pick(['terverifikasi', 'tercatat', 'ditandatangani', 'tersusun', 'terkirim'])}` : ['Dokumen hasil kegiatan', 'Tanda terima'],
    };
    if (chance(0.2)) row.keterangan = pick(['Dilakukan pada jam kerja', 'Dapat melalui surat elektronik', 'Paraf pada setiap halaman']);
    rows.push(row);
  }
  const decisions = sample([...Array(n - 3).keys()].map((k) => k + 2), int(0, 2)).sort((a, b) => a - b);
  for (const at of decisions) {
    const back = int(0, at - 1);
    rows[back].id ??= `langkah-${back + 1}`;
    const keputusan = {};
    if (chance(0.4)) {
      rows[at + 1].id ??= `langkah-${at + 2}`;
      keputusan.ya = rows[at + 1].id;
    }
    keputusan.tidak = chance(0.8) ? (chance(0.5) ? rows[back].id : back + 1) : 'selesai';
    if (chance(0.3)) keputusan.label = ['Lengkap', 'Tidak lengkap'];
    rows[at].kegiatan = `Memeriksa kelengkapan dan kebenaran ${pick(OBJECTS)}`;
    rows[at].keputusan = keputusan;
  }
  // Key order as people write it: id first, flow keys after the mutu baku.
  return rows.map(({ id, kegiatan, pelaksana, kelengkapan, waktu, output, keputusan, keterangan }) =>
    Object.fromEntries(Object.entries({ id, kegiatan, pelaksana, kelengkapan, waktu, output, keputusan, keterangan }).filter(([, v]) => v !== undefined)),
  );
}

function sopFor(i, names) {
  const unit = UNITS[i % UNITS.length];
  const kab = KABUPATEN[Math.floor(i / UNITS.length) % KABUPATEN.length];
  const topic = TOPICS[i % TOPICS.length];
  const made = date(2019, 2025);
  const actors = actorsFor();
  const fm = {
    nomor: `800/${pad(i + 1, 5)}/SOP/${unit.code}/${made.y}`,
    nama: `${topic} ${unit.code} ${i + 1}`,
    ...(chance(0.3) ? { jenis: 'administratif' } : {}),
    ...(chance(0.2) ? { cakupan: pick(['makro', 'mikro']), sifat: pick(['generik', 'spesifik']) } : {}),
    instansi: [`Pemerintah Kabupaten ${kab}`, unit.name, pick(unit.bidang)],
    tanggal_pembuatan: iso(made),
    tanggal_revisi: chance(0.4) ? '-' : iso(later(made, int(30, 700))),
    tanggal_efektif: iso(later(made, int(0, 30))),
    disahkan_oleh: { jabatan: `Kepala ${unit.name}`, nama: pick(NAMES), nip: nip(), ...(chance(0.7) ? { pangkat: pick(PANGKAT) } : {}) },
    dasar_hukum: sample(DASAR, int(2, 4)),
    kualifikasi_pelaksana: sample(KUALIFIKASI, int(1, 3)),
    keterkaitan: names.length > 0 && chance(0.6) ? sample(names.slice(-50), int(1, 2)) : '-',
    peralatan_perlengkapan: sample(PERALATAN, int(2, 4)),
    peringatan: chance(0.5) ? 'Jika SOP tidak dilaksanakan, layanan terlambat dan tidak akuntabel' : ['Keterlambatan layanan', 'Data tidak akurat'],
    pencatatan_pendataan: sample(PENCATATAN, int(1, 3)),
    pelaksana: Object.fromEntries(actors),
    prosedur: rowsFor(actors.map(([id]) => id)),
  };
  return { unit, fm };
}

/** The broken variants; `schema` says whether a schema-only validator can see the defect. */
const DEFECTS = [
  { kind: 'missing-key', schema: true, apply: (fm) => delete fm[pick(['dasar_hukum', 'pencatatan_pendataan', 'tanggal_efektif', 'peringatan'])] },
  { kind: 'missing-row-key', schema: true, apply: (fm) => delete pick(fm.prosedur)[pick(['waktu', 'output'])] },
  { kind: 'bad-date-shape', schema: true, apply: (fm) => (fm.tanggal_pembuatan = fm.tanggal_pembuatan.split('-').reverse().join('-')) },
  { kind: 'bad-date-calendar', schema: false, apply: (fm) => (fm.tanggal_efektif = `${fm.tanggal_efektif.slice(0, 4)}-02-30`) },
  { kind: 'unknown-actor', schema: false, apply: (fm) => (pick(fm.prosedur).pelaksana = 'sekretariat_x') },
  { kind: 'bad-nip-length', schema: false, apply: (fm) => (fm.disahkan_oleh.nip = fm.disahkan_oleh.nip.replace(/\s/g, '').slice(0, 16)) },
  { kind: 'bad-nip-serial', schema: false, apply: (fm) => (fm.disahkan_oleh.nip = `${fm.disahkan_oleh.nip.replace(/\s/g, '').slice(0, 15)}000`) },
];

function body(fm) {
  const actors = Object.values(fm.pelaksana);
  return [
    '## Definisi',
    '',
    `- **${fm.nama}** adalah prosedur yang dijalankan oleh ${actors.slice(0, -1).join(', ')} dan ${actors.at(-1)}.`,
    '- **Hari kerja** adalah hari Senin sampai dengan Jumat, kecuali hari libur nasional.',
    '',
    '## Formulir',
    '',
    '| Kode | Nama formulir |',
    '| --- | --- |',
    `| F-${fm.nomor.split('/')[1]} | Formulir permohonan |`,
    '| F-TT | Tanda terima berkas |',
    '',
    'Formulir dapat diunduh dari laman resmi instansi.',
    '',
  ].join('\n');
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const nInvalid = Math.round(count * 0.05);
const invalid = new Set(sample([...Array(count).keys()], nInvalid));
const names = [];
const manifest = { seed, count, invalid: [] };
for (let i = 0; i < count; i++) {
  const { unit, fm } = sopFor(i, names);
  names.push(fm.nama);
  const file = `${unit.dir}/sop-${pad(i + 1, 5)}.md`;
  if (invalid.has(i)) {
    const defect = DEFECTS[manifest.invalid.length % DEFECTS.length];
    defect.apply(fm);
    manifest.invalid.push({ file, defect: defect.kind, schema: defect.schema });
  }
  mkdirSync(join(dir, unit.dir), { recursive: true });
  // lineWidth 0: long Indonesian titles stay on one line instead of being folded.
  writeFileSync(join(dir, file), `---\n${stringify(fm, { lineWidth: 0 })}---\n\n${body(fm)}`);
}
manifest.invalid.sort((a, b) => a.file.localeCompare(b.file));
writeFileSync(
  join(dir, 'sop.config.yaml'),
  '# Benchmark corpus config: nothing is required here, every SOP file carries all its identity keys.\nlang: id\npaper: A4\n',
);
// Style rules that do not fit SOP bodies: long lines are prose, and the body is printed under *Catatan*, so it opens with `##`.
writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{ "config": { "MD013": false, "MD041": false } }\n');
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const bySchema = manifest.invalid.filter((x) => x.schema).length;
console.log(`${count} SOP files in ${dir} (seed ${seed}): ${nInvalid} invalid, ${bySchema} of them visible to a schema-only check`);
