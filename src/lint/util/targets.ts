// Lists the flow targets written in an SOP (`ke`, `keputusan.ya`, `keputusan.tidak`) with their YAML paths.
import type { YamlPath } from '../../document/positions.js';
import { isObj, rowsOf } from './data.js';

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
  for (const { index, row } of rowsOf(data)) {
    if (row.keputusan !== undefined) {
      if (!isObj(row.keputusan)) continue;
      for (const kind of ['ya', 'tidak'] as const) {
        if (row.keputusan[kind] !== undefined) out.push({ index, kind, value: row.keputusan[kind], path: ['prosedur', index, 'keputusan', kind] });
      }
    } else if (row.ke !== undefined) {
      out.push({ index, kind: 'ke', value: row.ke, path: ['prosedur', index, 'ke'] });
    }
  }
  return out;
}

/** True when a written target has a shape the schema accepts (integer ≥ 1, or an id-like word). */
export function wellFormedTarget(v: unknown): v is number | string {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 1) || (typeof v === 'string' && /^[a-z][a-z0-9_-]*$/.test(v));
}
