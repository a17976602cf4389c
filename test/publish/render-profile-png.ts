// Writes docs/img/profile-*.png: page 1 of an SOP built with each profile of docs/profiles (flow under the identity table, e-signed).
// Usage: npx tsx test/publish/render-profile-png.ts   (needs Chromium and pdftoppm)
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { build } from '../../src/api/build.js';
import { tempDir, writeRepo } from '../helpers/build.js';

const root = path.resolve(import.meta.dirname, '../..');

// A short SOP of the kind that signs its flow on the identity page (fictional names and numbers).
const sop = {
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
      { kegiatan: 'Memeriksa agenda dan meneruskan surat kepada Kepala Bagian', pelaksana: 'kasubbag', kelengkapan: 'Agenda surat', waktu: '10 menit', output: 'Surat diteruskan', keputusan: { ya: 4, tidak: 2 } },
      { kegiatan: 'Memberikan disposisi', pelaksana: 'kabag', kelengkapan: 'Surat diteruskan', waktu: '15 menit', output: 'Disposisi' },
    ],
  },
};

for (const [profile, png] of [
  ['instansi-vertikal-tte', 'profile-tte-flow-under-identity'],
  ['regulasi', 'profile-regulasi'],
] as const) {
  const repo = tempDir('sop-profile-png-');
  try {
    const config = parse(readFileSync(path.join(root, 'docs/profiles', `${profile}.config.yaml`), 'utf8')) as Record<string, unknown>;
    const spec = profile === 'regulasi' ? { ...sop, extra: { ...sop.extra, disahkan_oleh: { jabatan: 'Kepala Kantor Wilayah', nama: 'Dr. RINA KARTIKA, S.H., M.H.', nip: '19780214 200312 2 005' } } } : sop;
    writeRepo(repo.dir, { config, sops: [spec] });
    const r = await build({ cwd: repo.dir, env: process.env, force: true, mermaid: false, formats: ['pdf', 'html'] });
    if (!r.ok) throw new Error('build failed');
    const prefix = path.join(repo.dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(repo.dir, '_site/umum/surat-masuk.pdf'), prefix]);
    copyFileSync(`${prefix}-1.png`, path.join(root, 'docs/img', `${png}.png`));
    console.log(`docs/img/${png}.png`);
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
}
