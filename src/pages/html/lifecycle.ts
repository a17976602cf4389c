// HTML writer of the lifecycle forms (Tabel 6, Tabel 7, evaluation sheet, Berita Acara Evaluasi, roll-up): PageParts to print or to wrap for the site.
import { PORTRAIT_MARGINS, portrait, PAPER_LANDSCAPE, SOP_MARGINS, type Paper } from '../../core/paper.js';
import type { Lang } from '../../core/types.js';
import { labelsFor } from '../labels.js';
import type { BeritaAcaraContent, EvaluationSheetContent, Signer, SpanCell, TableContent, Tabel6Content, Tabel7Content } from '../lifecycle.js';
import { escapeHtml as e } from './escape.js';
import { htmlShell, pageCss, type PageParts } from './shell.js';

const FORM_CSS = `
.form { font-family: Arimo, Arial, sans-serif; font-size: 9pt; color: #000; }
.form h1 { font-size: 11pt; text-align: center; margin: 0 0 1mm; font-weight: bold; }
.form h2 { font-size: 9.5pt; text-align: center; margin: 0 0 4mm; font-weight: normal; }
.form .fields { border-collapse: collapse; margin: 0 0 3mm; }
.form .fields td { padding: 0.4mm 2mm 0.4mm 0; vertical-align: top; }
.form table.grid { border-collapse: collapse; width: calc(100% - 1mm); table-layout: fixed; }
.form table.grid td, .form table.grid th { overflow-wrap: break-word; }
.form table.grid.auto { table-layout: auto; }
.form table.grid th, .form table.grid td { border: 0.3mm solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
.form table.grid th { background: #eee; text-align: center; vertical-align: middle; font-weight: bold; }
.form table.grid thead { display: table-header-group; }
.form table.grid tr { break-inside: avoid; }
.form table.grid td.c, .form table.grid th.c { text-align: center; }
.form .box { display: inline-block; width: 3mm; height: 3mm; border: 0.3mm solid #000; margin-right: 1.2mm; vertical-align: -0.4mm; text-align: center; line-height: 3mm; font-size: 7pt; }
.form .opt { white-space: nowrap; display: block; }
.form p { margin: 0 0 2mm; text-align: justify; }
.form ol.criteria { margin: 0 0 3mm 0; padding-left: 6mm; }
.form .signers { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 6mm; margin-top: 6mm; break-inside: avoid; }
.form .signer { width: 62mm; text-align: center; }
.form .signer:only-child { margin-left: auto; }
.form .signer .space { height: 16mm; }
.form .signer .nama { font-weight: bold; text-decoration: underline; }
.form .note { font-size: 8pt; margin-top: 3mm; }
`;

const box = (checked: boolean) => `<span class="box">${checked ? '&#10003;' : ''}</span>`;

function fields(rows: [string, string][]): string {
  return `<table class="fields">${rows.map(([k, v]) => `<tr><td>${e(k)}</td><td>:</td><td>${e(v)}</td></tr>`).join('')}</table>`;
}

function signers(list: Signer[], place?: string): string {
  if (list.length === 0) return '';
  const cells = list.map((s, i) => `<div class="signer">${i === list.length - 1 && place ? `<div>${e(place)}</div>` : '<div>&nbsp;</div>'}<div>${e(s.role)}</div><div>${e(s.jabatan)}</div><div class="space"></div><div class="nama">${e(s.nama)}</div>${s.nip ? `<div>NIP. ${e(s.nip)}</div>` : ''}</div>`);
  return `<div class="signers">${cells.join('')}</div>`;
}

function parts(o: { lang: Lang; paper: Paper; landscape: boolean; title: string; footer: string; body: string }): PageParts {
  const size = o.landscape ? PAPER_LANDSCAPE[o.paper] : portrait(o.paper);
  const css = pageCss(size, o.landscape ? SOP_MARGINS : PORTRAIT_MARGINS, { left: o.footer, pages: 'of-total' }, labelsFor(o.lang), FORM_CSS);
  return { lang: o.lang, title: o.title, css, bodyClass: 'form-page', body: `<main class="form">${o.body}</main>` };
}

function spanRow(cells: SpanCell[]): string {
  return `<tr>${cells.map((c, i) => (c === null ? '' : `<td${c.span > 1 ? ` rowspan="${c.span}"` : ''}${i === 0 ? ' class="c"' : ''}>${e(c.text)}</td>`)).join('')}</tr>`;
}

export function tabel6Parts(c: Tabel6Content, o: { lang: Lang; paper: Paper }): PageParts {
  const sub = [c.unit, c.tahun ? `${o.lang === 'en' ? 'Year' : 'Tahun'} ${c.tahun}` : ''].filter(Boolean).join(' · ');
  const body =
    `<h1>${e(c.title)}</h1>${sub ? `<h2>${e(sub)}</h2>` : ''}` +
    `<table class="grid"><thead><tr>${c.columns.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${c.rows.map(spanRow).join('')}</tbody></table>`;
  return parts({ ...o, landscape: true, title: c.title, footer: 'Tabel 6', body });
}

