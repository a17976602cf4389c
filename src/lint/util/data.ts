// Type-guarded readers of the merged frontmatter: rules look only at values of the right shape, the schema rule judges the rest.

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Rows of `prosedur` that are mappings, with their 0-based index (other items are the schema's business). */
export function rowsOf(data: unknown): { index: number; row: Obj }[] {
  if (!isObj(data) || !Array.isArray(data.prosedur)) return [];
  const out: { index: number; row: Obj }[] = [];
  data.prosedur.forEach((row, index) => {
    if (isObj(row)) out.push({ index, row });
  });
  return out;
}

/** Declared actor ids, or undefined when `pelaksana` is not a mapping (then the schema reports it). */
export function actorsOf(data: unknown): string[] | undefined {
  if (!isObj(data) || !isObj(data.pelaksana)) return undefined;
  return Object.keys(data.pelaksana);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A string or a list of strings as a list (anything else: empty). */
export function textList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export { normalizeName } from '../../model/names.js';

/** One actor id written in a row: `pelaksana`, an item of a joint `pelaksana` list, or a `langkah` item's `pelaksana`. */
export interface ActorRef {
  /** 0-based row. */
  index: number;
  name: string;
  path: (string | number)[];
}

/** Every actor id the rows write, in file order (values that are not text are the schema's). */
export function actorRefs(data: unknown): ActorRef[] {
  const out: ActorRef[] = [];
  for (const { index, row } of rowsOf(data)) {
    const p = row.pelaksana;
    if (typeof p === 'string') out.push({ index, name: p, path: ['prosedur', index, 'pelaksana'] });
    else if (Array.isArray(p)) p.forEach((name, j) => typeof name === 'string' && out.push({ index, name, path: ['prosedur', index, 'pelaksana', j] }));
    if (Array.isArray(row.langkah)) {
      row.langkah.forEach((item, k) => {
        if (isObj(item) && typeof item.pelaksana === 'string') out.push({ index, name: item.pelaksana, path: ['prosedur', index, 'langkah', k, 'pelaksana'] });
      });
    }
  }
  return out;
}

/** The `langkah` items of a row that are mappings, with their 0-based position. */
export function chainItemsOf(row: Obj): { item: number; value: Obj }[] {
  if (!Array.isArray(row.langkah)) return [];
  return row.langkah.flatMap((value, item) => (isObj(value) ? [{ item, value }] : []));
}
