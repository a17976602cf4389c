// Writes the catalogue content as the site's index.html (Daftar SOP) with an offline search box.
import type { CatalogueContent } from '../catalogue.js';
import type { Labels } from '../labels.js';
import { escapeHtml } from './escape.js';
import { htmlShell } from './shell.js';

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

export function cataloguePage(content: CatalogueContent): string {
  const { labels, rows } = content;
  const rowsHtml = rows
    .map(
      (r) =>
        `<tr data-search="${escapeHtml(r.search)}"><td class="num">${r.no}</td><td class="nomor">${escapeHtml(r.nomor)}</td>` +
        `<td><a href="${escapeHtml(r.href)}">${escapeHtml(r.nama)}</a></td><td>${escapeHtml(r.unit)}</td>` +
        `<td>${escapeHtml(r.jenis)}</td><td class="date">${escapeHtml(r.date)}</td><td>${r.pdfHref ? `<a href="${escapeHtml(r.pdfHref)}">PDF</a>` : ''}</td></tr>`,
    )
    .join('\n');
  const packs = content.packs.length
    ? `<ul class="packs">${content.packs
        .map(
          (p) =>
            `<li><a href="${escapeHtml(p.htmlHref)}">${escapeHtml(p.title)}</a>` +
            (p.pdfHref ? ` &middot; <a href="${escapeHtml(p.pdfHref)}">PDF</a>` : '') +
            `</li>`,
        )
        .join('')}</ul>`
    : '';
  const body =
    `<div class="catalogue"><header><h1>${escapeHtml(content.title)}</h1>` +
    `<p class="agency">${content.agency.map(escapeHtml).join(' &middot; ')}</p></header>${packs}` +
    `<div class="search"><label for="q" class="visually-hidden">${escapeHtml(labels.search)}</label>` +
    `<input id="q" type="search" placeholder="${escapeHtml(labels.searchPlaceholder)}" autocomplete="off">` +
    `<output id="count" for="q" aria-live="polite">${escapeHtml(labels.shown(rows.length, rows.length))}</output></div>` +
    `<table class="daftar" id="daftar"><thead><tr><th class="num">${escapeHtml(labels.no)}</th><th>${escapeHtml(labels.nomorSop)}</th>` +
    `<th>${escapeHtml(labels.namaSop)}</th><th>${escapeHtml(labels.unit)}</th><th>${escapeHtml(labels.jenis)}</th>` +
    `<th>${escapeHtml(labels.tglEfektifLong)}</th><th>PDF</th></tr></thead>\n<tbody>\n${rowsHtml}\n</tbody></table>` +
    `<p class="empty" id="none" hidden>${escapeHtml(labels.noResults)}</p></div>`;
  return htmlShell({ lang: labels.htmlLang, title: content.title, root: '', css: '', bodyClass: 'site', body, script: searchScript(labels) });
}
