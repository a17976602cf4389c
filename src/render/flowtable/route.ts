// Arrow routing on one page: orthogonal polylines between symbols, jump lanes, connector strips and branch labels.
import type { FlowEdge } from '../../model/flow-types.js';
import { measureText } from './font.js';
import { TIGHT_LANE_GAP, type Band, type Metrics, type TableLayout } from './layout.js';

export type Pt = [number, number];
export type PortName = 'top' | 'bottom' | 'left' | 'right';
export type NodeKind = 'terminator' | 'process' | 'decision' | 'end' | 'connector';

export interface Node {
  id: string;
  kind: NodeKind;
  /** Centre and size. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Actor column (0-based). */
  col: number;
  /** Model row index of a symbol, or of the decision an end terminator belongs to. */
  row?: number;
  connector?: { label: string; dir: 'out' | 'in'; strip: 'top' | 'bottom'; edgeKey: string };
  /** A capsule (kind 'end') that starts the procedure beside its first symbol rather than ending it. */
  start?: boolean;
  /** An optional step (`opsional: true`, format 1.1): the outline is dashed. */
  dashed?: boolean;
  /** Text printed inside the symbol (`simbol_teks`, a chain item's `teks`). */
  text?: string;
  used: { top: boolean; bottom: boolean; left: Set<number>; right: Set<number> };
}

export interface Label {
  text: string;
  /** Top-left of the text box and the baseline. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Baseline of the first line. */
  baseline: number;
  /** A label wrapped at spaces: its lines, `lineGap` apart (absent: one line, `text`). */
  lines?: string[];
  lineGap?: number;
}

export interface Route {
  /** `from-kind-to` with 0-based row indexes (`end` for a branch that ends the procedure). */
  edgeKey: string;
  edge: FlowEdge;
  /** For an edge split by a page break: the half on this page. */
  part?: 'out' | 'in';
  connector?: string;
  points: Pt[];
  label?: Label;
  /** False when no route met every rule and the least bad one was drawn. */
  clean: boolean;
}

/** One arrow to draw on this page, between two nodes of this page. */
export interface Task {
  edgeKey: string;
  edge: FlowEdge;
  source: Node;
  target: Node;
  part?: 'out' | 'in';
  connector?: string;
  label?: string;
  /** Prefer the straight bottom-to-top link (the procedure's main spine). */
  natural: boolean;
  /** Loops back up (row-wise), so it prefers lanes on the left. */
  backward: boolean;
  /**
   * An arrow between two items of one symbol chain (format 1.1), in the same row: routed first, on
   * its own fixed shape (straight across, else over the symbols; a loop back runs under them).
   */
  chain?: boolean;
}

interface Seg {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface End {
  node: Node;
  port: PortName;
  slot: number;
  pt: Pt;
}

interface Candidate {
  points: Pt[];
  start: End;
  end: End;
  cost: number;
  bad: number;
}

const SLOTS = [0, -1, 1];

/** Vertical offset of a side port slot from the node's centre. */
function slotOffset(n: Node, slot: number): number {
  const step = n.kind === 'decision' ? 0.2 : n.kind === 'terminator' || n.kind === 'end' ? 0.24 : 0.27;
  return slot * step * n.h;
}

/** x of the node outline at height y (relative offset dy) on one side. */
function sideX(n: Node, side: 'left' | 'right', dy: number): number {
  const half = n.w / 2;
  let off = half;
  if (n.kind === 'decision') off = half * (1 - Math.abs(dy) / (n.h / 2));
  else if (n.kind === 'terminator' || n.kind === 'end') {
    const r = Math.min(n.h / 2, half);
    off = half - r + Math.sqrt(Math.max(0, r * r - dy * dy));
  }
  return side === 'left' ? n.x - off : n.x + off;
}

function portPoint(n: Node, port: PortName, slot: number): Pt {
  if (port === 'top') return [n.x, n.y - n.h / 2];
  if (port === 'bottom') return [n.x, n.y + n.h / 2];
  const dy = slotOffset(n, slot);
  return [sideX(n, port, dy), n.y + dy];
}

function portFree(n: Node, port: PortName, slot: number): boolean {
  if (port === 'top') return !n.used.top;
  if (port === 'bottom') return !n.used.bottom;
  return !n.used[port].has(slot);
}

function usePort(e: End): void {
  if (e.port === 'top') e.node.used.top = true;
  else if (e.port === 'bottom') e.node.used.bottom = true;
  else e.node.used[e.port].add(e.slot);
}

function toSegs(points: Pt[]): Seg[] {
  const segs: Seg[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    segs.push({ x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by) });
  }
  return segs;
}

