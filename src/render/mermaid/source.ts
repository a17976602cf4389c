// Turns an SOP flow model into Mermaid `flowchart TB` source: one subgraph (lane) per pelaksana, one node per kegiatan.
import type { FlowEdge, FlowModel, FlowRow, SymbolKind } from '../../model/flow-types.js';
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

/**
 * Mermaid source for the SOP's flow. Lanes follow the actor order, nodes the row order, edges the
 * model's edge order, so the same model always gives the same text. A plain arrow to `selesai` is not
 * drawn (that row is itself a terminator); a decision branch to `selesai` goes to an end node of its
 * own beside the diamond, as the table does.
 */
export function toMermaid(model: FlowModel, opts: MermaidSourceOptions = {}): string {
  const endLabel = END_LABEL[opts.lang ?? 'id'];
  const wrap = opts.wrap ?? 32;
  const rowsByIndex = new Map(model.rows.map((r) => [r.index, r]));
  // Rows whose decision has a branch to the end get an end node in their lane.
  const endsFrom = new Set<number>();
  for (const e of model.edges) if (e.to === 'end' && e.kind !== 'next') endsFrom.add(e.from);

  const lines: string[] = ['flowchart TB'];
  const node = (row: FlowRow, indent: string): void => {
    lines.push(`${indent}${nodeId(row)}${shape(row.symbol, nodeLabel(`${row.number}. ${row.kegiatan}`, wrap))}`);
    if (endsFrom.has(row.index)) lines.push(`${indent}${endNodeId(row)}${shape('terminator', escapeMermaidText(endLabel))}`);
  };

  const usedLaneIds = new Set<string>();
  const actors = [...model.actors].sort((a, b) => a.column - b.column);
  const known = new Set(actors.map((a) => a.id));
  for (const actor of actors) {
    const rows = model.rows.filter((r) => r.actorId === actor.id);
    // An actor without rows would be drawn as a stray box by Mermaid; lint warns about it (unused-pelaksana).
    if (rows.length === 0) continue;
    let laneId = `lane_${safeId(actor.id)}`;
    for (let n = 2; usedLaneIds.has(laneId); n++) laneId = `lane_${safeId(actor.id)}_${n}`;
    usedLaneIds.add(laneId);
    lines.push(`  subgraph ${laneId}["${escapeMermaidText(actor.title)}"]`);
    for (const row of rows) node(row, '    ');
    lines.push('  end');
  }
  // Rows naming an undeclared actor (lint: unknown-pelaksana) still appear, outside any lane.
  for (const row of model.rows) if (!known.has(row.actorId)) node(row, '  ');

  for (const edge of model.edges) {
    const from = rowsByIndex.get(edge.from);
    if (!from) continue;
    let to: string;
    if (edge.to === 'end') {
      if (edge.kind === 'next') continue;
      to = endNodeId(from);
    } else {
      const target = rowsByIndex.get(edge.to);
      if (!target) continue;
      to = nodeId(target);
    }
    const label = edgeLabel(edge, from);
    lines.push(label === undefined ? `  ${nodeId(from)} --> ${to}` : `  ${nodeId(from)} -->|"${escapeMermaidText(label)}"| ${to}`);
  }
  return neutraliseSource(`${lines.join('\n')}\n`);
}

/** The same source as a Markdown code fence, for README-style docs that GitHub renders. */
export function toMarkdownFence(model: FlowModel, opts: MermaidSourceOptions = {}): string {
  return `\`\`\`mermaid\n${toMermaid(model, opts)}\`\`\``;
}
