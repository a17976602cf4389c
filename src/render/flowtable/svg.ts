// SVG emission of one flow table page: grid, header, cell text, symbols, arrows and labels, with data-* hooks.
import { inlineSvgLine } from '../../core/inline-markdown.js';
import { FONT_FAMILY, fontFaceCss, measureText } from './font.js';
import type { Band, CellText, Column, TableLayout } from './layout.js';
import type { Node, Route } from './route.js';

/** Shortest decimal form with at most 2 decimals: stable bytes, small files. */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** The plain line joining the symbols of a joint step (format 1.1), from x1 to x2 at height y. */
export interface JointLine {
  x1: number;
  x2: number;
  y: number;
  row: number;
}

export interface PageDrawing {
  pageIndex: number;
  widthMm: number;
  heightMm: number;
  /** viewBox size in pt. */
  width: number;
  height: number;
  table: TableLayout;
  bands: Band[];
  nodes: Node[];
  routes: Route[];
  rows: number[];
  idPrefix: string;
  embedFont: boolean;
  /** Lines joining a joint step's symbols; absent when the page has none. */
  joins?: JointLine[];
}

/** Width of the Pelaksana group: the actor columns together (an edge column may be wider, layout `endSpots`). */
function actorsWidth(t: TableLayout): number {
  const actors = t.columns.slice(t.firstActorColumn, t.firstActorColumn + t.actorCount);
  const a0 = actors[0];
  // Equal columns keep the product, so 1.0 tables keep their bytes.
  if (actors.every((c) => c.w === a0.w)) return t.actorCount * a0.w;
  const last = actors[actors.length - 1];
  return last.x + last.w - a0.x;
}

/** Writes a wrapped cell as one <text> with a <tspan> per line, vertically centred in [y0, y1]; styled pieces as nested <tspan>s. */
function cellSvg(out: string[], c: CellText, col: { x: number; w: number }, y0: number, y1: number, t: TableLayout, attrs: string): void {
  if (c.lines.length === 0) return;
  const m = t.metrics;
  const lh = m.lineHeight * (c.size / m.fontSize);
  const baseline = m.baseline * (c.size / m.fontSize);
  const top = y0 + (y1 - y0 - c.lines.length * lh) / 2;
  const anchor = c.align === 'center' ? ' text-anchor="middle"' : c.align === 'right' ? ' text-anchor="end"' : '';
  const weight = c.bold ? ' font-weight="700"' : '';
  const size = c.size !== m.fontSize ? ` font-size="${num(c.size)}"` : '';
  out.push(`<text${attrs}${anchor}${weight}${size}>`);
  c.lines.forEach((line, i) => {
    const x = c.align === 'center' ? col.x + col.w / 2 : c.align === 'right' ? col.x + col.w - m.padX : col.x + m.padX + line.indent;
    out.push(`<tspan x="${num(x)}" y="${num(top + i * lh + baseline)}">${line.runs ? inlineSvgLine(line.runs) : escapeXml(line.text)}</tspan>`);
  });
  out.push('</text>');
}

function symbolSvg(n: Node): string {
  const l = n.x - n.w / 2;
  const tp = n.y - n.h / 2;
  const data =
    `data-symbol="${n.kind === 'end' ? 'terminator' : n.kind === 'connector' ? 'connector' : n.kind}"${n.row !== undefined ? ` data-row="${n.row}"` : ''}${n.kind === 'end' ? (n.start ? ' data-start="true"' : ' data-end="true"') : ''}` +
    (n.dashed ? ' data-optional="true" stroke-dasharray="2.4 1.6"' : '');
  switch (n.kind) {
    case 'process':
      return `<rect ${data} x="${num(l)}" y="${num(tp)}" width="${num(n.w)}" height="${num(n.h)}"/>`;
    case 'terminator':
    case 'end':
      return `<rect ${data} x="${num(l)}" y="${num(tp)}" width="${num(n.w)}" height="${num(n.h)}" rx="${num(n.h / 2)}"/>`;
    case 'decision':
      return `<polygon ${data} points="${num(n.x)},${num(tp)} ${num(n.x + n.w / 2)},${num(n.y)} ${num(n.x)},${num(tp + n.h)} ${num(l)},${num(n.y)}"/>`;
    case 'connector': {
      const c = n.connector!;
      const shoulder = tp + n.h * 0.62;
      const pts = `${num(l)},${num(tp)} ${num(l + n.w)},${num(tp)} ${num(l + n.w)},${num(shoulder)} ${num(n.x)},${num(tp + n.h)} ${num(l)},${num(shoulder)}`;
      return `<g ${data} data-connector="${escapeXml(c.label)}" data-dir="${c.dir}" data-strip="${c.strip}" data-edge="${c.edgeKey}"><polygon points="${pts}"/></g>`;
    }
  }
}

