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

function lanesOf(v: unknown, actors: FlowActor[]): FlowLane[] {
  const ids = Array.isArray(v) ? v.map((x) => String(x ?? '')) : [String(v ?? '')];
  return (ids.length ? ids : ['']).map((actorId) => ({ actorId, column: actors.findIndex((a) => a.id === actorId) }));
}

function decisionOf(raw: Record<string, unknown>, yesDefault: ResolvedTarget, names: TargetNames[], lang: 'id' | 'en'): FlowDecision {
  const d: FlowDecision = {
    yes: raw.ya === undefined ? yesDefault : resolveTarget(raw.ya, names),
    no: resolveTarget(raw.tidak, names),
    labels: Array.isArray(raw.label) && raw.label.length === 2 ? (raw.label.map(String) as [string, string]) : DEFAULT_LABELS[lang],
  };
  if (raw.label === false) d.unlabelled = true;
  return d;
}

/** `ke` as a list of targets: absent → the default, a list → a fork, anything else → one target. */
function nextOf(ke: unknown, fallback: ResolvedTarget, names: TargetNames[]): ResolvedTarget[] {
  if (ke === undefined) return [fallback];
  if (Array.isArray(ke)) return ke.length ? ke.map((t) => resolveTarget(t, names)) : [fallback];
  return [resolveTarget(ke, names)];
}

