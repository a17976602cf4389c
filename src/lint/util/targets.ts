// Lists the flow targets written in an SOP (`ke` and its fork lists, `keputusan.ya`/`tidak` of rows and `langkah` items) with their YAML paths.
import type { YamlPath } from '../../yaml/positions.js';
import { chainItemsOf, isObj, rowsOf, type Obj } from './data.js';

export interface WrittenTarget {
  /** 0-based row that holds the target. */
  index: number;
  kind: 'ke' | 'ya' | 'tidak';
  value: unknown;
  path: YamlPath;
}

/** Targets the flow follows: `ke` is ignored on a row that also has `keputusan` (decision-branches reports that). */
export function writtenTargets(data: unknown): WrittenTarget[] {
  const out: WrittenTarget[] = [];
  const decision = (index: number, keputusan: Obj, path: (string | number)[]) => {
    for (const kind of ['ya', 'tidak'] as const) {
      if (keputusan[kind] !== undefined) out.push({ index, kind, value: keputusan[kind], path: [...path, kind] });
    }
  };
  for (const { index, row } of rowsOf(data)) {
    for (const { item, value } of chainItemsOf(row)) {
      if (isObj(value.keputusan)) decision(index, value.keputusan, ['prosedur', index, 'langkah', item, 'keputusan']);
    }
    if (row.keputusan !== undefined) {
      if (isObj(row.keputusan)) decision(index, row.keputusan, ['prosedur', index, 'keputusan']);
    } else if (Array.isArray(row.ke)) {
      row.ke.forEach((value, j) => out.push({ index, kind: 'ke', value, path: ['prosedur', index, 'ke', j] }));
    } else if (row.ke !== undefined) {
      out.push({ index, kind: 'ke', value: row.ke, path: ['prosedur', index, 'ke'] });
    }
  }
  return out;
}

/** Every `id` a target can name, in file order: rows' ids and `langkah` items' ids, with their paths. */
export function writtenIds(data: unknown): { index: number; id: unknown; path: (string | number)[] }[] {
  const out: { index: number; id: unknown; path: (string | number)[] }[] = [];
  for (const { index, row } of rowsOf(data)) {
    if (row.id !== undefined) out.push({ index, id: row.id, path: ['prosedur', index, 'id'] });
    for (const { item, value } of chainItemsOf(row)) {
      if (value.id !== undefined) out.push({ index, id: value.id, path: ['prosedur', index, 'langkah', item, 'id'] });
    }
  }
  return out;
}

/** True when a written target has a shape the schema accepts (integer ≥ 1, or an id-like word). */
export function wellFormedTarget(v: unknown): v is number | string {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 1) || (typeof v === 'string' && /^[a-z][a-z0-9_-]*$/.test(v));
}
