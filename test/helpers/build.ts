// Fixtures for build tests: small SOP repositories written into temp folders, and helpers to read built PDFs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

/** True when every named program runs with `-v` (poppler's pdftotext, pdffonts, ...): tests skip without them. */
export function hasTools(...names: string[]): boolean {
  try {
    for (const name of names) execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SopSpec {
  file: string;
  nomor: string;
  nama: string;
  keterkaitan?: string[] | '-';
  body?: string;
  /** Extra or replaced keys. */
  extra?: Record<string, unknown>;
}

/** A valid SOP (sop-ap/1) with three actors, a decision and a loop back. */
export function sopText(s: SopSpec): string {
  const data: Record<string, unknown> = {
    nomor: s.nomor,
    nama: s.nama,
    jenis: 'administratif',
    instansi: ['PEMERINTAH KABUPATEN SUKAMAJU', 'DINAS KOMUNIKASI DAN INFORMATIKA', 'BIDANG APLIKASI INFORMATIKA'],
    tanggal_pembuatan: '2025-01-02',
    tanggal_revisi: '-',
    tanggal_efektif: '2025-01-15',
    disahkan_oleh: { jabatan: 'Kepala Dinas Komunikasi dan Informatika', nama: 'Ir. SITI RAHAYU, M.T.', nip: '19780214 200312 2 005' },
    dasar_hukum: ['Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik', 'Peraturan Menteri PANRB Nomor 35 Tahun 2012'],
    kualifikasi_pelaksana: ['Memahami tata naskah dinas'],
    keterkaitan: s.keterkaitan ?? '-',
    peralatan_perlengkapan: ['Komputer', 'Printer'],
    peringatan: 'Layanan terlambat bila SOP tidak dilaksanakan.',
    pencatatan_pendataan: ['Permohonan dicatat dalam buku agenda'],
    pelaksana: { pemohon: 'Pemohon', petugas: 'Petugas Layanan', kabid: 'Kepala Bidang' },
    prosedur: [
      { kegiatan: 'Mengajukan permohonan', pelaksana: 'pemohon', kelengkapan: 'Formulir', waktu: '10 menit', output: 'Permohonan' },
      { id: 'periksa', kegiatan: 'Memeriksa kelengkapan berkas', pelaksana: 'petugas', kelengkapan: 'Permohonan', waktu: '15 menit', output: 'Berkas diperiksa', keputusan: { ya: 3, tidak: 1 } },
      { kegiatan: 'Menyetujui permohonan', pelaksana: 'kabid', kelengkapan: 'Berkas diperiksa', waktu: '1 jam', output: 'Persetujuan' },
      { kegiatan: 'Menerima hasil layanan', pelaksana: 'pemohon', kelengkapan: 'Persetujuan', waktu: '5 menit', output: 'Hasil diterima' },
    ],
    ...s.extra,
  };
  return `---\n${stringify(data)}---\n${s.body ?? 'Catatan singkat untuk SOP ini.\n'}`;
}

export interface RepoSpec {
  config?: Record<string, unknown>;
  sops: SopSpec[];
  files?: Record<string, string>;
}

/** Writes a repository: sop.config.yaml, the SOPs and any extra files. */
export function writeRepo(dir: string, spec: RepoSpec): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'sop.config.yaml'), stringify(spec.config ?? {}));
  for (const s of spec.sops) {
    mkdirSync(path.dirname(path.join(dir, s.file)), { recursive: true });
    writeFileSync(path.join(dir, s.file), sopText(s));
  }
  for (const [f, text] of Object.entries(spec.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
}

export function pdfInfo(file: string): { pages: number; size: [number, number]; raw: string } {
  const raw = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(raw)![1]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(raw)!;
  return { pages, size: [Number(m[1]), Number(m[2])], raw };
}

/** Size in pt of every page (pdfinfo -f 1 -l N). */
export function pageSizes(file: string): [number, number][] {
  const raw = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
  return [...raw.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

export function pdfText(file: string, page?: number, layout = false): string {
  const args = [...(page ? ['-f', String(page), '-l', String(page)] : []), ...(layout ? ['-layout'] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

/** poppler's XML view: text, links (`href`) and the outline. */
export function pdfXml(file: string): string {
  return execFileSync('pdftohtml', ['-xml', '-i', '-stdout', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
}
