// Flow table layout: sizes derived from the font size, column widths, wrapped cells, row heights and pagination.
import type { FlowEdge, FlowModel, FlowRow } from '../../model/flow-types.js';
import { fontMetrics, longestWordWidth, measureText, wrapText, type TextLine } from './font.js';

export const PT_PER_MM = 72 / 25.4;

/** Closest spacing of parallel arrow lanes when a crowded table has no room for the normal gap. */
export const TIGHT_LANE_GAP = 2.8;

export type Lang = 'id' | 'en';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Every length of the drawing, in pt, derived from the font size so the table scales as a whole. */
export interface Metrics {
  fontSize: number;
  lineHeight: number;
  /** Baseline offset from the top of a line box. */
  baseline: number;
  ascent: number;
  descent: number;
  padX: number;
  padY: number;
  /** Minimum free space above and below a symbol inside its row. */
  vpad: number;
  symW: number;
  symH: number;
  decW: number;
  decH: number;
  endW: number;
  endH: number;
  pentW: number;
  pentH: number;
  arrowLen: number;
  arrowHalf: number;
  /** Distance between neighbouring arrow lanes. */
  laneGap: number;
  /** Distance from a symbol's side to the first lane (long enough for an arrow head). */
  laneClear: number;
  /** Distance kept between an arrow and a grid line running alongside it. */
  gridClear: number;
  labelSize: number;
  connectorSize: number;
  gridStroke: number;
  borderStroke: number;
  symbolStroke: number;
  arrowStroke: number;
}

export function makeMetrics(fontSize: number): Metrics {
  const u = fontSize;
  const fm = fontMetrics();
  const lineHeight = 1.2 * u;
  // Centre the ascent+descent box inside the line box.
  const baseline = (lineHeight - (fm.ascent + fm.descent) * u) / 2 + fm.ascent * u;
  return {
    fontSize: u,
    lineHeight,
    baseline,
    ascent: fm.ascent * u,
    descent: fm.descent * u,
    padX: 0.45 * u,
    padY: 0.4 * u,
    vpad: 0.85 * u,
    symW: 3.4 * u,
    symH: 1.7 * u,
    decW: 3.4 * u,
    decH: 2.4 * u,
    endW: 2.6 * u,
    endH: 1.35 * u,
    pentW: 1.9 * u,
    pentH: 2.0 * u,
    arrowLen: 0.62 * u,
    arrowHalf: 0.24 * u,
    laneGap: 0.5 * u,
    laneClear: 0.9 * u,
    gridClear: 0.45 * u,
    labelSize: 0.8 * u,
    connectorSize: 0.9 * u,
    gridStroke: 0.6,
    borderStroke: 0.9,
    symbolStroke: 0.8,
    arrowStroke: 0.7,
  };
}

export interface HeaderLabels {
  no: string;
  kegiatan: string;
  pelaksana: string;
  mutuBaku: string;
  kelengkapan: string;
  waktu: string;
  output: string;
  keterangan: string;
  jumlahWaktu: string;
}

export const LABELS: Record<Lang, HeaderLabels> = {
  id: {
    no: 'No',
    kegiatan: 'Kegiatan',
    pelaksana: 'Pelaksana',
    mutuBaku: 'Mutu Baku',
    kelengkapan: 'Kelengkapan',
    waktu: 'Waktu',
    output: 'Output',
    keterangan: 'Keterangan',
    jumlahWaktu: 'Jumlah waktu',
  },
  en: {
    no: 'No',
    kegiatan: 'Activity',
    pelaksana: 'Actors',
    mutuBaku: 'Quality standard',
    kelengkapan: 'Requirements',
    waktu: 'Time',
    output: 'Output',
    keterangan: 'Remarks',
    jumlahWaktu: 'Total time',
  },
};

export type TextColumnKey = 'no' | 'kegiatan' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan';

export interface Column {
  key: TextColumnKey | 'actor';
  /** Actor column number (0-based) for key 'actor'. */
  actor?: number;
  x: number;
  w: number;
}

export interface CellText {
  lines: TextLine[];
  align: 'left' | 'center' | 'right';
  bold: boolean;
  size: number;
}