/** Drops repeated and collinear middle points so every segment is a real turn. */
function simplify(points: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < 1e-6 && Math.abs(last[1] - p[1]) < 1e-6) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2];
      const b = out[out.length - 1];
      const collinear = (Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(b[0] - p[0]) < 1e-6) || (Math.abs(a[1] - b[1]) < 1e-6 && Math.abs(b[1] - p[1]) < 1e-6);
      if (collinear) {
        out[out.length - 1] = p;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

const isH = (s: Seg) => Math.abs(s.y1 - s.y2) < 1e-6;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function nodeBox(n: Node, inflate: number): Box {
  return { x1: n.x - n.w / 2 - inflate, y1: n.y - n.h / 2 - inflate, x2: n.x + n.w / 2 + inflate, y2: n.y + n.h / 2 + inflate };
}

function segHitsBox(s: Seg, b: Box): boolean {
  return s.x1 < b.x2 && s.x2 > b.x1 && s.y1 < b.y2 && s.y2 > b.y1;
}

/** Geometry of one page that the router needs. */
export interface PageGeometry {
  metrics: Metrics;
  bands: Band[];
  /** x of every vertical grid line crossing the actor area (actor column boundaries). */
  gridX: number[];
  /** y of every horizontal grid line below the header (band boundaries). */
  gridY: number[];
  /** Actor area bounds (routes stay inside). */
  area: Box;
  /** Lane x positions per actor column side, innermost (nearest the symbols) first. */
  lanes: { col: number; side: 'left' | 'right'; xs: number[] }[];
  /** Centre x of each actor column. */
  centres: number[];
}

export function pageGeometry(t: TableLayout, bands: Band[]): PageGeometry {
  const m = t.metrics;
  const actors = t.columns.slice(t.firstActorColumn, t.firstActorColumn + t.actorCount);
  const gridX = actors.map((c) => c.x);
  if (actors.length > 0) gridX.push(actors[actors.length - 1].x + actors[actors.length - 1].w);
  const body = bands.filter((b) => b.kind !== 'header');
  const gridY = bands.slice(1).map((b) => b.y0);
  if (bands.length > 0) gridY.push(bands[bands.length - 1].y1);
  const lanes: PageGeometry['lanes'] = [];
  actors.forEach((c, col) => {
    const cx = c.x + c.w / 2;
    const zone = t.symbolZone;
    for (const side of ['left', 'right'] as const) {
      const dir = side === 'left' ? -1 : 1;
      const edge = side === 'left' ? c.x : c.x + c.w;
      const inner = cx + dir * (zone + m.laneClear);
      const xs: number[] = [];
      const room = Math.abs(edge - inner) - m.gridClear;
      if (room < 0) {
        xs.push((cx + dir * zone + edge) / 2);
      } else {
        // Normal spacing when the planned lanes fit; otherwise pack them tighter.
        let count = Math.floor(room / m.laneGap + 1e-6) + 1;
        let gap = m.laneGap;
        if (count < t.lanesPerSide) {
          count = Math.min(t.lanesPerSide, Math.floor(room / TIGHT_LANE_GAP + 1e-6) + 1);
          gap = count > 1 ? Math.min(m.laneGap, room / (count - 1)) : m.laneGap;
        }
        for (let k = 0; k < count; k++) xs.push(inner + dir * k * gap);
      }
      lanes.push({ col, side, xs });
    }
  });
  const area: Box = {
    x1: actors.length > 0 ? actors[0].x : 0,
    x2: actors.length > 0 ? actors[actors.length - 1].x + actors[actors.length - 1].w : 0,
    y1: body.length > 0 ? body[0].y0 : 0,
    y2: body.length > 0 ? body[body.length - 1].y1 : 0,
  };
  // The total row is not part of the drawing area.
  const total = bands.find((b) => b.kind === 'total');
  if (total) area.y2 = total.y0;
  return { metrics: m, bands, gridX, gridY, area, lanes, centres: actors.map((c) => c.x + c.w / 2) };
}

/** Routes every task of a page; returns routes in task order. */
export function routePage(g: PageGeometry, nodes: Node[], tasks: Task[], joints: Joint[] = []): Route[] {
  // Rip up and reroute: arrows that found no clean route (or label spot) go first on the next try.
  const first = new Set<Task>();
  let routes = routeOnce(g, nodes, tasks, first, joints);
  for (let round = 0; round < 2; round++) {
    const failed = tasks.filter((t, i) => !routes[i].clean && !first.has(t));
    if (failed.length === 0) break;
    for (const t of failed) first.add(t);
    const retry = routeOnce(g, nodes, tasks, first, joints);
    if (retry.filter((r) => !r.clean).length < routes.filter((r) => !r.clean).length) routes = retry;
  }
  return routes;
}

function routeOnce(g: PageGeometry, nodes: Node[], tasks: Task[], first: Set<Task>, joints: Joint[]): Route[] {
  for (const n of nodes) n.used = { top: false, bottom: false, left: new Set(), right: new Set() };
  const m = g.metrics;
  // The lines joining a joint step's symbols (format 1.1) are there before any arrow: arrows neither
  // run along them nor share their points, and labels keep off them.
  const placed: Seg[] = joints.map((j) => ({ x1: j.x1, y1: j.y, x2: j.x2, y2: j.y }));
  // The mid-height side ports a joint line takes are not free for arrows.
  for (const n of nodes) for (const side of jointSides(n, joints)) n.used[side].add(0);
  const labelBoxes: Box[] = [];
  const routes = new Map<Task, Route>();
  const minSep = Math.max(1.6, m.laneGap * 0.4);
  const bendCost = m.fontSize * 1.6;
  const crossCost = m.fontSize * 7;

  /** Score of a candidate: Infinity-like `bad` counts rule breaks, `cost` ranks valid ones. */
  function evaluate(points: Pt[], source: Node, target: Node): { cost: number; bad: number } {
    const pts = simplify(points);
    const segs = toSegs(pts);
    let bad = 0;
    let crossings = 0;
    let length = 0;
    if (segs.length === 0) return { cost: 0, bad: 1 };
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      length += s.x2 - s.x1 + (s.y2 - s.y1);
      const horizontal = isH(s);
      // Inside the actor area, off the grid lines.
      // Rule breaks are weighted so a fallback route at least stays in the actor area and off symbols.
      if (s.x1 < g.area.x1 + 0.5 || s.x2 > g.area.x2 - 0.5 || s.y1 < g.area.y1 + 0.5 || s.y2 > g.area.y2 - 0.5) bad += 1000;
      if (horizontal) {
        for (const y of g.gridY) if (Math.abs(s.y1 - y) < 1.2) bad++;
      } else {
        for (const x of g.gridX) if (Math.abs(s.x1 - x) < m.gridClear * 0.5) bad++;
      }
      for (const n of nodes) {
        if (i === 0 && n === source) continue;
        if (i === segs.length - 1 && n === target) continue;
        if (segHitsBox(s, nodeBox(n, 1.2))) bad += 50;
      }
      for (const b of labelBoxes) if (segHitsBox(s, { x1: b.x1 - 0.6, y1: b.y1 - 0.6, x2: b.x2 + 0.6, y2: b.y2 + 0.6 })) bad += 20;
      for (const p of placed) {
        const ph = isH(p);
        if (horizontal === ph) {
          if (horizontal) {
            if (Math.abs(s.y1 - p.y1) < minSep && s.x1 < p.x2 + minSep && p.x1 < s.x2 + minSep) bad += 20;
          } else if (Math.abs(s.x1 - p.x1) < minSep && s.y1 < p.y2 + minSep && p.y1 < s.y2 + minSep) bad += 20;
        } else {
          const h = horizontal ? s : p;
          const v = horizontal ? p : s;
          const x = v.x1;
          const y = h.y1;
          const e = 0.5;
          if (x >= h.x1 - e && x <= h.x2 + e && y >= v.y1 - e && y <= v.y2 + e) {
            const e2 = 1.5;
            const interior = x > h.x1 + e2 && x < h.x2 - e2 && y > v.y1 + e2 && y < v.y2 - e2;
            if (interior) crossings++;
            else bad++;
          }
        }
      }
    }
    // Own segments must not touch each other except at shared corners.
    for (let i = 0; i < segs.length; i++) {
      for (let j = i + 2; j < segs.length; j++) {
        const a = segs[i];
        const b = segs[j];
        if (a.x1 <= b.x2 + minSep && b.x1 <= a.x2 + minSep && a.y1 <= b.y2 + minSep && b.y1 <= a.y2 + minSep) bad++;
      }
    }
    // The first leg must leave the symbol visibly; the last must hold the arrow head.
    const first = segs[0];
    const last = segs[segs.length - 1];
    if (first.x2 - first.x1 + (first.y2 - first.y1) < 2.5) bad++;
    if (last.x2 - last.x1 + (last.y2 - last.y1) < m.arrowLen + 1.5) bad++;
    const cost = length + bendCost * (segs.length - 1) + crossCost * crossings;
    return { cost, bad };
  }

  function commit(task: Task, c: Candidate, clean: boolean): void {
    usePort(c.start);
    usePort(c.end);
    const points = simplify(c.points);
    placed.push(...toSegs(points));
    const route: Route = { edgeKey: task.edgeKey, edge: task.edge, part: task.part, connector: task.connector, points, clean };
    routes.set(task, route);
    const label = placeLabel(g, nodes, placed, labelBoxes, task, route);
    if (label) {
      labelBoxes.push(label.box);
      // A label that found no clean spot (it touches a line, a symbol or a label, or crosses a cell
      // border) counts as a broken rule: rip-up and reroute, then the caller retries with wider columns.
      if (label.score > 0) route.clean = false;
    }
  }

  function ends(n: Node, role: 'start' | 'end', other: Node): End[] {
    const out: End[] = [];
    if (n.kind === 'connector') {
      // Pentagons point down: the top strip's pentagon is entered/left at its tip, the bottom strip's at its flat top.
      const port: PortName = n.connector!.strip === 'top' ? 'bottom' : 'top';
      out.push({ node: n, port, slot: 0, pt: portPoint(n, port, 0) });
      return out;
    }
    const vertical: PortName = role === 'start' ? 'bottom' : 'top';
    const below = role === 'start' ? other.y > n.y : other.y < n.y;
    if (below && portFree(n, vertical, 0)) out.push({ node: n, port: vertical, slot: 0, pt: portPoint(n, vertical, 0) });
    const slots = n.kind === 'end' ? [0] : SLOTS;
    for (const side of ['left', 'right'] as const) {
      for (const slot of slots) {
        if (portFree(n, side, slot)) {
          out.push({ node: n, port: side, slot, pt: portPoint(n, side, slot) });
          break;
        }
      }
    }
    return out;
  }

  const dirOf = (p: PortName): Pt => (p === 'top' ? [0, -1] : p === 'bottom' ? [0, 1] : p === 'left' ? [-1, 0] : [1, 0]);

  /** Channel heights just outside a vertical port, nearest first. */
  function channels(e: End, count: number, preferred?: number, first = m.laneClear * 0.55): number[] {
    const [, dy] = dirOf(e.port);
    const ys: number[] = [];
    const base = preferred ?? e.pt[1] + dy * first;
    for (let k = 0; k < count; k++) {
      ys.push(base + dy * k * m.laneGap * 0.5);
      if (preferred !== undefined && k > 0) ys.push(base - dy * k * m.laneGap * 0.5);
    }
    return ys;
  }

  // Column centres are lanes too where no symbol stands in the way (the validator checks that).
  const centreLanes = g.lanes.filter((l) => l.side === 'left').map((l) => ({ col: l.col, side: 'left' as const, xs: [g.centres[l.col]] }));
  function laneOptions(): { xs: number[]; col: number; side: 'left' | 'right' }[] {
    return [...g.lanes, ...centreLanes];
  }

  /** Every candidate shape between two ends. */
  function shapes(task: Task, s: End, t: End, emit: (points: Pt[], extra: number) => boolean | void): void {
    const [sx, sy] = s.pt;
    const [tx, ty] = t.pt;
    const sv = s.port === 'top' || s.port === 'bottom';
    const tv = t.port === 'top' || t.port === 'bottom';
    const [sdx, sdy] = dirOf(s.port);
    const [tdx, tdy] = dirOf(t.port); // direction out of the target port; the arrow arrives against it
    const need = m.arrowLen + 2;
    // A labelled side exit needs a first leg long enough to carry its label.
    const labelW = task.label ? measureText(task.label, m.branchSize) + 5 : 0;
    // The label must fit between the exit, the grid lines the leg crosses, and the leg's end.
    const short = (legEnd: number) => {
      if (sv || !task.label) return 0;
      const lo = Math.min(sx, legEnd);
      const hi = Math.max(sx, legEnd);
      const stops = [lo, ...g.gridX.filter((x) => x > lo && x < hi), hi];
      for (let i = 0; i + 1 < stops.length; i++) if (stops[i + 1] - stops[i] >= labelW) return 0;
      return m.fontSize * 6;
    };
    const slotPenalty = (Math.abs(s.slot) + Math.abs(t.slot)) * m.fontSize * 0.5;
    const sideBias = (laneX: number) => {
      const lo = Math.min(s.node.x, t.node.x);
      const hi = Math.max(s.node.x, t.node.x);
      if (task.backward && laneX > hi) return m.fontSize * 0.8;
      if (!task.backward && laneX < lo) return m.fontSize * 0.8;
      return 0;
    };
    if (sv && tv) {
      // Straight or Z: out of the source, across in a channel, into the target.
      if (sdy > 0 && tdy < 0 && ty > sy) {
        if (Math.abs(sx - tx) < 1e-6) emit([s.pt, t.pt], slotPenalty);
        else {
          const band = g.bands.find((b) => b.y0 <= sy && sy < b.y1);
          const preferred = band ? (sy + band.y1) / 2 : sy + m.vpad / 2;
          for (const y of channels(s, 8, Math.min(preferred, ty - need - 0.5))) {
            if (y < sy + 2.5 || y > ty - need) continue;
            if (emit([s.pt, [sx, y], [tx, y], t.pt], slotPenalty)) break;
          }
        }
      }
      return;
    }
    if (!sv && !tv) {
      // Side to side: a straight line in the same row, or out to a lane and back.
      if (Math.abs(sy - ty) < 1e-6 && sdx !== tdx && (tx - sx) * sdx > need) emit([s.pt, t.pt], slotPenalty);
      for (const lane of laneOptions()) {
        for (const x of lane.xs) {
          if ((x - sx) * sdx < 2.5) continue;
          if ((x - tx) * tdx < need) continue;
          if (emit([s.pt, [x, sy], [x, ty], t.pt], slotPenalty + sideBias(x) + short(x))) break;
        }
      }
      return;
    }
    if (sv && !tv) {
      // Out of the top or bottom, then into a side: an L, or via a channel and a lane.
      if ((ty - sy) * sdy > 2.5 && (tx - sx) * tdx > need) emit([s.pt, [sx, ty], t.pt], slotPenalty);
      for (const lane of laneOptions()) {
        for (const x of lane.xs) {
          if ((x - tx) * tdx < need) continue;
          let done = false;
          for (const y of channels(s, 8)) {
            if (emit([s.pt, [sx, y], [x, y], [x, ty], t.pt], slotPenalty + sideBias(x))) {
              done = true;
              break;
            }
          }
          if (done) break;
        }
      }
      return;
    }
    // Out of a side, then into a top or bottom: an L, or via a lane and a channel.
    if ((tx - sx) * sdx > 2.5 && (sy - ty) * tdy > need) emit([s.pt, [tx, sy], t.pt], slotPenalty + short(tx));
    for (const lane of laneOptions()) {
      for (const x of lane.xs) {
        if ((x - sx) * sdx < 2.5) continue;
        let done = false;
        for (const y of channels(t, 8, undefined, m.arrowLen + 2.5)) {
          if ((y - ty) * tdy < need) continue;
          if (emit([s.pt, [x, sy], [x, y], [tx, y], t.pt], slotPenalty + sideBias(x) + short(x))) {
            done = true;
            break;
          }
        }
        if (done) break;
      }
    }
  }

  function search(task: Task, onlyVertical: boolean): { best?: Candidate; fallback?: Candidate; labelOk?: boolean } {
    const valid: Candidate[] = [];
    let fallback: Candidate | undefined;
    const starts = ends(task.source, 'start', task.target);
    const targets = ends(task.target, 'end', task.source);
    for (const s of starts) {
      for (const t of targets) {
        if (onlyVertical && (s.port === 'left' || s.port === 'right' || t.port === 'left' || t.port === 'right')) continue;
        shapes(task, s, t, (points, extra) => {
          const r = evaluate(points, task.source, task.target);
          const c: Candidate = { points, start: s, end: t, cost: r.cost + extra, bad: r.bad };
          if (r.bad === 0) {
            valid.push(c);
            return true;
          }
          if (!fallback || c.bad < fallback.bad || (c.bad === fallback.bad && c.cost < fallback.cost - 1e-9)) fallback = c;
          return false;
        });
      }
    }
    // Stable order: cheapest first, ties in generation order.
    valid.sort((a, b) => a.cost - b.cost);
    if (valid.length === 0) return { fallback };
    if (!task.label) return { best: valid[0] };
    // A labelled arrow takes the cheapest route whose label finds a clear spot.
    for (const c of valid.slice(0, 12)) {
      const probe: Route = { edgeKey: task.edgeKey, edge: task.edge, points: simplify(c.points), clean: true };
      const placedLabel = placeLabel(g, nodes, placed, labelBoxes, task, probe, toSegs(probe.points));
      if (placedLabel && placedLabel.score === 0) return { best: c, labelOk: true };
    }
    return { best: valid[0], labelOk: false };
  }

  /**
   * Last resort for an arrow that no candidate shape routes cleanly (format 1.1 rows crowd a row with
   * symbols and joint lines): the cheapest orthogonal path (length, bends, crossings, as `evaluate`
   * ranks them) over a grid whose columns are the lanes, the column centres and the ports, and whose
   * rows are channels every half lane gap down each band, keeping off every symbol, label, grid line
   * and placed arrow. It may leave any free port (a diamond's top too). The result is validated like
   * any candidate; cheapest first, one per start port.
   */
  function maze(task: Task): Candidate[] {
    const need = m.arrowLen + 2;
    const starts = mazeEnds(task.source, 'start', task.target);
    const targets = mazeEnds(task.target, 'end', task.source);
    if (starts.length === 0 || targets.length === 0) return [];
    const inX = (x: number) => x > g.area.x1 + 0.6 && x < g.area.x2 - 0.6 && g.gridX.every((gx) => Math.abs(x - gx) >= m.gridClear * 0.5 + 0.05);
    const inY = (y: number) => y > g.area.y1 + 0.6 && y < g.area.y2 - 0.6 && g.gridY.every((gy) => Math.abs(y - gy) >= 1.3);
    const uniq = (v: number[]) => {
      const s = [...v].sort((a, b) => a - b);
      return s.filter((x, i) => i === 0 || x - s[i - 1] > 0.05);
    };
    const portXs: number[] = [];
    const portYs: number[] = [];
    for (const e of [...starts, ...targets]) (e.port === 'top' || e.port === 'bottom' ? portXs : portYs).push(e.pt[e.port === 'top' || e.port === 'bottom' ? 0 : 1]);
    // The ports' own coordinates stay exact (a sample a hair away would make a slanted stub).
    const offPorts = (ports: number[]) => (v: number) => ports.every((p) => Math.abs(p - v) >= 0.3);
    const xs = uniq([...g.lanes.flatMap((l) => l.xs), ...g.centres].filter((x) => inX(x) && offPorts(portXs)(x)).concat(portXs));
    const step = Math.max(minSep + 0.2, m.laneGap * 0.5);
    const bandYs: number[] = [];
    for (const b of g.bands) {
      if (b.kind === 'header' || b.kind === 'total') continue;
      for (let y = b.y0 + 1.3; y < b.y1 - 1.3; y += step) bandYs.push(y);
    }
    const ys = uniq(bandYs.filter((y) => inY(y) && offPorts(portYs)(y)).concat(portYs));
    const nx = xs.length;
    const ny = ys.length;
    // Blocked stretches and crossings along every grid line, from the symbols, labels and placed arrows.
    const hBlock: [number, number][][] = ys.map(() => []);
    const vBlock: [number, number][][] = xs.map(() => []);
    const hCross: number[][] = ys.map(() => []);
    const vCross: number[][] = xs.map(() => []);
    const boxes: Box[] = [...nodes.map((n) => nodeBox(n, 1.2)), ...labelBoxes.map((b) => ({ x1: b.x1 - 0.6, y1: b.y1 - 0.6, x2: b.x2 + 0.6, y2: b.y2 + 0.6 }))];
    for (const b of boxes) {
      ys.forEach((y, j) => y > b.y1 && y < b.y2 && hBlock[j].push([b.x1, b.x2]));
      xs.forEach((x, i) => x > b.x1 && x < b.x2 && vBlock[i].push([b.y1, b.y2]));
    }
    const e2 = 1.5;
    for (const p of placed) {
      if (isH(p)) {
        ys.forEach((y, j) => Math.abs(y - p.y1) < minSep && hBlock[j].push([p.x1 - minSep, p.x2 + minSep]));
        xs.forEach((x, i) => {
          if (x < p.x1 - 0.5 || x > p.x2 + 0.5) return;
          if (x > p.x1 + e2 && x < p.x2 - e2) vCross[i].push(p.y1);
          else vBlock[i].push([p.y1 - 0.6, p.y1 + 0.6]);
        });
      } else {
        xs.forEach((x, i) => Math.abs(x - p.x1) < minSep && vBlock[i].push([p.y1 - minSep, p.y2 + minSep]));
        ys.forEach((y, j) => {
          if (y < p.y1 - 0.5 || y > p.y2 + 0.5) return;
          if (y > p.y1 + e2 && y < p.y2 - e2) hCross[j].push(p.x1);
          else hBlock[j].push([p.x1 - 0.6, p.x1 + 0.6]);
        });
      }
    }
    // No corner on or right beside a placed arrow (that would be a touch, not a crossing).
    const noTurn = new Uint8Array(nx * ny);
    for (const p of placed) {
      for (let j = 0; j < ny; j++) {
        if (ys[j] < p.y1 - 1.6 || ys[j] > p.y2 + 1.6) continue;
        for (let i = 0; i < nx; i++) if (xs[i] >= p.x1 - 1.6 && xs[i] <= p.x2 + 1.6) noTurn[j * nx + i] = 1;
      }
    }
    const overlaps = (list: [number, number][], a: number, b: number) => list.some(([lo, hi]) => lo < b && hi > a);
    const crossings = (list: number[], a: number, b: number) => list.filter((v) => v > a && v <= b).length;
    // A straight stretch from a port (or into one) that only its own symbol may touch.
    const segFree = (a: Pt, b: Pt, own: Node) => {
      const s: Seg = { x1: Math.min(a[0], b[0]), y1: Math.min(a[1], b[1]), x2: Math.max(a[0], b[0]), y2: Math.max(a[1], b[1]) };
      if (nodes.some((n) => n !== own && segHitsBox(s, nodeBox(n, 1.2)))) return false;
      if (labelBoxes.some((lb) => segHitsBox(s, { x1: lb.x1 - 0.6, y1: lb.y1 - 0.6, x2: lb.x2 + 0.6, y2: lb.y2 + 0.6 }))) return false;
      const h = isH(s);
      for (const p of placed) {
        if (isH(p) === h) {
          if (h ? Math.abs(s.y1 - p.y1) < minSep && s.x1 < p.x2 + minSep && p.x1 < s.x2 + minSep : Math.abs(s.x1 - p.x1) < minSep && s.y1 < p.y2 + minSep && p.y1 < s.y2 + minSep) return false;
        } else {
          const hs = h ? s : p;
          const vs = h ? p : s;
          if (vs.x1 >= hs.x1 - 0.5 && vs.x1 <= hs.x2 + 0.5 && hs.y1 >= vs.y1 - 0.5 && hs.y1 <= vs.y2 + 0.5) return false;
        }
      }
      return true;
    };
    const DX = [1, -1, 0, 0];
    const DY = [0, 0, 1, -1];
    const dirIndex = (p: PortName) => (p === 'right' ? 0 : p === 'left' ? 1 : p === 'bottom' ? 2 : 3);
    const opposite = (d: number) => d ^ 1;
    /** The grid nodes along a port's outward ray that a straight stretch reaches from the port, with their distance. */
    const ray = (e: End): { node: number; dist: number }[] => {
      const d = dirIndex(e.port);
      const out: { node: number; dist: number }[] = [];
      const horizontal = d < 2;
      const fixed = horizontal ? ys.indexOf(e.pt[1]) : xs.indexOf(e.pt[0]);
      if (fixed < 0) return out;
      const coords = horizontal ? xs : ys;
      const from = horizontal ? e.pt[0] : e.pt[1];
      const sign = d % 2 === 0 ? 1 : -1;
      const order = coords.map((c, k) => k).filter((k) => (coords[k] - from) * sign > 0.05).sort((a, b) => (coords[a] - coords[b]) * sign);
      let prev: Pt = e.pt;
      for (const k of order) {
        const pt: Pt = horizontal ? [coords[k], e.pt[1]] : [e.pt[0], coords[k]];
        if (!segFree(prev, pt, e.node)) break;
        prev = pt;
        out.push({ node: horizontal ? fixed * nx + k : k * nx + fixed, dist: Math.abs(coords[k] - from) });
      }
      return out;
    };
    const finish = new Map<number, { end: End; dist: number; inward: number }[]>();
    for (const t of targets) {
      const inward = opposite(dirIndex(t.port));
      for (const r of ray(t)) if (r.dist >= need) finish.set(r.node, [...(finish.get(r.node) ?? []), { end: t, dist: r.dist, inward }]);
    }
    const results: Candidate[] = [];
    for (const s of starts) {
      const d0 = dirIndex(s.port);
      const cost = new Float64Array(nx * ny * 4).fill(Number.POSITIVE_INFINITY);
      const prev = new Int32Array(nx * ny * 4).fill(-1);
      const heap: [number, number][] = [];
      const push = (state: number, c: number, from: number) => {
        if (c >= cost[state] - 1e-9) return;
        cost[state] = c;
        prev[state] = from;
        heap.push([c, state]);
        let k = heap.length - 1;
        while (k > 0) {
          const up = (k - 1) >> 1;
          if (heap[up][0] <= heap[k][0]) break;
          [heap[up], heap[k]] = [heap[k], heap[up]];
          k = up;
        }
      };
      const pop = (): [number, number] => {
        const top = heap[0];
        const last = heap.pop()!;
        if (heap.length > 0) {
          heap[0] = last;
          let k = 0;
          for (;;) {
            const l = 2 * k + 1;
            const r = l + 1;
            let min = k;
            if (l < heap.length && heap[l][0] < heap[min][0]) min = l;
            if (r < heap.length && heap[r][0] < heap[min][0]) min = r;
            if (min === k) break;
            [heap[min], heap[k]] = [heap[k], heap[min]];
            k = min;
          }
        }
        return top;
      };
      for (const r of ray(s)) if (r.dist >= 2.5) push(r.node * 4 + d0, r.dist, -1);
      let best: { cost: number; state: number; end: End; turn: boolean } | undefined;
      while (heap.length > 0) {
        const [c, state] = pop();
        if (c > cost[state] + 1e-9) continue;
        if (best && c >= best.cost) break;
        const node = state >> 2;
        const d = state & 3;
        for (const f of finish.get(node) ?? []) {
          if (d === opposite(f.inward)) continue;
          const turn = d !== f.inward;
          if (turn && noTurn[node]) continue;
          const total = c + f.dist + (turn ? bendCost : 0);
          if (!best || total < best.cost) best = { cost: total, state, end: f.end, turn };
        }
        const i = node % nx;
        const j = (node - i) / nx;
        for (let nd = 0; nd < 4; nd++) {
          if (nd === opposite(d)) continue;
          if (nd !== d && noTurn[node]) continue;
          const ni = i + DX[nd];
          const nj = j + DY[nd];
          if (ni < 0 || ni >= nx || nj < 0 || nj >= ny) continue;
          let step: number;
          let cross: number;
          if (nd < 2) {
            const a = Math.min(xs[i], xs[ni]);
            const b = Math.max(xs[i], xs[ni]);
            if (overlaps(hBlock[j], a, b)) continue;
            step = b - a;
            cross = crossings(hCross[j], a, b);
          } else {
            const a = Math.min(ys[j], ys[nj]);
            const b = Math.max(ys[j], ys[nj]);
            if (overlaps(vBlock[i], a, b)) continue;
            step = b - a;
            cross = crossings(vCross[i], a, b);
          }
          push((nj * nx + ni) * 4 + nd, c + step + cross * crossCost + (nd !== d ? bendCost : 0), state);
        }
      }
      if (!best) continue;
      const pts: Pt[] = [best.end.pt];
      for (let st = best.state; st >= 0; st = prev[st]) {
        const node = st >> 2;
        const i = node % nx;
        pts.push([xs[i], ys[(node - i) / nx]]);
      }
      pts.push(s.pt);
      pts.reverse();
      const points = simplify(pts);
      const orthogonal = points.every((p, k) => k === 0 || p[0] === points[k - 1][0] || p[1] === points[k - 1][1]);
      const r = evaluate(points, task.source, task.target);
      if (orthogonal && r.bad === 0) results.push({ points, start: s, end: best.end, cost: r.cost, bad: 0 });
    }
    return results.sort((a, b) => a.cost - b.cost);
  }

  /** The free ports the maze may use: those `ends` offers, and a symbol's top and bottom whichever way the other end lies. */
  function mazeEnds(n: Node, role: 'start' | 'end', other: Node): End[] {
    const out = ends(n, role, other);
    if (n.kind === 'connector' || n.kind === 'end') return out;
    for (const port of ['top', 'bottom'] as const) if (portFree(n, port, 0) && !out.some((e) => e.port === port)) out.push({ node: n, port, slot: 0, pt: portPoint(n, port, 0) });
    return out;
  }

  /** The cheapest maze route whose label (if any) finds a clean spot; else the cheapest. */
  function mazeBest(task: Task, needLabel: boolean): Candidate | undefined {
    const found = maze(task);
    if (!task.label) return found[0];
    for (const c of found) {
      const probe: Route = { edgeKey: task.edgeKey, edge: task.edge, points: c.points, clean: true };
      const placedLabel = placeLabel(g, nodes, placed, labelBoxes, task, probe, toSegs(c.points));
      if (placedLabel && placedLabel.score === 0) return c;
    }
    return needLabel ? undefined : found[0];
  }

  // 0. Chain arrows inside a row keep their fixed shape; everything else keeps off them.
  for (const task of tasks) {
    if (!task.chain) continue;
    const c = chainCandidate(g, nodes, task);
    const ev = evaluate(c.points, task.source, task.target);
    commit(task, { ...c, cost: ev.cost, bad: ev.bad }, ev.bad === 0);
  }
  // 1. The spine: straight or Z links between consecutive bands, in order.
  const rest: Task[] = [];
  for (const task of tasks) {
    if (task.chain) continue;
    if (!task.natural) {
      rest.push(task);
      continue;
    }
    // A labelled spine arrow whose label finds no spot inside one cell (a narrow column) is routed with
    // the others instead, where a side exit may give the label room.
    const { best, labelOk } = search(task, true);
    if (best && labelOk !== false) commit(task, best, true);
    else rest.push(task);
  }
  // 2. Everything else, shortest first, so nested loops take the inner lanes.
  const rank = (t: Task) => (first.has(t) ? 0 : 1);
  rest.sort((a, b) => rank(a) - rank(b) || Math.abs(a.source.y - a.target.y) - Math.abs(b.source.y - b.target.y));
  for (const task of rest) {
    const { best, fallback } = search(task, false);
    // No clean shape: the maze may find one (a shape whose label finds no clean spot is still taken).
    const alt = !best ? mazeBest(task, false) : undefined;
    if (alt) commit(task, alt, true);
    else if (best) commit(task, best, true);
    else if (fallback) commit(task, fallback, false);
    else {
      const points: Pt[] = [portPoint(task.source, 'bottom', 0), portPoint(task.target, 'top', 0)];
      routes.set(task, { edgeKey: task.edgeKey, edge: task.edge, part: task.part, connector: task.connector, points, clean: false });
    }
  }

  return tasks.map((t) => routes.get(t)!);
}

