// The identity table of an SOP (the official SOP AP grid, domain note §3.2) as content: every cell's text, no format.
//
// Text fields keep their inline Markdown (format §7.3: *emphasis*, **strong**, line breaks); each
// writer renders it (core/inline-markdown.ts). A value "-" stays "-": writers print it as a bare dash.
import { isDash } from '../core/inline-markdown.js';
import { applyCase, DEFAULT_LAYOUT, type LayoutSettings, type ListStyle } from '../core/profile.js';
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
  /**
   * The approving official. `nip` is '' when there is none to print (missing, "-", or an e-signed
   * SOP): no `NIP.` line then. `tte`: signed electronically, the signature space holds a placeholder box.
   */
  pengesahan: Required<Pick<Pejabat, 'jabatan' | 'nama' | 'nip'>> & Pick<Pejabat, 'pangkat'> & { tte: boolean };
  /** How identity lists are marked: numbered (the regulation's form) or with dashes. */
  listStyle: ListStyle;
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

export function identityContent(sop: SopInfo, o: { lang: Lang; logo?: string; related: RelatedLink[]; layout?: LayoutSettings }): IdentityContent {
  const d = sop.data;
  const layout = o.layout ?? DEFAULT_LAYOUT;
  const p = (typeof d.disahkan_oleh === 'object' && d.disahkan_oleh !== null ? d.disahkan_oleh : {}) as Record<string, unknown>;
  const tte = p.tte === true;
  const nip = tte || isDash(p.nip) ? '' : text(p.nip).trim();
  const pangkat = p.pangkat && !isDash(p.pangkat) ? text(p.pangkat) : undefined;
  return {
    nomor: sop.nomor,
    nama: applyCase(sop.nama, layout),
    instansi: asTextList(d.instansi),
    logo: o.logo,
    tanggalPembuatan: formatDate(d.tanggal_pembuatan, o.lang),
    tanggalRevisi: formatDate(d.tanggal_revisi, o.lang),
    tanggalEfektif: formatDate(d.tanggal_efektif, o.lang),
    pengesahan: { jabatan: applyCase(text(p.jabatan), layout), nama: text(p.nama), nip, pangkat, tte },
    listStyle: layout.listStyle.identity,
    dasarHukum: asTextList(d.dasar_hukum),
    kualifikasi: asTextList(d.kualifikasi_pelaksana),
    keterkaitan: o.related,
    peralatan: asTextList(d.peralatan_perlengkapan),
    peringatan: Array.isArray(d.peringatan) ? { list: asTextList(d.peringatan) } : { text: text(d.peringatan ?? '-') },
    pencatatan: asTextList(d.pencatatan_pendataan),
  };
}
