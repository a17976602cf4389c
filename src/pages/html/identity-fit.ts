// Sizes the identity table so it fits on the SOP's first page: a height model (Arimo metrics) and the CSS drawn from the same numbers.
import { inlinePlain } from '../../core/inline-markdown.js';
import { INSTANSI_EM, instansiTypography } from '../../core/instansi.js';
import { wrapText } from '../../render/flowtable/font.js';
import type { IdentityContent } from '../identity.js';

const MM_PER_PT = 25.4 / 72;
const PT_PER_MM = 72 / 25.4;

/** Every length of the identity table; the CSS below and the height model read the same numbers. */
const M = {
  lineHeight: 1.3,
  cellPadV: 1.3,
  cellPadH: 2.2,
  pairPadTop: 1.8,
  pairPadBottom: 2.2,
  pairPadH: 2.5,
  titleGap: 0.8,
  listIndent: 5.2,
  itemPad: 0.5,
  itemGap: 0.5,
  ttd: 16,
  /** The e-signature placeholder (50 x 20 mm) with its margins. */
  tteBox: 22,
  instansiPadV: 4,
  instansiPadH: 6,
  logoMax: 28,
  logoGap: 3.5,
  /** Relative size of the SOP name; the agency lines' sizes come from core/instansi.ts. */
  namaEm: 1.1,
  cols: { instansi: 0.47, label: 0.15, sep: 0.022, value: 0.358 },
};

/** The largest and smallest font size tried (pt), and the step. */
const SIZES = [9.5, 9.25, 9, 8.75, 8.5, 8.25, 8, 7.75, 7.5];

/** Lines `text` takes in a box `widthMm` wide: its inline Markdown as printed (markers gone, line breaks kept). */
function lines(text: string, widthMm: number, sizePt: number, bold = false): number {
  const shown = inlinePlain(text);
  if (!shown.trim()) return 1;
  const w = Math.max(1, widthMm * PT_PER_MM);
  return shown.split('\n').reduce((n, line) => n + (line.trim() ? wrapText(line, w, sizePt, bold).length : 1), 0);
}

function listHeight(items: string[], widthMm: number, font: number): number {
  const lh = font * M.lineHeight * MM_PER_PT;
  if (items.length <= 1 && (items[0] ?? '-').trim() === '-') return lh;
  const w = widthMm - M.listIndent - M.itemPad;
  return items.reduce((h, t) => h + lines(t, w, font) * lh + M.itemGap, 0);
}

/** Estimated height (mm) of the identity table at `font` pt in a table `widthMm` wide. */
export function identityHeight(id: IdentityContent, widthMm: number, font: number): number {
  const lh = font * M.lineHeight * MM_PER_PT;
  const col = (k: keyof typeof M.cols): number => widthMm * M.cols[k];
  const valueW = col('value') - 2 * M.cellPadH;
  const pejabat = id.pengesahan;
  const row = (n: number): number => n * lh + 2 * M.cellPadV;
  const right =
    row(1) * 4 +
    row(
      lines(pejabat.jabatan, valueW, font, true) +
        lines(pejabat.nama, valueW, font, true) +
        (pejabat.pangkat ? lines(pejabat.pangkat, valueW, font) : 0) +
        (pejabat.nip ? 1 : 0),
    ) +
    (pejabat.tte ? M.tteBox : M.ttd) +
    row(lines(id.nama, valueW, font * M.namaEm, true) * M.namaEm);
  const instansiW = col('instansi') - 2 * M.instansiPadH;
  const agency = instansiTypography(id.instansi).reduce((h, l) => h + lines(l.text.toUpperCase(), instansiW, font * l.em, true) * lh * l.em, 0);
  const left = 2 * M.instansiPadV + (id.logo ? M.logoMax + M.logoGap : 0) + agency;
  const pairLeftW = col('instansi') - 2 * M.pairPadH;
  const pairRightW = widthMm - col('instansi') - 2 * M.pairPadH;
  const related = id.keterkaitan.length ? id.keterkaitan.map((r) => (r.note ? `${r.text} (${r.note})` : r.text)) : ['-'];
  const peringatan = 'list' in id.peringatan ? id.peringatan.list : id.peringatan.text === '' ? [] : [id.peringatan.text];
  const pair = (a: string[], b: string[]): number =>
    M.pairPadTop + M.pairPadBottom + lh + M.titleGap + Math.max(listHeight(a, pairLeftW, font), listHeight(b, pairRightW, font));
  return (
    Math.max(left, right) +
    pair(id.dasarHukum, id.kualifikasi) +
    pair(related, id.peralatan) +
    pair(peringatan, id.pencatatan) +
    1
  );
}

