// Writes one SOP's content as an HTML page: identity table, flow table pages, Mermaid diagram (screen only), Catatan.
import { PAPER_LANDSCAPE, SOP_MARGINS } from '../../core/paper.js';
import type { SopContent } from '../sop.js';
import { inlineHtml } from '../../core/inline-markdown.js';
import { escapeHtml } from './escape.js';
import { identityCss, identityFont } from './identity-fit.js';
import { identityTable } from './identity.js';
import { proseHtml } from './markdown.js';
import { htmlShell, pageCss, type PageParts } from './shell.js';
import { draftWatermark, RIWAYAT_CSS, riwayatSection } from './riwayat.js';
import { statusHtml } from './status.js';

/** Where the page sits on the site: what only a web page has (navigation, the PDF link). */
export interface SopSite {
  /** Relative URL of the site root from this page. */
  root: string;
  pdfHref?: string;
  packs: { title: string; href: string }[];
}

/**
 * The SVG of a flow page without an XML declaration, so it can sit inline in HTML; named as an
 * image whose text alternative is the steps list (`#langkah`).
 */
function inlineSvg(svg: string, label: string): string {
  const bare = svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
  return bare.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}" aria-describedby="langkah-note"`);
}

/** The flow table as an ordered list of steps: the text alternative of the SVG pages (screen only; the PDF has the table). */
function stepsHtml(content: SopContent): string {
  const { labels, steps } = content;
  if (steps.length === 0) return '';
  const items = steps
    .map((st) => {
      const value = /^\d+$/.test(st.no) ? ` value="${st.no}"` : '';
      const who = st.pelaksana.length ? ` <span class="who">(${st.pelaksana.map(escapeHtml).join(', ')})</span>` : '';
      const branches = st.branches.map((b) => `${b.label ? `${escapeHtml(b.label)}: ` : ''}${escapeHtml(b.to)}`).join('; ');
      const next = st.next ? ` &rarr; ${escapeHtml(st.next)}` : '';
      return `<li${value}>${/^\d+$/.test(st.no) ? '' : `<strong>${escapeHtml(st.no)}.</strong> `}${inlineHtml(st.kegiatan)}${who}${branches ? ` &rarr; ${branches}` : ''}${next}</li>`;
    })
    .join('');
  return (
    `<section class="sheet flow-steps screen-only" id="langkah" aria-labelledby="langkah-h"><h2 id="langkah-h">${escapeHtml(labels.flowSteps)}</h2>` +
    `<p id="langkah-note" class="note">${escapeHtml(labels.flowStepsNote)}</p><ol>${items}</ol></section>`
  );
}

export function sopPage(content: SopContent, site: SopSite): string {
  return htmlShell({ ...sopPageParts(content, site), root: site.root });
}

export function sopPageParts(content: SopContent, site: SopSite): PageParts {
  const { labels, identity, title } = content;
  const paper = PAPER_LANDSCAPE[content.paper];
  const nav =
    `<nav class="site-nav screen-only"><a href="${escapeHtml(site.root)}index.html">&larr; ${escapeHtml(labels.backToCatalogue)}</a>` +
    site.packs.map((p) => `<a href="${escapeHtml(p.href)}">${escapeHtml(p.title)}</a>`).join('') +
    `<span class="spacer"></span><span class="here">${escapeHtml(identity.nomor)}</span>` +
    (site.pdfHref ? `<a href="${escapeHtml(site.pdfHref)}">${escapeHtml(labels.download)}</a>` : '') +
    `</nav>`;
  // layout.flowOnIdentityPage: the flow's first page was drawn for the room under the identity
  // table and sits in the same sheet; when not even one row fitted there, that page is empty and dropped.
  const pages = content.flowPages;
  const underIdentity = content.layout.flowOnIdentityPage && pages.length > 0 && pages[0].rows.length > 0;
  const separate = content.layout.flowOnIdentityPage && pages.length > 0 && pages[0].rows.length === 0 ? pages.slice(1) : underIdentity ? pages.slice(1) : pages;
  const total = separate.length + (underIdentity ? 1 : 0);
  const svgLabel = (n: number): string => `${labels.prosedur} ${n}/${total}`;
  const first = underIdentity
    ? `<div class="flow-page flow-under-identity" id="prosedur-1" tabindex="0" role="region" aria-label="${escapeHtml(svgLabel(1))}">${inlineSvg(pages[0].svg, svgLabel(1))}</div>`
    : '';
  const offset = underIdentity ? 1 : 0;
  const flow = separate
    .map(
      (p, i) =>
        // tabindex: on a narrow screen the table scrolls in its box, and a keyboard must reach it.
        `<section class="sheet flow-page" id="prosedur-${i + 1 + offset}" tabindex="0" aria-label="${escapeHtml(svgLabel(i + 1 + offset))}">` +
        `${inlineSvg(p.svg, svgLabel(i + 1 + offset))}</section>`,
    )
    .join('\n');
  const m = content.diagram;
  const diagram = m
    ? `<section class="sheet diagram screen-only" id="diagram"><h2>${escapeHtml(labels.diagram)}</h2>` +
      (m.svg
        ? `<div class="mermaid-svg">${m.svg}</div>`
        : `<p class="note">${escapeHtml(m.failed ? labels.diagramFailed : labels.diagramNote)}</p><pre><code>${escapeHtml(m.source)}</code></pre>`) +
      `</section>`
    : '';
  const bodyHtml = proseHtml(content.notes);
  const catatan = bodyHtml.trim() ? `<section class="sheet prose catatan" id="catatan"><h2>${escapeHtml(labels.catatan)}</h2>\n${bodyHtml}\n</section>` : '';
  // Links to the parts (hidden, for screen readers); they also make Chromium record each part's page in the PDF.
  const riwayat = content.riwayat ? riwayatSection(content.riwayat) : '';
  const parts = [['identitas', labels.identitas], ...(total ? [['prosedur-1', labels.prosedur]] : []), ...(riwayat ? [['riwayat', content.riwayat!.title]] : []), ...(catatan ? [['catatan', labels.catatan]] : [])];
  const skip = `<nav class="visually-hidden">${parts.map(([id, t]) => `<a href="#${id}">${escapeHtml(t)}</a>`).join(' ')}</nav>`;
  const body =
    `${nav}\n${skip}\n${content.draft ? `${draftWatermark(content.draft)}\n` : ''}<main>\n<h1 class="visually-hidden">${escapeHtml(title)}</h1>\n` +
    (content.status ? `<aside class="status-notice screen-only">${statusHtml(content.status, labels, 'p')}</aside>\n` : '') +
    `<section class="sheet identity-page" id="identitas">${identityTable(identity, labels)}${first}</section>\n` +
    `${flow}\n${riwayat ? `${riwayat}\n` : ''}${stepsHtml(content)}\n${diagram}\n${catatan}\n</main>`;
  // The identity table gets the largest font at which it still fits the first page.
  const widthMm = paper.width - SOP_MARGINS.left - SOP_MARGINS.right;
  const heightMm = paper.height - SOP_MARGINS.top - SOP_MARGINS.bottom;
  const font = identityFont(identity, widthMm, heightMm, content.layout.flowOnIdentityPage);
  return {
    lang: labels.htmlLang,
    title,
    css: pageCss(paper, SOP_MARGINS, { left: title, pages: 'of-total', statement: content.signatureFooter }, labels, identityCss(font) + (riwayat || content.draft ? RIWAYAT_CSS : '')),
    bodyClass: 'doc-landscape sop',
    body,
  };
}
