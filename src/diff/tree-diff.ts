// Repository-level diff: pairs the SOPs of two revisions (same path, then same nomor, then same content or nama) and diffs each pair.
import type { SopContent } from './content.js';
import { diffSop, isEmptyChange, statusOf } from './sop-diff.js';
import type { RevisionLabel, SopDiffEntry, SopSide, TreeDiff } from './types.js';

function side(c: SopContent): SopSide {
  const d = c.data;
  return {
    path: c.path,
    ...(typeof d?.nomor === 'string' ? { nomor: d.nomor } : {}),
    ...(typeof d?.nama === 'string' ? { nama: d.nama } : {}),
    status: statusOf(d),
  };
}

export function diffTrees(before: readonly SopContent[], after: readonly SopContent[], from: RevisionLabel, to: RevisionLabel): TreeDiff {
  const oldByPath = new Map(before.filter((c) => c.isSop).map((c) => [c.path, c]));
  const newList = after.filter((c) => c.isSop);
  const pairs: [SopContent, SopContent][] = [];
  const unpairedNew: SopContent[] = [];
  for (const n of newList) {
    const o = oldByPath.get(n.path);
    if (o) {
      pairs.push([o, n]);
      oldByPath.delete(n.path);
    } else unpairedNew.push(n);
  }
  // a file that moved: same content, else same nomor, else same nama
  const renamed: [SopContent, SopContent][] = [];
  for (const key of [(c: SopContent) => c.canonical, (c: SopContent) => c.data?.nomor, (c: SopContent) => c.data?.nama]) {
    for (const n of [...unpairedNew]) {
      const k = key(n);
      if (typeof k !== 'string' || k === '') continue;
      const o = [...oldByPath.values()].find((x) => key(x) === k);
      if (!o) continue;
      renamed.push([o, n]);
      oldByPath.delete(o.path);
      unpairedNew.splice(unpairedNew.indexOf(n), 1);
    }
  }
  const entries: SopDiffEntry[] = [];
  let unchanged = 0;
  for (const [o, n] of pairs) {
    if (o.canonical === n.canonical) {
      unchanged++;
      continue;
    }
    const changes = diffSop(o, n);
    if (isEmptyChange(changes)) unchanged++;
    else entries.push({ kind: 'changed', old: side(o), new: side(n), changes });
  }
  for (const [o, n] of renamed) {
    const changes = o.canonical === n.canonical ? undefined : diffSop(o, n);
    entries.push({ kind: 'renamed', old: side(o), new: side(n), ...(changes && !isEmptyChange(changes) ? { changes } : {}) });
  }
  for (const n of unpairedNew) entries.push({ kind: 'added', new: side(n) });
  for (const o of oldByPath.values()) entries.push({ kind: 'removed', old: side(o) });
  entries.sort((a, b) => cmp((a.new ?? a.old)!.path, (b.new ?? b.old)!.path));
  return { from, to, entries, unchanged };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
