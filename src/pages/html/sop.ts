// Writes one SOP's content as an HTML page: identity table, flow table pages, Mermaid diagram (screen only), Catatan.
import { PAPER_LANDSCAPE, SOP_MARGINS } from '../../core/paper.js';
import type { SopContent } from '../sop.js';
import { escapeHtml } from './escape.js';
import { fitIdentityFont, identityCss } from './identity-fit.js';
import { identityTable } from './identity.js';
import { proseHtml } from './markdown.js';
import { htmlShell, pageCss, type PageParts } from './shell.js';
import { draftWatermark, RIWAYAT_CSS, riwayatSection } from './riwayat.js';

/** Where the page sits on the site: what only a web page has (navigation, the PDF link). */
export interface SopSite {
  /** Relative URL of the site root from this page. */
  root: string;
  pdfHref?: string;
  packs: { title: string; href: string }[];
}

/** The SVG of a flow page without an XML declaration, so it can sit inline in HTML. */
function inlineSvg(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
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
  const flow = content.flowPages
    .map(
      (p, i) =>
        `<section class="sheet flow-page" id="prosedur-${i + 1}" aria-label="${escapeHtml(`${labels.prosedur} ${i + 1}/${content.flowPages.length}`)}">` +
        `${inlineSvg(p.svg)}</section>`,
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
  const parts = [['identitas', labels.identitas], ...(content.flowPages.length ? [['prosedur-1', labels.prosedur]] : []), ...(riwayat ? [['riwayat', content.riwayat!.title]] : []), ...(catatan ? [['catatan', labels.catatan]] : [])];
  const skip = `<nav class="visually-hidden">${parts.map(([id, t]) => `<a href="#${id}">${escapeHtml(t)}</a>`).join(' ')}</nav>`;
  const body =
    `${nav}\n${skip}\n${content.draft ? `${draftWatermark(content.draft)}\n` : ''}<main>\n<section class="sheet identity-page" id="identitas">${identityTable(identity, labels)}</section>\n` +
    `${flow}\n${riwayat ? `${riwayat}\n` : ''}${diagram}\n${catatan}\n</main>`;
  // The identity table gets the largest font at which it still fits the first page.
  const widthMm = paper.width - SOP_MARGINS.left - SOP_MARGINS.right;
  const heightMm = paper.height - SOP_MARGINS.top - SOP_MARGINS.bottom;
  const font = fitIdentityFont(identity, widthMm, heightMm);
  return {
    lang: labels.htmlLang,
    title,
    css: pageCss(paper, SOP_MARGINS, { left: title, pages: 'of-total' }, labels, identityCss(font) + (riwayat || content.draft ? RIWAYAT_CSS : '')),
    bodyClass: 'doc-landscape sop',
    body,
  };
}
