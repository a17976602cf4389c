// Writes the Perbandingan SOP content as HTML: an overview and change list, then both versions' flow tables, one sheet per page.
import { readFileSync } from 'node:fs';
import { PAPER_LANDSCAPE, SOP_MARGINS } from '../../core/paper.js';
import type { PerbandinganContent, PerbandinganVersion } from '../perbandingan.js';
import { fontFiles, STYLESHEET } from './assets.js';
import { escapeHtml } from './escape.js';
import { htmlShell, pageCss, type PageParts } from './shell.js';

/** Room (mm) the version heading takes above the first flow page; the table is drawn for what is left. */
export const VERSION_HEADING_MM = 14;

const CSS = `
.perbandingan h1 { font-size: 15pt; margin: 0 0 2mm; }
.perbandingan h2 { font-size: 12pt; margin: 5mm 0 1.5mm; }
.perbandingan h3 { font-size: 10pt; margin: 2.5mm 0 1mm; }
.perbandingan .revisi { font-size: 10pt; margin: 0 0 1mm; }
.perbandingan .path { font-family: monospace; font-size: 8.5pt; color: #444; margin: 0; }
.perbandingan ul.changes { margin: 0 0 1mm; padding-left: 0; list-style: none; font-size: 9.5pt; }
.perbandingan ul.changes li { margin: 0.6mm 0; break-inside: avoid; }
.perbandingan ul.changes .sign { display: inline-block; width: 5mm; font-weight: bold; font-family: monospace; }
.perbandingan ul.changes .plus .sign { color: #0a6b2a; }
.perbandingan ul.changes .minus .sign { color: #a11a1a; }
.perbandingan ul.changes ul { margin: 0.5mm 0 0 5mm; padding-left: 4mm; font-size: 9pt; }
.perbandingan table.ringkasan { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 2mm 0 3mm; }
.perbandingan table.ringkasan th, .perbandingan table.ringkasan td { border: 0.3mm solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.perbandingan table.ringkasan th { background: #eee; }
.perbandingan .versi-head { height: ${VERSION_HEADING_MM - 2}mm; margin: 0 0 2mm; overflow: hidden; }
.perbandingan .versi-head h2 { margin: 0 0 1mm; }
.perbandingan .versi-head .revisi { margin: 0; }
`;

function sign(s: '+' | '-' | '~'): string {
  return s === '+' ? 'plus' : s === '-' ? 'minus' : 'changed';
}

function versionSheets(v: PerbandinganVersion, sopTitle: string, id: string): string {
  const head = `<div class="versi-head"><h2>${escapeHtml(v.heading)}: ${escapeHtml(sopTitle)}</h2><p class="revisi">${escapeHtml(v.revision)} &middot; <span class="path">${escapeHtml(v.path)}</span></p></div>`;
  if (v.flowPages.length === 0) return `<section class="sheet versi" id="${id}">${head}</section>`;
  return v.flowPages
    .map((p, i) => {
      const svg = p.svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(`${v.heading} ${i + 1}/${v.flowPages.length}`)}"`);
      return `<section class="sheet flow-page versi"${i === 0 ? ` id="${id}"` : ''}>${i === 0 ? head : ''}${svg}</section>`;
    })
    .join('\n');
}

export function perbandinganParts(c: PerbandinganContent): PageParts {
  const paper = PAPER_LANDSCAPE[c.paper];
  const overview = c.sops.length
    ? `<table class="ringkasan"><thead><tr><th scope="col">${escapeHtml(c.columns.sop)}</th><th scope="col">${escapeHtml(c.columns.kind)}</th><th scope="col">${escapeHtml(c.columns.parts)}</th></tr></thead><tbody>` +
      c.sops.map((s) => `<tr><td>${escapeHtml(s.title)}</td><td>${escapeHtml(s.kind)}</td><td>${escapeHtml(s.changes.map((x) => x.title).join(', ') || '-')}</td></tr>`).join('') +
      `</tbody></table>`
    : `<p>${escapeHtml(c.empty ?? '')}</p>`;
  const lists = c.sops
    .map((s) => {
      const secs = s.changes
        .map(
          (sec) =>
            `<h3>${escapeHtml(sec.title)}</h3><ul class="changes">` +
            sec.lines
              .map((l) => `<li class="${sign(l.sign)}"><span class="sign" aria-hidden="true">${l.sign}</span>${escapeHtml(l.text)}${l.details?.length ? `<ul>${l.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : ''}</li>`)
              .join('') +
            `</ul>`,
        )
        .join('');
      return `<h2>${escapeHtml(s.title)} (${escapeHtml(s.kind)})</h2><p class="path">${escapeHtml(s.path)}${s.movedFrom ? ` &larr; ${escapeHtml(s.movedFrom)}` : ''}</p>${secs}`;
    })
    .join('\n');
  const versions = c.sops
    .flatMap((s, i) => [s.before ? versionSheets(s.before, s.title, `sop-${i + 1}-awal`) : '', s.after ? versionSheets(s.after, s.title, `sop-${i + 1}-perbaikan`) : ''])
    .filter(Boolean)
    .join('\n');
  const body =
    `<main class="perbandingan">\n<section class="sheet ringkasan-perubahan"><h1>${escapeHtml(c.title)}</h1>` +
    `<p class="revisi">${escapeHtml(c.from)} &rarr; ${escapeHtml(c.to)}</p><p class="revisi"><strong>${escapeHtml(c.summary)}</strong></p>${overview}${lists}</section>\n${versions}\n</main>`;
  // printed with the SOP pages' margins, so the flow tables fit exactly as in the SOP's own PDF
  return {
    lang: c.labels.htmlLang,
    title: c.title,
    css: pageCss(paper, SOP_MARGINS, { left: `${c.title}: ${c.from} → ${c.to}`, pages: 'of-total' }, c.labels, CSS),
    bodyClass: 'doc-landscape perbandingan-doc',
    body,
  };
}

/**
 * A standalone HTML file: the stylesheet and its fonts inlined (data: URIs), so the file opens
 * anywhere, attached to a mail or a meeting's minutes, without the site next to it.
 */
export function perbandinganPage(c: PerbandinganContent): string {
  const parts = perbandinganParts(c);
  let css = readFileSync(STYLESHEET, 'utf8');
  for (const [site, file] of fontFiles()) {
    const name = site.replace(/^assets\//, '');
    css = css.split(`url(${name})`).join(`url(data:font/woff2;base64,${readFileSync(file).toString('base64')})`);
  }
  return htmlShell({ ...parts, css: `${css}\n${parts.css}`, root: '' }).replace(/<link rel="stylesheet" href="assets\/sop\.css">\n/, '');
}