/** Grid lines as one path: vertical lines per column boundary with the spans' gaps, horizontal per band boundary. */
function gridPath(d: PageDrawing): string {
  const t = d.table;
  const parts: string[] = [];
  const header = d.bands[0];
  const row1 = header.y0 + t.header.row1;
  const bottom = d.bands[d.bands.length - 1].y1;
  // The column-number row, when there is one, is the header's last strip.
  if (t.header.row3 > 0) parts.push(`M0 ${num(header.y1 - t.header.row3)}H${num(t.width)}`);
  const waktu = t.columns.findIndex((c) => c.key === 'waktu');
  const groupInner = (i: number) => {
    // Boundaries strictly inside the Pelaksana or Mutu Baku group have no line in header row 1.
    const a0 = t.firstActorColumn;
    const a1 = t.firstActorColumn + t.actorCount;
    return (i > a0 && i < a1) || (i > waktu - 1 && i <= waktu + 1);
  };
  const total = d.bands.find((b) => b.kind === 'total');
  for (let i = 1; i < t.columns.length; i++) {
    const x = num(t.columns[i].x);
    const y0 = groupInner(i) ? row1 : 0;
    const y1 = total && i < waktu ? total.y0 : bottom;
    parts.push(`M${x} ${num(y0)}V${num(y1)}`);
  }
  // Header row 1 / row 2 boundary under the two groups only.
  const a0 = t.columns[t.firstActorColumn];
  const kel = t.columns[waktu - 1];
  const out = t.columns[waktu + 1];
  if (t.actorCount > 0) parts.push(`M${num(a0.x)} ${num(row1)}H${num(a0.x + actorsWidth(t))}`);
  parts.push(`M${num(kel.x)} ${num(row1)}H${num(out.x + out.w)}`);
  for (let i = 1; i < d.bands.length; i++) parts.push(`M0 ${num(d.bands[i].y0)}H${num(t.width)}`);
  return parts.join('');
}

