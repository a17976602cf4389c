// The page of one SOP: identity table (official grid), flow table pages, Mermaid diagram (screen only), Catatan.
import type { Labels } from './labels.js';
import { fitIdentityFont, identityCss } from './identity-fit.js';
import { PAPER_LANDSCAPE, SOP_MARGINS, htmlShell, pageCss, type PageParts, type Paper } from './layout.js';
import type { SopEntry } from './plan.js';
import { asTextList, escapeHtml, formatDate } from './text.js';

/** One page of the flow table as the flow-table renderer returns it. */
export interface FlowTablePage {
  svg: string;
  widthMm: number;
  heightMm: number;
  rows: number[];
}

export interface RelatedLink {
  text: string;
  href?: string;
  /** The other identifier of the target (its number when named by name, and the reverse). */
  note?: string;
}

export interface SopPageInput {
  entry: SopEntry;
  labels: Labels;
  paper: Paper;
  /** Relative URL of the site root from this page. */
  root: string;
  logoSrc?: string;
  related: RelatedLink[];
  flowPages: FlowTablePage[];
  /** The diagram for the site page; the print page (PDF) leaves it out. */
  mermaid?: { svg?: string; source: string; failed?: boolean };
  bodyHtml: string;
  pdfHref?: string;
  packs: { title: string; href: string }[];
}

function list(items: string[], ordered = true): string {
  if (items.length === 0) return '<p class="single">-</p>';
  if (items.length === 1 && items[0].trim() === '-') return '<p class="single">-</p>';
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
}

function relatedList(links: RelatedLink[]): string {
  if (links.length === 0) return '<p class="single">-</p>';
  const item = (l: RelatedLink): string => {
    const text = l.href ? `<a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>` : escapeHtml(l.text);
    return l.note ? `${text} <span class="ref-nomor">(${escapeHtml(l.note)})</span>` : text;
  };
  return `<ol>${links.map((l) => `<li>${item(l)}</li>`).join('')}</ol>`;
}

function pair(leftTitle: string, left: string, rightTitle: string, right: string): string {
  return (
    `<tr class="pair"><td><h3>${escapeHtml(leftTitle)}:</h3>${left}</td>` +
    `<td colspan="3"><h3>${escapeHtml(rightTitle)}:</h3>${right}</td></tr>`
  );
}

/** The identity table laid out as the official SOP AP form (domain note §3.2). */
export function identityTable(input: SopPageInput): string {
  const { entry, labels } = input;
  const d = entry.data;
  const lang = labels.htmlLang === 'en' ? 'en' : 'id';
  const instansi = asTextList(d.instansi);
  const pejabat = (typeof d.disahkan_oleh === 'object' && d.disahkan_oleh !== null ? d.disahkan_oleh : {}) as Record<string, unknown>;
  const peringatan = Array.isArray(d.peringatan) ? list(asTextList(d.peringatan)) : `<p class="single">${escapeHtml(d.peringatan ?? '-')}</p>`;
  const row = (label: string, value: string, cls = ''): string =>
    `<th scope="row">${escapeHtml(label)}</th><td class="sep">:</td><td class="value${cls ? ` ${cls}` : ''}">${value}</td>`;
  const logo = input.logoSrc ? `<img class="logo" src="${escapeHtml(input.logoSrc)}" alt="">` : '';
  const lines = instansi.map((line, i) => `<p class="unit-${i}">${escapeHtml(line)}</p>`).join('');
  const pengesahan =
    `<div class="jabatan">${escapeHtml(pejabat.jabatan ?? '')}</div><div class="ttd"></div>` +
    `<div class="nama">${escapeHtml(pejabat.nama ?? '')}</div>` +
    (pejabat.pangkat ? `<div class="pangkat">${escapeHtml(pejabat.pangkat)}</div>` : '') +
    `<div class="nip">${escapeHtml(labels.nip)} ${escapeHtml(pejabat.nip ?? '')}</div>`;
  return (
    `<table class="identitas">` +
    `<caption class="visually-hidden">${escapeHtml(labels.identitas)}</caption>` +
    `<colgroup><col class="c-instansi"><col class="c-label"><col class="c-sep"><col class="c-value"></colgroup><tbody>` +
    `<tr><td class="instansi" rowspan="6">${logo}${lines}</td>${row(labels.nomorSop, escapeHtml(entry.nomor))}</tr>` +
    `<tr>${row(labels.tglPembuatan, escapeHtml(formatDate(d.tanggal_pembuatan, lang)))}</tr>` +
    `<tr>${row(labels.tglRevisi, escapeHtml(formatDate(d.tanggal_revisi, lang)))}</tr>` +
    `<tr>${row(labels.tglEfektif, escapeHtml(formatDate(d.tanggal_efektif, lang)))}</tr>` +
    `<tr class="pengesahan">${row(labels.disahkanOleh, pengesahan)}</tr>` +
    `<tr>${row(labels.namaSop, escapeHtml(entry.nama), 'nama-sop')}</tr>` +
    pair(labels.dasarHukum, list(asTextList(d.dasar_hukum)), labels.kualifikasi, list(asTextList(d.kualifikasi_pelaksana))) +
    pair(labels.keterkaitan, relatedList(input.related), labels.peralatan, list(asTextList(d.peralatan_perlengkapan))) +
    pair(labels.peringatan, peringatan, labels.pencatatan, list(asTextList(d.pencatatan_pendataan))) +
    `</tbody></table>`
  );
}

