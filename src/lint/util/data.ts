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