export interface RowBox {
  index: number;
  height: number;
  /** Text of the text columns, keyed by column key. */
  cells: Partial<Record<TextColumnKey, CellText>>;
}

export interface HeaderBox {
  row1: number;
  row2: number;
  /** The column-number row `(1) (2) ...` under the header (`columnNumbers`); 0 without it. */
  row3: number;
  /** Its text, one cell per column (same order as `columns`). */
  numbers: CellText[];
  /** Wrapped header labels keyed by 'no' | 'kegiatan' | ... | 'pelaksana' | 'mutuBaku' | 'actor:<n>'. */
  cells: Record<string, CellText>;
}

export type BandKind = 'header' | 'topStrip' | 'row' | 'total' | 'bottomStrip';

/** A horizontal slice of a page: the header, a connector strip, one activity row or the total row. */
export interface Band {
  kind: BandKind;
  y0: number;
  y1: number;
  /** Row index for kind 'row'. */
  row?: number;
}

export interface PagePlan {
  rows: number[];
  topStrip: boolean;
  bottomStrip: boolean;
  hasTotal: boolean;
  /** Available height of this page in pt. */
  height: number;
}

/** Options of the document profile (format §7.4): header words, list marks, the column-number and total rows. */
export interface LayoutOptions {
  labels?: Partial<HeaderLabels>;
  listStyle?: 'dash' | 'number';
  columnNumbers?: boolean;
  /** Default true: false leaves out the Jumlah waktu row. */
  totalRow?: boolean;
}

export interface TableLayout {
  metrics: Metrics;
  /** Whether the Jumlah waktu row is drawn. */
  showTotal: boolean;
  width: number;
  columns: Column[];
  /** Index in `columns` of the first actor column (actor columns are contiguous). */
  firstActorColumn: number;
  actorCount: number;
  /** Half-width of the zone around an actor column's centre where symbols sit; lanes lie outside it. */
  symbolZone: number;
  header: HeaderBox;
  rows: RowBox[];
  total: CellText;
  totalValue: CellText;
  totalHeight: number;
  stripHeight: number;
  /** Lanes planned per side of an actor column (used to size columns). */
  lanesPerSide: number;
}

/** Rows with an arrow into the side that ends the procedure get a terminator beside them. */
export function endBranches(model: FlowModel, index: number): FlowEdge[] {
  return model.edges.filter((e) => e.from === index && e.to === 'end' && e.kind !== 'next');
}

function listText(values: string[]): { text: string; list: boolean } {
  const items = values.map((v) => v.trim()).filter((v) => v.length > 0);
  if (items.length === 0) return { text: '-', list: false };
  if (items.length === 1) return { text: items[0], list: false };
  return { text: items.join('\n'), list: true };
}

/** Wraps a cell; lists get one '- ' (or '1. ') item per line with a hanging indent. */
function cellText(value: string | string[], width: number, m: Metrics, align: CellText['align'], bold = false, size = m.fontSize, listStyle: 'dash' | 'number' = 'dash'): CellText {
  const avail = Math.max(1, width - 2 * m.padX);
  if (Array.isArray(value)) {
    const { text, list } = listText(value);
    if (list) {
      const items = text.split('\n');
      const mark = (i: number) => (listStyle === 'number' ? `${i + 1}. ` : '- ');
      const indent = Math.max(...items.map((_, i) => measureText(mark(i), size, bold)));
      const lines: TextLine[] = [];
      items.forEach((item, i) => {
        const wrapped = wrapText(item, avail, size, bold, indent, indent);
        wrapped[0] = { text: mark(i) + wrapped[0].text, indent: 0, width: wrapped[0].width + indent };
        lines.push(...wrapped);
      });
      return { lines, align, bold, size };
    }
    value = text;
  }
  const trimmed = value.trim();
  return { lines: trimmed === '' ? [] : wrapText(trimmed, avail, size, bold), align, bold, size };
}

function textOf(row: FlowRow, key: TextColumnKey): string | string[] {
  switch (key) {
    case 'no':
      return String(row.number);
    case 'kegiatan':
      return row.kegiatan;
    case 'kelengkapan':
      return row.kelengkapan;
    case 'waktu':
      return row.waktu;
    case 'output':
      return row.output;
    case 'keterangan':
      return row.keterangan ?? '';
  }
}