/** The SVG of a flow page without an XML declaration, so it can sit inline in HTML. */
function inlineSvg(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
}

export function sopPage(input: SopPageInput): string {
  return htmlShell({ ...sopPageParts(input), root: input.root });
}

export function sopPageParts(input: SopPageInput): PageParts {
  const { entry, labels } = input;
  const paper = PAPER_LANDSCAPE[input.paper];
  const title = `${entry.nomor} — ${entry.nama}`;
  const nav =
    `<nav class="site-nav screen-only"><a href="${escapeHtml(input.root)}index.html">&larr; ${escapeHtml(labels.backToCatalogue)}</a>` +
    input.packs.map((p) => `<a href="${escapeHtml(p.href)}">${escapeHtml(p.title)}</a>`).join('') +
    `<span class="spacer"></span><span class="here">${escapeHtml(entry.nomor)}</span>` +
    (input.pdfHref ? `<a href="${escapeHtml(input.pdfHref)}">${escapeHtml(labels.download)}</a>` : '') +
    `</nav>`;
  const flow = input.flowPages
    .map(
      (p, i) =>
        `<section class="sheet flow-page" id="prosedur-${i + 1}" aria-label="${escapeHtml(`${labels.prosedur} ${i + 1}/${input.flowPages.length}`)}">` +
        `${inlineSvg(p.svg)}</section>`,
    )
    .join('\n');
  const m = input.mermaid;
  const diagram = m
    ? `<section class="sheet diagram screen-only" id="diagram"><h2>${escapeHtml(labels.diagram)}</h2>` +
      (m.svg
        ? `<div class="mermaid-svg">${m.svg}</div>`
        : `<p class="note">${escapeHtml(m.failed ? labels.diagramFailed : labels.diagramNote)}</p><pre><code>${escapeHtml(m.source)}</code></pre>`) +
      `</section>`
    : '';
  const catatan = input.bodyHtml.trim()
    ? `<section class="sheet prose catatan" id="catatan"><h2>${escapeHtml(labels.catatan)}</h2>\n${input.bodyHtml}\n</section>`
    : '';
  // Links to the parts (hidden, for screen readers); they also make Chromium record each part's page in the PDF.
  const parts = [['identitas', labels.identitas], ...(input.flowPages.length ? [['prosedur-1', labels.prosedur]] : []), ...(catatan ? [['catatan', labels.catatan]] : [])];
  const skip = `<nav class="visually-hidden">${parts.map(([id, t]) => `<a href="#${id}">${escapeHtml(t)}</a>`).join(' ')}</nav>`;
  const body =
    `${nav}\n${skip}\n<main>\n<section class="sheet identity-page" id="identitas">${identityTable(input)}</section>\n` +
    `${flow}\n${diagram}\n${catatan}\n</main>`;
  // The identity table gets the largest font at which it still fits the first page.
  const widthMm = paper.width - SOP_MARGINS.left - SOP_MARGINS.right;
  const heightMm = paper.height - SOP_MARGINS.top - SOP_MARGINS.bottom;
  const shown = { ...entry.data, keterkaitan: input.related.length ? input.related.map((r) => (r.note ? `${r.text} (${r.note})` : r.text)) : '-' };
  const font = fitIdentityFont(shown, widthMm, heightMm, Boolean(input.logoSrc));
  return {
    lang: labels.htmlLang,
    title,
    css: pageCss(paper, SOP_MARGINS, { left: title, pages: 'of-total' }, labels, identityCss(font)),
    bodyClass: 'doc-landscape sop',
    body,
  };
}
