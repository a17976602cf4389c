// Builds SOP file texts for lint tests: a valid base whose identity and flow parts a test swaps or edits.

/** A valid identity part (frontmatter lines 2-23). NIP 19750312 200012 1 003 is valid. */
export const IDENTITY = `nomor: "800/001/SOP/BKD/2025"
nama: Pelayanan Permohonan Cuti Tahunan
jenis: administratif
instansi:
  - Pemerintah Kabupaten Sukamaju
  - Badan Kepegawaian Daerah
tanggal_pembuatan: 2025-01-15
tanggal_revisi: "-"
tanggal_efektif: 2025-02-01
disahkan_oleh:
  jabatan: Kepala Badan Kepegawaian Daerah
  nama: Drs. Ahmad Suryadi, M.Si.
  nip: "19750312 200012 1 003"
dasar_hukum:
  - Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil
kualifikasi_pelaksana:
  - Memahami peraturan tentang cuti PNS
keterkaitan: "-"
peralatan_perlengkapan: [Komputer, Printer]
peringatan: Hak cuti pegawai tidak dapat diberikan tepat waktu
pencatatan_pendataan: [Buku agenda cuti]
`;

/** A valid flow: three actors, a decision looping back to row 1 (frontmatter lines 24-50). */
export const FLOW = `pelaksana:
  pemohon: Pemohon
  pengelola: Pengelola Kepegawaian
  kepala: Kepala Badan
prosedur:
  - kegiatan: Mengisi formulir permohonan cuti
    pelaksana: pemohon
    kelengkapan: Blangko permohonan cuti
    waktu: 15 menit
    output: Formulir permohonan terisi
  - id: verifikasi
    kegiatan: Memverifikasi kelengkapan berkas
    pelaksana: pengelola
    kelengkapan: Formulir permohonan terisi
    waktu: 30 menit
    output: Berkas terverifikasi
    keputusan:
      ya: tandatangan
      tidak: 1
  - id: tandatangan
    kegiatan: Menandatangani surat izin cuti
    pelaksana: kepala
    kelengkapan: Berkas terverifikasi
    waktu: 1 hari kerja
    output: Surat izin cuti
`;

/** A whole SOP file: `---`, identity, flow, `---`, a short body. */
export function sop(parts: { identity?: string; flow?: string; extra?: string } = {}): string {
  return `---\n${parts.identity ?? IDENTITY}${parts.flow ?? FLOW}${parts.extra ?? ''}---\nCatatan.\n`;
}

/** 1-based line and column where `needle` starts in `text` (the `nth` occurrence, from 1), found by plain search. */
export function pos(text: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (occurrence ${nth}) not in the test text`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** Start and end (exclusive column, yaml's convention) of `needle`, for asserting a whole range. */
export function span(text: string, needle: string, nth = 1): { line: number; column: number; endLine: number; endColumn: number } {
  const p = pos(text, needle, nth);
  const lines = needle.split('\n');
  const endLine = p.line + lines.length - 1;
  const endColumn = lines.length === 1 ? p.column + needle.length : lines[lines.length - 1].length + 1;
  return { ...p, endLine, endColumn };
}

/** Span of `needle` inside the `nth` occurrence of `context` (for needles that also appear elsewhere). */
export function within(text: string, context: string, needle: string, nth = 1): { line: number; column: number; endLine: number; endColumn: number } {
  const start = pos(text, context, nth);
  const offsetInContext = context.indexOf(needle);
  if (offsetInContext === -1) throw new Error(`"${needle}" is not inside "${context}"`);
  const before = context.slice(0, offsetInContext);
  const extraLines = before.split('\n').length - 1;
  const line = start.line + extraLines;
  const column = extraLines === 0 ? start.column + offsetInContext : offsetInContext - before.lastIndexOf('\n');
  return { line, column, endLine: line, endColumn: column + needle.length };
}

/**
 * A valid format 1.1 flow (spec §7.1): an extra start, a joint step, a chain whose diamond loops
 * back to an item of its own row, a fork and its join. Only waktu-format's no-standard warning
 * (row 4, `waktu: "-"`) fires on it by default. Tests edit it with `.replace`.
 */
export const FLOW_11 = `pelaksana:
  sekretaris: Sekretaris
  kepala: Kepala Dinas
  kabag: Kepala Bagian Umum
  ppk: Pejabat Pembuat Komitmen
  penyedia: Penyedia
prosedur:
  - kegiatan: Menerima surat masuk secara langsung
    pelaksana: sekretaris
    kelengkapan: Surat masuk
    waktu: 10 menit
    output: Surat teragenda
    ke: telaah
  - kegiatan: Menerima surat masuk melalui surel
    pelaksana: sekretaris
    mulai: true
    simbol_teks: Via email
    kelengkapan: Surel
    waktu: 5 menit
    output: Surat teragenda
  - id: disposisi
    kegiatan: Menelaah surat dan memberikan disposisi
    langkah:
      - pelaksana: sekretaris
        id: telaah
      - pelaksana: kepala
        teks: Disetujui?
        keputusan:
          tidak: telaah
      - pelaksana: kabag
    kelengkapan: Surat teragenda
    waktu: 1 hari kerja
    output: Lembar disposisi
    ke: [4, 5]
  - kegiatan: Menyusun rancangan kontrak bersama
    pelaksana: [ppk, penyedia]
    opsional: true
    kelengkapan: Lembar disposisi
    waktu: "-"
    output: Rancangan kontrak
    ke: 6
  - kegiatan: Memeriksa anggaran
    pelaksana: kabag
    kelengkapan: Lembar disposisi
    waktu: 2 jam
    output: Anggaran terperiksa
  - kegiatan: Menandatangani kontrak
    pelaksana: [ppk, penyedia]
    kelengkapan: [Rancangan kontrak, Anggaran terperiksa]
    waktu: 30 menit
    output: Kontrak
`;
