// Turns raw Ajv errors into one plain-language problem per place (Indonesian and English), never a dump.
import type { ErrorObject } from 'ajv/dist/2020.js';

export interface SchemaProblem {
  /** Path of the YAML node to point at. */
  path: (string | number)[];
  /** Point at the key of the last segment (unknown keys, missing keys' parent). */
  atKey: boolean;
  keyword: string;
  message: string;
  messageEn: string;
  /** Set when the failure belongs to a more specific rule (e.g. `ke` with `keputusan`). */
  ruleId?: string;
}

function pointerToPath(ptr: string): (string | number)[] {
  if (!ptr) return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function typeName(v: unknown, lang: 'id' | 'en'): string {
  const t = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  const id: Record<string, string> = { string: 'teks', number: 'angka', boolean: 'boolean (ya/tidak)', object: 'pemetaan (mapping)', array: 'daftar (list)', null: 'kosong (null)', integer: 'bilangan bulat' };
  const en: Record<string, string> = { string: 'text', number: 'a number', boolean: 'a boolean', object: 'a mapping', array: 'a list', null: 'empty (null)', integer: 'an integer' };
  return (lang === 'id' ? id : en)[t] ?? t;
}

function expectedType(t: string | string[], lang: 'id' | 'en'): string {
  const list = Array.isArray(t) ? t : [t];
  const id: Record<string, string> = { string: 'teks', number: 'angka', integer: 'bilangan bulat', boolean: 'boolean', object: 'pemetaan (kunci: nilai)', array: 'daftar (list)', null: 'kosong' };
  const en: Record<string, string> = { string: 'text', number: 'a number', integer: 'an integer', boolean: 'a boolean', object: 'a mapping (key: value)', array: 'a list', null: 'empty' };
  return list.map((x) => (lang === 'id' ? id : en)[x] ?? x).join(lang === 'id' ? ' atau ' : ' or ');
}

/**
 * Levenshtein distance, for "did you mean". With `max`, any distance above it comes back as max + 1, found without
 * filling the whole table: a hostile or long value against every key used to cost a full table per candidate.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    // every later row is at least this row's minimum
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length], max + 1);
}

/** The first candidate nearest to `word`, if it is near enough (2 edits, or a third of the word's length). */
export function didYouMean(word: string, candidates: string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    // only a strictly nearer candidate replaces the best one so far
    const dist = editDistance(w, c.toLowerCase(), bestD - 1);
    if (dist < bestD) {
      bestD = dist;
      best = c;
      if (dist === 0) break;
    }
  }
  return best;
}

function quoteList(values: unknown[]): string {
  return values.map((v) => `\`${String(v)}\``).join(', ');
}

/** A friendly description of what a schema node expects, for collapsed anyOf errors. */
function describeSchema(schema: Record<string, unknown> | undefined, lang: 'id' | 'en'): string | undefined {
  if (!schema) return undefined;
  const desc = lang === 'en' ? (schema.$comment as string | undefined) : (schema.description as string | undefined);
  return desc;
}

