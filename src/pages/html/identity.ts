// Writes the identity table content as the official SOP AP grid in HTML (domain note §3.2).
import type { IdentityContent, RelatedLink } from '../identity.js';
import type { Labels } from '../labels.js';
import { escapeHtml } from './escape.js';

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

export function identityTable(id: IdentityContent, labels: Labels): string {
  const p = id.pengesahan;
  const peringatan = 'list' in id.peringatan ? list(id.peringatan.list) : `<p class="single">${escapeHtml(id.peringatan.text)}</p>`;
  const row = (label: string, value: string, cls = ''): string =>
    `<th scope="row">${escapeHtml(label)}</th><td class="sep">:</td><td class="value${cls ? ` ${cls}` : ''}">${value}</td>`;
  const logo = id.logo ? `<img class="logo" src="${escapeHtml(id.logo)}" alt="">` : '';
  const lines = id.instansi.map((line, i) => `<p class="unit-${i}">${escapeHtml(line)}</p>`).join('');
  const pengesahan =
    `<div class="jabatan">${escapeHtml(p.jabatan)}</div><div class="ttd"></div>` +
    `<div class="nama">${escapeHtml(p.nama)}</div>` +
    (p.pangkat ? `<div class="pangkat">${escapeHtml(p.pangkat)}</div>` : '') +
    `<div class="nip">${escapeHtml(labels.nip)} ${escapeHtml(p.nip)}</div>`;
  return (
    `<table class="identitas">` +
    `<caption class="visually-hidden">${escapeHtml(labels.identitas)}</caption>` +
    `<colgroup><col class="c-instansi"><col class="c-label"><col class="c-sep"><col class="c-value"></colgroup><tbody>` +
    `<tr><td class="instansi" rowspan="6">${logo}${lines}</td>${row(labels.nomorSop, escapeHtml(id.nomor))}</tr>` +
    `<tr>${row(labels.tglPembuatan, escapeHtml(id.tanggalPembuatan))}</tr>` +
    `<tr>${row(labels.tglRevisi, escapeHtml(id.tanggalRevisi))}</tr>` +
    `<tr>${row(labels.tglEfektif, escapeHtml(id.tanggalEfektif))}</tr>` +
    `<tr class="pengesahan">${row(labels.disahkanOleh, pengesahan)}</tr>` +
    `<tr>${row(labels.namaSop, escapeHtml(id.nama), 'nama-sop')}</tr>` +
    pair(labels.dasarHukum, list(id.dasarHukum), labels.kualifikasi, list(id.kualifikasi)) +
    pair(labels.keterkaitan, relatedList(id.keterkaitan), labels.peralatan, list(id.peralatan)) +
    pair(labels.peringatan, peringatan, labels.pencatatan, list(id.pencatatan)) +
    `</tbody></table>`
  );
}