/**
 * The largest font size at which the table fits `heightMm` (with a margin for the model's error);
 * the smallest size when nothing fits (the table then continues on the next page, rows unbroken).
 */
export function fitIdentityFont(id: IdentityContent, widthMm: number, heightMm: number): number {
  for (const size of SIZES) if (identityHeight(id, widthMm, size) <= heightMm * 0.96) return size;
  return SIZES[SIZES.length - 1];
}

/** The identity table's sizes as CSS, for the font size chosen. */
export function identityCss(font: number): string {
  const c = M.cols;
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return [
    `table.identitas { font-size: ${font}pt; line-height: ${M.lineHeight}; }`,
    `.identitas td, .identitas th { padding: ${M.cellPadV}mm ${M.cellPadH}mm; }`,
    `.identitas col.c-instansi { width: ${pct(c.instansi)}; } .identitas col.c-label { width: ${pct(c.label)}; }`,
    `.identitas col.c-sep { width: ${pct(c.sep)}; } .identitas col.c-value { width: ${pct(c.value)}; }`,
    `.identitas td.sep { padding-left: 0; padding-right: 0; }`,
    `.identitas td.instansi { padding: ${M.instansiPadV}mm ${M.instansiPadH}mm; }`,
    `.identitas .logo { max-height: ${M.logoMax}mm; margin-bottom: ${M.logoGap}mm; }`,
    `.identitas .instansi p.lvl-government { font-size: ${INSTANSI_EM.government}em; } .identitas .instansi p.lvl-agency { font-size: ${INSTANSI_EM.agency}em; }`,
    `.identitas .instansi p.lvl-unit { font-size: ${INSTANSI_EM.unit}em; } .identitas .instansi p.lead { font-size: ${INSTANSI_EM.lead}em; }`,
    `.identitas .nama-sop { font-size: ${M.namaEm}em; }`,
    `.identitas .pengesahan .ttd { height: ${M.ttd}mm; }`,
    `.identitas tr.pair td { padding: ${M.pairPadTop}mm ${M.pairPadH}mm ${M.pairPadBottom}mm; }`,
    `.identitas tr.pair h3 { font-size: 1em; margin: 0 0 ${M.titleGap}mm; }`,
    `.identitas ol { padding-left: ${M.listIndent}mm; } .identitas ol li { margin: 0 0 ${M.itemGap}mm; padding-left: ${M.itemPad}mm; }`,
    `.identitas ul.dash li { margin: 0 0 ${M.itemGap}mm; }`,
    `.flow-under-identity { margin-top: ${FLOW_GAP_MM}mm; }`,
  ].join('\n');
}

/** Gap (mm) between the identity table and a flow table drawn under it (CSS `.flow-under-identity`). */
export const FLOW_GAP_MM = 3;

/** With the flow under it, the identity table aims at this share of the page, so a useful part of the flow joins it. */
const SHARE_WITH_FLOW = 0.62;
/** ... but never below this font size (pt) for it; a table that needs less gets the page to itself. */
const MIN_FONT_WITH_FLOW = 8;

/**
 * The identity table's font size: the largest that fits the page, or, with `layout.flowOnIdentityPage`,
 * the largest (from 8 pt up) that leaves the lower part of the page to the flow table.
 */
export function identityFont(id: IdentityContent, widthMm: number, heightMm: number, flowUnder: boolean): number {
  if (flowUnder) {
    for (const size of SIZES) if (size >= MIN_FONT_WITH_FLOW && identityHeight(id, widthMm, size) <= heightMm * SHARE_WITH_FLOW) return size;
  }
  return fitIdentityFont(id, widthMm, heightMm);
}

/**
 * Height (mm) left under the identity table on its page, for `layout.flowOnIdentityPage`: the
 * page's printable height less the table at its font, with 6% and the gap kept free so an error of
 * the height model never pushes the flow table off the page.
 */
export function roomUnderIdentity(id: IdentityContent, widthMm: number, heightMm: number): number {
  const font = identityFont(id, widthMm, heightMm, true);
  return Math.max(0, heightMm - identityHeight(id, widthMm, font) * 1.06 - FLOW_GAP_MM - 1);
}
