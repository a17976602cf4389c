// Semantic diff of two versions of one SOP: identity fields, status, actor columns, rows, Mutu Baku, flow branches, body.
import { isRecord, type SopContent } from './content.js';
import { kegiatanOf, matchRows, movedPairs } from './rows.js';
import { PART_ORDER, type ActorChange, type ChangedPart, type FlowChange, type MutuBakuChange, type RowChange, type RowRef, type SopChanges, type ValueChange } from './types.js';

import { STATUS_KEYS, statusOf } from '../model/status.js';

export { STATUS_KEYS, statusOf };
const FLOW_KEYS = new Set(['pelaksana', 'prosedur']);
const MUTU_BAKU = ['kelengkapan', 'waktu', 'output'] as const;
/** Row keys compared as cells (Mutu Baku separately); `ke`/`keputusan` are compared as flow. */
const ROW_FIELDS = ['kegiatan', 'pelaksana', 'langkah', 'keterangan', 'simbol_teks', 'opsional', 'mulai', 'no', 'id'] as const;

function same(a: unknown, b: unknown): boolean {
  return canon(a) === canon(b);
}

function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (isRecord(v)) return `{${Object.keys(v).sort().map((k) => `${k}:${canon(v[k])}`).join(',')}}`;
  if (typeof v === 'string') return JSON.stringify(v.replace(/[ \t]+/g, ' ').trim());
  return JSON.stringify(v ?? null);
}

/** Changes of a value, one level into mappings (`disahkan_oleh.nama`), whole lists and scalars otherwise. */
function valueChanges(key: string, a: unknown, b: unknown, out: ValueChange[]): void {
  if (same(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!same(a[k], b[k])) out.push({ key: `${key}.${k}`, old: a[k], new: b[k] });
    }
    return;
  }
  out.push({ key, old: a, new: b });
}

function actorsOf(data: Record<string, unknown> | undefined): { id: string; title: string }[] {
  const p = data?.pelaksana;
  return isRecord(p) ? Object.entries(p).map(([id, title]) => ({ id, title: String(title) })) : [];
}

function rowsOf(data: Record<string, unknown> | undefined): Record<string, unknown>[] {
  return Array.isArray(data?.prosedur) ? data.prosedur.map((r) => (isRecord(r) ? r : {})) : [];
}

function ref(rows: Record<string, unknown>[], index: number): RowRef {
  const r = rows[index];
  return { number: index + 1, ...(typeof r?.id === 'string' ? { id: r.id } : {}), kegiatan: kegiatanOf(r) };
}

/** The row indexes (or `end`) a target written in the file leads to; a list is a fork. */
function resolve(raw: unknown, rows: Record<string, unknown>[], self: number): (number | 'end' | string)[] {
  const one = (t: unknown): number | 'end' | string => {
    if (typeof t === 'number' && Number.isInteger(t) && t >= 1 && t <= rows.length) return t - 1;
    if (t === 'selesai') return 'end';
    if (typeof t === 'string') {
      const i = rows.findIndex((r) => r.id === t || (Array.isArray(r.langkah) && r.langkah.some((l) => isRecord(l) && l.id === t)));
      if (i >= 0) return i;
    }
    return `?${String(t)}`;
  };
  if (raw === undefined) return [self + 1 < rows.length ? self + 1 : 'end'];
  return Array.isArray(raw) ? raw.map(one) : [one(raw)];
}

function branches(row: Record<string, unknown>, rows: Record<string, unknown>[], self: number): Record<'ke' | 'ya' | 'tidak', { to: (number | 'end' | string)[]; explicit: boolean } | undefined> {
  const k = isRecord(row.keputusan) ? row.keputusan : undefined;
  if (k) return { ke: undefined, ya: { to: resolve(k.ya, rows, self), explicit: k.ya !== undefined }, tidak: { to: resolve(k.tidak, rows, self), explicit: true } };
  return { ke: { to: resolve(row.ke, rows, self), explicit: row.ke !== undefined }, ya: undefined, tidak: undefined };
}

function describe(t: number | 'end' | string, rows: Record<string, unknown>[]): string {
  if (t === 'end') return 'selesai';
  if (typeof t === 'string') return t; // `?name`: a target that names no row
  const r = ref(rows, t);
  return `${r.number}. ${r.kegiatan}`;
}