/**
 * The fixed shape of an arrow between two symbols of one chain row: straight across at mid-height
 * when nothing stands between them; else over the symbols (top port to top port) going forward, or
 * under them (bottom to bottom) for a loop back, on a track halfway between the symbols and the
 * row's grid line.
 */
function chainCandidate(g: PageGeometry, nodes: Node[], task: Task): Omit<Candidate, 'cost' | 'bad'> {
  const { source, target } = task;
  const y = source.y;
  const dir = target.x >= source.x ? 1 : -1;
  const x1 = Math.min(source.x, target.x);
  const x2 = Math.max(source.x, target.x);
  const between = nodes.some((n) => n !== source && n !== target && Math.abs(n.y - y) < n.h / 2 + 0.5 && n.x + n.w / 2 > x1 && n.x - n.w / 2 < x2);
  if (!between && !task.backward) {
    const startPort: PortName = dir > 0 ? 'right' : 'left';
    const endPort: PortName = dir > 0 ? 'left' : 'right';
    const a = portPoint(source, startPort, 0);
    const b = portPoint(target, endPort, 0);
    return { points: [a, b], start: { node: source, port: startPort, slot: 0, pt: a }, end: { node: target, port: endPort, slot: 0, pt: b } };
  }
  // The row's first symbol takes the arrow from above: a detour from it runs underneath.
  const port: PortName = task.backward || task.source.id === `row-${task.source.row}` ? 'bottom' : 'top';
  const sign = port === 'top' ? -1 : 1;
  const symbolEdge = Math.max(...nodes.filter((n) => Math.abs(n.y - y) < 0.5 && n.x + n.w / 2 >= x1 && n.x - n.w / 2 <= x2).map((n) => n.h / 2));
  const grid = sign < 0 ? Math.max(...g.gridY.filter((gy) => gy < y - symbolEdge), y - symbolEdge - 6) : Math.min(...g.gridY.filter((gy) => gy > y + symbolEdge), y + symbolEdge + 6);
  // Halfway between the symbols and the grid line, but never nearer the symbols than an arrow head needs.
  const track = sign < 0 ? Math.min((y - symbolEdge + grid) / 2, y - symbolEdge - g.metrics.arrowLen - 2) : Math.max((y + symbolEdge + grid) / 2, y + symbolEdge + g.metrics.arrowLen + 2);
  const a = portPoint(source, port, 0);
  const b = portPoint(target, port, 0);
  return {
    points: [a, [a[0], track], [b[0], track], b],
    start: { node: source, port, slot: 0, pt: a },
    end: { node: target, port, slot: 0, pt: b },
  };
}

