// Writes the catalogue content as the site's index.html (Daftar SOP) with an offline search box.
import type { CatalogueContent } from '../catalogue.js';
import { statusHtml } from './status.js';
import type { Labels } from '../labels.js';
import { inlineHtml } from '../../core/inline-markdown.js';
import { SEARCH_QUERY_JS, searchIndexJson } from '../../search/search-index.js';
import { escapeHtml } from './escape.js';
import { htmlShell } from './shell.js';

/**
 * Full-text search over the index built at build time (inlined as a JSON block), plus the unit and
 * kind filters; `?q=` in the address fills the box. Kept inline: the page works from a USB stick or
 * a file share, with no request of any kind.
 */
export function searchScript(labels: Labels): string {
  const shown = JSON.stringify(labels.shown(0, 0).replace(/\d+/g, '#'));
  return `(function(){
${SEARCH_QUERY_JS}
var ix=JSON.parse(document.getElementById('sop-index').textContent);
var q=document.getElementById('q'),fu=document.getElementById('f-unit'),fj=document.getElementById('f-jenis'),rows=[].slice.call(document.querySelectorAll('#daftar tbody tr')),out=document.getElementById('count'),none=document.getElementById('none');
var tpl=${shown};
var m=/[?&]q=([^&]*)/.exec(location.search);if(m&&!q.value){try{q.value=decodeURIComponent(m[1].replace(/\\+/g,' '));}catch(e){}}
function run(){var hit=sopSearch(ix,q.value),set=null,n=0;if(hit){set={};hit.forEach(function(i){set[i]=1;});}
rows.forEach(function(r,i){var ok=(!set||set[i]===1)&&(!fu.value||r.getAttribute('data-unit')===fu.value)&&(!fj.value||r.getAttribute('data-jenis')===fj.value);r.hidden=!ok;if(ok)n++;});
var k=0;out.textContent=tpl.replace(/#/g,function(){return String(k++===0?n:rows.length);});none.hidden=n!==0;}
q.addEventListener('input',run);fu.addEventListener('change',run);fj.addEventListener('change',run);run();})();`;
}

function select(id: string, label: string, all: string, values: string[]): string {
  return (
    `<label for="${id}">${escapeHtml(label)}</label> <select id="${id}"><option value="">${escapeHtml(all)}</option>` +
    values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('') +
    `</select>`
  );
}

export function cataloguePage(content: CatalogueContent): string {
  const { labels, rows } = content;
  const rowsHtml = rows
    .map(
      (r) =>
        `<tr data-unit="${escapeHtml(r.unit)}" data-jenis="${escapeHtml(r.jenis)}" data-status="${escapeHtml(r.status.value)}"${r.status.superseded ? ' class="superseded"' : ''}><td class="num">${r.no}</td>` +
        `<td class="nomor" data-label="${escapeHtml(labels.nomorSop)}">${escapeHtml(r.nomor)}</td>` +
        `<td><a href="${escapeHtml(r.href)}">${inlineHtml(r.nama)}</a>${statusHtml(r.status, labels)}</td><td data-label="${escapeHtml(labels.unit)}">${escapeHtml(r.unit)}</td>` +
        `<td data-label="${escapeHtml(labels.jenis)}">${escapeHtml(r.jenis)}</td><td class="date" data-label="${escapeHtml(labels.tglEfektifLong)}">${escapeHtml(r.date)}</td>` +
        `<td>${r.pdfHref ? `<a href="${escapeHtml(r.pdfHref)}">PDF</a>` : ''}` +
        (r.sha256 ? `<div class="sha" title="${escapeHtml(labels.sha256)}"><span class="visually-hidden">${escapeHtml(labels.sha256)}: </span>${escapeHtml(r.sha256)}</div>` : '') +
        `</td></tr>`,
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
  // The lifecycle forms (siklus/) and the evidence pack, when the build writes them.
  const links = content.links.length
    ? `<ul class="packs site-links">${content.links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.title)}</a></li>`).join('')}</ul>`
    : '';
  const body =
    `<main class="catalogue"><header><h1>${escapeHtml(content.title)}</h1>` +
    `<p class="agency">${content.agency.map(escapeHtml).join(' &middot; ')}</p></header>${packs}${links}` +
    `<div class="search"><label for="q" class="visually-hidden">${escapeHtml(labels.search)}</label>` +
    `<input id="q" type="search" placeholder="${escapeHtml(labels.searchPlaceholder)}" autocomplete="off">` +
    `<span class="filters">${select('f-unit', labels.filterUnit, labels.filterAll, content.units)} ${select('f-jenis', labels.filterJenis, labels.filterAll, content.kinds)}</span>` +
    `<output id="count" for="q" aria-live="polite">${escapeHtml(labels.shown(rows.length, rows.length))}</output></div>` +
    `<script type="application/json" id="sop-index">${searchIndexJson(content.index)}</script>` +
    `<table class="daftar" id="daftar"><thead><tr><th class="num">${escapeHtml(labels.no)}</th><th>${escapeHtml(labels.nomorSop)}</th>` +
    `<th>${escapeHtml(labels.namaSop)}</th><th>${escapeHtml(labels.unit)}</th><th>${escapeHtml(labels.jenis)}</th>` +
    `<th>${escapeHtml(labels.tglEfektifLong)}</th><th>PDF</th></tr></thead>\n<tbody>\n${rowsHtml}\n</tbody></table>` +
    `<p class="empty" id="none" hidden>${escapeHtml(labels.noResults)}</p></main>`;
  return htmlShell({ lang: labels.htmlLang, title: content.title, root: '', css: '', bodyClass: 'site', body, script: searchScript(labels) });
}
