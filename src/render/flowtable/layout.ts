// Flow table layout: sizes derived from the font size, column widths, wrapped cells, row heights and pagination.
import type { FlowEdge, FlowModel, FlowRow } from '../../model/flow-types.js';
import { linkOfEdge, nodesOfRow } from '../../model/graph.js';
import { parseInline, type InlineLine, type InlineRun } from '../../core/inline-markdown.js';
import { HEADER_TOO_TALL_MESSAGE } from './header-bound.js';
import { fontMetrics, hyphenatedWordWidth, longestWordWidth, measureRuns, measureText, runWords, wrapInline, type TextLine } from './font.js';

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
  /** Text inside a symbol (`simbol_teks`). */
  labelSize: number;
  /** Decision branch labels: 0.8 of the font, smaller (to 0.65) when narrow actor columns cannot hold them. */
  branchSize: number;
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
    padY: 0.32 * u,
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
    branchSize: 0.8 * u,
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
  /** Text lines of the row's tallest cell (estimated for candidate layouts). */
  lines: number;
  /** Height the row needs without its text: its symbol (and a start capsule above it). */
  room: number;
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

export type BandKind = 'header' | 'topStrip' | 'row' | 'continued' | 'total' | 'bottomStrip';

/**
 * A horizontal slice of a page: the header, a connector strip, one activity row (or, for a row taller
 * than a page, its first part with the symbol), the rest of such a row continued from the page
 * before ('continued', no symbol) or the total row.
 */
export interface Band {
  kind: BandKind;
  y0: number;
  y1: number;
  /** Row index for kinds 'row' and 'continued'. */
  row?: number;
  /** The lines of a split row this band holds. */
  piece?: RowPiece;
}

/**
 * Part of a row taller than a page: lines [from, to) of each text cell. The part with `from` 0 holds
 * the symbol; the others continue the text at the head of the following pages under a marker.
 */
export interface RowPiece {
  row: number;
  from: number;
  to: number;
}

export interface PagePlan {
  rows: number[];
  topStrip: boolean;
  bottomStrip: boolean;
  hasTotal: boolean;
  /** Available height of this page in pt. */
  height: number;
  /** Lines of a row begun on an earlier page, continued at the head of this one (before `rows`). */
  continued?: RowPiece;
  /** The first part of this page's last row (its symbol and first lines); the rest follows on the next page. */
  split?: RowPiece;
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
  /** The marker at the head of a row's text continued from the page before ("(lanjutan)", italic). */
  continuedMark: CellText;
  /** Lanes planned per side of an actor column (used to size columns). */
  lanesPerSide: number;
}

/** Rows with an arrow into the side that ends the procedure get a terminator beside them. */
export function endBranches(model: FlowModel, index: number): FlowEdge[] {
  return model.edges.filter((e) => e.from === index && e.to === 'end' && e.kind !== 'next');
}

/** The branch label of a decision arrow; the model normally carries it, this is the fallback. */
export function branchLabel(e: Pick<FlowEdge, 'kind' | 'label'>, lang: Lang): string | undefined {
  // '' is a decision written with `label: false` (spec §7.1): its branches carry no words.
  if (e.label === '') return undefined;
  if (e.label !== undefined) return e.label;
  if (e.kind === 'next') return undefined;
  return lang === 'en' ? (e.kind === 'yes' ? 'Yes' : 'No') : e.kind === 'yes' ? 'Ya' : 'Tidak';
}

/** Room an end terminator's arrow leaves between a label and the capsule (the arrow head and a gap). */
export function endArrowRoom(m: Metrics): number {
  return m.arrowLen + 1.5;
}

/** The arrow from a symbol to an end terminator standing inside an edge column (`endSpots`): its head and a visible stem. */
export function edgeEndRoom(m: Metrics): number {
  return endArrowRoom(m) + 2.5;
}

/** Distance from a grid line (or a diamond's side vertex) to where a branch label starts. */
export const LABEL_INSET = { grid: 2.5, vertex: 5.5 } as const;

/**
 * Widths (at 1 pt) of the widest branch label, and of the widest label of a branch that ends the
 * procedure: an actor column holds a label beside a line through its centre, and the column next to
 * a diamond holds the label, the arrow and the end terminator of a branch ending there.
 */
function branchLabelWidths(model: FlowModel, lang: Lang): { any: number; end: number } {
  let any = 0;
  let end = 0;
  const add = (e: Pick<FlowEdge, 'kind' | 'label'>, toEnd: boolean) => {
    const text = branchLabel(e, lang);
    if (text === undefined) return;
    const w = measureText(text, 1);
    any = Math.max(any, w);
    if (toEnd) end = Math.max(end, w);
  };
  for (const e of model.edges) if (e.kind !== 'next') add(e, e.to === 'end');
  for (const l of model.links ?? []) if (l.inChain && l.kind !== 'next') add(l, l.to === 'end');
  return { any, end };
}

/**
 * A decision in row 1 has its start capsule beside it; when both sides are taken (end branches) or
 * outside the actor area, the capsule stands above the diamond in the same cell instead.
 */
export function startAbove(model: FlowModel, index: number): boolean {
  const row = model.rows[index];
  if (index !== 0 || row.symbol !== 'decision') return false;
  const n = model.actors.length;
  const sides = (row.column > 0 ? 1 : 0) + (row.column < n - 1 ? 1 : 0);
  return 1 + Math.min(2, endBranches(model, index).length) > sides;
}

export type Side = 'left' | 'right';

/** Where the end terminator of one branch that ends the procedure stands (see `endSpots`). */
export interface EndSpot {
  edge: FlowEdge;
  /** The model node the branch leaves (`FlowModel.nodes`), and the lane whose symbol the terminator stands beside. */
  node: number;
  lane: number;
  side: Side;
  /** No actor column on that side: the terminator stands in the symbol's own column. */
  outside: boolean;
}

/**
 * Where the end terminators of a row's branches that end the procedure stand, decided on the model so
 * the layout can give an edge column the room and the page builder places them alike: beside the
 * symbol the branch leaves (a joint step's last lane), on its first side that neither a joint line
 * (which joins a step's symbols left to right) nor another capsule takes: right first (left first in
 * the last column), a side with a neighbouring column before one without. When the joint lines take
 * both sides, beside the step's symbol nearest it that has a free side (the branch then leaves that
 * symbol). A decision in row 1 has its start capsule beside it first (`startAbove`). Rows without
 * such a branch give an empty list.
 */
