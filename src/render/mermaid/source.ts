// Turns an SOP flow model into Mermaid `flowchart TB` source: one subgraph (lane) per pelaksana, one node per kegiatan.
import type { FlowEdge, FlowModel, FlowRow, SymbolKind } from '../../model/flow-types.js';
import { linkOfEdge, nodesOfRow } from '../../model/graph.js';
import { escapeMermaidText, neutraliseSource } from './neutralise.js';

export { escapeMermaidText };

export interface MermaidSourceOptions {
  /** Language of the words the tool adds (the end node of a decision branch); default `id`. */
  lang?: 'id' | 'en';
  /** Node labels are broken into lines of about this many characters with `<br>`; 0 leaves them whole. Default 32. */
  wrap?: number;
}

/**
 * Long activity texts are broken into lines here rather than by Mermaid: with SVG-text labels
 * Mermaid wraps by measuring word after word in the browser, which was about a third of its time
 * per diagram (measured on the examples: 132 -> 100 ms median). Words are never cut.
 */
export function wrapWords(text: string, width: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (width <= 0) return [words.join(' ')];
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** A node label: wrapped lines, each escaped, joined with Mermaid's line break. */
function nodeLabel(text: string, width: number): string {
  return wrapWords(text, width).map(escapeMermaidText).join('<br>');
}

const END_LABEL = { id: 'Selesai', en: 'End' } as const;

/** ASCII word characters only; callers add a prefix (`lane_`) so an id is never a Mermaid keyword like `end`. */
function safeId(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_]/g, '_');
}

function nodeId(row: FlowRow): string {
  return `r${row.number}`;
}

function endNodeId(row: FlowRow): string {
  return `end${row.number}`;
}

function shape(kind: SymbolKind, label: string): string {
  const q = `"${label}"`;
  switch (kind) {
    case 'terminator':
      return `([${q}])`;
    case 'decision':
      return `{${q}}`;
    default:
      return `[${q}]`;
  }
}

/** The branch label of a decision edge: from the edge, else the row's labels. */
function edgeLabel(edge: FlowEdge, row: FlowRow | undefined): string | undefined {
  if (edge.kind === 'next') return edge.label;
  if (edge.label !== undefined) return edge.label;
  const labels = row?.decision?.labels;
  if (!labels) return undefined;
  return edge.kind === 'yes' ? labels[0] : labels[1];
}

/** A joint step or symbol chain (format 1.1): drawn as one Mermaid node per symbol and lane. */
function isMultiSymbol(row: FlowRow): boolean {
  return row.chain !== undefined || (row.lanes?.length ?? 0) > 1;
}

/** The number a row shows: format 1.1 `no` when written, else its position. */
function shownNumber(row: FlowRow): string {
  return row.no ?? String(row.number);
}

/** Mermaid id of one drawn symbol of a 1.1 row: `r<n>` for its first, then `r<n>_<item>_<lane>`. */
function symbolId(row: FlowRow, item: number, lane: number): string {
  return item === 0 && lane === 0 ? nodeId(row) : `r${row.number}_${item + 1}_${lane + 1}`;
}

/**
 * Mermaid source for the SOP's flow. Lanes follow the actor order, nodes the row order, edges the
 * model's edge order, so the same model always gives the same text. A plain arrow to `selesai` is not
 * drawn (that row is itself a terminator); a decision branch to `selesai` goes to an end node of its
 * own beside the diamond, as the table does. Format 1.1: a joint step is one node per lane joined by
 * undirected links (`---`); a chain is a sequence of nodes, each in its item's lane; an optional
 * step is dashed (class `opsional`); unlabelled branches are plain arrows.
 */