/**
 * Puts a branch label beside the first leg of its arrow where it touches no line, symbol or other
 * label. Called right after the arrow is routed; later arrows then keep off the label.
 */
function placeLabel(g: PageGeometry, nodes: Node[], segs: Seg[], boxes: Box[], task: Task, route: Route, more: Seg[] = []): { box: Box; score: number } | undefined {
  const m = g.metrics;
  const size = m.branchSize;
  const asc = (m.ascent / m.fontSize) * size;
  const desc = (m.descent / m.fontSize) * size;
  const gap = 1.8;
  // Lines of a label wrapped at spaces are this far apart.
  const lineGap = 1.15 * size;
  if (!task.label || route.points.length < 2) return undefined;
  const label = task.label;
  // On one line first; a label of several words that finds no clean spot may wrap onto two or three.
  let chosen: { box: Box; score: number; lines: string[] } | undefined;
  for (const lines of labelWraps(label, size)) {
    const r = spot(lines);
    if (r && (!chosen || r.score < chosen.score)) chosen = r;
    if (chosen && chosen.score === 0) break;
  }
  if (!chosen) return undefined;
  const w = Math.max(...chosen.lines.map((l) => measureText(l, size)));
  route.label = { text: label, x: chosen.box.x1, y: chosen.box.y1, w, h: chosen.box.y2 - chosen.box.y1, baseline: chosen.box.y1 + asc, ...(chosen.lines.length > 1 ? { lines: chosen.lines, lineGap } : {}) };
  return { box: chosen.box, score: chosen.score };

  function spot(lines: string[]): { box: Box; score: number; lines: string[] } | undefined {
    const w = Math.max(...lines.map((l) => measureText(l, size)));
    const h = asc + desc + (lines.length - 1) * lineGap;
    const cands: Box[] = [];
    const box = (bx: number, by: number): Box => ({ x1: bx, y1: by, x2: bx + w, y2: by + h });
    // Candidates along the first leg, then along the second one when the first is crowded; then, so the
    // label can stay inside one cell, at each end of every cell a leg passes through (first three legs).
    const inCells: Box[] = [];
    for (let k = 0; k < Math.min(3, route.points.length - 1); k++) {
      const [x0, y0] = route.points[k];
      const [x1, y1] = route.points[k + 1];
      if (Math.abs(x0 - x1) < 1e-6) {
        for (const [a, b] of cellSpans(y0, y1, g.gridY)) {
          if (b - a < h + 2) continue;
          const tops = y1 > y0 ? [a + 1, b - 1 - h] : [b - 1 - h, a + 1];
          for (const top of tops) inCells.push(box(x0 + gap + 0.5, top), box(x0 - gap - 0.5 - w, top));
        }
      } else {
        cellSpans(x0, x1, g.gridX).forEach(([a, b], i) => {
          // From the cell's near side inwards; a label may run past the leg's end on the side away from the turn.
          const lefts = x1 > x0 ? [a + 2.5, b - 2.5 - w] : [b - 2.5 - w, a + 2.5];
          for (const left of lefts) inCells.push(box(left, y0 - 1.6 - h), box(left, y0 + 1.6));
          // Past the border, a label longer than the room before an end terminator rises above it.
          if (k === 0 && route.points.length === 2 && i > 0) {
            const rise = task.target.h / 2 + 1.2;
            inCells.push(box(lefts[0], y0 - rise - h), box(lefts[0], y0 + rise));
          }
        });
      }
    }
    for (let k = 0; k < Math.min(2, route.points.length - 1); k++) {
      const [x0, y0] = route.points[k];
      const [x1, y1] = route.points[k + 1];
      if (Math.abs(x0 - x1) < 1e-6) {
        const dir = y1 > y0 ? 1 : -1;
        const len = Math.abs(y1 - y0);
        // Below a diamond the label may tuck into the corner beside the bottom vertex.
        const tucks = k === 0 && task.source.kind === 'decision' && dir > 0 ? [[6.8, -3.4], [4.6, -1.8]] : [];
        const offs = k === 0 ? [1, 3.5, 6] : [2, 5, len / 2 - h / 2];
        for (const [dx, dy] of [[gap + 0.5, offs[0]], ...tucks, ...offs.slice(1).map((o) => [gap + 0.5, o])]) {
          if (dy > len || dy + h > len + (k === 0 ? h : 0)) continue;
          const top = dir > 0 ? y0 + dy : y0 - dy - h;
          cands.push(box(x0 + dx, top), box(x0 - dx - w, top));
        }
      } else {
        const dir = x1 > x0 ? 1 : -1;
        const len = Math.abs(x1 - x0);
        // Beside a diamond's vertex the outline slopes away: start a little further out.
        const first = k === 0 && task.source.kind === 'decision' ? 5.5 : 2.5;
        const starts = [first, len / 2 - w / 2];
        // Just past each grid line the arrow crosses, so the label sits inside one cell.
        for (const gx of g.gridX) {
          const d = (gx - x0) * dir;
          if (d > 0 && d < len) starts.push(d + 2.5);
        }
        starts.sort((a, b) => a - b);
        for (const st of starts) {
          if (st < 0 || (k > 0 && st + w > len)) continue;
          const left = dir > 0 ? x0 + st : x0 - st - w;
          cands.push(box(left, y0 - 1.6 - h), box(left, y0 + 1.6));
        }
        // A label longer than its arrow rises above the target (an end terminator) instead of touching it.
        if (k === 0 && route.points.length === 2) {
          const rise = task.target.h / 2 + 1.2;
          const left = dir > 0 ? x0 + first : x0 - first - w;
          cands.push(box(left, y0 - rise - h), box(left, y0 + rise));
        }
      }
    }
    cands.push(...inCells);
    let best: Box | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const c of cands) {
      let score = 0;
      if (c.x1 < g.area.x1 + 0.5 || c.x2 > g.area.x2 - 0.5 || c.y1 < g.area.y1 + 0.5 || c.y2 > g.area.y2 - 0.5) score += 100;
      for (const s of segs) if (segHitsBox(s, c)) score += 100;
      for (const s of more) if (segHitsBox(s, c)) score += 100;
      for (const n of nodes) if (boxHitsNode(c, n, 0.8)) score += 100;
      for (const b of boxes) if (c.x1 < b.x2 && c.x2 > b.x1 && c.y1 < b.y2 && c.y2 > b.y1) score += 100;
      for (const x of g.gridX) if (x > c.x1 - 0.5 && x < c.x2 + 0.5) score += 10;
      for (const y of g.gridY) if (y > c.y1 - 0.5 && y < c.y2 + 0.5) score += 10;
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
      if (score === 0) break;
    }
    if (!best) return undefined;
    return { box: best, score: bestScore, lines };
  }
}

