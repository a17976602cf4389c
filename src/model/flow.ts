// Builds the flow model from SOP data: numbered rows, symbols (one per row, one per chain item), resolved
// targets, arrows, the counted path and its total time. Formats 1.0 and 1.1 (spec §3, §7).
import { flowModelBuilt } from '../core/trace.js';
import { classifyWaktu, formatDuration, parseDuration } from './duration.js';
import {
  DEFAULT_NO_STANDARD, DEFAULT_TIME,
  type FlowActor, type FlowDecision, type FlowEdge, type FlowLane, type FlowLink, type FlowModel, type FlowNode, type FlowRow,
  type ResolvedTarget, type SymbolKind, type TimeConfig, type TimeSettings,
} from './flow-types.js';

export interface FlowOptions {
  /** Config `time`: unit conversions and the no-standard phrases. */
  time?: TimeConfig;
  lang?: 'id' | 'en';
}

const DEFAULT_LABELS: Record<'id' | 'en', [string, string]> = { id: ['Ya', 'Tidak'], en: ['Yes', 'No'] };

function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => String(x));
  if (v === undefined || v === null) return [];
  return [String(v)];
}

/** What a target can name: a row's `id` and, for a chain row, its items' `id`s. */
export interface TargetNames {
  id?: string;
  /** `id` of each `langkah` item (undefined where an item has none). */
  itemIds?: (string | undefined)[];
}

/**
 * Resolves a target written in the file: a 1-based row number, a row id, a chain item id, or
 * `selesai`. A row id wins over a chain item id of the same spelling (duplicate-id reports that).
 */
export function resolveTarget(raw: unknown, rows: ReadonlyArray<TargetNames>): ResolvedTarget {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= rows.length) return { kind: 'row', index: raw - 1 };
  if (typeof raw === 'string') {
    if (raw === 'selesai') return { kind: 'end' };
    const index = rows.findIndex((r) => r.id === raw);
    if (index !== -1) return { kind: 'row', index };
    for (let r = 0; r < rows.length; r++) {
      const item = rows[r].itemIds?.indexOf(raw) ?? -1;
      if (item !== -1) return { kind: 'row', index: r, item };
    }
  }
  return { kind: 'unknown', raw };
}

/**
 * resolveTarget() over one model's names, looked up in maps made once (a model resolves a target
 * per row; a search of every row for each was quadratic and allocated per call).
 */
class TargetResolver {
  private readonly rowIds = new Map<string, number>();
  private readonly itemIds = new Map<string, { row: number; item: number }>();
  constructor(private readonly count: number) {}
  /** Names of the rows in row order: the first row or item of a name is the one it resolves to. */
  addRow(index: number, id: string | undefined, chain: Record<string, unknown>[] | undefined): void {
    if (id !== undefined && !this.rowIds.has(id)) this.rowIds.set(id, index);
    if (!chain) return;
    for (let item = 0; item < chain.length; item++) {
      const itemId = chain[item].id;
      if (typeof itemId === 'string' && !this.itemIds.has(itemId)) this.itemIds.set(itemId, { row: index, item });
    }
  }
  resolve(raw: unknown): ResolvedTarget {
    if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= this.count) return { kind: 'row', index: raw - 1 };
    if (typeof raw === 'string') {
      if (raw === 'selesai') return { kind: 'end' };
      const index = this.rowIds.get(raw);
      if (index !== undefined) return { kind: 'row', index };
      const at = this.itemIds.get(raw);
      if (at !== undefined) return { kind: 'row', index: at.row, item: at.item };
    }
    return { kind: 'unknown', raw };
  }
}

function columnOf(actors: FlowActor[], actorId: string): number {
  for (let i = 0; i < actors.length; i++) if (actors[i].id === actorId) return i;
  return -1;
}

function lanesOf(v: unknown, actors: FlowActor[]): FlowLane[] {
  if (!Array.isArray(v) || v.length === 0) {
    const actorId = Array.isArray(v) ? '' : String(v ?? '');
    return [{ actorId, column: columnOf(actors, actorId) }];
  }
  const lanes: FlowLane[] = [];
  for (const x of v) {
    const actorId = String(x ?? '');
    lanes.push({ actorId, column: columnOf(actors, actorId) });
  }
  return lanes;
}