export function endSpots(model: FlowModel, row: number, edges: readonly FlowEdge[] = model.edges): EndSpot[] {
  const ends = edges.filter((e) => e.from === row && e.to === 'end' && e.kind !== 'next');
  if (ends.length === 0) return [];
  const n = model.actors.length;
  const taken = new Map<string, Set<Side>>();
  const sidesOf = (node: number, lane: number): Set<Side> => {
    const key = `${node}:${lane}`;
    let set = taken.get(key);
    if (!set) {
      set = new Set();
      const lanes = model.nodes[node].lanes;
      const col = lanes[lane].column;
      lanes.forEach((l, j) => {
        if (j === lane || l.column < 0 || l.column >= n) return;
        if (l.column < col || (l.column === col && j < lane)) set!.add('left');
        if (l.column > col || (l.column === col && j > lane)) set!.add('right');
      });
      taken.set(key, set);
    }
    return set;
  };
  const inside = (col: number, side: Side) => (side === 'right' ? col < n - 1 : col > 0);
  const free = (node: number, lane: number, prefer: Side[]): Side | undefined => {
    const col = model.nodes[node].lanes[lane].column;
    const set = sidesOf(node, lane);
    return [...prefer.filter((sd) => inside(col, sd)), ...prefer.filter((sd) => !inside(col, sd))].find((sd) => !set.has(sd));
  };
  const first = nodesOfRow(model, row)[0];
  if (first && row === 0 && model.rows[row].symbol === 'decision' && !startAbove({ ...model, edges: [...edges] }, row)) {
    const side = free(first.index, 0, ['left', 'right']);
    if (side) sidesOf(first.index, 0).add(side);
  }
  const out: EndSpot[] = [];
  for (const e of ends) {
    const link = linkOfEdge(model, e);
    const node = link ? model.nodes[link.from] : first;
    if (!node || node.lanes.length === 0) continue;
    const exit = node.lanes.length - 1;
    const exitCol = node.lanes[exit].column;
    const order = node.lanes.map((_, j) => j).sort((a, b) => (a === exit ? -1 : b === exit ? 1 : Math.abs(node.lanes[a].column - exitCol) - Math.abs(node.lanes[b].column - exitCol) || b - a));
    for (const lane of order) {
      const col = node.lanes[lane].column;
      if (col < 0 || col >= n) continue;
      const side = free(node.index, lane, col < n - 1 || col === 0 ? ['right', 'left'] : ['left', 'right']);
      if (!side) continue;
      sidesOf(node.index, lane).add(side);
      out.push({ edge: e, node: node.index, lane, side, outside: !inside(col, side) });
      break;
    }
  }
  return out;
}

/** The columns whose text is the SOP's own prose: inline Markdown (format §7.3) is drawn there. */
const INLINE_KEYS: ReadonlySet<TextColumnKey> = new Set(['kegiatan', 'kelengkapan', 'output', 'keterangan']);

/** A cell value's paragraphs as styled runs: parsed inline Markdown in prose columns, plain text elsewhere. */
function paragraphsOf(value: string, inline: boolean): InlineLine[] {
  return inline ? parseInline(value) : value.split(/\r?\n/).map((p) => [{ text: p }]);
}

/**
 * Wraps a cell; lists get one '- ' (or '1. ') item per line with a hanging indent. With `inline`,
 * `*emphasis*`, `**strong**` and line breaks are drawn as such (a line break inside a list item
 * stays in that item).
 */
function cellText(value: string | string[], width: number, m: Metrics, align: CellText['align'], bold = false, size = m.fontSize, listStyle: 'dash' | 'number' = 'dash', inline = false): CellText {
  const avail = Math.max(1, width - 2 * m.padX);
  if (Array.isArray(value)) {
    const items = value.map((v) => v.trim()).filter((v) => v.length > 0);
    if (items.length === 0) value = '-';
    else if (items.length === 1) value = items[0];
    else {
      const mark = (i: number) => (listStyle === 'number' ? `${i + 1}. ` : '- ');
      const indent = Math.max(...items.map((_, i) => measureText(mark(i), size, bold)));
      const lines: TextLine[] = [];
      items.forEach((item, i) => {
        const wrapped = wrapInline(paragraphsOf(item, inline), avail, size, bold, indent, indent);
        const first = wrapped[0];
        wrapped[0] = { text: mark(i) + first.text, indent: 0, width: first.width + indent };
        if (first.runs) wrapped[0].runs = [{ text: mark(i) }, ...first.runs];
        lines.push(...wrapped);
      });
      return { lines, align, bold, size };
    }
  }
  const trimmed = value.trim();
  return { lines: trimmed === '' ? [] : wrapInline(paragraphsOf(trimmed, inline), avail, size, bold), align, bold, size };
}

// Parsed cells, their words and word widths: every candidate layout (font size, actor width, retry)
// of one drawing measures the same text. Pure functions of the text, so the output is unchanged;
// `startTextCaches` begins a fresh set per drawing (a benchmark re-drawing one model measures it all again).
let parsedCells = new WeakMap<FlowRow, Map<TextColumnKey, InlineLine[][]>>();
let parsedWords = new WeakMap<InlineLine, InlineRun[][]>();
let wordWidths = new WeakMap<InlineRun[], Map<number, number>>();

export function startTextCaches(): void {
  parsedCells = new WeakMap();
  parsedWords = new WeakMap();
  wordWidths = new WeakMap();
}

/** The words of a parsed paragraph (shared, read only). */
function wordsOf(para: InlineLine): InlineRun[][] {
  let words = parsedWords.get(para);
  if (!words) parsedWords.set(para, (words = runWords(para)));
  return words;
}

/** `measureRuns` of a shared word, remembered per font size. */
function wordWidth(word: InlineRun[], size: number): number {
  let bySize = wordWidths.get(word);
  if (!bySize) wordWidths.set(word, (bySize = new Map()));
  let w = bySize.get(size);
  if (w === undefined) bySize.set(size, (w = measureRuns(word, size)));
  return w;
}

/** A cell's paragraphs as a reader sees them, for measuring: markers removed, strong words measured bold (shared, read only). */
function measuredParagraphs(row: FlowRow, key: TextColumnKey): InlineLine[][] {
  let cells = parsedCells.get(row);
  if (!cells) parsedCells.set(row, (cells = new Map()));
  let paras = cells.get(key);
  if (!paras) cells.set(key, (paras = parseParagraphs(row, key)));
  return paras;
}

