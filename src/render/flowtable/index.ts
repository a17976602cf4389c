// Public API of the flow table renderer: FlowModel -> one print-ready SVG per page (Bagian Prosedur, SOP AP).
import { letters } from '../../core/letters.js';
import type { Paper } from '../../core/paper.js';
import type { FlowEdge, FlowModel, FlowRow } from '../../model/flow-types.js';
import { linkOfEdge, nodesOfRow } from '../../model/graph.js';
import { branchLabel, edgeEndRoom, endArrowRoom, endSpots, LABEL_INSET, pageBands, PT_PER_MM, SopHeaderTooTallError, startAbove, startTextCaches, type Lang, type LayoutOptions, type Margins, type TableLayout } from './layout.js';
import { jointSides, newNode, pageGeometry, routePage, type Node, type Task } from './route.js';
import { pageSvg, type JointLine, type PageDrawing } from './svg.js';
import { chooseTableLayout, tableArea } from './header-check.js';

import { measureText } from './font.js';

export { FONT_FILES, FONT_FAMILY, measureText } from './font.js';

export interface FlowTableOptions {
  /** Landscape; A4 297x210mm, F4 330x215mm. */
  paper?: Paper;
  /** mm, default 15/12/15/12 (room for a footer). */
  margins?: Margins;
  /** mm of height left on page 1 below the identity table (default: full page). */
  firstPageAvailableHeight?: number;
  /** pt, default 9. */
  fontSize?: number;
  /** Header labels: Indonesian (default) or English. */
  lang?: Lang;
  /** Default true: the SVG carries an @font-face with the Arimo woff2 as a data: URI; false when the HTML page already defines it. */
  embedFont?: boolean;
  /** Prefix for every id in the SVG, so several SVGs can be inlined in one HTML page. */
  idPrefix?: string;
  /** Header words that replace the language's (config `labels`, format §7.4). */
  labels?: LayoutOptions['labels'];
  /** Marks of list cells (Kelengkapan, Output): dashes (default) or numbers. */
  listStyle?: 'dash' | 'number';
  /** A row `(1) (2) ...` under the header (default false). */
  columnNumbers?: boolean;
  /** The Jumlah waktu row (default true). */
  totalRow?: boolean;
}

export interface FlowTablePage {
  svg: string;
  widthMm: number;
  heightMm: number;
  /** Row indexes (0-based) whose symbol is on this page (a row split across pages: its first part). */
  rows: number[];
  /** A row taller than a page, begun on an earlier page, whose text continues at the head of this one. */
  continued?: { row: number; fromLine: number; toLine: number };
}

export interface FlowTableResult {
  pages: FlowTablePage[];
  /**
   * One matched pair of off-page connectors per arrow that crosses a page break. Pages are 0-based
   * indexes into `pages`; `fromPage` holds the pentagon the arrow runs into, `toPage` the one it
   * resumes from. An arrow that skips pages goes directly (one pair, no connectors on the pages between).
   */
  connectors: { label: string; fromPage: number; toPage: number; edge: FlowEdge }[];
}

export function edgeKey(e: FlowEdge): string {
  return `${e.from}-${e.kind}-${e.to}`;
}

interface Pair {
  edge: FlowEdge;
  order: number;
  key: string;
  forward: boolean;
  outPage: number;
  inPage: number;
  outStrip: 'bottom';
  inStrip: 'top';
  /** Both pentagons of a pair stand in one actor column: that of the row the flow leaves. */
  outCol: number;
  inCol: number;
  label: string;
}

/**
 * One pair of pentagons per arrow that crosses a page break. The convention, forward and back alike:
 * the arrow runs down into a pentagon at the foot of the page it leaves, and resumes from the tip of
 * the pentagon with the same letter at the head of the page it goes to, in the same column (that of
 * the row it leaves). Letters run A, B, ... in reading order: by page, head before foot, left to right.
 */