/** Symbols are derived, never written: diamond for `keputusan`; capsule for a start and for a symbol after which the flow ends. */
function symbolOf(node: Pick<FlowNode, 'decision' | 'next' | 'start'>): SymbolKind {
  if (node.decision) return 'decision';
  if (node.start) return 'terminator';
  if (node.next && node.next.length > 0 && node.next.every((t) => t.kind === 'end')) return 'terminator';
  return 'process';
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
  const chains = rawRows.map((r) => (Array.isArray(r.langkah) && r.langkah.length > 0 ? r.langkah.map(asObject) : undefined));
  const names: TargetNames[] = rawRows.map((r, i) => ({
    id: typeof r.id === 'string' ? r.id : undefined,
    itemIds: chains[i]?.map((it) => (typeof it.id === 'string' ? it.id : undefined)),
  }));
  const n = rawRows.length;
  const rows: FlowRow[] = rawRows.map((r, index) => {
    const below: ResolvedTarget = index + 1 < n ? { kind: 'row', index: index + 1 } : { kind: 'end' };
    const isStart = index === 0 || r.mulai === true;
    const optional = r.opsional === true;
    const row: FlowRow = {
      index,
      number: index + 1,
      id: names[index].id,
      kegiatan: typeof r.kegiatan === 'string' ? r.kegiatan : String(r.kegiatan ?? ''),
      actorId: '',
      column: -1,
      kelengkapan: asList(r.kelengkapan),
      output: asList(r.output),
      waktu: typeof r.waktu === 'string' ? r.waktu : String(r.waktu ?? ''),
      keterangan: typeof r.keterangan === 'string' ? r.keterangan : undefined,
      symbol: 'process',
      duration: parseDuration(r.waktu, time),
      waktuKind: classifyWaktu(r.waktu, time, noStandard),
    };
    if (typeof r.no === 'string' || typeof r.no === 'number') row.no = String(r.no);
    if (r.mulai === true) row.start = true;
    if (optional) {
      row.optional = true;
      row.optionalNote = lang === 'en' ? 'When needed' : 'Apabila diperlukan';
    }
    const symbolText = text(r.simbol_teks);
    if (symbolText !== undefined) row.symbolText = symbolText;

    const chain = chains[index];
    if (chain) {
      // a chain: one node per item, left to right; the row's `ke` is where the last item goes
      const rowNext = nextOf(r.ke, below, names);
      const items = chain.map((it, item): FlowNode => {
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
          node.decision = decisionOf(asObject(it.keputusan), yesDefault, names, lang);
        } else {
          node.next = last ? rowNext : [after];
        }
        node.symbol = symbolOf(node);
        return node;
      });
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
    if (r.keputusan !== undefined) {
      row.decision = decisionOf(asObject(r.keputusan), below, names, lang);
    } else {
      const next = nextOf(r.ke, below, names);
      row.next = next[0];
      if (next.length > 1) row.fork = next;
    }
    // 1.0: the first row and rows whose next is `selesai` are capsules; an extra start (`mulai`) too
    row.symbol = symbolOf({ decision: row.decision, next: row.fork ?? (row.next ? [row.next] : undefined), start: isStart });
    return row;
  });

  const { nodes, links } = nodeViewOf(rows);

  // the row view: arrows between rows; a plain arrow to `selesai` is no arrow (that row is a capsule)
  const edges: FlowEdge[] = [];
  const edgeKeys = new Set<string>();
  for (const l of links) {
    if (l.inChain) continue;
    const from = nodes[l.from].row;
    const to = l.to === 'end' ? 'end' : nodes[l.to].row;
    if (l.kind === 'next' && to === 'end') continue;
    const key = `${from}-${l.kind}-${to}`;
    if (edgeKeys.has(key)) continue;
    edgeKeys.add(key);
    const edge: FlowEdge = { from, to, kind: l.kind };
    if (l.label !== undefined) edge.label = l.label;
    edges.push(edge);
  }

  const mainPath = countedPath(nodes, links, rows);
  let total: FlowModel['total'] = n > 0 ? { minutes: 0, working: false } : null;
  let totalUncounted = 0;
  for (const i of mainPath) {
    const d = rows[i].duration;
    if (!d || !total) {
      totalUncounted++;
      continue;
    }
    total = { minutes: total.minutes + d.minutes, working: total.working || d.working };
  }
  return {
    actors, rows, edges, nodes, links, mainPath, total, totalUncounted,
    totalText: total ? formatDuration(total, lang, time) : '',
    totalNote: totalUncounted > 0 ? uncountedNote(totalUncounted, lang) : '',
  };
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
  const nodeOf = (t: ResolvedTarget): number | 'end' | undefined => {
    if (t.kind === 'end') return 'end';
    if (t.kind !== 'row') return undefined;
    const first = firstNode[t.index];
    return first === undefined ? undefined : first + (t.item ?? 0);
  };

  const links: FlowLink[] = [];
  for (const node of nodes) {
    const add = (t: ResolvedTarget, kind: FlowLink['kind'], label: string | undefined, fork: boolean) => {
      const to = nodeOf(t);
      if (to === undefined) return;
      links.push({ from: node.index, to, kind, label, inChain: to !== 'end' && nodes[to].row === node.row && rows[node.row]?.chain !== undefined, fork });
    };
    if (node.decision) {
      const { yes, no, labels, unlabelled } = node.decision;
      add(yes, 'yes', unlabelled ? '' : labels[0], false);
      add(no, 'no', unlabelled ? '' : labels[1], false);
    } else {
      for (const t of node.next ?? []) add(t, 'next', undefined, (node.next?.length ?? 0) > 1);
    }
  }

  return { nodes, links };
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
  if (nodes.length === 0) return [];
  const out: number[][] = nodes.map(() => []);
  for (const l of links) if (l.kind !== 'no' && l.to !== 'end') out[l.from].push(l.to);
  const minutes = (row: number) => rows[row].duration?.minutes ?? 0;
  // score[v]: minutes from v to the end of its best continuation; choice[v]: the successor taken (-1: none)
  const score = new Array<number>(nodes.length).fill(-1);
  const choice = new Array<number>(nodes.length).fill(-1);
  const onPath = new Uint8Array(nodes.length);
  const consider = (v: number, w: number) => {
    const cand = score[w] + (nodes[w].row === nodes[v].row ? 0 : minutes(nodes[v].row));
    if (choice[v] === -1 || cand > score[v]) {
      score[v] = cand;
      choice[v] = w;
    }
  };
  // explicit stack: a 10,000-row file must not overflow the call stack
  const stack: { v: number; i: number }[] = [{ v: 0, i: 0 }];
  onPath[0] = 1;
  while (stack.length) {
    const f = stack[stack.length - 1];
    const succ = out[f.v];
    if (f.i < succ.length) {
      const w = succ[f.i++];
      if (onPath[w]) continue; // a repeat ends the path
      if (score[w] >= 0) consider(f.v, w);
      else {
        onPath[w] = 1;
        stack.push({ v: w, i: 0 });
      }
      continue;
    }
    stack.pop();
    onPath[f.v] = 0;
    if (choice[f.v] === -1) score[f.v] = minutes(nodes[f.v].row);
    if (stack.length) consider(stack[stack.length - 1].v, f.v);
  }
  const seenRows = new Set<number>();
  const seenNodes = new Set<number>();
  const path: number[] = [];
  for (let v = 0; v !== -1 && !seenNodes.has(v); v = choice[v]) {
    seenNodes.add(v);
    const r = nodes[v].row;
    if (!seenRows.has(r)) {
      seenRows.add(r);
      path.push(r);
    }
  }
  return path;
}