/** Compares two versions of one SOP. Unparsed versions compare as "everything changed" only where they differ. */
export function diffSop(a: SopContent, b: SopContent): SopChanges {
  const da = a.data;
  const db = b.data;
  const identity: ValueChange[] = [];
  const statusKeys = new Set<string>(STATUS_KEYS);
  for (const key of new Set([...Object.keys(da ?? {}), ...Object.keys(db ?? {})])) {
    if (FLOW_KEYS.has(key) || key === 'status') continue;
    valueChanges(key, da?.[key], db?.[key], identity);
  }
  const status = statusOf(da) !== statusOf(db) ? { old: statusOf(da), new: statusOf(db) } : undefined;

  // actors: same id, or a removed id whose rows moved to an added id (a renamed id)
  const oldActors = actorsOf(da);
  const newActors = actorsOf(db);
  const rowsA = rowsOf(da);
  const rowsB = rowsOf(db);
  const pairs = matchRows(rowsA, rowsB);
  const actorMap = new Map<string, string>(); // old id -> new id
  for (const o of oldActors) if (newActors.some((n) => n.id === o.id)) actorMap.set(o.id, o.id);
  const addedIds = new Set(newActors.filter((n) => !oldActors.some((o) => o.id === n.id)).map((n) => n.id));
  for (const o of oldActors) {
    if (actorMap.has(o.id)) continue;
    const votes = new Map<string, number>();
    for (const p of pairs) {
      if (rowsA[p.old].pelaksana !== o.id) continue;
      const to = rowsB[p.new].pelaksana;
      if (typeof to === 'string' && addedIds.has(to)) votes.set(to, (votes.get(to) ?? 0) + 1);
    }
    // same title under a new id; or the column that now holds this actor's rows, in the same place
    const sameTitle = newActors.find((n) => addedIds.has(n.id) && n.title === o.title);
    const voted = [...votes.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    const samePlace = voted !== undefined && newActors.findIndex((n) => n.id === voted) === oldActors.indexOf(o) ? voted : undefined;
    const best = sameTitle?.id ?? samePlace;
    if (best) {
      actorMap.set(o.id, best);
      addedIds.delete(best);
    }
  }
  const actors: ActorChange[] = [];
  const mappedNew = new Set(actorMap.values());
  oldActors.forEach((o, oi) => {
    const nid = actorMap.get(o.id);
    if (nid === undefined) {
      actors.push({ kind: 'removed', id: o.id, title: o.title, column: oi + 1 });
      return;
    }
    const ni = newActors.findIndex((n) => n.id === nid);
    const n = newActors[ni];
    if (n.title !== o.title || nid !== o.id) actors.push({ kind: 'renamed', id: nid, oldId: o.id, title: n.title, oldTitle: o.title, column: ni + 1, oldColumn: oi + 1 });
  });
  newActors.forEach((n, ni) => {
    if (!mappedNew.has(n.id)) actors.push({ kind: 'added', id: n.id, title: n.title, column: ni + 1 });
  });
  // column order of the actors both versions have
  const keptOld = oldActors.filter((o) => actorMap.has(o.id)).map((o) => actorMap.get(o.id)!);
  const keptNew = newActors.filter((n) => mappedNew.has(n.id)).map((n) => n.id);
  if (keptOld.join('\u0000') !== keptNew.join('\u0000')) {
    for (const id of keptNew) {
      const oi = oldActors.findIndex((o) => actorMap.get(o.id) === id);
      const ni = newActors.findIndex((n) => n.id === id);
      if (keptOld.indexOf(id) !== keptNew.indexOf(id) && !actors.some((c) => c.id === id && c.kind === 'renamed')) {
        actors.push({ kind: 'moved', id, title: newActors[ni].title, column: ni + 1, oldColumn: oi + 1 });
      }
    }
  }
  const titleA = (id: unknown) => (Array.isArray(id) ? id : [id]).map((x) => oldActors.find((o) => o.id === x)?.title ?? String(x)).join(' + ');
  const titleB = (id: unknown) => (Array.isArray(id) ? id : [id]).map((x) => newActors.find((n) => n.id === x)?.title ?? String(x)).join(' + ');
  const mapActor = (id: unknown) => (Array.isArray(id) ? id.map((x) => actorMap.get(String(x)) ?? x) : actorMap.get(String(id)) ?? id);

  // rows
  const rows: RowChange[] = [];
  const mutuBaku: MutuBakuChange[] = [];
  const flow: FlowChange[] = [];
  const moved = movedPairs(pairs);
  const newOfOld = new Map(pairs.map((p) => [p.old, p.new]));
  const addedRows = new Set(rowsB.map((_, i) => i).filter((i) => !pairs.some((p) => p.new === i)));
  const removedRows = new Set(rowsA.map((_, i) => i).filter((i) => !newOfOld.has(i)));
  for (const p of [...pairs].sort((x, y) => x.new - y.new)) {
    const ra = rowsA[p.old];
    const rb = rowsB[p.new];
    const fields: ValueChange[] = [];
    for (const f of ROW_FIELDS) {
      if (f === 'pelaksana') {
        if (!same(mapActor(ra.pelaksana), rb.pelaksana)) fields.push({ key: 'pelaksana', old: titleA(ra.pelaksana), new: titleB(rb.pelaksana) });
      } else if (!same(ra[f], rb[f])) fields.push({ key: f, old: ra[f], new: rb[f] });
    }
    for (const f of MUTU_BAKU) if (!same(ra[f], rb[f])) mutuBaku.push({ row: ref(rowsB, p.new), field: f, old: ra[f], new: rb[f] });
    const ba = branches(ra, rowsA, p.old);
    const bb = branches(rb, rowsB, p.new);
    for (const br of ['ke', 'ya', 'tidak'] as const) {
      const x = ba[br];
      const y = bb[br];
      if (!x || !y) continue; // a row that became (or stopped being) a decision: shown as its keputusan field below
      const mapped = x.to.map((t) => (typeof t === 'number' ? newOfOld.get(t) ?? `?${describe(t, rowsA)}` : t));
      if (same(mapped, y.to)) continue;
      // two implicit "next row" links differ only because rows were added, removed or moved: reported as such
      if (!x.explicit && !y.explicit) continue;
      flow.push({ row: ref(rowsB, p.new), branch: br, old: x.to.map((t) => describe(t, rowsA)).join(', '), new: y.to.map((t) => describe(t, rowsB)).join(', ') });
    }
    if (isRecord(ra.keputusan) !== isRecord(rb.keputusan)) fields.push({ key: 'keputusan', old: ra.keputusan, new: rb.keputusan });
    else if (isRecord(ra.keputusan) && isRecord(rb.keputusan) && !same(ra.keputusan.label, rb.keputusan.label)) fields.push({ key: 'keputusan.label', old: ra.keputusan.label, new: rb.keputusan.label });
    const isMoved = moved.has(p);
    if (fields.length > 0 || isMoved) rows.push({ kind: 'changed', old: ref(rowsA, p.old), new: ref(rowsB, p.new), moved: isMoved, matchedBy: p.by, fields });
  }
  for (const i of removedRows) rows.push({ kind: 'removed', old: ref(rowsA, i), moved: false, fields: [] });
  for (const i of addedRows) rows.push({ kind: 'added', new: ref(rowsB, i), moved: false, fields: [] });
  rows.sort((x, y) => (x.new?.number ?? x.old!.number) - (y.new?.number ?? y.old!.number) || (x.kind === 'removed' ? -1 : 1));

  const body = a.body !== b.body;
  const parts = new Set<ChangedPart>();
  if (identity.some((c) => !statusKeys.has(c.key.split('.')[0]))) parts.add('identitas');
  if (status || identity.some((c) => statusKeys.has(c.key.split('.')[0]))) parts.add('status');
  if (actors.length) parts.add('pelaksana');
  if (rows.length) parts.add('prosedur');
  if (mutuBaku.length) parts.add('mutu_baku');
  if (flow.length) parts.add('alur');
  if (body) parts.add('catatan');
  if (!da !== !db || (!da && !db && a.canonical !== b.canonical)) parts.add('identitas'); // a version that does not parse
  return { identity, status, actors, rows, mutuBaku, flow, body, parts: PART_ORDER.filter((p) => parts.has(p)) };
}

/** True when nothing changed. */
export function isEmptyChange(c: SopChanges): boolean {
  return c.parts.length === 0;
}

/** Top-level keys whose value differs between two versions (`catatan` for the body). */
export function changedKeys(a: SopContent, b: SopContent): string[] {
  const keys = [...new Set([...Object.keys(a.data ?? {}), ...Object.keys(b.data ?? {})])].filter((k) => !same(a.data?.[k], b.data?.[k])).sort();
  if (a.body !== b.body) keys.push('catatan');
  return keys;
}