function fieldLabel(path: (string | number)[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return last ? `\`${last}\`` : 'frontmatter';
}

function isDateSchemaPath(e: ErrorObject): boolean {
  return /tanggal/.test(e.schemaPath) || /^\^\[0-9\]\{4\}-/.test(String((e.params as { pattern?: string }).pattern ?? ''));
}

function translateOne(e: ErrorObject): SchemaProblem {
  const path = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const field = fieldLabel(path);
  switch (e.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      return { path, atKey: true, keyword: e.keyword, message: `kunci \`${key}\` wajib diisi`, messageEn: `missing required key \`${key}\`` };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys(((e.parentSchema ?? {}) as { properties?: Record<string, unknown> }).properties ?? {});
      const guess = didYouMean(key, known);
      return {
        path: [...path, key], atKey: true, keyword: e.keyword,
        message: `kunci \`${key}\` tidak dikenal${guess ? `; mungkin maksudnya \`${guess}\`?` : ''}${path.length === 0 ? ' (kunci tambahan milik instansi harus diawali `x-`)' : ''}`,
        messageEn: `unknown key \`${key}\`${guess ? `; did you mean \`${guess}\`?` : ''}${path.length === 0 ? ' (agency extension keys must start with `x-`)' : ''}`,
      };
    }
    case 'type':
      return {
        path, atKey: false, keyword: e.keyword,
        message: `${field} harus berupa ${expectedType(p.type as string, 'id')}, bukan ${typeName(e.data, 'id')}`,
        messageEn: `${field} must be ${expectedType(p.type as string, 'en')}, not ${typeName(e.data, 'en')}`,
      };
    case 'enum':
      return {
        path, atKey: false, keyword: e.keyword,
        message: `nilai \`${String(e.data)}\` tidak diizinkan untuk ${field}; pilih salah satu: ${quoteList(p.allowedValues as unknown[])}`,
        messageEn: `value \`${String(e.data)}\` is not allowed for ${field}; expected one of: ${quoteList(p.allowedValues as unknown[])}`,
      };
    case 'const':
      return { path, atKey: false, keyword: e.keyword, message: `${field} harus bernilai \`${String(p.allowedValue)}\``, messageEn: `${field} must be \`${String(p.allowedValue)}\`` };
    case 'pattern':
      if (isDateSchemaPath(e))
        return {
          path, atKey: false, keyword: e.keyword,
          message: `${field} bukan tanggal berformat YYYY-MM-DD atau YYYY-MM (misalnya 2025-01-15 atau 2023-08): \`${String(e.data)}\``,
          messageEn: `${field} is not a date in the form YYYY-MM-DD or YYYY-MM (e.g. 2025-01-15 or 2023-08): \`${String(e.data)}\``,
        };
      if (/id|pelaksana|target/.test(e.schemaPath) || /\^\[a-z\]/.test(String(p.pattern)))
        return {
          path, atKey: false, keyword: e.keyword,
          message: `${field} \`${String(e.data)}\` bukan id yang sah: gunakan huruf kecil, angka, \`-\` atau \`_\`, diawali huruf`,
          messageEn: `${field} \`${String(e.data)}\` is not a valid id: use lower-case letters, digits, \`-\` or \`_\`, starting with a letter`,
        };
      return { path, atKey: false, keyword: e.keyword, message: `${field} tidak sesuai pola \`${String(p.pattern)}\``, messageEn: `${field} does not match the pattern \`${String(p.pattern)}\`` };
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return { path, atKey: false, keyword: e.keyword, message: `${field} tidak boleh kosong`, messageEn: `${field} must not be empty` };
    case 'maxItems':
    case 'maxLength':
      return { path, atKey: false, keyword: e.keyword, message: `${field} terlalu panjang (paling banyak ${String(p.limit)})`, messageEn: `${field} is too long (at most ${String(p.limit)})` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { path, atKey: false, keyword: e.keyword, message: `${field} harus paling sedikit ${String(p.limit)}`, messageEn: `${field} must be at least ${String(p.limit)}` };
    case 'false schema': {
      // the only `false` in the SOP schema: `pelaksana` or `keputusan` on a row that has `langkah`
      const key = String(path[path.length - 1] ?? '');
      return {
        path, atKey: true, keyword: e.keyword,
        message: `baris dengan \`langkah\` tidak memiliki \`${key}\` sendiri; tulis \`pelaksana\` dan \`keputusan\` pada setiap butir \`langkah\``,
        messageEn: `a row with \`langkah\` has no \`${key}\` of its own; write \`pelaksana\` and \`keputusan\` on each \`langkah\` item`,
      };
    }
    case 'not':
      if (/prosedur/.test(e.schemaPath) || path[0] === 'prosedur')
        return {
          path: [...path, 'keputusan'], atKey: true, keyword: e.keyword, ruleId: 'decision-branches',
          message: 'baris tidak boleh memiliki `ke` dan `keputusan` sekaligus; cabang keputusan ditulis di `keputusan.ya` dan `keputusan.tidak`',
          messageEn: 'a row cannot have both `ke` and `keputusan`; a decision\'s branches go in `keputusan.ya` and `keputusan.tidak`',
        };
      return { path, atKey: false, keyword: e.keyword, message: `${field} tidak sah`, messageEn: `${field} is not valid` };
    default:
      return { path, atKey: false, keyword: e.keyword, message: `${field}: ${e.message ?? e.keyword}`, messageEn: `${field}: ${e.message ?? e.keyword}` };
  }
}

