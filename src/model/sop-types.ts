// Types of an SOP file's frontmatter (format `sop-ap/1.1`, a superset of 1.0; see schemas/sop.schema.json). Keys stay Indonesian.

/** A flow target: a 1-based row number, a row `id`, or `selesai` (the procedure ends). */
export type TargetValue = number | string;

export interface Pejabat {
  jabatan: string;
  nama: string;
  /** Optional since 1.1 (lint `nip-missing` warns unless `tte: true`). */
  nip?: string;
  pangkat?: string;
  /** 1.1: signed electronically; the signature space is a placeholder for the signing tool. */
  tte?: boolean;
}

export interface Keputusan {
  ya?: TargetValue;
  tidak: TargetValue;
  /** Labels of the yes and no branches; default `[Ya, Tidak]`; `false` (1.1): branches drawn without labels. */
  label?: [string, string] | false;
}

/** 1.1: one symbol of a chain inside a numbered step (`langkah`). */
export interface LangkahItem {
  pelaksana: string;
  /** Text printed inside the symbol. */
  teks?: string;
  /** Lets a target name this item (same pattern as row ids, unique in the file). */
  id?: string;
  /** Makes the item a diamond: `ya` defaults to the next item (the last: as a row's `ya`). */
  keputusan?: Keputusan;
}

export interface ProsedurRow {
  kegiatan: string;
  /** An actor id, or (1.1) a list of ids: a joint step. Absent when the row has `langkah`. */
  pelaksana?: string | string[];
  kelengkapan: string | string[];
  waktu: string;
  output: string | string[];
  keterangan?: string;
  id?: string;
  /** A target, or (1.1) a list of targets: a fork. */
  ke?: TargetValue | TargetValue[];
  keputusan?: Keputusan;
  /** 1.1: a symbol chain (2 or more items); the row then has no `pelaksana` and no `keputusan`. */
  langkah?: LangkahItem[];
  /** 1.1: an extra start. */
  mulai?: boolean;
  /** 1.1: done only when needed ("apabila diperlukan"). */
  opsional?: boolean;
  /** 1.1: text inside the row's symbol. */
  simbol_teks?: string;
  /** 1.1: the number printed in column No. (`5a`, `-`). */
  no?: string | number;
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
  /** `YYYY-MM-DD`, or (1.1) `YYYY-MM`. */
  tanggal_pembuatan: string;
  tanggal_revisi: string | null;
  tanggal_efektif: string;
  /** Legal state; default `berlaku` (src/model/status.ts). */
  status?: 'draf' | 'berlaku' | 'diganti' | 'dicabut';
  /** The SOP that replaces this one (its nomor or nama), when `status: diganti`. */
  diganti_oleh?: string;
  /** The SOPs this one replaces (nomor or nama): one or a list. */
  menggantikan?: string | string[];
  /** Date revoked (`YYYY-MM-DD` or `YYYY-MM`); required for `status: dicabut`. */
  tanggal_dicabut?: string;
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