/** The pieces [lo, hi] of the stretch from `p0` to `p1` between the grid lines it crosses, nearest `p0` first. */
function cellSpans(p0: number, p1: number, grid: number[]): [number, number][] {
  const lo = Math.min(p0, p1);
  const hi = Math.max(p0, p1);
  const stops = [lo, ...grid.filter((v) => v > lo && v < hi), hi];
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < stops.length; i++) spans.push([stops[i], stops[i + 1]]);
  return p1 < p0 ? spans.reverse() : spans;
}

/**
 * A label on one line, then (several words) wrapped onto two and three lines, each split the most even; computed only when asked for.
 * Widths add up character by character (measureText has no kerning), so a line of words i..j-1 is as wide as their
 * widths plus the spaces between them: every split is priced from prefix sums, not by measuring joined strings (a
 * long hostile label took seconds that way).
 */
export function* labelWraps(label: string, size: number): Generator<string[]> {
  yield [label];
  const words = label.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return;
  const space = measureText(' ', size);
  const before = [0];
  for (const w of words) before.push(before[before.length - 1] + measureText(w, size));
  /** Width of words i..j-1 on one line. */
  const line = (i: number, j: number) => before[j] - before[i] + (j - i - 1) * space;
  const join = (i: number, j: number) => words.slice(i, j).join(' ');
  const n = words.length;
  let two = 1;
  let twoWidth = Number.POSITIVE_INFINITY;
  for (let i = 1; i < n; i++) {
    const width = Math.max(line(0, i), line(i, n));
    if (width < twoWidth - 1e-9) [two, twoWidth] = [i, width];
  }
  yield [join(0, two), join(two, n)];
  if (n < 3) return;
  let three = [1, 2];
  let threeWidth = Number.POSITIVE_INFINITY;
  for (let i = 1; i < n - 1; i++)
    for (let j = i + 1; j < n; j++) {
      const width = Math.max(line(0, i), line(i, j), line(j, n));
      if (width < threeWidth - 1e-9) [three, threeWidth] = [[i, j], width];
    }
  yield [join(0, three[0]), join(three[0], three[1]), join(three[1], n)];
}

