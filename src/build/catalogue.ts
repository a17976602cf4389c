// The site's index.html: the catalogue of SOPs (Daftar SOP) with an offline search box.
import type { Labels } from './labels.js';
import { htmlShell } from './layout.js';
import type { SopEntry } from './plan.js';
import { escapeHtml, formatDate, naturalCompare, searchKey } from './text.js';

export interface CatalogueInput {
  entries: SopEntry[];
  labels: Labels;
  /** Agency lines for the header (common to the SOPs). */
  agency: string[];
  packs: { title: string; htmlHref: string; pdfHref?: string }[];
  /** Site paths of the SOP PDFs that exist, by entry rel. */
  pdfs: Set<string>;
}

/**
 * Filters rows by every word typed (accents and case ignored). Kept tiny and inline: the page works
 * from a USB stick or a file share, with no request of any kind.
 */
export function searchScript(labels: Labels): string {
  const shown = JSON.stringify(labels.shown(0, 0).replace(/\d+/g, '#'));
  return `(function(){
var q=document.getElementById('q'),rows=[].slice.call(document.querySelectorAll('#daftar tbody tr')),out=document.getElementById('count'),none=document.getElementById('none');
var tpl=${shown};
function norm(s){return s.normalize('NFKD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase();}
function run(){var words=norm(q.value).split(/\\s+/).filter(Boolean),n=0;
rows.forEach(function(r){var t=r.getAttribute('data-search')||'';var ok=words.every(function(w){return t.indexOf(w)>=0;});r.hidden=!ok;if(ok)n++;});
var i=0;out.textContent=tpl.replace(/#/g,function(){return String(i++===0?n:rows.length);});none.hidden=n!==0;}
q.addEventListener('input',run);run();})();`;
}

export function cataloguePage(input: CatalogueInput): string {
  const { labels } = input;
  const lang = labels.htmlLang === 'en' ? 'en' : 'id';
  const sorted = [...input.entries].sort((a, b) => a.unitOrder - b.unitOrder || naturalCompare(a.nomor, b.nomor) || naturalCompare(a.rel, b.rel));
  const rows = sorted
    .map((e, i) => {
      const href = `${e.rel.split('/').map(encodeURIComponent).join('/')}.html`;
      const jenis = labels.jenisValue[e.jenis] ?? e.jenis;
      const date = formatDate(e.data.tanggal_efektif, lang);
      const key = searchKey([e.nomor, e.nama, e.unit, jenis, date].join(' '));
      const pdf = input.pdfs.has(e.rel) ? `<a href="${escapeHtml(href.replace(/\.html$/, '.pdf'))}">PDF</a>` : '';
      return (
        `<tr data-search="${escapeHtml(key)}"><td class="num">${i + 1}</td><td class="nomor">${escapeHtml(e.nomor)}</td>` +
        `<td><a href="${escapeHtml(href)}">${escapeHtml(e.nama)}</a></td><td>${escapeHtml(e.unit)}</td>` +
        `<td>${escapeHtml(jenis)}</td><td class="date">${escapeHtml(date)}</td><td>${pdf}</td></tr>`
      );
    })
    .join('\n');
  const packs = input.packs.length
    ? `<ul class="packs">${input.packs
        .map(
          (p) =>
            `<li><a href="${escapeHtml(p.htmlHref)}">${escapeHtml(p.title)}</a>` +
            (p.pdfHref ? ` &middot; <a href="${escapeHtml(p.pdfHref)}">PDF</a>` : '') +
            `</li>`,
        )
        .join('')}</ul>`
    : '';
  const body =
    `<div class="catalogue"><header><h1>${escapeHtml(labels.catalogue)}</h1>` +
    `<p class="agency">${input.agency.map(escapeHtml).join(' &middot; ')}</p></header>${packs}` +
    `<div class="search"><label for="q" class="visually-hidden">${escapeHtml(labels.search)}</label>` +
    `<input id="q" type="search" placeholder="${escapeHtml(labels.searchPlaceholder)}" autocomplete="off">` +
    `<output id="count" for="q" aria-live="polite">${escapeHtml(labels.shown(sorted.length, sorted.length))}</output></div>` +
    `<table class="daftar" id="daftar"><thead><tr><th class="num">${escapeHtml(labels.no)}</th><th>${escapeHtml(labels.nomorSop)}</th>` +
    `<th>${escapeHtml(labels.namaSop)}</th><th>${escapeHtml(labels.unit)}</th><th>${escapeHtml(labels.jenis)}</th>` +
    `<th>${escapeHtml(labels.tglEfektifLong)}</th><th>PDF</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>` +
    `<p class="empty" id="none" hidden>${escapeHtml(labels.noResults)}</p></div>`;
  return htmlShell({ lang: labels.htmlLang, title: labels.catalogue, root: '', css: '', bodyClass: 'site', body, script: searchScript(labels) });
}
