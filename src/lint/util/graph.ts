// Graph questions on the flow model: which rows row 1 reaches, which rows can reach `selesai`, and the loops without exit.
import type { FlowModel, ResolvedTarget } from '../../model/flow-types.js';

export function exitsOf(model: FlowModel, index: number): ResolvedTarget[] {
  const row = model.rows[index];
  if (row.decision) return [row.decision.yes, row.decision.no];
  return row.next ? [row.next] : [];
}

/** True when some target names no row: the graph is incomplete until unknown-target is fixed. */
export function hasUnknownTarget(model: FlowModel): boolean {
  return model.rows.some((_, i) => exitsOf(model, i).some((t) => t.kind === 'unknown'));
}

function successors(model: FlowModel, index: number): number[] {
  return exitsOf(model, index).flatMap((t) => (t.kind === 'row' ? [t.index] : []));
}

/** Rows reachable from row 1 (index 0) along the arrows. */
export function reachableFromStart(model: FlowModel): boolean[] {
  const seen = model.rows.map(() => false);
  if (model.rows.length === 0) return seen;
  const stack = [0];
  seen[0] = true;
  while (stack.length) {
    for (const s of successors(model, stack.pop()!)) {
      if (!seen[s]) {
        seen[s] = true;
        stack.push(s);
      }
    }
  }
  return seen;
}

/** Rows from which `selesai` can be reached. An unknown target counts as an exit (unknown-target reports it). */
export function canReachEnd(model: FlowModel): boolean[] {
  const n = model.rows.length;
  const ok = new Array<boolean>(n).fill(false);
  const preds: number[][] = Array.from({ length: n }, () => []);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const t of exitsOf(model, i)) {
      if (t.kind === 'row') preds[t.index].push(i);
      else if (!ok[i]) {
        ok[i] = true;
        queue.push(i);
      }
    }
  }
  while (queue.length) {
    for (const p of preds[queue.pop()!]) {
      if (!ok[p]) {
        ok[p] = true;
        queue.push(p);
      }
    }
  }
  return ok;
}

/**
 * Loops the flow cannot leave: strongly connected components, among `rows`, that no arrow leaves.
 * Each is returned as its sorted row indexes. Iterative Tarjan, so a 10,000-row file cannot overflow the stack.
 */
export function trappedLoops(model: FlowModel, rows: boolean[]): number[][] {
  const n = model.rows.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const comp = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  const comps: number[][] = [];
  let counter = 0;
  const succ = (v: number) => successors(model, v).filter((w) => rows[w]);
  for (let root = 0; root < n; root++) {
    if (!rows[root] || index[root] !== -1) continue;
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
