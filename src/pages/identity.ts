// The identity table of an SOP (the official SOP AP grid, domain note §3.2) as content: every cell's text, no format.
import type { Lang } from '../core/types.js';
import type { Pejabat, SopInfo } from './types.js';
import { asTextList, formatDate } from './text.js';

/** One `keterkaitan` entry; `href` is set when it names another SOP of the build. */
export interface RelatedLink {
  text: string;
  href?: string;
  /** The other identifier of the target (its number when named by name, and the reverse). */
  note?: string;
}

export interface IdentityContent {
  nomor: string;
  nama: string;
  /** Agency lines, top down. */
  instansi: string[];
  /** Address of the logo, when there is one. */
  logo?: string;
  /** Dates as read (`15 Januari 2025`, `-`). */
  tanggalPembuatan: string;
  tanggalRevisi: string;
  tanggalEfektif: string;
  pengesahan: Required<Pick<Pejabat, 'jabatan' | 'nama' | 'nip'>> & Pick<Pejabat, 'pangkat'>;
  dasarHukum: string[];
  kualifikasi: string[];
  keterkaitan: RelatedLink[];
  peralatan: string[];
  /** A list when written as one, else one paragraph (`-` when absent). */
  peringatan: { list: string[] } | { text: string };
  pencatatan: string[];
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

export function identityContent(sop: SopInfo, o: { lang: Lang; logo?: string; related: RelatedLink[] }): IdentityContent {
  const d = sop.data;
  const p = (typeof d.disahkan_oleh === 'object' && d.disahkan_oleh !== null ? d.disahkan_oleh : {}) as Record<string, unknown>;
  return {
    nomor: sop.nomor,
    nama: sop.nama,
    instansi: asTextList(d.instansi),
    logo: o.logo,
    tanggalPembuatan: formatDate(d.tanggal_pembuatan, o.lang),
    tanggalRevisi: formatDate(d.tanggal_revisi, o.lang),
    tanggalEfektif: formatDate(d.tanggal_efektif, o.lang),
    pengesahan: { jabatan: text(p.jabatan), nama: text(p.nama), nip: text(p.nip), pangkat: p.pangkat ? text(p.pangkat) : undefined },
    dasarHukum: asTextList(d.dasar_hukum),
    kualifikasi: asTextList(d.kualifikasi_pelaksana),
    keterkaitan: o.related,
    peralatan: asTextList(d.peralatan_perlengkapan),
    peringatan: Array.isArray(d.peringatan) ? { list: asTextList(d.peringatan) } : { text: text(d.peringatan ?? '-') },
    pencatatan: asTextList(d.pencatatan_pendataan),
  };
}
