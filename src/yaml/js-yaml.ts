// js-yaml with the YAML 1.2 core schema `yaml` uses: about 10x faster than `yaml` parseDocument for data whose
// positions are not needed yet. SOP frontmatter (lint/fast-yaml.ts) and lifecycle records use it; anything unusual is left to `yaml`.
import { createRequire } from 'node:module';

/** The part of js-yaml's API used here (the package ships no types). */
interface JsYaml {
  load(text: string, options: { schema: unknown; json?: boolean }): unknown;
  Type: new (tag: string, options: { kind: 'scalar'; resolve: (data: string | null) => boolean; construct: (data: string | null) => unknown }) => unknown;
  FAILSAFE_SCHEMA: { extend(definition: { implicit: unknown[] }): unknown };
}

/**
 * Aliases, anchors, tags and directives go to the slow path: `yaml` bounds alias expansion
 * (alias bombs) and is the reference for everything exotic. Plain SOPs use none of them.
 */
export const UNUSUAL = /(?:^|[\s,[{:-])[&*!%]/;

/** UNUSUAL.test(), without the regex for the usual text that holds none of `&*!%` (four indexOf scans are far cheaper). */
export function isUnusual(yamlText: string): boolean {
  if (yamlText.indexOf('&') === -1 && yamlText.indexOf('*') === -1 && yamlText.indexOf('!') === -1 && yamlText.indexOf('%') === -1) return false;
  return UNUSUAL.test(yamlText);
}

/**
 * Shapes js-yaml accepts but `yaml` (the reference) rejects: a flow collection continued on
 * another line (yaml requires its own indentation rules there) and implicit keys over 1024
 * characters. Checked coarsely; a false alarm only costs the slow path.
 */
export function needsReference(yamlText: string): boolean {
  // without brackets only the line lengths matter: skip the character loop (most SOPs have none)
  const brackets = yamlText.indexOf('[') !== -1 || yamlText.indexOf('{') !== -1 || yamlText.indexOf(']') !== -1 || yamlText.indexOf('}') !== -1;
  let start = 0;
  while (start < yamlText.length) {
    let end = yamlText.indexOf('\n', start);
    if (end === -1) end = yamlText.length;
    if (end - start > 1000) return true;
    let depth = 0;
    for (let i = start; brackets && i < end; i++) {
      const c = yamlText.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) depth++; // [ {
      else if (c === 0x5d || c === 0x7d) depth--; // ] }
    }
    if (depth !== 0) return true;
    start = end + 1;
  }
  return false;
}

type Loader = (text: string) => unknown;
let loader: Loader | null | undefined;

/**
 * js-yaml with exactly the YAML 1.2 core schema that `yaml` uses (its own core schema also takes
 * YAML 1.1 forms such as `1_000` and `0b101`), and duplicate keys as errors. Null when js-yaml
 * is not installed: every file then takes the slow path.
 */
export function fastLoader(): Loader | null {
  if (loader !== undefined) return loader;
  let y: JsYaml;
  try {
    y = createRequire(import.meta.url)('js-yaml') as JsYaml;
  } catch {
    return (loader = null);
  }
  // every plain scalar is tried against each type: a first-character test (no regex call) keeps texts off the regexes
  const scalar = (tag: string, first: (c: number) => boolean, test: RegExp, construct: (s: string) => unknown) =>
    new y.Type(`tag:yaml.org,2002:${tag}`, {
      kind: 'scalar',
      resolve: (d) => {
        const s = d ?? '';
        return first(s.length === 0 ? -1 : s.charCodeAt(0)) && test.test(s);
      },
      construct: (d) => construct(d ?? ''),
    });
  const digit = (c: number) => c >= 0x30 && c <= 0x39;
  const sign = (c: number) => c === 0x2b || c === 0x2d;
  const schema = y.FAILSAFE_SCHEMA.extend({
    implicit: [
      // -1: the empty scalar
      scalar('null', (c) => c === -1 || c === 0x7e || c === 0x6e || c === 0x4e, /^(?:~|null|Null|NULL)?$/, () => null),
      scalar('bool', (c) => c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46, /^(?:true|True|TRUE|false|False|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
      scalar('int', (c) => sign(c) || digit(c), /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) =>
        s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
      scalar('float', (c) => sign(c) || digit(c) || c === 0x2e, /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (s) =>
        /\.(?:nan|NaN|NAN)$/.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s)),
    ],
  });
  return (loader = (text) => y.load(text, { schema, json: false }));
}

/** True when the fast path can run at all (js-yaml is installed). */
export function fastPathAvailable(): boolean {
  return fastLoader() !== null;
}

/**
 * The data of a whole YAML text through js-yaml, or undefined when `yaml` must read it (js-yaml
 * missing, anything unusual, anything js-yaml rejects: `yaml` then reports it with its own words).
 */
export function fastLoadYaml(text: string): { value: unknown } | undefined {
  const load = fastLoader();
  if (!load || isUnusual(text) || needsReference(text)) return undefined;
  try {
    const value = load(text);
    return { value: value === undefined ? null : value };
  } catch {
    return undefined;
  }
}
