// The pack's front matter (cover, keputusan, daftar isi, penjelasan): one portrait document, printed and shown on the site.
import type { Labels } from './labels.js';
import { PORTRAIT_MARGINS, htmlShell, pageCss, portrait, type PageParts, type Paper } from './layout.js';
import type { PackPlan } from './plan.js';
import { escapeHtml, formatDate } from './text.js';

export interface Pejabat {
  jabatan?: string;
  nama?: string;
  nip?: string;
  pangkat?: string;
}

/** Page numbers of the pack PDF (1-based), when it is made. */
export interface PackPageNumbers {
  keputusan?: number;
  daftarIsi?: number;
  penjelasan?: number;
  /** By entry rel. */
  sops: Map<string, number>;
}

export interface PackPageInput {
  plan: PackPlan;
  labels: Labels;
  paper: Paper;
  agency: string[];
  logoSrc?: string;
  pejabat?: Pejabat;
  keputusanHtml?: string;
  penjelasanHtml?: string;
  /** SOP page href by entry rel. */
  sopHref: (rel: string) => string;
  pdfHref?: string;
  pages?: PackPageNumbers;
}

/** Anchors of the front matter; the contents link to them, which also makes Chromium record their pages in the PDF. */
export const FRONT_ANCHORS = ['keputusan', 'daftar-isi', 'penjelasan'] as const;

export function packTitle(plan: PackPlan): string {
  return plan.config.title;
}

export function packPage(input: PackPageInput): string {
  return htmlShell({ ...packPageParts(input), root: '' });
}

export function packPageParts(input: PackPageInput): PageParts {
  const { plan, labels } = input;
  const pack = plan.config;
  const lang = labels.htmlLang === 'en' ? 'en' : 'id';
  const num = (n: number | undefined): string => (n === undefined ? '' : String(n));
  const withPages = input.pages !== undefined;

  const cover =
    `<section class="sheet cover" id="sampul"><div class="top"><h1>${escapeHtml(pack.title)}</h1>` +
    (pack.subtitle ? `<p class="subtitle">${escapeHtml(pack.subtitle)}</p>` : '') +
    `</div>` +
    (input.logoSrc ? `<img class="logo" src="${escapeHtml(input.logoSrc)}" alt="">` : '<div></div>') +
    `<div><div class="agency">${input.agency.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>` +
    `<p class="year">${escapeHtml(pack.year)}</p>` +
    (pack.address ? `<p class="address">${escapeHtml(pack.address)}</p>` : '') +
    `</div></section>`;

  const k = pack.keputusan;
  const p = input.pejabat;
  const keputusan = k
    ? `<section class="sheet prose decree" id="keputusan"><div class="decree-head">` +
      `<p>${escapeHtml(k.jenis ?? labels.keputusan)}</p><p>${escapeHtml(labels.nomorUpper)} ${escapeHtml(k.nomor)}</p>` +
      `<div class="gap"></div><p>${escapeHtml(labels.tentang)}</p><p>${escapeHtml(k.tentang)}</p></div>` +
      (input.keputusanHtml ?? '') +
      `<div class="signature"><p>${escapeHtml(labels.ditetapkan)} ${escapeHtml(formatDate(k.tanggal, lang))}</p>` +
      (p
        ? `<p class="jabatan">${escapeHtml(p.jabatan ?? '')},</p><div class="ttd"></div><p class="nama">${escapeHtml(p.nama ?? '')}</p>` +
          (p.pangkat ? `<p>${escapeHtml(p.pangkat)}</p>` : '') +
          `<p>${escapeHtml(labels.nip)} ${escapeHtml(p.nip ?? '')}</p>`
        : '') +
      `</div></section>`
    : '';

  const pages = input.pages;
  const front: { id: string; title: string; page?: number }[] = [];
  if (k) front.push({ id: 'keputusan', title: labels.keputusan, page: pages?.keputusan });
  front.push({ id: 'daftar-isi', title: labels.daftarIsi, page: pages?.daftarIsi });
  if (input.penjelasanHtml !== undefined) front.push({ id: 'penjelasan', title: labels.penjelasan, page: pages?.penjelasan });
  const numCell = (n: number | undefined): string => (withPages ? `<td class="num">${num(n)}</td>` : '');
  let counter = 0;
  const rows =
    front.map((f) => `<tr><td class="no"></td><td colspan="2"><a href="#${f.id}">${escapeHtml(f.title)}</a></td>${numCell(f.page)}</tr>`).join('') +
    plan.sections
      .map(
        (s) =>
          `<tr class="section"><td class="no"></td><td colspan="${withPages ? 3 : 2}">${escapeHtml(s.title)}</td></tr>` +
          s.entries
            .map(
              (e) =>
                `<tr><td class="no">${++counter}</td><td class="nomor">${escapeHtml(e.nomor)}</td>` +
                `<td><a href="${escapeHtml(input.sopHref(e.rel))}">${escapeHtml(e.nama)}</a></td>${numCell(pages?.sops.get(e.rel))}</tr>`,
            )
            .join(''),
      )
      .join('');
  const toc =
    `<section class="sheet toc" id="daftar-isi"><h2>${escapeHtml(labels.daftarIsi)}</h2>` +
    `<table class="toc-table"><thead><tr><th class="no">${escapeHtml(labels.no)}</th><th>${escapeHtml(labels.nomorSop)}</th>` +
    `<th>${escapeHtml(labels.uraian)}</th>${withPages ? `<th class="num">${escapeHtml(labels.halaman)}</th>` : ''}</tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`;

  const usage =
    input.penjelasanHtml !== undefined
      ? `<section class="sheet prose usage" id="penjelasan"><h2>${escapeHtml(labels.penjelasan)}</h2>${input.penjelasanHtml}</section>`
      : '';

  const nav =
    `<nav class="site-nav screen-only"><a href="index.html">&larr; ${escapeHtml(labels.backToCatalogue)}</a>` +
    `<span class="spacer"></span><span class="here">${escapeHtml(pack.title)}</span>` +
    (input.pdfHref ? `<a href="${escapeHtml(input.pdfHref)}">${escapeHtml(labels.download)}</a>` : '') +
    `</nav>`;
  const size = portrait(input.paper);
  // The cover carries no page number; the rest are numbered as pages of the pack.
  const css = pageCss(size, PORTRAIT_MARGINS, { pages: 'number' }, labels, '@page cover { @bottom-right { content: none } }\n.cover { page: cover; min-height: calc(var(--paper-h) - var(--m-top) - var(--m-bottom) - 2mm); }');
  return {
    lang: labels.htmlLang,
    title: pack.title,
    css,
    bodyClass: 'doc-portrait pack',
    body: `${nav}\n<main>\n${cover}\n${keputusan}\n${toc}\n${usage}\n</main>`,
  };
}
