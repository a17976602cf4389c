// Graph questions on the flow model's nodes and links: which symbols the starts reach, which can reach
// `selesai`, and the loops without exit. Chains, joint steps, forks and extra starts included.
import type { FlowEdge, FlowLink, FlowModel, FlowNode, ResolvedTarget } from './flow-types.js';

/** The targets a node's arrows name (a decision's two branches, or every `ke` target), unknown ones included. */
export function targetsOf(model: FlowModel, node: number): ResolvedTarget[] {
  const n = model.nodes[node];
  if (n.decision) return [n.decision.yes, n.decision.no];
  return n.next ?? [];
}

/** True when some target names no row: the graph is incomplete until unknown-target is fixed. */
export function hasUnknownTarget(model: FlowModel): boolean {
  return model.nodes.some((_, i) => targetsOf(model, i).some((t) => t.kind === 'unknown'));
}

/** Successor nodes of every node (arrows to `selesai` left out). */
function successorLists(model: FlowModel): number[][] {
  const out: number[][] = model.nodes.map(() => []);
  for (const l of model.links) if (l.to !== 'end') out[l.from].push(l.to);
  return out;
}

/** Nodes drawn as starts: row 1's first symbol and every `mulai` row's first symbol. */
export function entryNodes(model: FlowModel): number[] {
  return model.nodes.filter((n) => n.start).map((n) => n.index);
}

/** Nodes reachable from a start along the arrows (every branch of a fork, both branches of a decision). */
export function reachableNodes(model: FlowModel): boolean[] {
  const seen = model.nodes.map(() => false);
  const succ = successorLists(model);
  const stack = entryNodes(model);
  for (const s of stack) seen[s] = true;
  while (stack.length) {
    for (const s of succ[stack.pop()!]) {
      if (!seen[s]) {
        seen[s] = true;
        stack.push(s);
      }
    }
  }
  return seen;
}

/** Rows with at least one reachable node. */
export function reachableRows(model: FlowModel): boolean[] {
  const reached = reachableNodes(model);
  const rows = model.rows.map(() => false);
  model.nodes.forEach((n, i) => {
    if (reached[i]) rows[n.row] = true;
  });
  return rows;
}

/** Nodes from which `selesai` can be reached. An unknown target counts as an exit (unknown-target reports it). */
export function nodesReachingEnd(model: FlowModel): boolean[] {
  const n = model.nodes.length;
  const ok = new Array<boolean>(n).fill(false);
  const preds: number[][] = Array.from({ length: n }, () => []);
  const queue: number[] = [];
  const exit = (i: number) => {
    if (!ok[i]) {
      ok[i] = true;
      queue.push(i);
    }
  };
  for (const l of model.links) {
    if (l.to === 'end') exit(l.from);
    else preds[l.to].push(l.from);
  }
  for (let i = 0; i < n; i++) if (targetsOf(model, i).some((t) => t.kind === 'unknown')) exit(i);
  while (queue.length) for (const p of preds[queue.pop()!]) exit(p);
  return ok;
}

/**
 * Loops the flow cannot leave: strongly connected components, among the nodes where `mask` is
 * true, that no arrow leaves. Each is returned as its sorted node indexes. Iterative Tarjan, so a
 * 10,000-row file cannot overflow the stack.
 */
export function trappedLoops(model: FlowModel, mask: boolean[]): number[][] {
  const n = model.nodes.length;
  const all = successorLists(model);
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const comp = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  const comps: number[][] = [];
  let counter = 0;
  const succ = (v: number) => all[v].filter((w) => mask[w]);
  for (let root = 0; root < n; root++) {
    if (!mask[root] || index[root] !== -1) continue;
    const work: { v: number; next: number; succ: number[] }[] = [{ v: root, next: 0, succ: succ(root) }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.next < frame.succ.length) {
        const w = frame.succ[frame.next++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, next: 0, succ: succ(w) });
        } else if (onStack[w]) {
          low[frame.v] = Math.min(low[frame.v], index[w]);
        }
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1].v] = Math.min(low[work[work.length - 1].v], low[frame.v]);
      if (low[frame.v] === index[frame.v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          comp[w] = comps.length;
          members.push(w);
        } while (w !== frame.v);
        comps.push(members.sort((a, b) => a - b));
      }
    }
  }
  return comps.filter((members, c) => members.every((v) => succ(v).every((w) => comp[w] === c)));
}

interface ViewIndex {
  /** Nodes of each row, in chain order. */
  byRow: FlowNode[][];
  /** The first node-level arrow behind each row-level one, by `from-kind-to` (rows, or `end`). */
  linkByEdge: Map<string, FlowLink>;
}

const viewIndexes = new WeakMap<FlowModel, ViewIndex>();

/** Built once per model: renderers ask these for every row and arrow. */
function viewIndex(model: FlowModel): ViewIndex {
  let index = viewIndexes.get(model);
  if (index) return index;
  const byRow: FlowNode[][] = model.rows.map(() => []);
  for (const n of model.nodes ?? []) byRow[n.row]?.push(n);
  const linkByEdge = new Map<string, FlowLink>();
  for (const l of model.links ?? []) {
    if (l.inChain) continue;
    const to = l.to === 'end' ? 'end' : model.nodes[l.to].row;
    const key = `${model.nodes[l.from].row}-${l.kind}-${to}`;
    if (!linkByEdge.has(key)) linkByEdge.set(key, l);
  }
  index = { byRow, linkByEdge };
  viewIndexes.set(model, index);
  return index;
}

/** The symbols of one row: one for a plain row, one per `langkah` item for a chain. */
export function nodesOfRow(model: FlowModel, row: number): readonly FlowNode[] {
  return viewIndex(model).byRow[row] ?? [];
}

/**
 * The node-level arrow behind a row-level one: which chain item (or joint step) it leaves and which
 * it enters. The first one when a chain has several arrows to the same row.
 */
export function linkOfEdge(model: FlowModel, e: FlowEdge): FlowLink | undefined {
  return viewIndex(model).linkByEdge.get(`${e.from}-${e.kind}-${e.to}`);
}
