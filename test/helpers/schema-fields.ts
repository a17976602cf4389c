// The text fields a JSON Schema declares, as key paths: what a test that must cover "every field" walks.
//
// A path names keys from the root joined by `.`; `*` stands for any key of a map (additionalProperties),
// `@key` for the map's keys themselves (propertyNames), and lists are looked through (`prosedur.kegiatan`
// is the `kegiatan` of every row, `peringatan` both the one string and each item of the list form).

type Schema = Record<string, unknown>;

export interface TextField {
  path: string;
  /** The value is held to a fixed set (`enum`/`const`) or a `pattern`: a validator refuses free text. */
  constrained: boolean;
}

function resolve(root: Schema, node: Schema): Schema {
  let n = node;
  const seen = new Set<string>();
  while (typeof n.$ref === 'string') {
    const ref = n.$ref;
    if (seen.has(ref) || !ref.startsWith('#/')) break;
    seen.add(ref);
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = (target as Schema)[part];
    // siblings of $ref (title, description) do not change the shape
    n = { ...(target as Schema), ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) };
  }
  return n;
}

function isText(n: Schema): boolean {
  return n.type === 'string' || (Array.isArray(n.type) && n.type.includes('string')) || (typeof n.const === 'string') || (Array.isArray(n.enum) && n.enum.some((v) => typeof v === 'string'));
}

/** Every text field of `schema`, one entry per path (constrained only when every branch there is). */
export function textFields(schema: Schema): TextField[] {
  const out = new Map<string, boolean>();
  const add = (path: string, constrained: boolean) => out.set(path, (out.get(path) ?? true) && constrained);
  const visiting = new Set<Schema>();
  const walk = (raw: Schema, path: string[]) => {
    const n = resolve(schema, raw);
    if (visiting.has(n)) return;
    visiting.add(n);
    if (isText(n)) add(path.join('.'), n.enum !== undefined || n.const !== undefined || n.pattern !== undefined);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const b of (n[key] as Schema[] | undefined) ?? []) if (typeof b === 'object') walk(b, path);
    for (const [k, v] of Object.entries((n.properties as Record<string, Schema> | undefined) ?? {})) if (typeof v === 'object' && Object.keys(v).length > 0) walk(v, [...path, k]);
    if (typeof n.additionalProperties === 'object') walk(n.additionalProperties as Schema, [...path, '*']);
    if (typeof n.propertyNames === 'object') walk({ type: 'string', ...(n.propertyNames as Schema) }, [...path, '@key']);
    if (typeof n.items === 'object') walk(n.items as Schema, path);
    for (const b of (n.prefixItems as Schema[] | undefined) ?? []) walk(b, path);
    visiting.delete(n);
  };
  walk(schema, []);
  return [...out].map(([path, constrained]) => ({ path, constrained })).sort((a, b) => a.path.localeCompare(b.path));
}

/** A node and its anyOf/oneOf/allOf alternatives, nested ones too, each resolved. */
function branchesOf(root: Schema, n: Schema, depth = 0): Schema[] {
  if (depth > 8) return [n];
  return [n, ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) => ((n[k] as Schema[] | undefined) ?? []).flatMap((b) => branchesOf(root, resolve(root, b), depth + 1)))];
}

/**
 * The text fields of `value` (read against `schema`) whose text holds `marker`, as textFields() paths,
 * each with the marker texts found there: which fields a test document really filled. A map key
 * holding the marker fills the map's `@key` path.
 */
export function filledFields(schema: Schema, value: unknown, marker: RegExp): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const global = new RegExp(marker.source, marker.flags.includes('g') ? marker.flags : `${marker.flags}g`);
  const note = (path: string, text: string): void => {
    const hits = [...text.matchAll(global)].map((m) => m[0]);
    if (hits.length === 0) return;
    const set = found.get(path) ?? new Set<string>();
    for (const h of hits) set.add(h);
    found.set(path, set);
  };
  const walk = (raw: Schema | undefined, v: unknown, path: string[]): void => {
    if (raw === undefined) return;
    const n = resolve(schema, raw);
    const branches = branchesOf(schema, n);
    if (typeof v === 'string') {
      if (branches.some(isText)) note(path.join('.'), v);
      return;
    }
    if (Array.isArray(v)) {
      for (const b of branches) if (typeof b.items === 'object') for (const item of v) walk(b.items as Schema, item, path);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    for (const [k, child] of Object.entries(v)) {
      for (const b of branches) {
        const props = (b.properties as Record<string, Schema> | undefined) ?? {};
        if (k in props) walk(props[k], child, [...path, k]);
        else if (typeof b.additionalProperties === 'object') {
          walk(b.additionalProperties as Schema, child, [...path, '*']);
          if (typeof b.propertyNames === 'object') note([...path, '@key'].join('.'), k);
        }
      }
    }
  };
  walk(schema, value, []);
  return found;
}
