// Writes the Riwayat Revisi table and the DRAF watermark as HTML (sections of the SOP page, printed and on the site).
import type { RiwayatContent } from '../riwayat.js';
import { escapeHtml } from './escape.js';

export function riwayatSection(r: RiwayatContent): string {
  const c = r.columns;
  const head = [c.no, c.tanggal, c.uraian, c.bagian, c.oleh, c.versi].map((t) => `<th scope="col">${escapeHtml(t)}</th>`).join('');
  const rows = r.rows
    .map((x) => `<tr><td class="num">${escapeHtml(x.no)}</td><td class="date">${escapeHtml(x.tanggal)}</td><td>${escapeHtml(x.uraian)}</td><td>${escapeHtml(x.bagian)}</td><td>${escapeHtml(x.oleh)}</td><td class="versi">${escapeHtml(x.versi)}</td></tr>`)
    .join('\n');
  return (
    `<section class="sheet riwayat" id="riwayat" tabindex="0" aria-labelledby="riwayat-title"><h2 id="riwayat-title">${escapeHtml(r.title)}</h2>\n` +
    `<table class="riwayat-table"><thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>` +
    (r.note ? `\n<p class="note">${escapeHtml(r.note)}</p>` : '') +
    `\n</section>`
  );
}

/** A fixed element repeats on every printed page in Chromium and stays in view on screen. */
export function draftWatermark(word: string): string {
  return `<div class="draf-watermark" aria-hidden="true">${escapeHtml(word)}</div><p class="visually-hidden">${escapeHtml(word)}</p>`;
}

export const RIWAYAT_CSS = `
.riwayat h2 { font-size: 12pt; margin: 0 0 3mm; }
.riwayat-table { border-collapse: collapse; width: 100%; font-size: 9pt; }
.riwayat-table th, .riwayat-table td { border: 0.3mm solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.riwayat-table th { background: #eee; }
.riwayat-table td.num { text-align: center; width: 14mm; }
.riwayat-table td.date { white-space: nowrap; }
.riwayat-table td.versi { font-family: monospace; font-size: 8pt; }
.riwayat-table tr { break-inside: avoid; }
.draf-watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-30deg); font: bold 150pt/1 Arimo, Arial, sans-serif;
  color: rgba(200, 0, 0, 0.16); letter-spacing: 12mm; pointer-events: none; z-index: 1000; user-select: none; white-space: nowrap; }
@media print { .draf-watermark { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