function flat(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

interface Want {
  min: number;
  max: number;
  weight: number;
}

/** Splits `total` over items in proportion to weight, honouring each item's min and max (iterative clamping). */
function distribute(total: number, items: Want[]): number[] {
  const out = new Array<number>(items.length).fill(0);
  const fixed = new Array<boolean>(items.length).fill(false);
  for (let guard = 0; guard <= items.length; guard++) {
    let rest = total;
    let weight = 0;
    items.forEach((it, i) => {
      if (fixed[i]) rest -= out[i];
      else weight += it.weight;
    });
    let changed = false;
    // Fix the worst min violations first, then max violations, and iterate.
    for (let i = 0; i < items.length; i++) {
      if (fixed[i]) continue;
      const w = weight > 0 ? (rest * items[i].weight) / weight : 0;
      if (w < items[i].min) {
        out[i] = items[i].min;
        fixed[i] = true;
        changed = true;
      }
    }
    if (changed) continue;
    for (let i = 0; i < items.length; i++) {
      if (fixed[i]) continue;
      const w = weight > 0 ? (rest * items[i].weight) / weight : 0;
      if (w > items[i].max) {
        out[i] = items[i].max;
        fixed[i] = true;
        changed = true;
      }
    }
    if (changed) continue;
    items.forEach((it, i) => {
      if (!fixed[i]) out[i] = weight > 0 ? (rest * it.weight) / weight : 0;
    });
    break;
  }
  return out;
}

/** How many jump lanes one side of an actor column should hold, from the overlap of long arrows. */
function planLanes(model: FlowModel): number {
  const spans: [number, number][] = [];
  for (const e of model.edges) {
    if (e.to === 'end') continue;
    if (e.to === e.from + 1) continue;
    spans.push([Math.min(e.from, e.to), Math.max(e.from, e.to)]);
  }
  let depth = 0;
  for (let r = 0; r < model.rows.length; r++) {
    let d = 0;
    for (const [a, b] of spans) if (a <= r && r <= b) d++;
    depth = Math.max(depth, d);
  }
  // Lanes spread over both sides of every actor column; few columns means more lanes per side.
  const sides = 2 * Math.max(1, Math.min(model.actors.length, 3));
  return Math.max(model.actors.length === 1 && depth > 1 ? 2 : 1, Math.min(4, Math.ceil(depth / sides)));
}

type MutuKey = Exclude<TextColumnKey, 'no'>;
const TEXT_KEYS: MutuKey[] = ['kegiatan', 'kelengkapan', 'waktu', 'output', 'keterangan'];

/**
 * Moves width between text columns while that lowers the table's total height. Line counts are
 * estimated from text widths (no wrapping) so the search stays cheap; rows never go below the
 * height their symbol needs, so width only goes where it shortens a binding cell.
 */
function balanceWidths(model: FlowModel, widths: number[], mins: number[], m: Metrics): number[] {
  const k = widths.length;
  const dash = measureText('- ', m.fontSize);
  const space = measureText(' ', m.fontSize);
  // Word widths of each list item per row and column (list items carry their dash).
  const items: number[][][][] = model.rows.map((row) =>
    TEXT_KEYS.map((key) => {
      const v = textOf(row, key);
      const parts = flat(v).map((x) => x.trim()).filter((x) => x !== '');
      const list = Array.isArray(v) && parts.length > 1;
      return parts.flatMap((x) =>
        x.split(/\r?\n/).map((para, i) => {
          const words = para.split(/[ \t\u00a0]+/).filter((wd) => wd !== '').map((wd) => measureText(wd, m.fontSize));
          if (list && i === 0 && words.length > 0) words[0] += dash;
          return words;
        }),
      );
    }),
  );
  const floor = model.rows.map((row) => ((row.symbol === 'decision' ? m.decH : m.symH) + 2 * m.vpad - 2 * m.padY) / m.lineHeight);
  // The total row is one more row: only its bold value in Waktu can grow.
  const totalWords = model.totalText.split(/\s+/).filter((wd) => wd !== '').map((wd) => measureText(wd, m.fontSize, true));
  items.push(TEXT_KEYS.map((key) => (key === 'waktu' ? [totalWords] : [])));
  floor.push(1);
  // Greedy line count on word widths: the same breaks as wrapText, without building strings.
  const linesOf = (paras: number[][], w: number) => {
    const avail = Math.max(1, w - 2 * m.padX);
    let n = 0;
    for (const words of paras) {
      let x = -1;
      for (const ww of words) {
        if (x >= 0 && x + space + ww <= avail + 1e-6) x += space + ww;
        else {
          n += ww > avail ? Math.ceil(ww / avail) : 1;
          x = ww > avail ? ww % avail : ww;
        }
      }
      if (words.length === 0) n++;
    }
    return n;
  };
  const lines = items.map((row) => row.map((ws, c) => linesOf(ws, widths[c])));
  const rowLines = (r: number, a: number, la: number, b: number, lb: number) => {
    let max = floor[r];
    for (let c = 0; c < k; c++) max = Math.max(max, c === a ? la : c === b ? lb : lines[r][c]);
    return max;
  };
  const current = lines.map((_, r) => rowLines(r, -1, 0, -1, 0));
  const w = [...widths];
  for (const step of [4, 2, 1, 0.5].map((f) => f * m.fontSize)) {
    for (let iter = 0; iter < 40; iter++) {
      let bestGain = 0.01;
      let best: [number, number] | undefined;
      for (let a = 0; a < k; a++) {
        if (w[a] - step < mins[a]) continue;
        for (let b = 0; b < k; b++) {
          if (a === b) continue;
          let gain = 0;
          for (let r = 0; r < lines.length; r++) {
            const la = linesOf(items[r][a], w[a] - step);
            const lb = linesOf(items[r][b], w[b] + step);
            gain += current[r] - rowLines(r, a, la, b, lb);
          }
          if (gain > bestGain) {
            bestGain = gain;
            best = [a, b];
          }
        }
      }
      if (!best) break;
      const [a, b] = best;
      w[a] -= step;
      w[b] += step;
      for (let r = 0; r < lines.length; r++) {
        lines[r][a] = linesOf(items[r][a], w[a]);
        lines[r][b] = linesOf(items[r][b], w[b]);
        current[r] = rowLines(r, -1, 0, -1, 0);
      }
    }
  }
  return w;
}

/** Lays out columns and rows for a printable width (pt). Pagination is separate (`paginate`). */
export function layoutTable(model: FlowModel, width: number, fontSize: number, lang: Lang, extraLanes = 0, opts: LayoutOptions = {}): TableLayout {
  let m = makeMetrics(fontSize);
  const labels = { ...LABELS[lang], ...opts.labels };
  const showTotal = opts.totalRow !== false;
  const n = model.actors.length;
  const bold = true;

  const lanesPerSide = planLanes(model) + extraLanes;
  const hasSideEnd = model.rows.some((r) => endBranches(model, r.index).length > 0);

  // No column: the widest number or label.
  const noW = Math.max(measureText(labels.no, m.fontSize, bold), measureText(String(Math.max(1, model.rows.length)), m.fontSize)) + 2 * m.padX;

  // Actor columns: a symbol plus lanes on each side; titles wrap in the header.
  const margin = (mm: Metrics, lanes: number) => mm.laneClear + (lanes - 1) * mm.laneGap + mm.gridClear;
  const titleWord = Math.max(0, ...model.actors.map((a) => longestWordWidth(a.title, m.fontSize, bold)));
  // A lone actor column also holds the end terminator beside a diamond.
  const soloExtra = n === 1 && hasSideEnd ? 2 * (m.endW + 3 * m.fontSize) : 0;
  let actorMin = Math.max(m.symW, m.decW) + 2 * margin(m, lanesPerSide) + soloExtra;
  // A long title word may shrink the actor titles to 80% before it widens the columns.
  const actorTitleMin = Math.min(titleWord * 0.8 + 2 * m.padX, actorMin * 1.35);
  actorMin = Math.max(actorMin, actorTitleMin);
  const actorMax = Math.max(actorMin, 9 * m.fontSize + soloExtra);

  // Text columns: never narrower than their longest word (capped), never wider than their longest line.
  const wants: Want[] = TEXT_KEYS.map((key) => {
    const header = labels[key];
    let word = longestWordWidth(header, m.fontSize, bold);
    let longest = measureText(header, m.fontSize, bold);
    let mass = 0;
    for (const row of model.rows) {
      for (const v of flat(textOf(row, key))) {
        const prefix = Array.isArray(textOf(row, key)) && flat(textOf(row, key)).length > 1 ? measureText('- ', m.fontSize) : 0;
        const w = measureText(v, m.fontSize) + prefix;
        longest = Math.max(longest, w);
        word = Math.max(word, Math.min(longestWordWidth(v, m.fontSize) + prefix, 10 * m.fontSize));
        mass += w;
      }
    }
    // The bold total may wrap, but none of its words may be cut.
    if (key === 'waktu') word = Math.max(word, longestWordWidth(model.totalText, m.fontSize, true));
    const base = { kegiatan: 1.25, kelengkapan: 0.9, waktu: 0.45, output: 0.9, keterangan: 0.75 }[key];
    // Waktu is short: keep each value (and the bold total) on one line when it can.
    const min = key === 'waktu' ? Math.min(longest, 0.11 * width) + 2 * m.padX : word + 2 * m.padX;
    const cap = { kegiatan: 0.34, kelengkapan: 0.16, waktu: 0.1, output: 0.16, keterangan: 0.18 }[key] * width;
    return { min, max: Math.max(min, Math.min(longest + 2 * m.padX, cap)), weight: base * Math.sqrt(mass + 20 * m.fontSize) };
  });

  // Give actors a comfortable width first, then share the rest among text columns.
  // Few actors get roomier columns (more lanes, calmer arrows); many actors share about a third of the
  // width. When text needs the room, lanes pack tighter, then symbols shrink (down to 70%).
  const minText = wants.reduce((s, w) => s + w.min, 0);
  const zone = Math.max(m.symW, m.decW);
  const tightW = (sym: number) => sym + 2 * (m.laneClear + (lanesPerSide - 1) * TIGHT_LANE_GAP + m.gridClear) + soloExtra;
  let actorW = 0;
  if (n > 0) {
    // A retry for lanes (extraLanes) widens the columns by that many lanes a side.
    // A lone column carries every lane of the flow, so it grows faster.
    const pref = Math.max(actorMin, Math.min(actorMax, (0.36 * width) / n) + 2 * extraLanes * m.laneGap * (n === 1 ? 3 : 1));
    const avail = (width - noW - minText) / n;
    if (avail >= tightW(zone) || avail >= actorMin) actorW = Math.min(pref, avail);
    else {
      const scale = Math.max(0.7, Math.min(1, (avail - (tightW(zone) - zone)) / zone));
      m = { ...m, symW: m.symW * scale, symH: m.symH * scale, decW: m.decW * scale, decH: m.decH * scale, endW: m.endW * scale, endH: m.endH * scale };
      actorW = Math.max(avail, tightW(Math.max(m.symW, m.decW)));
    }
  }
  const rest = width - noW - n * actorW;
  let textW: number[];
  if (rest < minText) {
    // Last resort: scale the minima; long words get cut.
    textW = wants.map((w) => (w.min * Math.max(rest, 0)) / minText);
  } else {
    textW = distribute(rest, wants);
    let leftover = rest - textW.reduce((s, w) => s + w, 0);
    if (leftover > 0.01 && n > 0) {
      const grow = Math.min(leftover / n, actorMax - actorW);
      actorW += grow;
      leftover -= grow * n;
    }
    if (leftover > 0.01) {
      const extra = distribute(leftover, wants.map((w) => ({ min: 0, max: Number.POSITIVE_INFINITY, weight: w.weight })));
      textW = textW.map((w, i) => w + extra[i]);
    }
  }
  textW = balanceWidths(model, textW, wants.map((w) => w.min), m);

  const columns: Column[] = [];
  let x = 0;
  const push = (c: Omit<Column, 'x'>) => {
    columns.push({ ...c, x });
    x += c.w;
  };
  push({ key: 'no', w: noW });
  push({ key: 'kegiatan', w: textW[0] });
  const firstActorColumn = columns.length;
  for (let a = 0; a < n; a++) push({ key: 'actor', actor: a, w: actorW });
  push({ key: 'kelengkapan', w: textW[1] });
  push({ key: 'waktu', w: textW[2] });
  push({ key: 'output', w: textW[3] });
  push({ key: 'keterangan', w: textW[4] });
  // Absorb rounding so the table is exactly as wide as the printable area.
  columns[columns.length - 1].w += width - x;

  const colOf = (key: TextColumnKey) => columns.find((c) => c.key === key)!;

  // Header: row 1 holds the groups; No, Kegiatan and Keterangan span both rows.
  const hcell = (text: string, w: number) => cellText(text, w, m, 'center', true);
  const cells: Record<string, CellText> = {
    no: hcell(labels.no, noW),
    kegiatan: hcell(labels.kegiatan, colOf('kegiatan').w),
    keterangan: hcell(labels.keterangan, colOf('keterangan').w),
    kelengkapan: hcell(labels.kelengkapan, colOf('kelengkapan').w),
    waktu: hcell(labels.waktu, colOf('waktu').w),
    output: hcell(labels.output, colOf('output').w),
    pelaksana: hcell(labels.pelaksana, Math.max(n * actorW, 1)),
    mutuBaku: hcell(labels.mutuBaku, colOf('kelengkapan').w + colOf('waktu').w + colOf('output').w),
  };
  // One size for every actor title, so the header row stays uniform.
  const titleSize = Math.max(0.75 * m.fontSize, Math.min(m.fontSize, (m.fontSize * (actorW - 2 * m.padX)) / Math.max(titleWord, 1)));
  for (let a = 0; a < n; a++) cells[`actor:${a}`] = cellText(model.actors[a].title, actorW, m, 'center', true, titleSize);
  const linesH = (c: CellText) => Math.max(1, c.lines.length) * m.lineHeight + 2 * m.padY;
  const row1 = Math.max(linesH(cells.pelaksana), linesH(cells.mutuBaku));
  let row2 = Math.max(linesH(cells.kelengkapan), linesH(cells.waktu), linesH(cells.output));
  for (let a = 0; a < n; a++) row2 = Math.max(row2, linesH(cells[`actor:${a}`]));
  const spanning = Math.max(linesH(cells.no), linesH(cells.kegiatan), linesH(cells.keterangan));
  if (spanning > row1 + row2) row2 = spanning - row1;

  // Rows: the tallest cell, and room for the symbol (diamonds also need room for their branch label).
  const rows: RowBox[] = model.rows.map((row) => {
    const rc: RowBox['cells'] = {};
    let h = 0;
    for (const key of ['no', ...TEXT_KEYS] as TextColumnKey[]) {
      const align = key === 'no' || key === 'waktu' ? 'center' : 'left';
      const c = cellText(textOf(row, key), colOf(key).w, m, align, false, m.fontSize, opts.listStyle);
      rc[key] = c;
      h = Math.max(h, c.lines.length * m.lineHeight + 2 * m.padY);
    }
    const symH = row.symbol === 'decision' ? m.decH : m.symH;
    h = Math.max(h, symH + 2 * m.vpad);
    return { index: row.index, height: h, cells: rc };
  });

  const total = cellText(labels.jumlahWaktu, columns.slice(0, columns.indexOf(colOf('waktu'))).reduce((s, c) => s + c.w, 0), m, 'right', true);
  const totalValue = cellText(model.totalText.trim() === '' ? '-' : model.totalText, colOf('waktu').w, m, 'center', true);
  const totalHeight = showTotal ? Math.max(linesH(total), linesH(totalValue)) : 0;
  // The column-number row: (1), (2), ... one per column, as some signed originals print under the header.
  const numbers = opts.columnNumbers ? columns.map((c, i) => cellText(`(${i + 1})`, c.w, m, 'center', false)) : [];
  const row3 = opts.columnNumbers ? Math.max(...numbers.map(linesH)) : 0;
  const stripHeight = 0.5 * m.fontSize + m.pentH + 1.5 * m.fontSize;

  return {
    metrics: m,
    showTotal,
    width,
    columns,
    firstActorColumn,
    actorCount: n,
    symbolZone: Math.max(m.symW, m.decW) / 2 + (n === 1 && hasSideEnd ? soloExtra / 2 : 0),
    header: { row1, row2, row3, numbers, cells },
    rows,
    total,
    totalValue,
    totalHeight,
    stripHeight,
    lanesPerSide,
  };
}

/** Edges crossing the break after `lastRow` (sources at or above it, targets below it, or the reverse). */
function crossingCount(model: FlowModel, lastRow: number): number {
  let count = 0;
  for (const e of model.edges) {
    if (e.to === 'end') continue;
    if ((e.from <= lastRow) !== (e.to <= lastRow)) count++;
  }
  return count;
}

/**
 * Splits rows into pages. Rows never split; each page repeats the header; pages that continue get
 * connector strips; the total row stays with the last activity row. Among the last rows that fit,
 * a break that cuts fewer arrows wins if the page stays at least 70% full.
 */
export function paginate(model: FlowModel, t: TableLayout, heights: { first: number; other: number }): PagePlan[] {
  const headerH = t.header.row1 + t.header.row2 + t.header.row3;
  const n = t.rows.length;
  const pages: PagePlan[] = [];
  let i = 0;
  while (i < n || pages.length === 0) {
    const p = pages.length;
    const H = p === 0 ? heights.first : heights.other;
    const top = p === 0 ? 0 : t.stripHeight;
    let y = headerH + top;
    // Everything left fits: last page.
    let restH = t.totalHeight;
    for (let k = i; k < n; k++) restH += t.rows[k].height;
    if (y + restH <= H + 1e-6) {
      pages.push({ rows: range(i, n), topStrip: p > 0, bottomStrip: false, hasTotal: true, height: H });
      break;
    }
    const fits: number[] = [];
    for (let k = i; k < n; k++) {
      if (y + t.rows[k].height + t.stripHeight > H + 1e-6) break;
      y += t.rows[k].height;
      fits.push(k);
    }
    if (fits.length === 0) {
      if (p === 0 && n > 0 && i === 0 && heights.first < heights.other) {
        // Not even one row fits below the identity table: the flow starts on the next page.
        pages.push({ rows: [], topStrip: false, bottomStrip: false, hasTotal: false, height: H });
        continue;
      }
      fits.push(i); // a row taller than a page: overflow rather than loop forever
    }
    let end = fits[fits.length - 1];
    if (end === n - 1) {
      // All rows fit but not the total row: carry the last row over so the total never stands alone.
      if (fits.length > 1) end -= 1;
    }
    // Prefer a break that cuts fewer arrows among the last three candidates.
    const usedFull = (e: number) => {
      let h = headerH + top + t.stripHeight;
      for (let k = i; k <= e; k++) h += t.rows[k].height;
      return h / H;
    };
    let best = end;
    let bestCut = crossingCount(model, end);
    for (let e = end - 1; e >= Math.max(i, end - 2); e--) {
      if (usedFull(e) < 0.7) break;
      const cut = crossingCount(model, e);
      if (cut < bestCut) {
        best = e;
        bestCut = cut;
      }
    }
    pages.push({ rows: range(i, best + 1), topStrip: p > 0, bottomStrip: true, hasTotal: false, height: H });
    i = best + 1;
  }
  // A page-1 with no rows has no strip to continue from.
  if (pages.length > 1 && pages[0].rows.length === 0) pages[1].topStrip = false;
  return pages;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}

/** Band positions of one page, top to bottom. */
export function pageBands(plan: PagePlan, t: TableLayout, strips: { top: boolean; bottom: boolean }): Band[] {
  const bands: Band[] = [];
  let y = 0;
  const add = (kind: BandKind, h: number, row?: number) => {
    bands.push({ kind, y0: y, y1: y + h, row });
    y += h;
  };
  add('header', t.header.row1 + t.header.row2 + t.header.row3);
  if (strips.top) add('topStrip', t.stripHeight);
  for (const r of plan.rows) add('row', t.rows[r].height, r);
  if (plan.hasTotal && t.showTotal) add('total', t.totalHeight);
  if (strips.bottom) add('bottomStrip', t.stripHeight);
  return bands;
}
