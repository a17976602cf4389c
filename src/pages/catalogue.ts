// The catalogue (Daftar SOP) as content: one row per SOP in unit and number order, the packs, the agency.
import { inlinePlain } from '../core/inline-markdown.js';
import { buildSearchIndex, collectText, type SearchIndex } from '../search/search-index.js';
import type { Labels } from './labels.js';
import { formatDate, naturalCompare, searchKey } from './text.js';
import type { SopInfo } from './types.js';
import { statusView, type StatusView } from './status.js';

export interface CatalogueInput {
  entries: SopInfo[];
  labels: Labels;
  /** Agency lines for the header (common to the SOPs). */
  agency: string[];
  packs: { title: string; htmlHref: string; pdfHref?: string }[];
  /** Rels of the SOPs whose PDF exists. */
  pdfs: Set<string>;
  /** SHA-256 (hex) of each SOP's PDF, by rel: a signed copy can be checked against a rebuild. */
  pdfSha?: Map<string, string>;
  /** Each SOP's Markdown body, by rel, for the full-text search. */
  bodies?: Map<string, string>;
  /** Other parts of the site (the lifecycle forms in `siklus/`, the evidence pack), addresses relative to the catalogue. */
  links?: { title: string; href: string }[];
  /** "Today" (`YYYY-MM-DD`): an SOP in force whose tanggal_efektif is later is marked *belum berlaku*. */
  today?: string;
}

export interface CatalogueRow {
  no: number;
  nomor: string;
  nama: string;
  /** Address of the SOP's page, relative to the catalogue. */
  href: string;
  pdfHref?: string;
  unit: string;
  /** Kind as read (`Administratif`). */
  jenis: string;
  /** Effective date as read. */
  date: string;
  /** Lower-case, accent-free words a search matches against. */
  search: string;
  /** SHA-256 of the PDF, when there is one. */
  sha256?: string;
  status: StatusView;
}

export interface CatalogueContent {
  labels: Labels;
  title: string;
  agency: string[];
  packs: CatalogueInput['packs'];
  links: NonNullable<CatalogueInput['links']>;
  rows: CatalogueRow[];
  /** Full-text index over every field and the body of each SOP; SOP i is rows[i]. */
  index: SearchIndex;
  /** Filter choices: units and kinds in row order, each once. */
  units: string[];
  kinds: string[];
}

export function catalogueContent(input: CatalogueInput): CatalogueContent {
  const { labels } = input;
  const lang = labels.htmlLang === 'en' ? 'en' : 'id';
  const sorted = [...input.entries].sort((a, b) => a.unitOrder - b.unitOrder || naturalCompare(a.nomor, b.nomor) || naturalCompare(a.rel, b.rel));
  const hrefOf = (rel: string) => `${rel.split('/').map(encodeURIComponent).join('/')}.html`;
  const rows = sorted.map((e, i) => {
    const href = hrefOf(e.rel);
    const jenis = labels.jenisValue[e.jenis] ?? e.jenis;
    const date = formatDate(e.data.tanggal_efektif, lang);
    const status = statusView(e, labels, input.today, hrefOf);
    return {
      no: i + 1,
      nomor: e.nomor,
      nama: e.nama,
      href,
      pdfHref: input.pdfs.has(e.rel) ? href.replace(/\.html$/, '.pdf') : undefined,
      unit: e.unit,
      jenis,
      date,
      search: searchKey([e.nomor, e.nama, e.unit, jenis, date, status.text].join(' ')),
      sha256: input.pdfSha?.get(e.rel),
      status,
    };
  });
  // Every field (identity, actors, rows) and the body: what a reader of the SOP could look for.
  const index = buildSearchIndex(sorted.map((e, i) => [...collectText(e.data).map(inlinePlain), rows[i].unit, rows[i].jenis, rows[i].date, input.bodies?.get(e.rel) ?? '']));
  const once = (xs: string[]): string[] => [...new Set(xs)];
  return { labels, title: labels.catalogue, agency: input.agency, packs: input.packs, links: input.links ?? [], rows, index, units: once(rows.map((r) => r.unit)), kinds: once(rows.map((r) => r.jenis)) };
}