export function pageSvg(d: PageDrawing): string {
  const t = d.table;
  const m = t.metrics;
  const out: string[] = [];
  const id = `${d.idPrefix}p${d.pageIndex + 1}-arrow`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(d.widthMm)}mm" height="${num(d.heightMm)}mm" viewBox="0 0 ${num(d.width)} ${num(d.height)}"` +
      ` font-family="${FONT_FAMILY}, Arial, Helvetica, sans-serif" font-size="${num(m.fontSize)}" text-rendering="geometricPrecision"` +
      ` style="font-kerning:none;font-feature-settings:'kern' 0" data-page="${d.pageIndex}" data-rows="${d.rows.join(' ')}">`,
  );
  out.push('<defs>');
  if (d.embedFont) out.push(`<style>${fontFaceCss()}</style>`);
  const L = m.arrowLen;
  const H = m.arrowHalf;
  out.push(
    `<marker id="${id}" viewBox="0 0 ${num(L)} ${num(2 * H)}" refX="${num(L)}" refY="${num(H)}" markerWidth="${num(L)}" markerHeight="${num(2 * H)}" markerUnits="userSpaceOnUse" orient="auto">` +
      `<path d="M0 0L${num(L)} ${num(H)}L0 ${num(2 * H)}z" fill="#000"/></marker>`,
  );
  out.push('</defs>');
  if (d.bands.length === 0) {
    out.push('</svg>');
    return out.join('');
  }

  let header = d.bands[0];
  const bottom = d.bands[d.bands.length - 1].y1;
  // Header shading, then cell text.
  out.push(`<rect data-part="header" x="0" y="0" width="${num(t.width)}" height="${num(header.y1)}" fill="#e8e8e8"/>`);
  const col = (key: string): Column => t.columns.find((c) => c.key === key)!;
  const hc = t.header.cells;
  const row1 = t.header.row1;
  // Header text ends above the column-number row.
  header = { ...header, y1: header.y1 - t.header.row3 };
  out.push('<g data-part="header-text">');
  cellSvg(out, hc.no, col('no'), 0, header.y1, t, ' data-header="no"');
  cellSvg(out, hc.kegiatan, col('kegiatan'), 0, header.y1, t, ' data-header="kegiatan"');
  cellSvg(out, hc.keterangan, col('keterangan'), 0, header.y1, t, ' data-header="keterangan"');
  if (t.actorCount > 0) {
    const a0 = t.columns[t.firstActorColumn];
    cellSvg(out, hc.pelaksana, { x: a0.x, w: actorsWidth(t) }, 0, row1, t, ' data-header="pelaksana"');
  }
  const kel = col('kelengkapan');
  const outc = col('output');
  cellSvg(out, hc.mutuBaku, { x: kel.x, w: outc.x + outc.w - kel.x }, 0, row1, t, ' data-header="mutu-baku"');
  for (let a = 0; a < t.actorCount; a++) cellSvg(out, hc[`actor:${a}`], t.columns[t.firstActorColumn + a], row1, header.y1, t, ` data-header="actor" data-actor="${a}"`);
  cellSvg(out, hc.kelengkapan, kel, row1, header.y1, t, ' data-header="kelengkapan"');
  cellSvg(out, hc.waktu, col('waktu'), row1, header.y1, t, ' data-header="waktu"');
  cellSvg(out, hc.output, outc, row1, header.y1, t, ' data-header="output"');
  t.header.numbers.forEach((c, i) => cellSvg(out, c, t.columns[i], header.y1, header.y1 + t.header.row3, t, ` data-header="number" data-col-number="${i + 1}"`));
  out.push('</g>');

  out.push('<g data-part="cells">');
  for (const b of d.bands) {
    if (b.kind === 'row' && !b.piece) {
      const rb = t.rows[b.row!];
      for (const c of t.columns) {
        if (c.key === 'actor') continue;
        const cell = rb.cells[c.key];
        if (cell) cellSvg(out, cell, c, b.y0, b.y1, t, ` data-row="${b.row}" data-col="${c.key}"`);
      }
    } else if (b.piece) {
      // A part of a row taller than a page: its lines [from, to) from the top; a continued part under
      // the "(lanjutan)" marker, with the row's number repeated.
      const rb = t.rows[b.row!];
      const first = b.piece.from === 0;
      const top = first ? b.y0 : b.y0 + m.lineHeight;
      const attrs = (key: string) => ` data-row="${b.row}" data-col="${key}" data-piece="${first ? 'first' : 'continued'}"`;
      if (!first) cellSvg(out, t.continuedMark, col('kegiatan'), b.y0, b.y0 + m.lineHeight + 2 * m.padY, t, ' data-continued-mark="true"');
      for (const c of t.columns) {
        if (c.key === 'actor') continue;
        const cell = rb.cells[c.key];
        if (!cell) continue;
        const part = c.key === 'no' ? cell : { ...cell, lines: cell.lines.slice(b.piece.from, b.piece.to) };
        if (part.lines.length === 0) continue;
        // The number stands level with the marker; text starts below it.
        const y0 = c.key === 'no' ? b.y0 : top;
        cellSvg(out, part, c, y0, y0 + part.lines.length * m.lineHeight + 2 * m.padY, t, attrs(c.key));
      }
    } else if (b.kind === 'total') {
      const w = col('waktu');
      cellSvg(out, t.total, { x: 0, w: w.x }, b.y0, b.y1, t, ' data-total="label"');
      cellSvg(out, t.totalValue, w, b.y0, b.y1, t, ' data-total="value"');
    }
  }
  out.push('</g>');

  out.push(`<path data-part="grid" d="${gridPath(d)}" fill="none" stroke="#000" stroke-width="${num(m.gridStroke)}"/>`);
  out.push(`<rect data-part="border" x="0" y="0" width="${num(t.width)}" height="${num(bottom)}" fill="none" stroke="#000" stroke-width="${num(m.borderStroke)}"/>`);

  if (d.joins && d.joins.length > 0) {
    out.push(`<g data-part="joint-lines" stroke="#000" stroke-width="${num(m.arrowStroke)}">`);
    for (const j of d.joins) out.push(`<line data-joint-row="${j.row}" x1="${num(j.x1)}" y1="${num(j.y)}" x2="${num(j.x2)}" y2="${num(j.y)}"/>`);
    out.push('</g>');
  }
  out.push(`<g data-part="symbols" fill="#fff" stroke="#000" stroke-width="${num(m.symbolStroke)}">`);
  for (const n of d.nodes) out.push(symbolSvg(n));
  out.push('</g>');
  const texts = d.nodes.filter((n) => n.text !== undefined);
  if (texts.length > 0) {
    out.push('<g data-part="symbol-text" text-anchor="middle">');
    for (const n of texts) {
      // Shrink to fit the symbol's inner width (a diamond's is about half its width at the text's height).
      const inner = (n.kind === 'decision' ? 0.62 : 0.9) * n.w;
      const size = Math.max(4, Math.min(m.labelSize, (m.labelSize * inner) / Math.max(1, measureText(n.text!, m.labelSize))));
      const base = n.y + (m.ascent - m.descent) * (size / m.fontSize) * 0.5;
      out.push(`<text data-symbol-text-row="${n.row ?? ''}" x="${num(n.x)}" y="${num(base)}" font-size="${num(size)}">${escapeXml(n.text!)}</text>`);
    }
    out.push('</g>');
  }
  // Connector letters sit in the pentagon's square part.
  const letters = d.nodes.filter((n) => n.kind === 'connector');
  if (letters.length > 0) {
    out.push(`<g data-part="connector-labels" font-weight="700" font-size="${num(m.connectorSize)}" text-anchor="middle">`);
    for (const n of letters) {
      const top = n.y - n.h / 2;
      const mid = top + n.h * 0.36;
      const base = mid + (m.ascent - m.descent) * (m.connectorSize / m.fontSize) * 0.5 - 0.3;
      out.push(`<text data-connector="${escapeXml(n.connector!.label)}" x="${num(n.x)}" y="${num(base)}">${escapeXml(n.connector!.label)}</text>`);
    }
    out.push('</g>');
  }

  out.push(`<g data-part="edges" fill="none" stroke="#000" stroke-width="${num(m.arrowStroke)}" stroke-linejoin="miter">`);
  for (const r of d.routes) {
    const pts = r.points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
    const extra = (r.part ? ` data-part="${r.part}"` : '') + (r.connector ? ` data-connector="${escapeXml(r.connector)}"` : '') + (r.clean ? '' : ' data-clean="false"');
    out.push(`<polyline data-edge="${r.edgeKey}"${extra} points="${pts}" marker-end="url(#${id})"/>`);
  }
  out.push('</g>');

  const labelled = d.routes.filter((r) => r.label);
  if (labelled.length > 0) {
    out.push(`<g data-part="labels" font-size="${num(m.branchSize)}">`);
    for (const r of labelled) {
      const l = r.label!;
      // A wrapped label: one positioned tspan per line.
      const body = l.lines ? l.lines.map((line, i) => `<tspan x="${num(l.x)}" y="${num(l.baseline + i * l.lineGap!)}">${escapeXml(line)}</tspan>`).join('') : escapeXml(l.text);
      out.push(`<text data-label-for="${r.edgeKey}" x="${num(l.x)}" y="${num(l.baseline)}">${body}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}