function decisionOf(raw: Record<string, unknown>, yesDefault: ResolvedTarget, targets: TargetResolver, lang: 'id' | 'en'): FlowDecision {
  const d: FlowDecision = {
    yes: raw.ya === undefined ? yesDefault : targets.resolve(raw.ya),
    no: targets.resolve(raw.tidak),
    labels: Array.isArray(raw.label) && raw.label.length === 2 ? [String(raw.label[0]), String(raw.label[1])] : DEFAULT_LABELS[lang],
  };
  if (raw.label === false) d.unlabelled = true;
  return d;
}

/** `ke` as a list of targets: absent → the default, a list → a fork, anything else → one target. */
function nextOf(ke: unknown, fallback: ResolvedTarget, targets: TargetResolver): ResolvedTarget[] {
  if (ke === undefined) return [fallback];
  if (!Array.isArray(ke)) return [targets.resolve(ke)];
  if (ke.length === 0) return [fallback];
  const out: ResolvedTarget[] = [];
  for (const t of ke) out.push(targets.resolve(t));
  return out;
}

/** Symbols are derived, never written: diamond for `keputusan`; capsule for a start and for a symbol after which the flow ends. */
function symbolOf(decision: FlowDecision | undefined, next: readonly ResolvedTarget[] | undefined, start: boolean): SymbolKind {
  if (decision) return 'decision';
  if (start) return 'terminator';
  if (next && next.length > 0 && next.every(isEnd)) return 'terminator';
  return 'process';
}

