// Types of an SOP file's frontmatter (format `sop-ap/1`, see schemas/sop.schema.json). Keys stay Indonesian.

/** A flow target: a 1-based row number, a row `id`, or `selesai` (the procedure ends). */
export type TargetValue = number | string;

export interface Pejabat {
  jabatan: string;
  nama: string;
  nip: string;
  pangkat?: string;
}

export interface Keputusan {
  ya?: TargetValue;
  tidak: TargetValue;
  /** Labels of the yes and no branches; default `[Ya, Tidak]`. */
  label?: [string, string];
}

export interface ProsedurRow {
  kegiatan: string;
  pelaksana: string;
  kelengkapan: string | string[];
  waktu: string;
  output: string | string[];
  keterangan?: string;
  id?: string;
  ke?: TargetValue;
  keputusan?: Keputusan;
}

/** The merged frontmatter of one SOP (after config `defaults`). Validated by the schema before use. */
export interface SopData {
  nomor: string;
  nama: string;
  jenis?: 'administratif' | 'teknis';
  cakupan?: 'makro' | 'mikro';
  sifat?: 'generik' | 'spesifik';
  instansi: string[];
  logo?: string;
  tanggal_pembuatan: string;
  tanggal_revisi: string | null;
  tanggal_efektif: string;
  disahkan_oleh: Pejabat;
  dasar_hukum: string[];
  kualifikasi_pelaksana: string[];
  keterkaitan: string[] | '-';
  peralatan_perlengkapan: string[];
  peringatan: string | string[];
  pencatatan_pendataan: string[];
  /** Ordered mapping actor id -> column title. */
  pelaksana: Record<string, string>;
  prosedur: ProsedurRow[];
  [extension: `x-${string}`]: unknown;
}