function parseParagraphs(row: FlowRow, key: TextColumnKey): InlineLine[][] {
  return flat(textOf(row, key))
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map((x) => paragraphsOf(x, INLINE_KEYS.has(key)));
}

function textOf(row: FlowRow, key: TextColumnKey): string | string[] {
  switch (key) {
    case 'no':
      return rowNumberText(row);
    case 'kegiatan':
      return row.kegiatan;
    case 'kelengkapan':
      return row.kelengkapan;
    case 'waktu':
      return row.waktu;
    case 'output':
      return row.output;
    case 'keterangan':
      return keteranganText(row);
  }
}

/** Keterangan as printed: an optional step (format 1.1) is noted there unless the text already says so. */
export function keteranganText(row: FlowRow): string {
  const own = row.keterangan ?? '';
  if (!row.optionalNote || /diperlukan|perlu|needed/i.test(own)) return own;
  return own.trim() === '' ? row.optionalNote : `${own.trim()} (${row.optionalNote.toLowerCase()})`;
}

/** The longest word of `text` by width. */
function longestWord(text: string, sizePt: number, bold = false): string {
  let best = '';
  let bw = -1;
  for (const word of text.split(/\s+/)) {
    const w = measureText(word, sizePt, bold);
    if (w > bw) {
      best = word;
      bw = w;
    }
  }
  return best;
}

/** The printed Jumlah waktu: the sum, marked `*` when some counted rows have no time standard; `-` when there is none. */
function totalValueText(model: FlowModel): string {
  if (model.totalText.trim() === '') return '-';
  return model.totalNote ? `${model.totalText}*` : model.totalText;
}

