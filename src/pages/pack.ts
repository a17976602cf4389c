// The pack's front matter as content: cover (Halaman Judul), decree (Keputusan), contents (Daftar Isi), usage notes (Penjelasan).
import type { Paper } from '../core/paper.js';
import type { Labels } from './labels.js';
import type { Prose } from './prose.js';
import { formatDate } from './text.js';
import type { PackOutline, Pejabat } from './types.js';

/** Anchors of the front matter's parts; the contents link to them, which also makes Chromium record their pages in the PDF. */
export const FRONT_ANCHORS = ['keputusan', 'daftar-isi', 'penjelasan'] as const;

/** Page numbers of the pack PDF (1-based), when it is made. */
export interface PackPageNumbers {
  keputusan?: number;
  daftarIsi?: number;
  penjelasan?: number;
  /** By SOP rel. */
  sops: Map<string, number>;
}

export interface PackInput {
  pack: PackOutline;
  labels: Labels;
  paper: Paper;
  agency: string[];
  logo?: string;
  pejabat?: Pejabat;
  keputusan?: Prose;
  /** The decree as a PDF of its own (signed, scanned, from another producer), included as it is. */
  keputusanPdf?: DecreeFile;
  penjelasan?: Prose;
  /** Address of an SOP's document by its rel. */
  sopHref: (rel: string) => string;
  pages?: PackPageNumbers;
}

export interface Cover {
  title: string;
  subtitle?: string;
  logo?: string;
  agency: string[];
  year: string;
  address?: string;
}

export interface DecreeFile {
  /** Address of the PDF (the site links to it). */
  href: string;
  /** Its length: the printed pack keeps that many pages for it. */
  pages: number;
}

export interface Decree {
  /** `Keputusan Kepala ...` (default: the label). */
  jenis: string;
  nomor: string;
  tentang: string;
  text?: Prose;
  /** The decree is this PDF: text and signature are in it. */
  file?: DecreeFile;
  /** Date as read. */
  tanggal: string;
  pejabat?: Pejabat;
}

export interface ContentsEntry {
  no: number;
  nomor: string;
  nama: string;
  href: string;
  page?: number;
}

export interface Contents {
  /** Whether the contents show page numbers (only the printed pack has them). */
  withPages: boolean;
  front: { id: (typeof FRONT_ANCHORS)[number]; title: string; page?: number }[];
  sections: { title: string; entries: ContentsEntry[] }[];
}

export interface PackContent {
  labels: Labels;
  paper: Paper;
  title: string;
  cover: Cover;
  decree?: Decree;
  contents: Contents;
  penjelasan?: Prose;
}

const text = (v: unknown): string => String(v ?? '');

export function packContent(i: PackInput): PackContent {
  const { labels } = i;
  const pack = i.pack.config;
  const lang = labels.htmlLang === 'en' ? 'en' : 'id';
  const k = pack.keputusan;
  const decree: Decree | undefined = k
    ? { jenis: text(k.jenis ?? labels.keputusan), nomor: text(k.nomor), tentang: text(k.tentang), text: i.keputusan, file: i.keputusanPdf, tanggal: formatDate(k.tanggal, lang), pejabat: i.pejabat }
    : undefined;
  const pages = i.pages;
  const front: Contents['front'] = [];
  if (k) front.push({ id: 'keputusan', title: labels.keputusan, page: pages?.keputusan });
  front.push({ id: 'daftar-isi', title: labels.daftarIsi, page: pages?.daftarIsi });
  if (i.penjelasan !== undefined) front.push({ id: 'penjelasan', title: labels.penjelasan, page: pages?.penjelasan });
  let no = 0;
  const sections = i.pack.sections.map((s) => ({
    title: s.title,
    entries: s.entries.map((e) => ({ no: ++no, nomor: e.nomor, nama: e.nama, href: i.sopHref(e.rel), page: pages?.sops.get(e.rel) })),
  }));
  return {
    labels,
    paper: i.paper,
    title: pack.title,
    cover: { title: text(pack.title), subtitle: pack.subtitle ? text(pack.subtitle) : undefined, logo: i.logo, agency: i.agency, year: text(pack.year), address: pack.address ? text(pack.address) : undefined },
    decree,
    contents: { withPages: pages !== undefined, front, sections },
    penjelasan: i.penjelasan,
  };
}
