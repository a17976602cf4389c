// Test helpers: a strict little XML parser for our SVG pages and the geometric checks the renderer must pass.
import type { FlowModel } from '../../../src/model/flow-types.js';
import { measureText, type FlowTableResult } from '../../../src/render/flowtable/index.js';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent?: El;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity &${e};`);
    return v;
  });
}

/** An opening tag at lastIndex (sticky: matched in place, without copying the rest of the text). */
const OPEN_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
const BARE_AMP = /&(?!(#x[0-9a-f]+|#[0-9]+|[a-z]+);)/i;

/** Parses an SVG string; throws on anything not well-formed (unclosed tags, bad attributes, stray '<' or '&'). */
export function parseXml(src: string): El {
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  let cur = root;
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) {
      const raw = src.slice(i, textEnd);
      if (raw.includes('&') && BARE_AMP.test(raw)) throw new Error(`bare & in text at ${i}`);
      if (raw.includes('>')) throw new Error(`bare > in text at ${i}`);
      cur.text += decode(raw);
    }
    if (lt < 0) break;
    if (src.startsWith('</', lt)) {
      const gt = src.indexOf('>', lt);
      const name = src.slice(lt + 2, gt).trim();
      if (name !== cur.name) throw new Error(`closing </${name}> but <${cur.name}> is open (at ${lt})`);
      cur = cur.parent!;
      i = gt + 1;
      continue;
    }
    OPEN_TAG.lastIndex = lt;
    const m = OPEN_TAG.exec(src);
    if (!m) throw new Error(`malformed tag at ${lt}: ${src.slice(lt, lt + 60)}`);
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} at ${lt}`);
      attrs[a[1]] = decode(a[2]);
    }
    const el: El = { name: m[1], attrs, children: [], text: '', parent: cur };
    cur.children.push(el);
    if (m[3] !== '/') cur = el;
    i = lt + m[0].length;
  }
  if (cur !== root) throw new Error(`unclosed <${cur.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('expected exactly one root element');
  return root.children[0];
}

export function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}

/** Nearest inherited attribute (font-size, font-weight, text-anchor). */
export function inherited(el: El | undefined, name: string): string | undefined {
  for (let e = el; e; e = e.parent) if (name in e.attrs) return e.attrs[name];
  return undefined;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface Seg extends Box {
  edge: string;
  index: number;
  last: boolean;
}

export interface Sym {
  kind: string;
  row?: number;
  end: boolean;
  /** A start capsule beside a first-row diamond. */
  start: boolean;
  connector?: string;
  dir?: string;
  strip?: string;
  edge?: string;
  box: Box;
  cx: number;
  cy: number;
  shape: string;
  rx?: number;
}

export interface Page {
  root: El;
  width: number;
  height: number;
  symbols: Sym[];
  polylines: { edge: string; part?: string; connector?: string; points: [number, number][]; clean: boolean }[];
  segs: Seg[];
  labels: { edge: string; text: string; box: Box }[];
  texts: { box: Box; text: string; el: El }[];
  /** x of every vertical grid boundary, 0 and width included, sorted. */
  columnsX: number[];
  /** y of every horizontal grid line (full-width band boundaries). */
  gridY: number[];
  /** Lines joining a joint step's symbols (format 1.1). */
  joints: Box[];
  headers: Record<string, string[]>;
}

function pointsOf(s: string): [number, number][] {
  return s
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number]);
}

function bbox(pts: [number, number][]): Box {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/** The text of an element and of everything inside it. */
export function deepText(e: El): string {
  return e.text + e.children.map(deepText).join('');
}

/** Box of one line's text, from our own metrics (Arimo, the same font the SVG names); a line with styled pieces is measured at its widest (all bold). */
function textBox(t: El, text: string): Box {
  const size = Number(inherited(t, 'font-size') ?? '9');
  const bold = (inherited(t, 'font-weight') ?? '400') === '700';
  const anchor = inherited(t, 'text-anchor') ?? 'start';
  const x = Number(t.attrs.x);
  const y = Number(t.attrs.y);
  const w = t.children.length > 0 ? Math.max(measureText(text, size, bold), measureText(text, size, true)) : measureText(text, size, bold);
  const x1 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  return { x1, y1: y - 0.905 * size, x2: x1 + w, y2: y + 0.212 * size };
}

export function readPage(svg: string): Page {
  const root = parseXml(svg);
  const [, , width, height] = root.attrs.viewBox.split(' ').map(Number);
  const symbols: Sym[] = [];
  for (const el of all(root, (e) => 'data-symbol' in e.attrs)) {
    const shapeEl = el.name === 'g' ? el.children.find((c) => c.name === 'polygon')! : el;
    let box: Box;
    if (shapeEl.name === 'rect') {
      const x = Number(shapeEl.attrs.x);
      const y = Number(shapeEl.attrs.y);
      box = { x1: x, y1: y, x2: x + Number(shapeEl.attrs.width), y2: y + Number(shapeEl.attrs.height) };
    } else box = bbox(pointsOf(shapeEl.attrs.points));
    symbols.push({
      kind: el.attrs['data-symbol'],
      row: el.attrs['data-row'] !== undefined ? Number(el.attrs['data-row']) : undefined,
      end: el.attrs['data-end'] === 'true',
      start: el.attrs['data-start'] === 'true',
      connector: el.attrs['data-connector'],
      dir: el.attrs['data-dir'],
      strip: el.attrs['data-strip'],
      edge: el.attrs['data-edge'],
      box,
      cx: (box.x1 + box.x2) / 2,
      cy: (box.y1 + box.y2) / 2,
      shape: shapeEl.name === 'polygon' ? `polygon${pointsOf(shapeEl.attrs.points).length}` : shapeEl.name,
      rx: shapeEl.attrs.rx !== undefined ? Number(shapeEl.attrs.rx) : undefined,
    });
  }
  const polylines = all(root, (e) => e.name === 'polyline').map((e) => ({
    edge: e.attrs['data-edge'],
    part: e.attrs['data-part'],
    connector: e.attrs['data-connector'],
    points: pointsOf(e.attrs.points),
    clean: e.attrs['data-clean'] !== 'false',
  }));
  const segs: Seg[] = [];
  for (const p of polylines) {
    for (let i = 0; i + 1 < p.points.length; i++) {
      const [ax, ay] = p.points[i];
      const [bx, by] = p.points[i + 1];
      segs.push({ x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by), edge: `${p.edge}/${p.part ?? ''}`, index: i, last: i + 2 === p.points.length });
    }
  }
  const labels = all(root, (e) => 'data-label-for' in e.attrs).map((e) => {
    const size = Number(inherited(e, 'font-size'));
    // One line, or a wrapped label's positioned tspans (read as its words joined by spaces).
    const lines = e.children.length > 0 ? e.children.map((c) => ({ text: c.text, x: Number(c.attrs.x), y: Number(c.attrs.y) })) : [{ text: e.text, x: Number(e.attrs.x), y: Number(e.attrs.y) }];
    const boxes = lines.map((l) => ({ x1: l.x, y1: l.y - 0.905 * size, x2: l.x + measureText(l.text, size), y2: l.y + 0.212 * size }));
    const box = { x1: Math.min(...boxes.map((b) => b.x1)), y1: Math.min(...boxes.map((b) => b.y1)), x2: Math.max(...boxes.map((b) => b.x2)), y2: Math.max(...boxes.map((b) => b.y2)) };
    return { edge: e.attrs['data-label-for'], text: lines.map((l) => l.text).join(' '), box };
  });
  // Every line of text: a positioned tspan (its styled pieces nest inside it).
  const texts = all(root, (e) => e.name === 'tspan' && e.attrs.y !== undefined && e.parent?.attrs['data-label-for'] === undefined).map((t) => ({ box: textBox(t, deepText(t)), text: deepText(t), el: t }));
  const grid = all(root, (e) => e.attrs['data-part'] === 'grid')[0];
  const xs = new Set<number>([0, width]);
  for (const m of (grid?.attrs.d ?? '').matchAll(/M([\d.]+) [\d.]+V/g)) xs.add(Number(m[1]));
  const gridY = [...(grid?.attrs.d ?? '').matchAll(/M0 ([\d.]+)H/g)].map((m) => Number(m[1]));
  const joints = all(root, (e) => e.name === 'line' && 'data-joint-row' in e.attrs).map((e) => {
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((k) => Number(e.attrs[k]));
    return { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
  });
  const headers: Record<string, string[]> = {};
  for (const h of all(root, (e) => 'data-header' in e.attrs)) {
    const key = h.attrs['data-header'] + (h.attrs['data-actor'] !== undefined ? `:${h.attrs['data-actor']}` : '');
    headers[key] = h.children.map((c) => c.text);
  }
  return { root, width, height, symbols, polylines, segs, labels, texts, columnsX: [...xs].sort((a, b) => a - b), gridY, joints, headers };
}

/**
 * A header cell's lines read back as its title: lines join with a space, except after a hyphen that
 * the renderer added between syllables (dropped) or one the title had (kept).
 */
export function headerMatches(lines: string[], title: string): boolean {
  const join = (keep: boolean) => lines.reduce((acc, l) => (acc === '' ? l : /\S\/$/.test(acc) ? acc + l : acc.endsWith('-') ? (keep ? acc : acc.slice(0, -1)) + l : `${acc} ${l}`), '');
  return join(false) === title || join(true) === title;
}

const hits = (a: Box, b: Box) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;
const isH = (s: Box) => Math.abs(s.y1 - s.y2) < 1e-6;

/** Every rule the drawing must keep; returns human-readable problems (empty = all good). */
export function geometryProblems(page: Page, pageIndex = 0): string[] {
  const out: string[] = [];
  const P = `page ${pageIndex}:`;
  // 1. No arrow through a symbol, except leaving its own source or entering its own target.
  for (const s of page.segs) {
    const poly = page.polylines.find((p) => `${p.edge}/${p.part ?? ''}` === s.edge)!;
    const start = poly.points[0];
    const end = poly.points[poly.points.length - 1];
    for (const sym of page.symbols) {
      const b = { x1: sym.box.x1 - 0.5, y1: sym.box.y1 - 0.5, x2: sym.box.x2 + 0.5, y2: sym.box.y2 + 0.5 };
      const within = (p: [number, number]) => p[0] >= b.x1 && p[0] <= b.x2 && p[1] >= b.y1 && p[1] <= b.y2;
      if (s.index === 0 && within(start)) continue;
      if (s.last && within(end)) continue;
      if (hits(s, b)) out.push(`${P} arrow ${s.edge} segment ${s.index} crosses symbol ${sym.kind} row ${sym.row ?? sym.connector}`);
    }
  }
  // 2. No two arrows share a collinear, overlapping stretch.
  for (let i = 0; i < page.segs.length; i++) {
    for (let j = i + 1; j < page.segs.length; j++) {
      const a = page.segs[i];
      const b = page.segs[j];
      if (a.edge === b.edge) continue;
      if (isH(a) && isH(b) && Math.abs(a.y1 - b.y1) < 0.5 && Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.01) out.push(`${P} arrows ${a.edge} and ${b.edge} overlap horizontally at y=${a.y1}`);
      if (!isH(a) && !isH(b) && Math.abs(a.x1 - b.x1) < 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.01) out.push(`${P} arrows ${a.edge} and ${b.edge} overlap vertically at x=${a.x1}`);
    }
  }
  // 3. Arrows stay clear of every text: cell text, header text and branch labels.
  for (const s of page.segs) {
    for (const t of page.texts) if (hits(s, t.box)) out.push(`${P} arrow ${s.edge} crosses text "${t.text}"`);
    for (const l of page.labels) if (hits(s, l.box)) out.push(`${P} arrow ${s.edge} crosses label "${l.text}" of ${l.edge}`);
  }
  // 4. Labels overlap no symbol and no other label.
  for (const l of page.labels) {
    for (const sym of page.symbols) {
      if (!hits(l.box, sym.box)) continue;
      if (sym.shape === 'polygon4') {
        // Diamonds: test the real outline (nearest point of the box to the centre).
        const px = Math.min(Math.max(sym.cx, l.box.x1), l.box.x2);
        const py = Math.min(Math.max(sym.cy, l.box.y1), l.box.y2);
        if (Math.abs(px - sym.cx) / ((sym.box.x2 - sym.box.x1) / 2) + Math.abs(py - sym.cy) / ((sym.box.y2 - sym.box.y1) / 2) >= 1) continue;
      }
      out.push(`${P} label "${l.text}" of ${l.edge} overlaps symbol ${sym.kind} ${sym.row ?? sym.connector}`);
    }
  }
  for (let i = 0; i < page.labels.length; i++)
    for (let j = i + 1; j < page.labels.length; j++) if (hits(page.labels[i].box, page.labels[j].box)) out.push(`${P} labels of ${page.labels[i].edge} and ${page.labels[j].edge} overlap`);
  // 4b. A label overlaps no joint step's line.
  for (const l of page.labels) {
    for (const j of page.joints) if (hits(l.box, { x1: j.x1, y1: j.y1 - 0.3, x2: j.x2, y2: j.y2 + 0.3 })) out.push(`${P} label "${l.text}" of ${l.edge} overlaps a joint step's line`);
  }
  // 4c. A joint step's line runs from one symbol's outline to the next: it crosses no symbol (a symbol
  // that grew to hold its text included).
  for (const j of page.joints) {
    for (const sym of page.symbols) if (j.y1 > sym.box.y1 && j.y1 < sym.box.y2 && j.x1 < sym.box.x2 - 0.3 && j.x2 > sym.box.x1 + 0.3) out.push(`${P} a joint step's line crosses symbol ${sym.kind} ${sym.row ?? sym.connector}`);
  }
  // 2b. Arrows never run along a joint step's line, and two arrows never run so close (< 1 pt) that they read
  // as one, unless they merge into the same target.
  const targetOf = (edge: string) => edge.split('/')[0].split('-')[2];
  for (const s of page.segs) {
    for (const j of page.joints) if (isH(s) && Math.abs(s.y1 - j.y1) < 1 && Math.min(s.x2, j.x2) - Math.max(s.x1, j.x1) > 0.5) out.push(`${P} arrow ${s.edge} runs along a joint step's line`);
  }
  for (let i = 0; i < page.segs.length; i++) {
    for (let j = i + 1; j < page.segs.length; j++) {
      const a = page.segs[i];
      const b = page.segs[j];
      if (a.edge === b.edge || targetOf(a.edge) === targetOf(b.edge)) continue;
      const close = isH(a) && isH(b) ? Math.abs(a.y1 - b.y1) < 1 && Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 : !isH(a) && !isH(b) && Math.abs(a.x1 - b.x1) < 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1;
      if (close) out.push(`${P} arrows ${a.edge} and ${b.edge} run together (less than 1 pt apart)`);
    }
  }
  // 6. Every arrow starts and ends on the outline of a symbol or connector.
  const onEdge = (pt: [number, number]) =>
    page.symbols.some((sym) => {
      const b = sym.box;
      const inX = pt[0] >= b.x1 - 0.6 && pt[0] <= b.x2 + 0.6;
      const inY = pt[1] >= b.y1 - 0.6 && pt[1] <= b.y2 + 0.6;
      if (!inX || !inY) return false;
      const nearSide = Math.min(Math.abs(pt[0] - b.x1), Math.abs(pt[0] - b.x2), Math.abs(pt[1] - b.y1), Math.abs(pt[1] - b.y2)) < 0.6;
      if (sym.shape === 'polygon4') return Math.abs(Math.abs(pt[0] - sym.cx) / ((b.x2 - b.x1) / 2) + Math.abs(pt[1] - sym.cy) / ((b.y2 - b.y1) / 2) - 1) < 0.06;
      if (sym.rx) {
        // Capsules: on the straight top/bottom, or on the round ends.
        const r = (b.y2 - b.y1) / 2;
        const cx = Math.min(Math.max(pt[0], b.x1 + r), b.x2 - r);
        return Math.abs(Math.hypot(pt[0] - cx, pt[1] - sym.cy) - r) < 0.6;
      }
      return nearSide;
    });
  for (const p of page.polylines) {
    if (!onEdge(p.points[0])) out.push(`${P} arrow ${p.edge} does not start on a symbol's outline`);
    if (!onEdge(p.points[p.points.length - 1])) out.push(`${P} arrow ${p.edge} does not end on a symbol's outline`);
  }
  // 7. No two arrows share an end point unless they merge into the same target.
  const ends = page.polylines.flatMap((p) => [
    { edge: p.edge, part: p.part, at: p.points[0], role: 'start', target: p.edge.split('-')[2] },
    { edge: p.edge, part: p.part, at: p.points[p.points.length - 1], role: 'end', target: p.edge.split('-')[2] },
  ]);
  for (let i = 0; i < ends.length; i++) {
    for (let j = i + 1; j < ends.length; j++) {
      const a = ends[i];
      const b = ends[j];
      if (a.edge === b.edge && a.part === b.part) continue;
      if (Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]) > 1) continue;
      if (a.role === 'end' && b.role === 'end' && a.target === b.target) continue;
      out.push(`${P} arrows ${a.edge} (${a.role}) and ${b.edge} (${b.role}) share the point ${a.at.map((v) => v.toFixed(1)).join(',')}`);
    }
  }
  // 5. Every polyline is orthogonal and ends with a leg long enough for its arrow head.
  for (const p of page.polylines) {
    for (let i = 0; i + 1 < p.points.length; i++) {
      const [ax, ay] = p.points[i];
      const [bx, by] = p.points[i + 1];
      if (Math.abs(ax - bx) > 1e-6 && Math.abs(ay - by) > 1e-6) out.push(`${P} arrow ${p.edge} has a diagonal segment`);
    }
    const n = p.points.length;
    const [ax, ay] = p.points[n - 2];
    const [bx, by] = p.points[n - 1];
    if (Math.abs(ax - bx) + Math.abs(ay - by) < 4) out.push(`${P} arrow ${p.edge} ends in a leg too short for its head`);
  }
  // 8. Every branch label stays inside one cell.
  out.push(...labelCellProblems(page, pageIndex));
  return out;
}