export function toMermaid(model: FlowModel, opts: MermaidSourceOptions = {}): string {
  const endLabel = END_LABEL[opts.lang ?? 'id'];
  const wrap = opts.wrap ?? 32;
  const rowsByIndex = new Map(model.rows.map((r) => [r.index, r]));
  const nodes = model.nodes ?? [];
  const links = model.links ?? [];
  // Rows whose decision has a branch to the end get an end node in their lane.
  const endsFrom = new Set<number>();
  for (const e of model.edges) if (e.to === 'end' && e.kind !== 'next') endsFrom.add(e.from);
  const entryOf = (nodeIndex: number): string => {
    const n = nodes[nodeIndex];
    return symbolId(rowsByIndex.get(n.row)!, n.item, 0);
  };
  const exitOf = (nodeIndex: number): string => {
    const n = nodes[nodeIndex];
    return symbolId(rowsByIndex.get(n.row)!, n.item, Math.max(0, n.lanes.length - 1));
  };
  const optional: string[] = [];

  const lines: string[] = ['flowchart TB'];
  const node = (row: FlowRow, indent: string): void => {
    lines.push(`${indent}${nodeId(row)}${shape(row.symbol, nodeLabel(`${shownNumber(row)}. ${row.kegiatan}`, wrap))}`);
    if (row.optional) optional.push(nodeId(row));
    if (endsFrom.has(row.index)) lines.push(`${indent}${endNodeId(row)}${shape('terminator', escapeMermaidText(endLabel))}`);
  };
  // One symbol of a 1.1 row, in the lane of `actorId` (or outside any lane when it is undeclared).
  const multiNodes = (row: FlowRow, actorId: string | undefined, indent: string): void => {
    for (const n of nodesOfRow(model, row.index)) {
      n.lanes.forEach((lane, li) => {
        const inLane = actorId === undefined ? !model.actors.some((a) => a.id === lane.actorId) : lane.actorId === actorId;
        if (!inLane) return;
        const first = n.item === 0 && li === 0;
        const text = first ? `${shownNumber(row)}. ${row.kegiatan}` : n.text ?? `${shownNumber(row)}.${n.item + 1}`;
        const id = symbolId(row, n.item, li);
        lines.push(`${indent}${id}${shape(n.symbol, nodeLabel(first && n.text ? `${text} (${n.text})` : text, wrap))}`);
        if (n.optional) optional.push(id);
      });
    }
    if (actorId === undefined || row.actorId === actorId) {
      if (endsFrom.has(row.index)) lines.push(`${indent}${endNodeId(row)}${shape('terminator', escapeMermaidText(endLabel))}`);
    }
  };
  const inLane = (row: FlowRow, actorId: string): boolean =>
    isMultiSymbol(row) ? nodesOfRow(model, row.index).some((n) => n.lanes.some((l) => l.actorId === actorId)) : row.actorId === actorId;

  const usedLaneIds = new Set<string>();
  const actors = [...model.actors].sort((a, b) => a.column - b.column);
  const known = new Set(actors.map((a) => a.id));
  for (const actor of actors) {
    const rows = model.rows.filter((r) => inLane(r, actor.id));
    // An actor without rows would be drawn as a stray box by Mermaid; lint warns about it (unused-pelaksana).
    if (rows.length === 0) continue;
    let laneId = `lane_${safeId(actor.id)}`;
    for (let n = 2; usedLaneIds.has(laneId); n++) laneId = `lane_${safeId(actor.id)}_${n}`;
    usedLaneIds.add(laneId);
    lines.push(`  subgraph ${laneId}["${escapeMermaidText(actor.title)}"]`);
    for (const row of rows) {
      if (isMultiSymbol(row)) multiNodes(row, actor.id, '    ');
      else node(row, '    ');
    }
    lines.push('  end');
  }
  // Rows naming an undeclared actor (lint: unknown-pelaksana) still appear, outside any lane.
  for (const row of model.rows) {
    if (isMultiSymbol(row)) multiNodes(row, undefined, '  ');
    else if (!known.has(row.actorId)) node(row, '  ');
  }

  for (const edge of model.edges) {
    const from = rowsByIndex.get(edge.from);
    if (!from) continue;
    const link = isMultiSymbol(from) || (edge.to !== 'end' && isMultiSymbol(rowsByIndex.get(edge.to) ?? from)) ? linkOfEdge(model, edge) : undefined;
    const source = link && isMultiSymbol(from) ? exitOf(link.from) : nodeId(from);
    let to: string;
    if (edge.to === 'end') {
      if (edge.kind === 'next') continue;
      to = endNodeId(from);
    } else {
      const target = rowsByIndex.get(edge.to);
      if (!target) continue;
      to = link && link.to !== 'end' && isMultiSymbol(target) ? entryOf(link.to) : nodeId(target);
    }
    const label = edgeLabel(edge, from);
    lines.push(label === undefined || label === '' ? `  ${source} --> ${to}` : `  ${source} -->|"${escapeMermaidText(label)}"| ${to}`);
  }
  // Format 1.1: a joint step's lanes, then the arrows inside each chain.
  for (const row of model.rows) {
    if (!isMultiSymbol(row)) continue;
    for (const n of nodesOfRow(model, row.index)) {
      for (let li = 1; li < n.lanes.length; li++) lines.push(`  ${symbolId(row, n.item, li - 1)} --- ${symbolId(row, n.item, li)}`);
    }
    for (const l of links) {
      if (!l.inChain || l.to === 'end' || nodes[l.from].row !== row.index) continue;
      const label = l.label;
      const arrow = label === undefined || label === '' ? '-->' : `-->|"${escapeMermaidText(label)}"|`;
      lines.push(`  ${exitOf(l.from)} ${arrow} ${entryOf(l.to)}`);
    }
  }
  // The dashed style of optional steps is the tool's own statement, added after neutralising (which
  // drops every styling line, so that SOP text can never restyle the diagram); ids are generated.
  const styling = optional.length > 0 ? `  classDef opsional stroke-dasharray: 5 4\n  class ${optional.join(',')} opsional\n` : '';
  return neutraliseSource(`${lines.join('\n')}\n`) + styling;
}

/** The same source as a Markdown code fence, for README-style docs that GitHub renders. */
export function toMarkdownFence(model: FlowModel, opts: MermaidSourceOptions = {}): string {
  return `\`\`\`mermaid\n${toMermaid(model, opts)}\`\`\``;
}