/** What the No. column prints for a row. */
export function rowNumberText(row: FlowRow): string {
  // Format 1.1 `no`: the number of the signed original (`5a`, `-`).
  return row.no ?? String(row.number);
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

/** Word widths per row and text column, the rows' line floors (their symbol) and a fast line counter. */
interface WidthProblem {
  /** [row][column][paragraph][word] widths; one extra last row is the total. */
  items: number[][][][];
  /** Lines each row holds anyway because of its symbol. */
  floor: number[];
  linesOf: (paras: number[][], w: number) => number;
  /** Symbol height the floors were computed for. */
  symH: number;
  /** Per column, a width at which every cell fits on one line per paragraph. */
  oneLine: number[];
  /** fitLines' width per column and line count (keyed column * 64 + lines). */
  needs: Map<number, number>;
}

function widthProblem(model: FlowModel, m: Metrics): WidthProblem {
  const dash = measureText('- ', m.fontSize);
  const space = measureText(' ', m.fontSize);
  // Word widths of each list item per row and column (list items carry their dash).
  const items: number[][][][] = model.rows.map((row) =>
    TEXT_KEYS.map((key) => {
      const parts = measuredParagraphs(row, key);
      const list = Array.isArray(textOf(row, key)) && parts.length > 1;
      return parts.flatMap((paras) =>
        paras.map((para, i) => {
          const words = wordsOf(para).map((wd) => wordWidth(wd, m.fontSize));
          if (list && i === 0 && words.length > 0) words[0] += dash;
          return words;
        }),
      );
    }),
  );
  const floor = model.rows.map((row) => ((row.symbol === 'decision' ? m.decH : m.symH) + 2 * m.vpad - 2 * m.padY) / m.lineHeight);
  // The total row is one more row: only its bold value in Waktu can grow.
  const totalWords = totalValueText(model).split(/\s+/).filter((wd) => wd !== '').map((wd) => measureText(wd, m.fontSize, true));
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
  const oneLine = TEXT_KEYS.map((_, c) => 2 * m.padX + 1 + Math.max(0, ...items.map((row) => Math.max(0, ...row[c].map((ws) => ws.reduce((a, b) => a + b + space, 0))))));
  return { items, floor, linesOf, symH: m.symH, oneLine, needs: new Map() };
}

/**
 * Start widths: the smallest line count L such that every text column, at the width that keeps all
 * its cells within L lines (at least its minimum, at most its maximum), leaves Kegiatan its floor;
 * Kegiatan then takes all the room left. Rows of about equal height are what wastes least.
 */
function fitLines(p: WidthProblem, rest: number, mins: number[], maxs: number[]): number[] | undefined {
  const k = mins.length;
  const need = (c: number, L: number) => {
    // Candidates of one font size share the problem, so these widths are computed once.
    const key = c * 64 + L;
    const cached = p.needs.get(key);
    if (cached !== undefined) return cached;
    const w = needUncached(c, L);
    p.needs.set(key, w);
    return w;
  };
  const needUncached = (c: number, L: number) => {
    let lo = mins[c];
    let hi = Math.max(lo, maxs[c]);
    if (!Number.isFinite(hi)) hi = Math.max(lo, p.oneLine[c]);
    const ok = (w: number) => p.items.every((row, r) => p.linesOf(row[c], w) <= Math.max(L, Math.floor(p.floor[r] + 1e-6)));
    if (ok(lo)) return lo;
    if (!ok(hi)) return hi;
    for (let it = 0; it < 9; it++) {
      const mid = (lo + hi) / 2;
      if (ok(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  // Rows hold as many lines as their symbol needs anyway: start there.
  const startL = Math.max(1, Math.min(...p.floor.map((f) => Math.floor(f + 1e-6))));
  for (let L = startL; L <= 40; L++) {
    const ws = mins.map((_, c) => need(c, L));
    const sum = ws.reduce((s, w) => s + w, 0);
    if (sum <= rest + 1e-6) {
      ws[0] += rest - sum;
      return ws;
    }
    if (k === 0) break;
  }
  return undefined;
}

/**
 * Moves width between text columns while that lowers the table's total height. Line counts are
 * estimated from text widths (no wrapping) so the search stays cheap; rows never go below the
 * height their symbol needs, so width only goes where it shortens a binding cell.
 */
function balanceWidths(p: WidthProblem, widths: number[], mins: number[], fontSize: number, steps: number[], maxIter: number): number[] {
  const k = widths.length;
  const { items, floor, linesOf } = p;
  const lines = items.map((row) => row.map((ws, c) => linesOf(ws, widths[c])));
  const rowLines = (r: number, a: number, la: number, b: number, lb: number) => {
    let max = floor[r];
    for (let c = 0; c < k; c++) max = Math.max(max, c === a ? la : c === b ? lb : lines[r][c]);
    return max;
  };
  const current = lines.map((_, r) => rowLines(r, -1, 0, -1, 0));
  const w = [...widths];
  for (const step of steps.map((f) => f * fontSize)) {
    for (let iter = 0; iter < maxIter; iter++) {
      let bestGain = 0.01;
      let best: [number, number] | undefined;
      // Line counts of every column one step narrower and one step wider, computed once per round.
      const down = w.map((wc, c) => (wc - step < mins[c] ? undefined : lines.map((_, r) => linesOf(items[r][c], wc - step))));
      const up = w.map((wc, c) => lines.map((_, r) => linesOf(items[r][c], wc + step)));
      for (let a = 0; a < k; a++) {
        const da = down[a];
        if (!da) continue;
        for (let b = 0; b < k; b++) {
          if (a === b) continue;
          const ub = up[b];
          let gain = 0;
          for (let r = 0; r < lines.length; r++) gain += current[r] - rowLines(r, a, da[r], b, ub[r]);
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
  // Coarse steps can overshoot: hand back to Kegiatan (column 0) any width another column can spare
  // without a row growing, so Kegiatan keeps all the slack.
  for (const step of [2, 1, 0.5].map((f) => f * fontSize)) {
    for (let a = 1; a < k; a++) {
      while (w[a] - step >= mins[a]) {
        let loss = 0;
        for (let r = 0; r < lines.length && loss <= 0; r++) {
          const la = linesOf(items[r][a], w[a] - step);
          const l0 = linesOf(items[r][0], w[0] + step);
          loss += rowLines(r, a, la, 0, l0) - current[r];
        }
        if (loss > 0) break;
        w[a] -= step;
        w[0] += step;
        for (let r = 0; r < lines.length; r++) {
          lines[r][a] = linesOf(items[r][a], w[a]);
          lines[r][0] = linesOf(items[r][0], w[0]);
          current[r] = rowLines(r, -1, 0, -1, 0);
        }
      }
    }
  }
  return w;
}

/** Knobs of one candidate layout; `chooseLayout` tries several and keeps the best. */
export interface LayoutKnobs {
  /** Actor columns at this multiple of what their header and symbols need (>= 1). */
  actorScale: number;
  /** Row heights from estimated line counts and no cell text (for comparing candidates). */
  estimate?: boolean;
}

/** Half-width of the area beside an actor column's symbol that one side's lanes need. */
function laneMargin(m: Metrics, lanes: number, gap: number): number {
  return m.laneClear + (lanes - 1) * gap + m.gridClear;
}

/**
 * Lays out columns and rows for a printable width (pt). Pagination is separate (`paginate`).
 *
 * Widths come from content: actor columns get what their symbols, lanes and header titles need
 * (titles wrap at words and hyphenate between syllables, shrinking a step or two first); the Mutu
 * Baku columns and Keterangan get their longest line up to a cap; Kegiatan gets the rest and never
 * less than a readable floor while the others can give way. A local search then moves width
 * between text columns while that lowers the table.
 */
export function layoutTable(model: FlowModel, width: number, fontSize: number, lang: Lang, extraLanes = 0, knobs: LayoutKnobs = { actorScale: 1 }, memo?: Map<number, { wants: Want[]; problem?: WidthProblem }>, opts: LayoutOptions = {}): TableLayout {
  let m = makeMetrics(fontSize);
  // Six or more actor columns: drafters draw smaller symbols so Kegiatan keeps its room.
  if (model.actors.length >= 6) {
    const f = 0.85;
    m = { ...m, symW: m.symW * f, symH: m.symH * f, decW: m.decW * f, decH: m.decH * f, endW: m.endW * f, endH: m.endH * f };
  }
  const labels = { ...LABELS[lang], ...opts.labels };
  const showTotal = opts.totalRow !== false;
  const n = model.actors.length;
  const bold = true;

  const lanesPerSide = planLanes(model) + extraLanes;
  const hasSideEnd = model.rows.some((r) => endBranches(model, r.index).length > 0);

  // No column: the widest number or label.
  // As wide as the widest number (`5a`, `-`) and label, but never more than a few percent of the
  // table: a long printed number (`no`) or label wraps in its cell instead of pushing every other
  // column off the page (before, a 600-character `no` left Kegiatan 0 mm and a table of 100+ pages).
  const noNatural = Math.max(measureText(labels.no, m.fontSize, bold), ...model.rows.map((r) => measureText(rowNumberText(r), m.fontSize))) + 2 * m.padX;
  const noW = Math.min(noNatural, Math.max(0.06 * width, measureText('000', m.fontSize, bold) + 2 * m.padX));

  // A lone actor column also holds the end terminator beside a diamond.
  // Beside the diamond: the label of the branch, the arrow head and the capsule.
  const soloLabel = n === 1 && hasSideEnd ? LABEL_INSET.vertex + branchLabelWidths(model, lang).end * m.branchSize + endArrowRoom(m) : 0;
  const soloExtra = n === 1 && hasSideEnd ? 2 * (m.endW + Math.max(3 * m.fontSize, soloLabel)) : 0;
  const zone0 = Math.max(m.symW, m.decW);
  const symbolNeed = zone0 + 2 * laneMargin(m, lanesPerSide, lanesPerSide > 1 ? m.laneGap : 0) + soloExtra;
  const symbolTight = (zone: number) => zone + 2 * laneMargin(m, lanesPerSide, TIGHT_LANE_GAP) + soloExtra;
  // Header titles may shrink to 80% and hyphenate once per word before they widen the columns.
  const titleMin = 0.8 * m.fontSize;
  const titleNeed = Math.max(0, ...model.actors.flatMap((a) => a.title.split(/\s+/).filter((w) => w !== '').map((w) => hyphenatedWordWidth(w, titleMin, bold)))) + 2 * m.padX;
  // Branch labels: the column beside a diamond holds the label of a branch that ends there, past the
  // border (before the end terminator, or above it when the label is long), and the terminator after
  // the arrow head. Labels are drawn at 0.8 of the font; columns too narrow for that draw them smaller
  // (to 0.65). Other labels find a spot inside one cell along their arrow (route.ts).
  const branchW = branchLabelWidths(model, lang);
  const branchMin = 0.65 * m.fontSize;
  const labelsNeed = (s: number) =>
    branchW.end > 0 && n > 1 ? LABEL_INSET.grid + Math.max(branchW.end * s + 1, endArrowRoom(m) + m.endW + m.gridClear) : 0;
  const actorNeed = Math.max(symbolNeed, titleNeed, labelsNeed(branchMin));
  // A retry for lanes (extraLanes) widens the columns by that many lanes a side; a lone column carries every lane.
  const actorWant = actorNeed * Math.max(1, knobs.actorScale) + 2 * extraLanes * m.laneGap * (n === 1 ? 3 : 1);

  // Text columns: never narrower than their longest word (capped), never wider than their longest line.
  const memoed = memo?.get(fontSize);
  const wants: Want[] = memoed?.wants ?? TEXT_KEYS.map((key) => {
    const header = labels[key];
    // Words up to about seven em stay whole; only longer ones are hyphenated between syllables.
    const wordCap = 7 * m.fontSize;
    let word = Math.min(measureText(longestWord(header, m.fontSize, bold), m.fontSize, bold), Math.max(wordCap, hyphenatedWordWidth(longestWord(header, m.fontSize, bold), m.fontSize, bold)));
    let longest = measureText(header, m.fontSize, bold);
    let mass = 0;
    for (const row of model.rows) {
      const v = textOf(row, key);
      const prefix = Array.isArray(v) && v.length > 1 ? measureText('- ', m.fontSize) : 0;
      for (const item of measuredParagraphs(row, key)) {
        for (const para of item) {
          const w = measureRuns(para, m.fontSize) + prefix;
          longest = Math.max(longest, w);
          // The widest word; one strong as a whole hyphenates in bold, one mixing styles is kept whole.
          let lw: InlineRun[] = [];
          let lww = -1;
          for (const wd of wordsOf(para)) {
            const ww = wordWidth(wd, m.fontSize);
            if (ww > lww) {
              lw = wd;
              lww = ww;
            }
          }
          if (lw.length > 0) {
            const hyph = lw.length === 1 ? hyphenatedWordWidth(lw[0].text, m.fontSize, lw[0].strong === true) : lww;
            word = Math.max(word, Math.min(lww, Math.max(wordCap, hyph)) + prefix);
          }
          mass += w;
        }
      }
    }
    // The bold total may wrap, but none of its words may be cut.
    if (key === 'waktu') word = Math.max(word, longestWordWidth(totalValueText(model), m.fontSize, true));
    const weight = { kegiatan: 1.25, kelengkapan: 0.9, waktu: 0.45, output: 0.9, keterangan: 0.75 }[key] * Math.sqrt(mass + 20 * m.fontSize);
    if (key === 'kegiatan') {
      // A readable measure: about 35 characters, or the whole text when it is shorter.
      const floor = Math.min(longest, Math.max(18 * m.fontSize, 0.16 * width));
      return { min: Math.max(word, floor) + 2 * m.padX, max: Number.POSITIVE_INFINITY, weight };
    }
    // Waktu is short: keep each value (and the bold total) on one line when it can.
    // The bold total widens Waktu only while it is short; a long total wraps in its own row instead.
    const totalW = measureText(totalValueText(model), m.fontSize, true);
    const min = key === 'waktu' ? Math.min(Math.max(longest, totalW <= 0.06 * width ? totalW : 0), 0.1 * width) + 2 * m.padX : word + 2 * m.padX;
    const cap = { kelengkapan: 0.14, waktu: 0.09, output: 0.14, keterangan: 0.15 }[key] * width;
    return { min, max: Math.max(min, Math.min(longest + 2 * m.padX, cap)), weight };
  });

  // Mutu Baku and Keterangan take their longest line up to the cap; Kegiatan the rest. When Kegiatan
  // would drop below its floor the others give way down to their minimum; then the actor columns pack
  // their lanes tighter and their symbols shrink (to 70%); only then does Kegiatan go below its floor.
  const others = wants.slice(1);
  const minOthers = others.reduce((s, w) => s + w.min, 0);
  let actorW = n > 0 ? actorWant : 0;
  const kegFloor = wants[0].min;
  const roomFor = (aw: number) => width - noW - n * aw;
  if (n > 0 && roomFor(actorW) - minOthers < kegFloor) {
    // Not enough room even with the others at their minimum: the actors give back their extra width first.
    actorW = Math.max(actorNeed, (width - noW - minOthers - kegFloor) / n);
    if (roomFor(actorW) - minOthers < kegFloor) {
      const avail = (width - noW - minOthers - kegFloor) / n;
      const fixed = symbolTight(zone0) - zone0;
      const scale = Math.max(0.7, Math.min(1, (avail - fixed) / zone0));
      if (scale < 1) m = { ...m, symW: m.symW * scale, symH: m.symH * scale, decW: m.decW * scale, decH: m.decH * scale, endW: m.endW * scale, endH: m.endH * scale };
      actorW = Math.max(avail, symbolTight(Math.max(m.symW, m.decW)), titleNeed, labelsNeed(branchMin));
    }
  }
  // The largest label size (0.8 of the font at most, 0.65 at least) whose labels the columns hold.
  if (labelsNeed(m.branchSize) > actorW + 1e-6) {
    let lo = branchMin;
    let hi = m.branchSize;
    for (let it = 0; it < 12; it++) {
      const mid = (lo + hi) / 2;
      if (labelsNeed(mid) <= actorW + 1e-6) lo = mid;
      else hi = mid;
    }
    m = { ...m, branchSize: Math.floor(lo * 100) / 100 };
  }
  // An end terminator that has to stand inside an edge column (beside a joint step's symbol whose
  // inner side its joint line takes, format 1.1; `endSpots`) widens that column to hold the label, the
  // arrow and the capsule beside the symbol, as a lone column does.
  const edgeW = [0, 0];
  if (n > 1) {
    const endRows = new Set(model.edges.filter((e) => e.to === 'end' && e.kind !== 'next').map((e) => e.from));
    for (const row of endRows) {
      for (const spot of endSpots(model, row)) {
        if (!spot.outside) continue;
        const mn = model.nodes[spot.node];
        const own = mn.symbol === 'decision' ? m.decW : m.symW;
        const text = mn.text?.trim();
        const symW = text ? Math.max(own, measureText(text, m.labelSize) / (mn.symbol === 'decision' ? 0.62 : 0.9) + 2) : own;
        const label = branchLabel(spot.edge, lang);
        const lw = label === undefined ? 0 : measureText(label, m.branchSize);
        // The capsule after the arrow head, the label above them from the vertex on.
        const half = symW / 2 + Math.max(edgeEndRoom(m) + m.endW, lw === 0 ? 0 : LABEL_INSET.vertex + lw + 0.5) + m.gridClear;
        const k = spot.side === 'left' ? 0 : 1;
        edgeW[k] = Math.max(edgeW[k], 2 * half);
      }
    }
  }
  const actorWs = Array.from({ length: n }, (_, a) => Math.max(actorW, a === 0 ? edgeW[0] : 0, a === n - 1 ? edgeW[1] : 0));
  const rest = roomFor(actorW) - actorWs.reduce((sum, w) => sum + w - actorW, 0);
  // Candidates of one font size share the text measurements (symbol shrinking changes only the floors).
  let problem: WidthProblem;
  if (memoed?.problem && memoed.problem.symH === m.symH) problem = memoed.problem;
  else problem = widthProblem(model, m);
  memo?.set(fontSize, { wants, problem });
  let textW: number[];
  const fitted = rest >= minOthers + kegFloor ? fitLines(problem, rest, wants.map((w) => w.min), wants.map((w) => w.max)) : undefined;
  if (fitted) textW = fitted;
  else if (rest < minOthers + kegFloor) {
    // Last resort: scale the minima; long words get cut.
    const sum = minOthers + kegFloor;
    textW = wants.map((w) => (w.min * Math.max(rest, 0)) / sum);
  } else textW = [rest - minOthers, ...others.map((w) => w.min)];
  // Candidates get a coarse polish (they are only compared); the chosen layout the full one.
  textW = balanceWidths(problem, textW, wants.map((w) => w.min), m.fontSize, knobs.estimate ? [2] : [4, 2, 1, 0.5], knobs.estimate ? 8 : 40);

  const columns: Column[] = [];
  let x = 0;
  const push = (c: Omit<Column, 'x'>) => {
    columns.push({ ...c, x });
    x += c.w;
  };
  push({ key: 'no', w: noW });
  push({ key: 'kegiatan', w: textW[0] });
  const firstActorColumn = columns.length;
  for (let a = 0; a < n; a++) push({ key: 'actor', actor: a, w: actorWs[a] });
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
    pelaksana: hcell(labels.pelaksana, Math.max(actorWs.reduce((sum, w) => sum + w, 0), 1)),
    mutuBaku: hcell(labels.mutuBaku, colOf('kelengkapan').w + colOf('waktu').w + colOf('output').w),
  };
  // One size for every actor title, so the header row stays uniform: of the steps 100%, 90% and 80%,
  // the one that needs the fewest lines (the larger on a tie); a word too long even then is hyphenated.
  let titleSize = m.fontSize;
  let titleLines = Number.POSITIVE_INFINITY;
  for (const f of [1, 0.9, 0.8]) {
    const size = f * m.fontSize;
    const lines = Math.max(0, ...model.actors.map((a) => cellText(a.title, actorW, m, 'center', true, size).lines.length));
    if (lines < titleLines) {
      titleLines = lines;
      titleSize = size;
    }
  }
  for (let a = 0; a < n; a++) cells[`actor:${a}`] = cellText(model.actors[a].title, actorWs[a], m, 'center', true, titleSize);
  const linesH = (c: CellText) => Math.max(1, c.lines.length) * m.lineHeight * (c.size / m.fontSize) + 2 * m.padY;
  const row1 = Math.max(linesH(cells.pelaksana), linesH(cells.mutuBaku));
  let row2 = Math.max(linesH(cells.kelengkapan), linesH(cells.waktu), linesH(cells.output));
  for (let a = 0; a < n; a++) row2 = Math.max(row2, linesH(cells[`actor:${a}`]));
  const spanning = Math.max(linesH(cells.no), linesH(cells.kegiatan), linesH(cells.keterangan));
  if (spanning > row1 + row2) row2 = spanning - row1;

  // Rows: the tallest cell, and room for the symbol (diamonds also need room for their branch label).
  // Candidates are compared on estimated heights (line counts from word widths, no strings built).
  const textWidths = TEXT_KEYS.map((key) => colOf(key).w);
  const rows: RowBox[] = model.rows.map((row) => {
    const rc: RowBox['cells'] = {};
    let h = 0;
    // A chain row (format 1.1) may route an arrow over or under its symbols: room for a track and an arrow head.
    const chainSymH = row.chain ? Math.max(...row.chain.map((n) => (n.symbol === 'decision' ? m.decH : m.symH))) + 2 * (m.arrowLen + 5) : 0;
    const symH = Math.max(row.symbol === 'decision' ? m.decH : m.symH, chainSymH);
    const room = Math.max(symH + 2 * m.vpad, startAbove(model, row.index) ? 2 * (m.decH / 2 + m.arrowLen + 4 + m.endH + 0.4 * m.fontSize) : 0);
    if (knobs.estimate) {
      let lines = 1;
      for (let c = 0; c < textWidths.length; c++) lines = Math.max(lines, problem.linesOf(problem.items[row.index][c], textWidths[c]));
      return { index: row.index, height: Math.max(lines * m.lineHeight + 2 * m.padY, room), lines, room, cells: rc };
    }
    let lines = 0;
    for (const key of ['no', ...TEXT_KEYS] as TextColumnKey[]) {
      const align = key === 'no' || key === 'waktu' ? 'center' : 'left';
      const c = cellText(textOf(row, key), colOf(key).w, m, align, false, m.fontSize, opts.listStyle, INLINE_KEYS.has(key));
      rc[key] = c;
      lines = Math.max(lines, c.lines.length);
    }
    h = Math.max(lines * m.lineHeight + 2 * m.padY, room);
    return { index: row.index, height: h, lines, room, cells: rc };
  });

  // Rows without a time standard are left out of the sum: marked, and said in the label (spec §7.2).
  const totalLabel = model.totalNote ? `${labels.jumlahWaktu} (*${model.totalNote})` : labels.jumlahWaktu;
  const total = cellText(totalLabel, columns.slice(0, columns.indexOf(colOf('waktu'))).reduce((s, c) => s + c.w, 0), m, 'right', true);
  const totalValue = cellText(totalValueText(model), colOf('waktu').w, m, 'center', true);
  const totalHeight = showTotal ? Math.max(linesH(total), linesH(totalValue)) : 0;
  // The column-number row: (1), (2), ... one per column, as some signed originals print under the header.
  const numbers = opts.columnNumbers ? columns.map((c, i) => cellText(`(${i + 1})`, c.w, m, 'center', false)) : [];
  const row3 = opts.columnNumbers ? Math.max(...numbers.map(linesH)) : 0;
  const stripHeight = 0.5 * m.fontSize + m.pentH + 1.5 * m.fontSize;
  const continuedMark = cellText(lang === 'en' ? '*(continued)*' : '*(lanjutan)*', colOf('kegiatan').w, m, 'left', false, m.fontSize, 'dash', true);

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
    continuedMark,
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
 * Which connector strips a page holding rows [a, b] needs. Every pair of off-page connectors has its
 * out-pentagon at the foot of the page the flow leaves and its in-pentagon at the head of the page it
 * resumes on (loops back included), so this depends on the page's own rows only.
 */
export function stripsOf(model: FlowModel, a: number, b: number): { top: boolean; bottom: boolean } {
  let top = false;
  let bottom = false;
  for (const e of model.edges) {
    if (e.to === 'end') continue;
    const fromIn = e.from >= a && e.from <= b;
    const toIn = e.to >= a && e.to <= b;
    if (fromIn && !toIn) bottom = true;
    if (!fromIn && toIn) top = true;
  }
  return { top, bottom };
}

/** Height of one part of a split row: the first holds the symbol; the others carry the marker line. */
export function pieceHeight(t: TableLayout, p: RowPiece): number {
  const m = t.metrics;
  const text = (p.to - p.from) * m.lineHeight + 2 * m.padY;
  return p.from === 0 ? Math.max(t.rows[p.row].room, text) : text + m.lineHeight;
}

/** The fewest lines a split row's first part holds; with less room the row starts on the next page. */
const MIN_PIECE_LINES = 3;

/**
 * Splits rows into pages like a drafter: fill each page; every page repeats the header; a page gets
 * a connector strip at its head or foot only where a flow resumes or leaves; the total row stays
 * with the last activity row and the last page never holds a lone row when the one before could
 * spare one. Among the last rows that fit, a break cutting fewer arrows wins if the page stays 80% full.
 *
 * A row too tall for a page of its own is split between lines: its first part (symbol and first
 * lines) fills the page it starts on, the rest continues at the head of the next pages under a
 * "(lanjutan)" marker, so no text is lost. Arrows leave from and arrive at the symbol on the first part.
 */
export function paginate(model: FlowModel, t: TableLayout, heights: { first: number; other: number }): PagePlan[] {
  const m = t.metrics;
  const headerH = t.header.row1 + t.header.row2 + t.header.row3;
  const n = t.rows.length;
  const pages: PagePlan[] = [];
  const eps = 1e-6;
  // A page holding `cont` (a continued part) at its head, then rows a..b (of row b only its first `split` lines), the total when asked.
  const heightOf = (a: number, b: number, total: boolean, cont?: RowPiece, split?: number) => {
    const st = a <= b ? stripsOf(model, a, b) : { top: false, bottom: false };
    let h = headerH + (st.top ? t.stripHeight : 0) + (st.bottom ? t.stripHeight : 0) + (total && t.showTotal ? t.totalHeight : 0);
    if (cont) h += pieceHeight(t, cont);
    for (let k = a; k <= b; k++) h += split !== undefined && k === b ? pieceHeight(t, { row: b, from: 0, to: split }) : t.rows[k].height;
    return h;
  };
  const linesIn = (room: number) => Math.floor((room - 2 * m.padY) / m.lineHeight + eps);
  // A row that cannot stand on a page of its own is split.
  const tall = (k: number) => t.rows[k].lines > 1 && heightOf(k, k, k === n - 1) > heights.other + eps;
  let i = 0;
  // The lines of a split row still to print.
  let rest: RowPiece | undefined;
  while (i < n || rest || pages.length === 0) {
    const p = pages.length;
    const H = p === 0 ? heights.first : heights.other;
    if (n === 0) {
      pages.push({ rows: [], topStrip: false, bottomStrip: false, hasTotal: true, height: H });
      break;
    }
    let cont: RowPiece | undefined;
    if (rest) {
      // The rest of a split row: all of it when it fits (with the total after the last row), else what fits.
      const left = rest.to - rest.from;
      const max = Math.max(1, linesIn(H - headerH - m.lineHeight));
      if (left <= max && (i < n || heightOf(i, n - 1, true, rest) <= H + eps || left === 1)) {
        cont = rest;
        rest = undefined;
      } else {
        // The last row's rest leaves a few lines for the page that holds the total.
        const take = left <= max ? left - Math.min(MIN_PIECE_LINES, left - 1) : max;
        pages.push({ rows: [], topStrip: false, bottomStrip: false, hasTotal: false, height: H, continued: { row: rest.row, from: rest.from, to: rest.from + take } });
        rest = { ...rest, from: rest.from + take };
        continue;
      }
    }
    // Everything left fits: last page.
    if (heightOf(i, n - 1, true, cont) <= H + eps) {
      pages.push(plan(model, i, n - 1, true, H, cont));
      break;
    }
    const fits: number[] = [];
    let rowsH = headerH + (cont ? pieceHeight(t, cont) : 0);
    let stop = n;
    for (let k = i; k < n; k++) {
      rowsH += t.rows[k].height;
      if (rowsH > H + eps) {
        stop = k;
        break;
      }
      if (heightOf(i, k, k === n - 1, cont) <= H + eps) fits.push(k);
    }
    // All rows fit but not the total row: carry the last row over so the total never stands alone.
    if (fits.length > 1 && fits[fits.length - 1] === n - 1) fits.pop();
    // A row too tall for any page begins here when its symbol and a few lines fit below what the page holds.
    if (stop < n && tall(stop)) {
      const base = heightOf(i, stop, false, cont, 0);
      const lines = Math.min(t.rows[stop].lines - 1, linesIn(H - (base - t.rows[stop].room)));
      const alone = stop === i && !cont;
      if ((base <= H + eps && lines >= MIN_PIECE_LINES) || (alone && !(p === 0 && heights.first < heights.other))) {
        const to = Math.max(1, lines);
        pages.push({ ...plan(model, i, stop, false, H, cont), split: { row: stop, from: 0, to } });
        rest = { row: stop, from: to, to: t.rows[stop].lines };
        i = stop + 1;
        continue;
      }
    }
    if (fits.length === 0) {
      if (cont) {
        // Only the continued part fits on this page.
        pages.push(plan(model, i, i - 1, false, H, cont));
        continue;
      }
      if (p === 0 && i === 0 && heights.first < heights.other) {
        // Not even one row fits below the identity table: the flow starts on the next page.
        pages.push({ rows: [], topStrip: false, bottomStrip: false, hasTotal: false, height: H });
        continue;
      }
      // Not reached (a row taller than a page is split); kept so pagination always ends.
      pages.push(plan(model, i, i, i === n - 1, H));
      i += 1;
      continue;
    }
    const end = fits[fits.length - 1];
    // Prefer a break that cuts fewer arrows among the last three candidates.
    let best = end;
    let bestCut = crossingCount(model, end);
    for (let j = fits.length - 2; j >= Math.max(0, fits.length - 3); j--) {
      const e = fits[j];
      if (heightOf(i, e, false, cont) / H < 0.8) break;
      const cut = crossingCount(model, e);
      if (cut < bestCut) {
        best = e;
        bestCut = cut;
      }
    }
    pages.push(plan(model, i, best, false, H, cont));
    i = best + 1;
  }
  // The last page never holds a lone row when the page before can spare one (and it still fits).
  const last = pages[pages.length - 1];
  const prev = pages[pages.length - 2];
  if (prev && last.rows.length === 1 && !last.continued && prev.rows.length >= 3 && !prev.split) {
    const moved = prev.rows[prev.rows.length - 1];
    const a = moved;
    const b = last.rows[0];
    if (heightOf(a, b, true) <= last.height + eps) {
      pages[pages.length - 2] = plan(model, prev.rows[0], moved - 1, false, prev.height, prev.continued);
      pages[pages.length - 1] = plan(model, a, b, true, last.height);
    }
  }
  return pages;
}

function plan(model: FlowModel, a: number, b: number, hasTotal: boolean, height: number, continued?: RowPiece): PagePlan {
  const st = a <= b ? stripsOf(model, a, b) : { top: false, bottom: false };
  return { rows: range(a, b + 1), topStrip: st.top, bottomStrip: st.bottom, hasTotal, height, ...(continued ? { continued } : {}) };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}

/**
 * Tries candidate layouts and keeps the one with the fewest pages, then the largest font, then the
 * shortest table (least wasted area). Candidates: actor columns at 1, 1.25 and 1.5 times what they
 * need; when the caller sets no font size, 9 pt and, only if that needs more than one page, 8.5 and
 * 8 pt. Deterministic: the same model always gets the same layout.
 */
export function chooseLayout(model: FlowModel, width: number, heights: { first: number; other: number }, lang: Lang, extraLanes: number, fontSize?: number, opts: LayoutOptions = {}): { table: TableLayout; plans: PagePlan[] } {
  const sizes = fontSize !== undefined ? [fontSize] : [9, 8.5, 8];
  const memo = new Map<number, { wants: Want[]; problem?: WidthProblem }>();
  let best: { size: number; actorScale: number; pages: number; height: number } | undefined;
  let tallest = 0;
  for (const size of sizes) {
    // A smaller font only when the larger one needs more than one page.
    if (best && best.pages <= 1) break;
    let sameSizeHeight = Number.POSITIVE_INFINITY;
    for (const actorScale of [1, 1.25, 1.5]) {
      const table = layoutTable(model, width, size, lang, extraLanes, { actorScale, estimate: true }, memo, opts);
      // A header that leaves no room for a few lines would page a table one line at a time
      // (thousands of pages, gigabytes of SVG): such a layout is no candidate.
      if (!headerLeavesRoom(table, heights.other)) {
        tallest = Math.max(tallest, headerHeight(table));
        continue;
      }
      const plans = paginate(model, table, heights);
      const height = table.rows.reduce((h, r) => h + r.height, 0) + table.header.row1 + table.header.row2;
      const pages = plans.length;
      const better = !best || pages < best.pages || (pages === best.pages && size === best.size && height < best.height - 0.5);
      if (better) best = { size, actorScale, pages, height };
      // Wider actor columns only lengthen the table once Kegiatan binds: stop widening then.
      if (height > sameSizeHeight + 0.5) break;
      sameSizeHeight = Math.min(sameSizeHeight, height);
    }
  }
  if (!best) throw new SopHeaderTooTallError(lang, tallest, heights.other);
  const table = layoutTable(model, width, best.size, lang, extraLanes, { actorScale: best.actorScale }, memo, opts);
  if (!headerLeavesRoom(table, heights.other)) throw new SopHeaderTooTallError(lang, headerHeight(table), heights.other);
  return { table, plans: paginate(model, table, heights) };
}

function headerHeight(t: TableLayout): number {
  return t.header.row1 + t.header.row2 + t.header.row3;
}

/** Whether a page holds the header and still the first lines of a row under it. */
function headerLeavesRoom(t: TableLayout, pageHeight: number): boolean {
  const m = t.metrics;
  return headerHeight(t) + MIN_PIECE_LINES * m.lineHeight + 2 * m.padY + 2 * t.stripHeight <= pageHeight;
}

/** The column headers (labels, actor titles) are taller than a page: the table cannot be drawn. */
export class SopHeaderTooTallError extends Error {
  readonly messageId: string;
  readonly messageEn: string;
  constructor(lang: Lang, readonly headerPt: number, readonly pagePt: number) {
    const fill = (text: string) => text.replace('{{header}}', String(Math.round(headerPt / PT_PER_MM))).replace('{{page}}', String(Math.round(pagePt / PT_PER_MM)));
    const en = fill(HEADER_TOO_TALL_MESSAGE.en);
    const id = fill(HEADER_TOO_TALL_MESSAGE.id);
    super(lang === 'en' ? en : id);
    this.name = 'SopHeaderTooTallError';
    this.messageId = id;
    this.messageEn = en;
  }
}

/** Band positions of one page, top to bottom. */
export function pageBands(plan: PagePlan, t: TableLayout, strips: { top: boolean; bottom: boolean }): Band[] {
  const bands: Band[] = [];
  let y = 0;
  const add = (kind: BandKind, h: number, row?: number, piece?: RowPiece) => {
    bands.push({ kind, y0: y, y1: y + h, row, ...(piece ? { piece } : {}) });
    y += h;
  };
  add('header', t.header.row1 + t.header.row2 + t.header.row3);
  // The rest of a row split at the page before comes first, right under the header, as a drafter continues it.
  if (plan.continued) add('continued', pieceHeight(t, plan.continued), plan.continued.row, plan.continued);
  if (strips.top) add('topStrip', t.stripHeight);
  for (const r of plan.rows) {
    if (plan.split?.row === r) add('row', pieceHeight(t, plan.split), r, plan.split);
    else add('row', t.rows[r].height, r);
  }
  // The foot strip sits above the total row, so a flow leaving the page never crosses the total.
  if (strips.bottom) add('bottomStrip', t.stripHeight);
  if (plan.hasTotal && t.showTotal) add('total', t.totalHeight);
  return bands;
}
