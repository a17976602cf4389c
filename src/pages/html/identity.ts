// Writes the identity table content as the official SOP AP grid in HTML (domain note §3.2), with the profile's lists, case and signature mode.
import { inlineHtml, isDash } from '../../core/inline-markdown.js';
import { instansiTypography } from '../../core/instansi.js';
import type { ListStyle } from '../../core/profile.js';
import type { IdentityContent, RelatedLink } from '../identity.js';
import type { Labels } from '../labels.js';
import { escapeHtml } from './escape.js';

/** A bare dash: the regulation's "nothing applies", with no label or list around it. */
const DASH = '<p class="single dash-cell">-</p>';

function list(items: string[], style: ListStyle): string {
  if (items.length === 0 || (items.length === 1 && isDash(items[0]))) return DASH;
  const li = items.map((i) => `<li>${inlineHtml(i)}</li>`).join('');
  return style === 'dash' ? `<ul class="dash">${li}</ul>` : `<ol>${li}</ol>`;
}

function relatedList(links: RelatedLink[], style: ListStyle): string {
  if (links.length === 0 || (links.length === 1 && isDash(links[0].text) && !links[0].href)) return DASH;
  const item = (l: RelatedLink): string => {
    const text = l.href ? `<a href="${escapeHtml(l.href)}">${inlineHtml(l.text)}</a>` : inlineHtml(l.text);
    return l.note ? `${text} <span class="ref-nomor">(${escapeHtml(l.note)})</span>` : text;
  };
  const li = links.map((l) => `<li>${item(l)}</li>`).join('');
  return style === 'dash' ? `<ul class="dash">${li}</ul>` : `<ol>${li}</ol>`;
}

function pair(leftTitle: string, left: string, rightTitle: string, right: string): string {
  return (
    `<tr class="pair"><td><h3>${escapeHtml(leftTitle)}:</h3>${left}</td>` +
    `<td colspan="3"><h3>${escapeHtml(rightTitle)}:</h3>${right}</td></tr>`
  );
}

/** A value cell's text: "-" as a bare dash, else its inline Markdown. */
function value(text: string): string {
  return isDash(text) ? '-' : inlineHtml(text);
}

/** The approval block: jabatan, the signature space (or the e-signature box), name, rank, and NIP only when there is one. */
function pengesahanHtml(p: IdentityContent['pengesahan'], labels: Labels): string {
  const space = p.tte
    ? `<div class="tte-box" role="img" aria-label="${escapeHtml(labels.tteBox)}"><span>${escapeHtml(labels.tteBox)}</span></div>`
    : '<div class="ttd"></div>';
  return (
    `<div class="jabatan">${value(p.jabatan)}</div>${space}` +
    `<div class="nama">${value(p.nama)}</div>` +
    (p.pangkat ? `<div class="pangkat">${inlineHtml(p.pangkat)}</div>` : '') +
    (p.nip ? `<div class="nip">${escapeHtml(labels.nip)} ${escapeHtml(p.nip)}</div>` : '')
  );
}

export function identityTable(id: IdentityContent, labels: Labels): string {
  const style = id.listStyle;
  const peringatan = 'list' in id.peringatan ? list(id.peringatan.list, style) : isDash(id.peringatan.text) || id.peringatan.text === '' ? DASH : `<p class="single">${inlineHtml(id.peringatan.text)}</p>`;
  const row = (label: string, v: string, cls = ''): string =>
    `<th scope="row">${escapeHtml(label)}</th><td class="sep">:</td><td class="value${cls ? ` ${cls}` : ''}">${v}</td>`;
  const logo = id.logo ? `<img class="logo" src="${escapeHtml(id.logo)}" alt="">` : '';
  // Type size by place in the hierarchy (core/instansi.ts), not by line number.
  const lines = instansiTypography(id.instansi)
    .map((l) => `<p class="lvl-${l.level}${l.lead ? ' lead' : ''}">${inlineHtml(l.text)}</p>`)
    .join('');
  return (
    `<table class="identitas">` +
    `<caption class="visually-hidden">${escapeHtml(labels.identitas)}</caption>` +
    `<colgroup><col class="c-instansi"><col class="c-label"><col class="c-sep"><col class="c-value"></colgroup><tbody>` +
    `<tr><td class="instansi" rowspan="6">${logo}${lines}</td>${row(labels.nomorSop, value(id.nomor))}</tr>` +
    `<tr>${row(labels.tglPembuatan, escapeHtml(id.tanggalPembuatan))}</tr>` +
    `<tr>${row(labels.tglRevisi, escapeHtml(id.tanggalRevisi))}</tr>` +
    `<tr>${row(labels.tglEfektif, escapeHtml(id.tanggalEfektif))}</tr>` +
    `<tr class="pengesahan${id.pengesahan.tte ? ' tte' : ''}">${row(labels.disahkanOleh, pengesahanHtml(id.pengesahan, labels))}</tr>` +
    `<tr>${row(labels.namaSop, value(id.nama), 'nama-sop')}</tr>` +
    pair(labels.dasarHukum, list(id.dasarHukum, style), labels.kualifikasi, list(id.kualifikasi, style)) +
    pair(labels.keterkaitan, relatedList(id.keterkaitan, style), labels.peralatan, list(id.peralatan, style)) +
    pair(labels.peringatan, peringatan, labels.pencatatan, list(id.pencatatan, style)) +
    `</tbody></table>`
  );
}