/**
 * Translates Ajv errors (validator run with allErrors + verbose). anyOf/oneOf cascades collapse:
 * when one branch has the right type, its own errors are kept; otherwise one "expected A or B"
 * message stands for the whole group. One problem per (place, message).
 */
export function translateAjvErrors(errors: ErrorObject[]): SchemaProblem[] {
  const groups = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const consumed = new Set<ErrorObject>();
  const out: SchemaProblem[] = [];
  // innermost groups first, so a nested anyOf is settled before its parent looks at it
  groups.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  const replacement = new Map<ErrorObject, ErrorObject[]>();
  for (const g of groups) {
    const prefix = g.schemaPath.slice(0, -g.keyword.length - 1) + '/' + g.keyword + '/';
    const members = errors.filter((e) => e !== g && e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(g.instancePath));
    const byBranch = new Map<number, ErrorObject[]>();
    for (const m of members) {
      const idx = Number(m.schemaPath.slice(prefix.length).split('/')[0]);
      if (!byBranch.has(idx)) byBranch.set(idx, []);
      byBranch.get(idx)!.push(m);
    }
    const typeMatched = [...byBranch.values()].find(
      (errs) => !errs.some((x) => x.instancePath === g.instancePath && ['type', 'const', 'enum'].includes(x.keyword)),
    );
    for (const m of members) consumed.add(m);
    if (typeMatched && g.keyword === 'anyOf') {
      for (const m of typeMatched) consumed.delete(m);
      consumed.add(g);
    } else if (typeMatched && g.keyword === 'oneOf') {
      for (const m of typeMatched) consumed.delete(m);
      consumed.add(g);
    } else {
      replacement.set(g, []);
    }
  }
  for (const e of errors) {
    if (consumed.has(e)) continue;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const path = pointerToPath(e.instancePath);
      const field = fieldLabel(path);
      const schema = e.parentSchema as Record<string, unknown> | undefined;
      const hintId = describeSchema(schema, 'id');
      const hintEn = describeSchema(schema, 'en');
      out.push({
        path, atKey: false, keyword: e.keyword,
        message: `nilai ${field} tidak sah (${typeName(e.data, 'id')})${hintId ? `: ${hintId}` : ''}`,
        messageEn: `${field} has an invalid value (${typeName(e.data, 'en')})${hintEn ? `: ${hintEn}` : ''}`,
      });
      continue;
    }
    // a failed `if` or `propertyNames` wrapper only repeats its inner error
    if (e.keyword === 'if' || e.keyword === 'propertyNames') continue;
    const t = translateOne(e);
    const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
    if (propertyName !== undefined) {
      t.path = [...pointerToPath(e.instancePath), propertyName];
      t.atKey = true;
      if (e.keyword === 'enum') {
        // a closed set of keys (e.g. rule ids in config `rules`): name the nearest one, or all of them
        const allowed = ((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String);
        const guess = didYouMean(propertyName, allowed);
        if (e.instancePath === '/labels') {
          // config `labels` (spec §7.4): the error lists every known key, with the nearest first
          t.message = `kunci label \`${propertyName}\` tidak dikenal${guess ? `; mungkin maksudnya \`${guess}\`?` : ''}. Kunci yang dikenal: ${quoteList(allowed)}`;
          t.messageEn = `unknown label key \`${propertyName}\`${guess ? `; did you mean \`${guess}\`?` : ''}. Known keys: ${quoteList(allowed)}`;
        } else {
          t.message = `kunci \`${propertyName}\` tidak dikenal; ${guess ? `mungkin maksudnya \`${guess}\`?` : `pilih salah satu: ${quoteList(allowed)}`}`;
          t.messageEn = `unknown key \`${propertyName}\`; ${guess ? `did you mean \`${guess}\`?` : `expected one of: ${quoteList(allowed)}`}`;
        }
      } else {
        t.message = `id \`${propertyName}\` tidak sah: gunakan huruf kecil, angka, \`-\` atau \`_\`, diawali huruf`;
        t.messageEn = `id \`${propertyName}\` is not valid: use lower-case letters, digits, \`-\` or \`_\`, starting with a letter`;
      }
    }
    out.push(t);
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const k = `${JSON.stringify(p.path)}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