/** Box against a node's real outline (diamonds are not their bounding box). */
function boxHitsNode(c: Box, n: Node, inflate: number): boolean {
  if (!segHitsBox(c, nodeBox(n, inflate))) return false;
  if (n.kind !== 'decision') return true;
  // The point of the box nearest the centre decides, since the diamond is a scaled L1 ball.
  const px = Math.min(Math.max(n.x, c.x1), c.x2);
  const py = Math.min(Math.max(n.y, c.y1), c.y2);
  return Math.abs(px - n.x) / (n.w / 2 + inflate) + Math.abs(py - n.y) / (n.h / 2 + inflate) < 1;
}

/** A line joining a joint step's symbols (format 1.1), at mid-height of its row. */
export interface Joint {
  x1: number;
  x2: number;
  y: number;
}

/**
 * The sides of a symbol that joint lines start or end on (at its mid-height vertex): neither an
 * arrow port nor an end capsule may use them. The router and the capsule placement both ask here.
 */
export function jointSides(node: Pick<Node, 'x' | 'y' | 'w'>, joints: readonly Joint[]): Set<'right' | 'left'> {
  const sides = new Set<'right' | 'left'>();
  for (const j of joints) {
    if (Math.abs(node.y - j.y) > 1e-6) continue;
    if (j.x1 > node.x && j.x1 <= node.x + node.w / 2 + 0.5) sides.add('right');
    if (j.x2 < node.x && j.x2 >= node.x - node.w / 2 - 0.5) sides.add('left');
  }
  return sides;
}

export function newNode(init: Omit<Node, 'used'>): Node {
  return { ...init, used: { top: false, bottom: false, left: new Set(), right: new Set() } };
}
