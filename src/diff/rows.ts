// Pairs the rows of two versions of one procedure: by `id`, then by identical activity text, then by text similarity.
import { isRecord } from './content.js';

export interface RowPair {
  old: number;
  new: number;
  by: 'id' | 'text' | 'similarity';
}

/** Two activities with a word-set Dice coefficient at or above this are taken for the same row, reworded (most words kept). */
export const SIMILARITY_THRESHOLD = 0.6;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
}

/** Dice coefficient of the two texts' word sets (0..1). */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let both = 0;
  for (const w of wa) if (wb.has(w)) both++;
  return (2 * both) / (wa.size + wb.size);
}

export function kegiatanOf(row: unknown): string {
  if (!isRecord(row)) return '';
  return typeof row.kegiatan === 'string' ? row.kegiatan.replace(/\s+/g, ' ').trim() : String(row.kegiatan ?? '');
}

function idOf(row: unknown): string | undefined {
  return isRecord(row) && typeof row.id === 'string' ? row.id : undefined;
}

export function matchRows(oldRows: readonly unknown[], newRows: readonly unknown[]): RowPair[] {
  const pairs: RowPair[] = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const take = (o: number, n: number, by: RowPair['by']) => {
    pairs.push({ old: o, new: n, by });
    usedOld.add(o);
    usedNew.add(n);
  };
  // 1. same id
  const newById = new Map<string, number>();
  newRows.forEach((r, i) => {
    const id = idOf(r);
    if (id && !newById.has(id)) newById.set(id, i);
  });
  oldRows.forEach((r, i) => {
    const id = idOf(r);
    const n = id === undefined ? undefined : newById.get(id);
    if (n !== undefined && !usedNew.has(n)) take(i, n, 'id');
  });
  // 2. identical activity text (nearest position first, so repeated texts pair in order)
  const newByText = new Map<string, number[]>();
  newRows.forEach((r, i) => {
    if (usedNew.has(i)) return;
    const t = kegiatanOf(r).toLowerCase();
    newByText.set(t, [...(newByText.get(t) ?? []), i]);
  });
  oldRows.forEach((r, i) => {
    if (usedOld.has(i)) return;
    const free = (newByText.get(kegiatanOf(r).toLowerCase()) ?? []).filter((n) => !usedNew.has(n));
    if (free.length === 0) return;
    free.sort((a, b) => Math.abs(a - i) - Math.abs(b - i));
    take(i, free[0], 'text');
  });
  // 3. the most similar remaining pairs, best first
  const candidates: { o: number; n: number; score: number }[] = [];
  oldRows.forEach((ro, o) => {
    if (usedOld.has(o)) return;
    newRows.forEach((rn, n) => {
      if (usedNew.has(n)) return;
      const score = similarity(kegiatanOf(ro), kegiatanOf(rn));
      if (score >= SIMILARITY_THRESHOLD) candidates.push({ o, n, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.o - a.n) - Math.abs(b.o - b.n) || a.o - b.o);
  for (const c of candidates) if (!usedOld.has(c.o) && !usedNew.has(c.n)) take(c.o, c.n, 'similarity');
  return pairs.sort((a, b) => a.old - b.old);
}

/**
 * Pairs whose rows changed position relative to the others: everything outside one longest run
 * that keeps its order (sorted by old position, increasing in new position).
 */
export function movedPairs(pairs: readonly RowPair[]): Set<RowPair> {
  const seq = [...pairs].sort((a, b) => a.old - b.old);
  const n = seq.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j].new < seq[i].new && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < n; i++) if (best < 0 || len[i] > len[best]) best = i;
  const kept = new Set<RowPair>();
  for (let i = best; i >= 0; i = prev[i]) kept.add(seq[i]);
  return new Set(seq.filter((p) => !kept.has(p)));
}