/** A branch label stays inside one cell: it crosses no column boundary and no horizontal grid line (issue #10, point 4). */
export function labelCellProblems(page: Page, pageIndex = 0): string[] {
  const out: string[] = [];
  const P = `page ${pageIndex}:`;
  for (const l of page.labels) {
    for (const x of page.columnsX) if (x > l.box.x1 - 0.2 && x < l.box.x2 + 0.2) out.push(`${P} label "${l.text}" of ${l.edge} crosses the column boundary at x=${x}`);
    for (const y of page.gridY) if (y > l.box.y1 - 0.2 && y < l.box.y2 + 0.2) out.push(`${P} label "${l.text}" of ${l.edge} crosses the grid line at y=${y}`);
  }
  return out;
}

/**
 * Checks the result against the model: each row's symbol once in its actor column with the right
 * shape, each edge drawn once on its page or as one matched connector pair, headers on every page.
 */
export function modelProblems(model: FlowModel, result: FlowTableResult): string[] {
  const out: string[] = [];
  const pages = result.pages.map((p) => readPage(p.svg));
  const pageOf = new Map<number, number>();
  result.pages.forEach((p, i) => p.rows.forEach((r) => pageOf.set(r, i)));
  const rowsSeen = result.pages.flatMap((p) => p.rows);
  if (rowsSeen.join(',') !== model.rows.map((r) => r.index).join(',')) out.push(`rows are not paginated in order exactly once: ${rowsSeen.join(',')}`);
  const shapeOf = { terminator: 'rect', process: 'rect', decision: 'polygon4' } as const;
  pages.forEach((page, pi) => {
    if (result.pages[pi].rows.length === 0) return;
    for (const key of ['no', 'kegiatan', 'pelaksana', 'mutu-baku', 'kelengkapan', 'waktu', 'output', 'keterangan']) if (!page.headers[key]) out.push(`page ${pi}: header ${key} missing`);
    model.actors.forEach((a, i) => {
      const lines = page.headers[`actor:${i}`] ?? [];
      const title = a.title.split(/\s+/).filter(Boolean).join(' ');
      if (!headerMatches(lines, title)) out.push(`page ${pi}: actor header ${i} is "${lines.join(' | ')}"`);
    });
    for (const r of result.pages[pi].rows) {
      const row = model.rows[r];
      const syms = page.symbols.filter((s) => s.row === r && !s.end && !s.start && s.kind !== 'connector');
      // A diamond that starts the procedure has its start capsule beside it, joined by one arrow.
      if (row.symbol === 'decision' && r === 0) {
        const cap = page.symbols.find((s) => s.start && s.row === r);
        const beside = cap && syms.length === 1 && Math.abs(cap.cy - syms[0].cy) < 0.01;
        const above = cap && syms.length === 1 && Math.abs(cap.cx - syms[0].cx) < 0.01 && cap.box.y2 < syms[0].box.y1;
        if (!beside && !above) out.push(`row ${r}: a starting decision has no start capsule beside (or above) it`);
        else if (page.polylines.filter((l) => l.edge === `start-${r}`).length !== 1) out.push(`row ${r}: start capsule not joined to its diamond`);
      }
      // Format 1.1: a joint step or chain row has one symbol per node and lane, each in its lane's column.
      const own = (model.nodes ?? []).filter((n) => n.row === r);
      const lanes = own.flatMap((n) => n.lanes.map((l) => ({ column: l.column, symbol: n.symbol })));
      if (lanes.length > 1) {
        if (syms.length !== lanes.length) out.push(`page ${pi}: row ${r} has ${syms.length} symbols, expected ${lanes.length}`);
        const kinds = (list: string[]) => [...list].sort().join(',');
        if (kinds(syms.map((x) => x.kind)) !== kinds(lanes.map((l) => l.symbol))) out.push(`row ${r}: symbols ${syms.map((x) => x.kind)} expected ${lanes.map((l) => l.symbol)}`);
        for (const sym of syms) {
          const inLane = lanes.some((l) => sym.box.x1 > page.columnsX[2 + l.column] && sym.box.x2 < page.columnsX[3 + l.column]);
          if (!inLane) out.push(`row ${r}: symbol at x=${sym.cx} is in no column of its lanes`);
        }
        continue;
      }
      if (syms.length !== 1) {
        out.push(`page ${pi}: row ${r} has ${syms.length} symbols`);
        continue;
      }
      const s = syms[0];
      if (s.kind !== row.symbol) out.push(`row ${r}: symbol ${s.kind}, expected ${row.symbol}`);
      if (s.shape !== shapeOf[row.symbol]) out.push(`row ${r}: shape ${s.shape}`);
      if (row.symbol === 'terminator' && !(s.rx && Math.abs(s.rx - (s.box.y2 - s.box.y1) / 2) < 0.02)) out.push(`row ${r}: terminator is not a capsule`);
      if (row.symbol === 'process' && s.rx) out.push(`row ${r}: process has rounded corners`);
      const x1 = page.columnsX[2 + row.column];
      const x2 = page.columnsX[3 + row.column];
      if (!(s.cx > x1 && s.cx < x2 && s.box.x1 > x1 && s.box.x2 < x2)) out.push(`row ${r}: symbol at x=${s.cx} not inside actor column ${row.column} [${x1}, ${x2}]`);
    }
    for (const p of page.polylines) if (!p.clean) out.push(`page ${pi}: arrow ${p.edge} broke a routing rule`);
  });
  // Edges.
  const drawn = pages.flatMap((p, pi) => p.polylines.map((l) => ({ ...l, page: pi })));
  for (const e of model.edges) {
    const key = `${e.from}-${e.kind}-${e.to}`;
    const mine = drawn.filter((d) => d.edge === key);
    if (e.to === 'end' && e.kind === 'next') {
      if (mine.length !== 0) out.push(`${key}: an end of procedure is not an arrow`);
      continue;
    }
    if (e.to === 'end') {
      const page = pages[pageOf.get(e.from)!];
      if (mine.length !== 1) out.push(`${key}: drawn ${mine.length} times`);
      else {
        const end = mine[0].points[mine[0].points.length - 1];
        const cap = page.symbols.find((s) => s.end && s.row === e.from && end[0] >= s.box.x1 - 0.5 && end[0] <= s.box.x2 + 0.5 && Math.abs(end[1] - s.cy) < 0.5);
        const src = page.symbols.find((s) => s.row === e.from && !s.end && s.kind !== 'connector');
        if (!cap) out.push(`${key}: does not end in a terminator beside its diamond`);
        else if (src && Math.abs(cap.cy - src.cy) > 0.01) out.push(`${key}: end terminator not in the row of its diamond`);
      }
      continue;
    }
    const ps = pageOf.get(e.from)!;
    const pt = pageOf.get(e.to)!;
    if (ps === pt) {
      if (mine.length !== 1 || mine[0].part) out.push(`${key}: expected one arrow on page ${ps}, got ${mine.length}`);
      continue;
    }
    const outs = mine.filter((d) => d.part === 'out');
    const ins = mine.filter((d) => d.part === 'in');
    if (mine.length !== 2 || outs.length !== 1 || ins.length !== 1) {
      out.push(`${key}: crosses pages ${ps}->${pt} but is drawn as ${mine.map((d) => `${d.part}@${d.page}`).join(',')}`);
      continue;
    }
    const label = outs[0].connector;
    if (!label || label !== ins[0].connector) out.push(`${key}: connector labels differ`);
    if (outs[0].page !== ps || ins[0].page !== pt) out.push(`${key}: halves on wrong pages`);
    const forward = pt > ps;
    const outSym = pages[ps].symbols.filter((s) => s.connector === label && s.dir === 'out');
    const inSym = pages[pt].symbols.filter((s) => s.connector === label && s.dir === 'in');
    if (outSym.length !== 1 || inSym.length !== 1) {
      out.push(`${key}: connector ${label} has ${outSym.length} out / ${inSym.length} in pentagons`);
      continue;
    }
    if (outSym[0].shape !== 'polygon5' || inSym[0].shape !== 'polygon5') out.push(`${key}: connector is not a pentagon`);
    // Forward arrows leave at the bottom of the source page and resume at the top of the target page; loops the other way round.
    const rowYs = (pi: number) => pages[pi].symbols.filter((s) => s.row !== undefined && !s.end).map((s) => s.cy);
    const below = (s: Sym, pi: number) => rowYs(pi).every((y) => s.box.y1 > y);
    const above = (s: Sym, pi: number) => rowYs(pi).every((y) => s.box.y2 < y);
    // Forward and back alike: the flow runs down into a pentagon at the foot of the page it leaves and
    // resumes from the tip of its twin at the head of the page it goes to, both in the leaving row's column.
    void forward;
    if (!below(outSym[0], ps) || !above(inSym[0], pt)) out.push(`${key}: connector ${label} pentagons not at foot / head of their pages`);
    const colOf = (page: Page, x: number) => page.columnsX.findIndex((cx, k) => x > cx && x < page.columnsX[k + 1]);
    // The leaving symbol's column: for a joint step or chain, the last lane of the node the arrow leaves.
    const link = (model.links ?? []).find((l) => !l.inChain && model.nodes[l.from].row === e.from && l.kind === e.kind && l.to !== 'end' && model.nodes[l.to].row === e.to);
    const exitLanes = link ? model.nodes[link.from].lanes : undefined;
    const srcCol = 2 + (exitLanes ? exitLanes[exitLanes.length - 1].column : model.rows[e.from].column);
    if (colOf(pages[ps], outSym[0].cx) !== srcCol || colOf(pages[pt], inSym[0].cx) !== srcCol) out.push(`${key}: connector ${label} pentagons not both in the column of row ${e.from}`);
    // Arrows enter a pentagon from above (its flat top) and leave at its tip, pointing down.
    const o = outs[0].points;
    const iP = ins[0].points;
    const [ox, oy] = o[o.length - 1];
    const [opx, opy] = o[o.length - 2];
    if (!(Math.abs(ox - opx) < 1e-6 && opy < oy && Math.abs(oy - outSym[0].box.y1) < 0.6)) out.push(`${key}: arrow does not enter connector ${label} downward at its top`);
    const [ix, iy] = iP[0];
    const [inx, iny] = iP[1];
    if (!(Math.abs(ix - inx) < 1e-6 && iny > iy && Math.abs(iy - inSym[0].box.y2) < 0.6)) out.push(`${key}: arrow does not leave connector ${label} downward at its tip`);
    const listed = result.connectors.filter((c) => c.label === label);
    if (listed.length !== 1 || listed[0].fromPage !== ps || listed[0].toPage !== pt || listed[0].edge !== e) out.push(`${key}: connector ${label} not listed correctly in result.connectors`);
  }
  // Arrows inside a chain (format 1.1): each in-row link drawn exactly once.
  for (const l of model.links ?? []) {
    if (!l.inChain || l.to === 'end') continue;
    const key = `${model.nodes[l.from].key}-${l.kind}-${model.nodes[l.to as number].key}`;
    const n = drawn.filter((d) => d.edge === key).length;
    if (n !== 1) out.push(`chain arrow ${key} drawn ${n} times`);
  }
  // Every drawn arrow belongs to a model edge (or is a chain arrow, checked above).
  const keys = new Set(model.edges.map((e) => `${e.from}-${e.kind}-${e.to}`));
  for (const l of model.links ?? []) if (l.inChain && l.to !== 'end') keys.add(`${model.nodes[l.from].key}-${l.kind}-${model.nodes[l.to].key}`);
  for (const d of drawn) if (!keys.has(d.edge) && !/^start-\d+$/.test(d.edge)) out.push(`arrow ${d.edge} is not an edge of the model`);
  const labels = result.connectors.map((c) => c.label);
  if (new Set(labels).size !== labels.length) out.push('connector labels repeat');
  return out;
}