function connectorPairs(model: FlowModel, pageOfRow: Map<number, number>): Pair[] {
  const pairs: Pair[] = [];
  model.edges.forEach((e, order) => {
    if (e.to === 'end') return;
    const ps = pageOfRow.get(e.from);
    const pt = pageOfRow.get(e.to);
    if (ps === undefined || pt === undefined || ps === pt) return;
    const col = exitColumn(model, e);
    pairs.push({ edge: e, order, key: edgeKey(e), forward: pt > ps, outPage: ps, inPage: pt, outStrip: 'bottom', inStrip: 'top', outCol: col, inCol: col, label: '' });
  });
  const first = (p: Pair) => (p.inPage <= p.outPage ? [p.inPage, 0] : [p.outPage, 1]);
  [...pairs]
    .sort((a, b) => {
      const [pa, sa] = first(a);
      const [pb, sb] = first(b);
      return pa - pb || sa - sb || a.outCol - b.outCol || a.order - b.order;
    })
    .forEach((p, i) => (p.label = letters(i)));
  return pairs;
}

/** Renders the flow table (Bagian Prosedur) of one SOP as one SVG per page. */
export function renderFlowTable(model: FlowModel, options: FlowTableOptions = {}): FlowTableResult {
  const { widthMm, heightMm, firstMm } = tableArea(options);
  startTextCaches();

  // Crowded flows may find no clean route for some arrow: retry with more lanes (wider actor columns).
  let attempt = renderAttempt(model, options, widthMm, heightMm, firstMm, 0);
  // Retries keep the font size the first attempt chose.
  const retryOptions = { ...options, fontSize: attempt.fontSize };
  for (let extra = 1; extra <= 3 && !attempt.clean; extra++) {
    let next: Attempt;
    try {
      next = renderAttempt(model, retryOptions, widthMm, heightMm, firstMm, extra);
    } catch (err) {
      // Wider actor columns can leave the text headers too tall: the first attempt stands (and lint,
      // which asks only what the first attempt asks, agrees with the render).
      if (err instanceof SopHeaderTooTallError) break;
      throw err;
    }
    if (next.unclean < attempt.unclean) attempt = next;
    if (next.clean) break;
  }
  const { drawings, pairs } = attempt;
  return {
    // SVG text is written for the chosen attempt only.
    pages: drawings.map((d) => {
      const page: FlowTablePage = { svg: pageSvg(d), widthMm: d.widthMm, heightMm: d.heightMm, rows: d.rows };
      const c = d.bands.find((b) => b.kind === 'continued')?.piece;
      if (c) page.continued = { row: c.row, fromLine: c.from, toLine: c.to };
      return page;
    }),
    connectors: [...pairs]
      .sort((a, b) => a.label.length - b.label.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
      .map((p) => ({ label: p.label, fromPage: p.outPage, toPage: p.inPage, edge: p.edge })),
  };
}

interface Attempt {
  drawings: PageDrawing[];
  pairs: Pair[];
  clean: boolean;
  unclean: number;
  fontSize: number;
}

function renderAttempt(model: FlowModel, options: FlowTableOptions, widthMm: number, heightMm: number, firstMm: number, extraLanes: number): Attempt {
  const idPrefix = options.idPrefix ?? 'sop-ft-';
  const embedFont = options.embedFont ?? true;
  const { table: t, plans, flow } = chooseTableLayout(model, options, { widthMm, heightMm, firstMm }, extraLanes);
  const { edges } = flow;
  const pageOfRow = new Map<number, number>();
  plans.forEach((p, i) => p.rows.forEach((r) => pageOfRow.set(r, i)));
  const pairs = connectorPairs(flow, pageOfRow);
  let unclean = 0;

  const drawings: PageDrawing[] = plans.map((plan, pi) => {
    const mine = (strip: 'top' | 'bottom') => pairs.filter((p) => (p.outPage === pi && p.outStrip === strip) || (p.inPage === pi && p.inStrip === strip));
    const topPairs = mine('top');
    const bottomPairs = mine('bottom');
    const bands = plan.rows.length === 0 && !plan.hasTotal && !plan.continued ? [] : pageBands(plan, t, { top: topPairs.length > 0, bottom: bottomPairs.length > 0 });
    const nodes: Node[] = [];
    const tasks: Task[] = [];
    const joins: JointLine[] = [];
    if (bands.length > 0) buildPage(model, t, edges, pi, bands, plan.rows, pairs, nodes, tasks, joins, options.lang ?? 'id');
    const g = pageGeometry(t, bands);
    const routes = bands.length > 0 ? routePage(g, nodes, tasks, joins) : [];
    unclean += routes.filter((r) => !r.clean).length;
    const pageHeightMm = pi === 0 ? firstMm : heightMm;
    return {
      pageIndex: pi,
      widthMm,
      heightMm: pageHeightMm,
      width: widthMm * PT_PER_MM,
      height: pageHeightMm * PT_PER_MM,
      table: t,
      bands,
      nodes,
      routes,
      rows: plan.rows,
      idPrefix,
      embedFont,
      ...(joins.length > 0 ? { joins } : {}),
    };
  });

  return { drawings, pairs, clean: unclean === 0, unclean, fontSize: t.metrics.fontSize };
}

/** Places the symbols, end terminators and pentagons of one page and lists the arrows to route. */
function buildPage(model: FlowModel, t: TableLayout, edges: FlowEdge[], pi: number, bands: ReturnType<typeof pageBands>, rows: number[], pairs: Pair[], nodes: Node[], tasks: Task[], joins: JointLine[], lang: Lang): void {
  const m = t.metrics;
  const n = t.actorCount;
  const colX = (c: number) => {
    const col = t.columns[t.firstActorColumn + c];
    return col.x + col.w / 2;
  };
  const byRow = new Map<number, Node>();
  // Format 1.1 rows (a joint step or a symbol chain) draw one symbol per model node and lane; arrows
  // enter a node at its first lane and leave from its last (spec §7.1).
  const entryOf = new Map<number, Node>();
  const exitOf = new Map<number, Node>();
  // The drawn symbol of each model node's lane (`node:lane`).
  const laneSymbol = new Map<string, Node>();
  for (const b of bands) {
    if (b.kind !== 'row') continue;
    const row = model.rows[b.row!];
    if (row.column < 0 || row.column >= n) continue;
    // The first part of a row split across pages has its symbol at the top, beside the start of its text.
    const y = b.piece ? b.y0 + t.rows[row.index].room / 2 : (b.y0 + b.y1) / 2;
    if (isMultiSymbolRow(row)) {
      const entry = placeMultiSymbolRow(model, t, row, y, colX, nodes, entryOf, exitOf, joins, laneSymbol);
      if (entry) byRow.set(row.index, entry);
      continue;
    }
    const decision = row.symbol === 'decision';
    const node = newNode({
      id: `row-${row.index}`,
      kind: row.symbol,
      x: colX(row.column),
      y,
      w: decision ? m.decW : m.symW,
      h: decision ? m.decH : m.symH,
      col: row.column,
      row: row.index,
      ...symbolExtras(row.optional === true, row.symbolText),
    });
    fitSymbolText(t, node, t.columns[t.firstActorColumn + row.column].w);
    nodes.push(node);
    byRow.set(row.index, node);
    const modelNode = nodesOfRow(model, row.index)[0];
    if (modelNode) {
      entryOf.set(modelNode.index, node);
      exitOf.set(modelNode.index, node);
      laneSymbol.set(`${modelNode.index}:0`, node);
    }
  }
  // The drawn symbol an arrow of the row view leaves from, and the one it enters (chains: the item's own).
  const sourceOf = (e: FlowEdge): Node | undefined => {
    const link = linkOfEdge(model, e);
    return link ? exitOf.get(link.from) : byRow.get(e.from);
  };
  const targetOf = (e: FlowEdge): Node | undefined => {
    const link = linkOfEdge(model, e);
    return link && link.to !== 'end' ? entryOf.get(link.to) : e.to === 'end' ? undefined : byRow.get(e.to);
  };

  // A small capsule beside a symbol, in its row. Without a label (a start capsule), inside the
  // neighbouring column's symbol zone. With one, the label has to stand inside one cell: between the
  // diamond's vertex and the column border when it fits there (the capsule then as close as the
  // arrow allows), else just past the border, the capsule after it and the arrow head, further out in
  // the neighbouring column when needed (the layout gives actor columns that room). With no column
  // that side, in the symbol's own column, after the label.
  const besideX = (src: Node, side: 'right' | 'left', label: string) => {
    const neighbour = side === 'right' ? src.col + 1 : src.col - 1;
    const dir = side === 'right' ? 1 : -1;
    const lw = label === '' ? 0 : measureText(label, m.branchSize);
    const vertex = src.x + (dir * src.w) / 2;
    if (neighbour < 0 || neighbour >= n) {
      // A lone column: the label before the capsule (the layout widens the column for both).
      if (n === 1) return vertex + dir * (Math.max(3 * m.fontSize, lw === 0 ? 0 : LABEL_INSET.vertex + lw + endArrowRoom(m)) + m.endW / 2);
      // An edge column (a joint step's symbol whose inner side is joined, `endSpots`): the capsule
      // right after the arrow head, its label above it (the layout widens the column for that).
      return vertex + dir * (edgeEndRoom(m) + m.endW / 2);
    }
    const labelRoom = (label === '' ? 0 : lw + 7) + m.arrowLen + 3;
    const near = colX(neighbour) + dir * Math.max(0, Math.min(t.symbolZone - m.endW / 2, src.w / 2 + labelRoom + m.endW / 2 - Math.abs(colX(neighbour) - src.x)));
    if (lw === 0) return near;
    const own = t.columns[t.firstActorColumn + src.col];
    const border = dir > 0 ? own.x + own.w : own.x;
    if (Math.abs(border - vertex) - LABEL_INSET.vertex - 0.7 >= lw) return near;
    const nb = t.columns[t.firstActorColumn + neighbour];
    const past = border + dir * (LABEL_INSET.grid + lw + endArrowRoom(m) + m.endW / 2);
    const farthest = (dir > 0 ? nb.x + nb.w : nb.x) - dir * (m.gridClear + m.endW / 2);
    return dir > 0 ? Math.max(near, Math.min(past, farthest)) : Math.min(near, Math.max(past, farthest));
  };
  // Sides already holding a capsule, per drawn symbol (a chain row has several); a joint step's line
  // takes the sides it joins.
  const sidesTaken = new Map<string, Set<'right' | 'left'>>();
  for (const node of nodes) {
    const taken = jointSides(node, joins);
    if (taken.size > 0) sidesTaken.set(node.id, taken);
  }
  const freeSides = (src: Node, prefer: ('right' | 'left')[]) => {
    const taken = sidesTaken.get(src.id) ?? new Set();
    sidesTaken.set(src.id, taken);
    // A side with no neighbouring column would put the capsule outside the actor area.
    const inside = (side: 'right' | 'left') => (side === 'right' ? src.col < n - 1 : src.col > 0);
    return [...prefer.filter((sd) => inside(sd)), ...prefer.filter((sd) => !inside(sd))].filter((sd) => !taken.has(sd));
  };

  // A decision that starts the procedure (row 1) gets its start capsule beside it, in the same row,
  // with an arrow into the diamond: left of it when there is a column there, else right.
  const startNode = new Map<number, Node>();
  for (const [r, src] of byRow) {
    if (!(src.kind === 'decision' && r === 0)) continue;
    let x = src.x;
    let y = src.y - src.h / 2 - m.arrowLen - 4 - m.endH / 2;
    if (!startAbove({ ...model, edges }, r)) {
      const side = freeSides(src, ['left', 'right'])[0];
      sidesTaken.get(src.id)!.add(side);
      x = besideX(src, side, '');
      y = src.y;
    }
    const node = newNode({ id: `start-${r}`, kind: 'end', start: true, x, y, w: m.endW, h: m.endH, col: src.col, row: r });
    nodes.push(node);
    startNode.set(r, node);
  }

  // Terminators beside diamonds for branches that end the procedure, where `endSpots` says: right
  // first, else left; beside another symbol of a joint step whose joint lines take both sides of the
  // one the branch leaves (the branch then leaves that symbol).
  const endNode = new Map<string, Node>();
  const endSource = new Map<string, Node>();
  for (const [r, rowSrc] of byRow) {
    for (const spot of endSpots(model, r, edges)) {
      const e = spot.edge;
      // A chain's diamond ends the procedure beside itself, not beside the row's first symbol.
      const src = laneSymbol.get(`${spot.node}:${spot.lane}`) ?? sourceOf(e) ?? rowSrc;
      const taken = sidesTaken.get(src.id) ?? new Set<'right' | 'left'>();
      sidesTaken.set(src.id, taken);
      const side = !taken.has(spot.side) ? spot.side : freeSides(src, src.col < n - 1 || src.col === 0 ? ['right', 'left'] : ['left', 'right'])[0];
      if (side === undefined) continue;
      taken.add(side);
      const node = newNode({ id: `end-${r}-${e.kind}`, kind: 'end', x: besideX(src, side, branchLabel(e, lang) ?? ''), y: src.y, w: m.endW, h: m.endH, col: src.col, row: r });
      nodes.push(node);
      endNode.set(`${r}-${e.kind}`, node);
      endSource.set(`${r}-${e.kind}`, src);
    }
  }

  // Pentagons of this page's strips.
  const top = bands.find((b) => b.kind === 'topStrip');
  const bottom = bands.find((b) => b.kind === 'bottomStrip');
  const pad = 0.5 * m.fontSize;
  const connIn = new Map<Pair, Node>();
  const connOut = new Map<Pair, Node>();
  const pent = (p: Pair, dir: 'out' | 'in'): Node => {
    const strip = dir === 'out' ? p.outStrip : p.inStrip;
    const col = dir === 'out' ? p.outCol : p.inCol;
    const band = strip === 'top' ? top! : bottom!;
    const y = strip === 'top' ? band.y0 + pad + m.pentH / 2 : band.y1 - pad - m.pentH / 2;
    const node = newNode({
      id: `conn-${p.label}-${dir}`,
      kind: 'connector',
      x: stripX.get(`${dir}:${p.key}`) ?? colX(col),
      y,
      w: m.pentW,
      h: m.pentH,
      col,
      connector: { label: p.label, dir, strip, edgeKey: p.key },
    });
    nodes.push(node);
    return node;
  };
  // A column holding several pentagons of one strip spreads them evenly across its width.
  const stripX = new Map<string, number>();
  for (const strip of ['top', 'bottom'] as const) {
    const byCol = new Map<number, { key: string; order: number; main: number }[]>();
    for (const p of pairs) {
      for (const dir of ['out', 'in'] as const) {
        const mine = dir === 'out' ? p.outPage === pi && p.outStrip === strip : p.inPage === pi && p.inStrip === strip;
        if (!mine) continue;
        const col = dir === 'out' ? p.outCol : p.inCol;
        const list = byCol.get(col) ?? [];
        list.push({ key: `${dir}:${p.key}`, order: p.order, main: p.forward && p.edge.to === p.edge.from + 1 ? 0 : 1 });
        byCol.set(col, list);
      }
    }
    for (const [col, list] of byCol) {
      if (list.length < 2) continue;
      list.sort((a, b) => a.main - b.main || a.order - b.order);
      const c = t.columns[t.firstActorColumn + col];
      // Centre first, then alternate right and left of it, so the main continuation keeps the centre.
      const slots = list.map((_, i) => c.x + ((i + 0.5) * c.w) / list.length);
      const order = slots.map((_, i) => i).sort((a, b) => Math.abs(slots[a] - (c.x + c.w / 2)) - Math.abs(slots[b] - (c.x + c.w / 2)) || a - b);
      list.forEach((item, i) => stripX.set(item.key, slots[order[i]]));
    }
  }
  for (const p of pairs) {
    if (p.outPage === pi) connOut.set(p, pent(p, 'out'));
    if (p.inPage === pi) connIn.set(p, pent(p, 'in'));
  }

  // Arrows: continuations from the top strip first, then row by row (every pentagon is entered from above and left at its tip).
  const pairOf = new Map(pairs.map((p) => [p.edge, p]));
  const inTasks = (strip: 'top' | 'bottom') => {
    for (const p of [...connIn.keys()].filter((q) => q.inStrip === strip).sort((a, b) => (a.forward && a.edge.to === a.edge.from + 1 ? 0 : 1) - (b.forward && b.edge.to === b.edge.from + 1 ? 0 : 1) || a.order - b.order)) {
      const target = targetOf(p.edge);
      if (!target) continue;
      tasks.push({ edgeKey: p.key, edge: p.edge, source: connIn.get(p)!, target, part: 'in', connector: p.label, natural: p.forward && p.edge.to === p.edge.from + 1, backward: false });
    }
  };
  inTasks('top');
  for (const [r, node] of startNode) {
    const target = byRow.get(r)!;
    const edge: FlowEdge = { from: r, to: r, kind: 'next' };
    tasks.push({ edgeKey: `start-${r}`, edge, source: node, target, natural: false, backward: false });
  }
  for (const r of rows) {
    if (!byRow.has(r)) continue;
    chainTasks(model, r, entryOf, exitOf, tasks);
    for (const e of edges) {
      if (e.from !== r) continue;
      const source = sourceOf(e);
      if (!source) continue;
      const key = `${e.from}-${e.kind}-${e.to}`;
      const label = branchLabel(e, lang);
      if (e.to === 'end') {
        const target = endNode.get(`${r}-${e.kind}`);
        if (target) tasks.push({ edgeKey: key, edge: e, source: endSource.get(`${r}-${e.kind}`) ?? source, target, label, natural: false, backward: false });
        continue;
      }
      const p = pairOf.get(e);
      if (p) {
        const target = connOut.get(p);
        if (target) tasks.push({ edgeKey: key, edge: e, source, target, part: 'out', connector: p.label, label, natural: p.forward && p.edge.to === p.edge.from + 1, backward: false });
        continue;
      }
      const target = targetOf(e);
      if (!target) continue;
      tasks.push({ edgeKey: key, edge: e, source, target, label, natural: e.to === e.from + 1, backward: e.to <= e.from });
    }
  }
}

// ---- format 1.1: joint steps and symbol chains (spec §7.1) ----

/** A row drawn with more than one symbol: a joint step (several lanes) or a chain (`langkah`). */
function isMultiSymbolRow(row: FlowRow): boolean {
  return row.chain !== undefined || (row.lanes?.length ?? 0) > 1;
}

/** Dashed outline for an optional step, text inside the symbol for `simbol_teks` / a chain item's `teks`. */
function symbolExtras(optional: boolean, text: string | undefined): Partial<Pick<Node, 'dashed' | 'text'>> {
  const extras: Partial<Pick<Node, 'dashed' | 'text'>> = {};
  if (optional) extras.dashed = true;
  if (text !== undefined && text.trim() !== '') extras.text = text.trim();
  return extras;
}

/**
 * A symbol with text inside (`simbol_teks`, a chain item's `teks`) grows to hold it, up to the width
 * it has (its column, or its share of one); the text shrinks when even that is too narrow. Done as the
 * symbol is placed, before anything (a joint line, an end terminator, an arrow) is drawn to its outline.
 */
function fitSymbolText(t: TableLayout, node: Node, room: number): void {
  if (node.text === undefined) return;
  const m = t.metrics;
  const need = measureText(node.text, m.labelSize) / (node.kind === 'decision' ? 0.62 : 0.9) + 2;
  node.w = Math.max(node.w, Math.min(need, room - 2 * m.padX));
}

/** The actor column an arrow leaves from: the last lane of the symbol it leaves. */
function exitColumn(model: FlowModel, e: FlowEdge): number {
  const link = linkOfEdge(model, e);
  const lanes = link ? model.nodes[link.from]?.lanes : undefined;
  const last = lanes?.[lanes.length - 1];
  return last && last.column >= 0 ? last.column : model.rows[e.from].column;
}

/**
 * Places the symbols of a joint step or chain row: one per model node and lane, in the lane's
 * column; several symbols in one column share it side by side. Returns the row's entry symbol.
 */
function placeMultiSymbolRow(
  model: FlowModel, t: TableLayout, row: FlowRow, y: number, colX: (c: number) => number,
  nodes: Node[], entryOf: Map<number, Node>, exitOf: Map<number, Node>, joins: JointLine[], laneSymbol: Map<string, Node>,
): Node | undefined {
  const m = t.metrics;
  const own = nodesOfRow(model, row.index);
  const placed: { node: Node; model: number; lane: number }[] = [];
  own.forEach((mn) => {
    mn.lanes.forEach((lane, li) => {
      if (lane.column < 0 || lane.column >= t.actorCount) return;
      const decision = mn.symbol === 'decision';
      const first = placed.length === 0;
      const node = newNode({
        id: first ? `row-${row.index}` : `row-${row.index}-${mn.item}-${li}`,
        kind: mn.symbol,
        x: colX(lane.column),
        y,
        w: decision ? m.decW : m.symW,
        h: decision ? m.decH : m.symH,
        col: lane.column,
        row: row.index,
        ...symbolExtras(mn.optional, mn.text),
      });
      placed.push({ node, model: mn.index, lane: li });
    });
  });
  // Symbols sharing a column stand side by side across it, in list order; a symbol with text grows
  // within its share of the column before the joint lines are drawn to its outline.
  const byCol = new Map<number, Node[]>();
  for (const p of placed) byCol.set(p.node.col, [...(byCol.get(p.node.col) ?? []), p.node]);
  for (const [c, list] of byCol) {
    const col = t.columns[t.firstActorColumn + c];
    if (list.length > 1) list.forEach((node, i) => (node.x = col.x + ((i + 0.5) * col.w) / list.length));
    for (const node of list) fitSymbolText(t, node, col.w / list.length);
  }
  for (const p of placed) {
    nodes.push(p.node);
    if (!entryOf.has(p.model)) entryOf.set(p.model, p.node);
    exitOf.set(p.model, p.node);
    laneSymbol.set(`${p.model}:${p.lane}`, p.node);
  }
  // A joint step's symbols are joined by a plain line (no arrow head) between neighbours left to right,
  // so a line never runs through a symbol of the step listed out of column order.
  for (const mn of own) {
    const mine = placed.filter((p) => p.model === mn.index).map((p) => p.node).sort((a, b) => a.x - b.x);
    for (let i = 1; i < mine.length; i++) joins.push({ x1: mine[i - 1].x + mine[i - 1].w / 2, x2: mine[i].x - mine[i].w / 2, y, row: row.index });
  }
  return placed[0]?.node;
}

/** Arrows between the items of one chain row, left to right (or back, for a loop inside the row). */
function chainTasks(model: FlowModel, r: number, entryOf: Map<number, Node>, exitOf: Map<number, Node>, tasks: Task[]): void {
  if (!model.rows[r].chain) return;
  for (const l of model.links ?? []) {
    if (!l.inChain || l.to === 'end' || model.nodes[l.from].row !== r) continue;
    const source = exitOf.get(l.from);
    const target = entryOf.get(l.to);
    if (!source || !target) continue;
    const from = model.nodes[l.from];
    const to = model.nodes[l.to];
    const edge: FlowEdge = { from: r, to: r, kind: l.kind };
    if (l.label !== undefined) edge.label = l.label;
    tasks.push({
      edgeKey: `${from.key}-${l.kind}-${to.key}`,
      edge,
      source,
      target,
      label: l.label === undefined || l.label === '' ? undefined : l.label,
      natural: false,
      backward: to.item < from.item,
      chain: true,
    });
  }
}