function isEnd(t: ResolvedTarget): boolean {
  return t.kind === 'end';
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/**
 * Never throws: the data may break the schema (lint reports that); whatever cannot be read is
 * left out or marked unknown.
 */
export function buildFlowModel(data: unknown, options: FlowOptions = {}): FlowModel {
  if (flowModelBuilt.hasSubscribers) flowModelBuilt.publish({ data });
  const time: TimeSettings = { ...DEFAULT_TIME, ...pickUnits(options.time) };
  const listed = options.time?.noStandard;
  // the config's own list when it is all strings: classifyWaktu keeps its keys per list object
  const noStandard = Array.isArray(listed) ? (listed.every((x) => typeof x === 'string') ? listed : listed.map(String)) : DEFAULT_NO_STANDARD;
  const lang = options.lang ?? 'id';
  const root = asObject(data);
  const actors: FlowActor[] = Object.entries(asObject(root.pelaksana)).map(([id, title], column) => ({ id, title: String(title), column }));
  const rawRows = Array.isArray(root.prosedur) ? root.prosedur.map(asObject) : [];
  const n = rawRows.length;
  // every name first: a target may name a row further down
  const targets = new TargetResolver(n);
  const chains: (Record<string, unknown>[] | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const r = rawRows[i];
    const chain = Array.isArray(r.langkah) && r.langkah.length > 0 ? r.langkah.map(asObject) : undefined;
    chains.push(chain);
    targets.addRow(i, typeof r.id === 'string' ? r.id : undefined, chain);
  }
  const rows: FlowRow[] = [];
  for (let index = 0; index < n; index++) rows.push(rowOf(rawRows[index], index, chains[index], n, actors, targets, time, noStandard, lang));

  const { nodes, links } = nodeViewOf(rows);

  // the row view: arrows between rows; a plain arrow to `selesai` is no arrow (that row is a capsule).
  // Links are in node order, so one row's arrows are together: a repeat can only be among them.
  const edges: FlowEdge[] = [];
  let rowEdges = 0;
  let lastFrom = -1;
  for (const l of links) {
    if (l.inChain) continue;
    const from = nodes[l.from].row;
    const to = l.to === 'end' ? 'end' : nodes[l.to].row;
    if (l.kind === 'next' && to === 'end') continue;
    if (from !== lastFrom) {
      lastFrom = from;
      rowEdges = edges.length;
    }
    let repeat = false;
    for (let e = rowEdges; e < edges.length && !repeat; e++) repeat = edges[e].kind === l.kind && edges[e].to === to;
    if (repeat) continue;
    const edge: FlowEdge = { from, to, kind: l.kind };
    if (l.label !== undefined) edge.label = l.label;
    edges.push(edge);
  }

  // The all-yes path and its total are computed when first read: the drawing reads them, lint's rules never do.
  let totals: Pick<FlowModel, 'mainPath' | 'total' | 'totalUncounted' | 'totalText' | 'totalNote'> | undefined;
  const totalsOf = () => (totals ??= totalsOfPath(countedPath(nodes, links, rows), rows, lang, time));
  return {
    actors, rows, edges, nodes, links,
    get mainPath() { return totalsOf().mainPath; },
    get total() { return totalsOf().total; },
    get totalUncounted() { return totalsOf().totalUncounted; },
    get totalText() { return totalsOf().totalText; },
    get totalNote() { return totalsOf().totalNote; },
  };
}

/** Jumlah waktu of the counted path: its rows' durations added up, and how many rows had none. */
function totalsOfPath(mainPath: number[], rows: FlowRow[], lang: 'id' | 'en', time: TimeSettings): Pick<FlowModel, 'mainPath' | 'total' | 'totalUncounted' | 'totalText' | 'totalNote'> {
  let minutes = 0;
  let working = false;
  let totalUncounted = 0;
  for (const i of mainPath) {
    const d = rows[i].duration;
    if (!d) {
      totalUncounted++;
      continue;
    }
    minutes = minutes + d.minutes;
    working = working || d.working;
  }
  const total: FlowModel['total'] = rows.length > 0 ? { minutes, working } : null;
  return {
    mainPath, total, totalUncounted,
    totalText: total ? formatDuration(total, lang, time) : '',
    totalNote: totalUncounted > 0 ? uncountedNote(totalUncounted, lang) : '',
  };
}

/** One row of the row view; a chain row with its nodes. */
function rowOf(
  r: Record<string, unknown>, index: number, chain: Record<string, unknown>[] | undefined, n: number, actors: FlowActor[],
  targets: TargetResolver, time: TimeSettings, noStandard: readonly string[], lang: 'id' | 'en',
): FlowRow {
  const below: ResolvedTarget = index + 1 < n ? { kind: 'row', index: index + 1 } : { kind: 'end' };
  const isStart = index === 0 || r.mulai === true;
  const optional = r.opsional === true;
  const duration = parseDuration(r.waktu, time);
  const row: FlowRow = {
    index,
    number: index + 1,
    id: typeof r.id === 'string' ? r.id : undefined,
    kegiatan: typeof r.kegiatan === 'string' ? r.kegiatan : String(r.kegiatan ?? ''),
    actorId: '',
    column: -1,
    kelengkapan: asList(r.kelengkapan),
    output: asList(r.output),
    waktu: typeof r.waktu === 'string' ? r.waktu : String(r.waktu ?? ''),
    keterangan: typeof r.keterangan === 'string' ? r.keterangan : undefined,
    symbol: 'process',
    duration,
    waktuKind: classifyWaktu(r.waktu, time, noStandard, duration),
  };
  if (typeof r.no === 'string' || typeof r.no === 'number') row.no = String(r.no);
  if (r.mulai === true) row.start = true;
  if (optional) {
    row.optional = true;
    row.optionalNote = lang === 'en' ? 'When needed' : 'Apabila diperlukan';
  }
  const symbolText = text(r.simbol_teks);
  if (symbolText !== undefined) row.symbolText = symbolText;

  if (chain) {
    // a chain: one node per item, left to right; the row's `ke` is where the last item goes
    const rowNext = nextOf(r.ke, below, targets);
    const items: FlowNode[] = [];
    for (let item = 0; item < chain.length; item++) {
      const it = chain[item];
      const last = item === chain.length - 1;
      const after: ResolvedTarget = last ? below : { kind: 'row', index, item: item + 1 };
      const node: FlowNode = {
        index: item, key: `r${index + 1}.${item + 1}`, row: index, item,
        lanes: lanesOf(it.pelaksana, actors), symbol: 'process', optional, start: item === 0 && isStart,
      };
      if (typeof it.id === 'string') node.id = it.id;
      const t = text(it.teks);
      if (t !== undefined) node.text = t;
      if (it.keputusan !== undefined) {
        // the last diamond's `ya` goes as a row's would: to `ke` when the row names one target, else the row below
        const yesDefault = last && r.ke !== undefined && !Array.isArray(r.ke) ? rowNext[0] : after;
        node.decision = decisionOf(asObject(it.keputusan), yesDefault, targets, lang);
      } else {
        node.next = last ? rowNext : [after];
      }
      node.symbol = symbolOf(node.decision, node.next, node.start);
      items.push(node);
    }
    row.chain = items;
    row.actorId = items[0].lanes[0].actorId;
    row.column = items[0].lanes[0].column;
    row.symbol = items[0].symbol;
    const lastNode = items[items.length - 1];
    if (lastNode.next) {
      row.next = lastNode.next[0];
      if (lastNode.next.length > 1) row.fork = lastNode.next;
    }
    return row;
  }

  const lanes = lanesOf(r.pelaksana, actors);
  row.actorId = lanes[0].actorId;
  row.column = lanes[0].column;
  if (lanes.length > 1) row.lanes = lanes;
  let next: ResolvedTarget[] | undefined;
  if (r.keputusan !== undefined) {
    row.decision = decisionOf(asObject(r.keputusan), below, targets, lang);
  } else {
    next = nextOf(r.ke, below, targets);
    row.next = next[0];
    if (next.length > 1) row.fork = next;
  }
  // 1.0: the first row and rows whose next is `selesai` are capsules; an extra start (`mulai`) too
  row.symbol = symbolOf(row.decision, next, isStart);
  return row;
}

/**
 * The symbols and arrows of a row view: a chain row's nodes as they are, one node for every other
 * row (its lanes, symbol, decision or next targets). buildFlowModel uses it; a hand-built 1.0 model
 * (tests, other tools) gets its nodes and links from it too.
 */
export function nodeViewOf(rows: readonly FlowRow[]): { nodes: FlowNode[]; links: FlowLink[] } {
  const nodes: FlowNode[] = [];
  const firstNode: number[] = [];
  for (const row of rows) {
    firstNode[row.index] = nodes.length;
    if (row.chain) {
      for (const item of row.chain) {
        item.index = nodes.length;
        nodes.push(item);
      }
      continue;
    }
    const node: FlowNode = {
      index: nodes.length, key: `r${row.number}`, row: row.index, item: 0,
      lanes: row.lanes ?? [{ actorId: row.actorId, column: row.column }],
      symbol: row.symbol, optional: row.optional === true, start: row.index === 0 || row.start === true,
    };
    if (row.id !== undefined) node.id = row.id;
    if (row.symbolText !== undefined) node.text = row.symbolText;
    if (row.decision) node.decision = row.decision;
    else node.next = row.fork ?? (row.next ? [row.next] : []);
    nodes.push(node);
  }

  const links: FlowLink[] = [];
  for (const node of nodes) {
    const chainRow = rows[node.row]?.chain !== undefined;
    if (node.decision) {
      const { yes, no, labels, unlabelled } = node.decision;
      addLink(links, nodes, firstNode, node, chainRow, yes, 'yes', unlabelled ? '' : labels[0], false);
      addLink(links, nodes, firstNode, node, chainRow, no, 'no', unlabelled ? '' : labels[1], false);
    } else if (node.next) {
      const fork = node.next.length > 1;
      for (const t of node.next) addLink(links, nodes, firstNode, node, chainRow, t, 'next', undefined, fork);
    }
  }

  return { nodes, links };
}

/** The arrow from `node` to target `t`, if `t` names a symbol or the end. */
function addLink(
  links: FlowLink[], nodes: readonly FlowNode[], firstNode: readonly number[], node: FlowNode, chainRow: boolean,
  t: ResolvedTarget, kind: FlowLink['kind'], label: string | undefined, fork: boolean,
): void {
  let to: number | 'end';
  if (t.kind === 'end') to = 'end';
  else if (t.kind !== 'row') return;
  else {
    const first = firstNode[t.index];
    if (first === undefined) return;
    to = first + (t.item ?? 0);
  }
  links.push({ from: node.index, to, kind, label, inChain: to !== 'end' && nodes[to].row === node.row && chainRow, fork });
}

function pickUnits(t: TimeConfig | undefined): Partial<TimeSettings> {
  if (!t) return {};
  const out: Partial<TimeSettings> = {};
  for (const k of ['workingDayHours', 'dayHours', 'weekWorkingDays', 'monthWorkingDays'] as const) if (typeof t[k] === 'number') out[k] = t[k];
  return out;
}

/** Spec §7.2: the note printed beside a total that leaves rows out. */
export function uncountedNote(count: number, lang: 'id' | 'en'): string {
  return lang === 'en'
    ? `excluding ${count} ${count === 1 ? 'activity' : 'activities'} without a time standard`
    : `tidak termasuk ${count} kegiatan tanpa baku waktu`;
}

/**
 * The rows counted in Jumlah waktu: from row 1's first symbol, every decision answering yes.
 * At a fork every branch is followed and the one with the longest time wins (ties: the first
 * written), because parallel work is done when its longest branch is. The path ends at
 * `selesai` or where a symbol would repeat. A row's time counts once, however many of its
 * chain symbols the path passes.
 */
function countedPath(nodes: FlowNode[], links: FlowLink[], rows: FlowRow[]): number[] {
  const count = nodes.length;
  if (count === 0) return [];
  // successors of each node (yes and next arrows, not to `selesai`), in link order, as one flat list
  const first = new Int32Array(count + 1);
  for (const l of links) if (l.kind !== 'no' && l.to !== 'end') first[l.from + 1]++;
  for (let v = 0; v < count; v++) first[v + 1] += first[v];
  const succ = new Int32Array(first[count]);
  const fill = first.slice(0, count);
  for (const l of links) if (l.kind !== 'no' && l.to !== 'end') succ[fill[l.from]++] = l.to;
  const rowOf = new Int32Array(count);
  const minutes = new Float64Array(count);
  for (let v = 0; v < count; v++) {
    rowOf[v] = nodes[v].row;
    minutes[v] = rows[rowOf[v]].duration?.minutes ?? 0;
  }
  // score[v]: minutes from v to the end of its best continuation; choice[v]: the successor taken (-1: none)
  const score = new Float64Array(count).fill(-1);
  const choice = new Int32Array(count).fill(-1);
  const onPath = new Uint8Array(count);
  // explicit stack (node, next successor to try): a 10,000-row file must not overflow the call stack
  const stackV = new Int32Array(count);
  const stackI = new Int32Array(count);
  let depth = 1;
  stackV[0] = 0;
  stackI[0] = first[0];
  onPath[0] = 1;
  while (depth > 0) {
    const v = stackV[depth - 1];
    if (stackI[depth - 1] < first[v + 1]) {
      const w = succ[stackI[depth - 1]++];
      if (onPath[w]) continue; // a repeat ends the path
      if (score[w] >= 0) consider(v, w, score, choice, rowOf, minutes);
      else {
        onPath[w] = 1;
        stackV[depth] = w;
        stackI[depth] = first[w];
        depth++;
      }
      continue;
    }
    depth--;
    onPath[v] = 0;
    if (choice[v] === -1) score[v] = minutes[v];
    if (depth > 0) consider(stackV[depth - 1], v, score, choice, rowOf, minutes);
  }
  const seenRows = new Uint8Array(rows.length);
  const seenNodes = new Uint8Array(count);
  const path: number[] = [];
  for (let v = 0; v !== -1 && !seenNodes[v]; v = choice[v]) {
    seenNodes[v] = 1;
    const r = rowOf[v];
    if (!seenRows[r]) {
      seenRows[r] = 1;
      path.push(r);
    }
  }
  return path;
}

/** Takes w as v's successor when it gives the longer time (the first written wins a tie). */
function consider(v: number, w: number, score: Float64Array, choice: Int32Array, rowOf: Int32Array, minutes: Float64Array): void {
  const cand = score[w] + (rowOf[w] === rowOf[v] ? 0 : minutes[v]);
  if (choice[v] === -1 || cand > score[v]) {
    score[v] = cand;
    choice[v] = w;
  }
}