export function tabel7Parts(c: Tabel7Content, o: { lang: Lang; paper: Paper }): PageParts {
  const rows = c.rows.map((r) =>
    `<tr><td class="c">${e(r.no)}</td><td>${e(r.prosedur)}${r.nomor ? `<br><small>${e(r.nomor)}</small>` : ''}</td>` +
    `<td>${r.options.map((x) => `<span class="opt">${box(x.checked)}${e(x.label)}</span>`).join('')}</td>` +
    `<td>${e(r.catatan)}</td><td>${e(r.tindakan)}</td><td class="c">${e(r.paraf)}</td></tr>`);
  const body =
    `<h1>${e(c.title)}</h1>${fields(c.fields)}` +
    `<table class="grid"><colgroup><col style="width:11mm"><col style="width:62mm"><col style="width:52mm"><col><col><col style="width:20mm"></colgroup>` +
    `<thead><tr>${c.columns.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` +
    signers(c.signer ? [c.signer] : [], c.place);
  return parts({ ...o, landscape: true, title: `${c.title} ${c.fields[0]?.[1] ?? ''}, ${c.fields[1]?.[1] ?? ''}`, footer: 'Tabel 7', body });
}

export function evaluationSheetParts(c: EvaluationSheetContent, o: { lang: Lang; paper: Paper }): PageParts {
  const rows = c.rows.map((r) => `<tr><td class="c">${r.no}</td><td>${e(r.kriteria)}</td><td class="c">${box(r.ya)}</td><td class="c">${box(r.tidak)}</td><td>${e(r.catatan)}</td></tr>`);
  const body =
    `<h1>${e(c.title)}</h1>${fields(c.fields)}` +
    `<table class="grid"><colgroup><col style="width:11mm"><col style="width:64mm"><col style="width:12mm"><col style="width:12mm"><col></colgroup>` +
    `<thead><tr>${c.columns.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` +
    (c.catatan ? `<p style="margin-top:3mm"><b>${o.lang === 'en' ? 'Notes' : 'Catatan'}:</b> ${e(c.catatan)}</p>` : '') +
    `<p style="margin-top:3mm"><b>${o.lang === 'en' ? 'Conclusion' : 'Kesimpulan'}:</b> ${e(c.kesimpulan)}</p>` +
    (c.tindakLanjut ? `<p><b>${o.lang === 'en' ? 'Follow-up' : 'Tindak lanjut'}:</b> ${e(c.tindakLanjut)}</p>` : '') +
    `<p class="note">${o.lang === 'en' ? 'Source of the criteria' : 'Sumber kriteria'}: ${e(c.source)}.</p>` + signers(c.signers);
  return parts({ ...o, landscape: false, title: `${c.title} ${c.fields[0]?.[1] ?? ''}`, footer: c.fields[0]?.[1] ?? '', body });
}

export function beritaAcaraParts(c: BeritaAcaraContent, o: { lang: Lang; paper: Paper }): PageParts {
  const rows = c.rows.map((r) => `<tr><td class="c">${r.no}</td><td>${e(r.nomor)}</td><td>${e(r.nama)}</td><td class="c">${r.ya}</td><td class="c">${r.tidak}</td><td>${e(r.hasil)}</td></tr>`);
  const body =
    `<h1>${e(c.title)}</h1>${c.nomor ? `<h2>${o.lang === 'en' ? 'Number' : 'Nomor'}: ${e(c.nomor)}</h2>` : ''}` +
    `<p>${e(c.opening)}</p>` +
    (c.dasar.length ? `<p><b>${o.lang === 'en' ? 'Basis' : 'Dasar'}:</b></p><ol class="criteria">${c.dasar.map((d) => `<li>${e(d)}</li>`).join('')}</ol>` : '') +
    `<p>${e(c.criteriaIntro)}</p><ol class="criteria" style="list-style:none">${c.criteria.map((x) => `<li>${e(x)}</li>`).join('')}</ol>` +
    `<table class="grid"><colgroup><col style="width:11mm"><col style="width:38mm"><col><col style="width:11mm"><col style="width:12mm"><col style="width:32mm"></colgroup>` +
    `<thead><tr>${c.columns.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` +
    `<p style="margin-top:3mm">${e(c.closing)}</p>` + signers(c.signers, c.place);
  return parts({ ...o, landscape: false, title: c.title, footer: c.nomor ?? 'Berita Acara Evaluasi', body });
}

/** A plain table page: the roll-up, the SOP list of the evidence pack. */
export function tableParts(c: TableContent, o: { lang: Lang; paper: Paper }): PageParts {
  const body =
    `<h1>${e(c.title)}</h1>` +
    `<table class="grid auto"><thead><tr>${c.columns.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>` +
    c.rows.map((r) => `<tr>${r.map((x) => `<td${/^[\d.,%-]+$/.test(x) ? ' class="c"' : ''}>${e(x)}</td>`).join('')}</tr>`).join('') +
    `</tbody></table><p class="note">${e(c.note)}</p>`;
  return parts({ ...o, landscape: false, title: c.title, footer: c.title, body });
}

/** A form as a page of the site (`root`: relative URL of the site root). */
export function formPage(p: PageParts, root: string): string {
  return htmlShell({ ...p, root });
}
