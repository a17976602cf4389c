// Fast path for reading an SOP: js-yaml (about 10× faster than `yaml` parseDocument) gives the data, and the
// `yaml` Document with node ranges is built only when a diagnostic needs a position. Anything unusual takes the slow path.
import { createRequire } from 'node:module';
import type { LoadedConfig } from '../config/config-types.js';
import { checkBody, checkYaml } from '../document/bounds.js';
import { splitFrontmatter } from '../document/frontmatter.js';
import { LineIndex, type YamlSource } from '../document/positions.js';
import { decodeSource } from '../document/read.js';
import { mergeDefaults, type SopDocument } from '../document/sop-document.js';
import { parseYaml } from '../document/yaml.js';

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
const UNUSUAL = /(?:^|[\s,[{:-])[&*!%]/;

/**
 * Shapes js-yaml accepts but `yaml` (the reference) rejects: a flow collection continued on
 * another line (yaml requires its own indentation rules there) and implicit keys over 1024
 * characters. Checked coarsely; a false alarm only costs the slow path.
 */
function needsReference(yamlText: string): boolean {
  let start = 0;
  while (start < yamlText.length) {
    let end = yamlText.indexOf('\n', start);
    if (end === -1) end = yamlText.length;
    if (end - start > 1000) return true;
    let depth = 0;
    for (let i = start; i < end; i++) {
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
function fastLoader(): Loader | null {
  if (loader !== undefined) return loader;
  let y: JsYaml;
  try {
    y = createRequire(import.meta.url)('js-yaml') as JsYaml;
  } catch {
    return (loader = null);
  }
  // every plain scalar is tried against each type: a first-character check keeps long texts off the regexes
  const scalar = (tag: string, first: RegExp, test: RegExp, construct: (s: string) => unknown) =>
    new y.Type(`tag:yaml.org,2002:${tag}`, {
      kind: 'scalar',
      resolve: (d) => {
        const s = d ?? '';
        return first.test(s) && test.test(s);
      },
      construct: (d) => construct(d ?? ''),
    });
  const schema = y.FAILSAFE_SCHEMA.extend({
    implicit: [
      scalar('null', /^(?:$|[~nN])/, /^(?:~|null|Null|NULL)?$/, () => null),
      scalar('bool', /^[tTfF]/, /^(?:true|True|TRUE|false|False|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
      scalar('int', /^[-+0-9]/, /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) =>
        s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
      scalar('float', /^[-+.0-9]/, /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (s) =>
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
 * An SopDocument read through js-yaml, or undefined when the file needs the slow path (bad bytes,
 * no or unterminated frontmatter, anything js-yaml rejects, anything unusual). Its `frontmatter`
 * (the `yaml` Document that `locate()` needs) is parsed on first access, so a clean file is never
 * parsed twice and a file with diagnostics is parsed once more, by the reference parser.
 */
export function fastParseSop(bytes: Uint8Array, file: string, absPath: string, config?: LoadedConfig): SopDocument | undefined {
  const load = fastLoader();
  if (!load) return undefined;
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return undefined;
  const text = decoded.text;
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') return undefined;
  const yamlText = text.slice(split.yamlStart, split.yamlEnd);
  if (UNUSUAL.test(yamlText) || needsReference(yamlText)) return undefined;
  // input past a bound: the slow path reports it (and never parses it)
  if (checkYaml(yamlText) || checkBody(text.slice(split.bodyStart))) return undefined;
  let value: unknown;
  try {
    value = load(yamlText);
  } catch {
    return undefined; // the slow path reports the syntax error with yaml's own words and place
  }
  if (value === undefined) value = null; // an empty document, as `yaml` gives it
  const lines = new LineIndex(text);
  let source: YamlSource | undefined;
  const doc = {
    file, absPath, text, lines, hasFrontmatter: true, raw: value, data: value, fromDefaults: new Set<string>(), config,
    body: text.slice(split.bodyStart), bodyLine: lines.position(split.bodyStart).line, problems: [],
  } as Omit<SopDocument, 'frontmatter'> as SopDocument;
  Object.defineProperty(doc, 'frontmatter', {
    enumerable: true,
    get: (): YamlSource => (source ??= { file, doc: parseYaml(yamlText).doc, offset: split.yamlStart, lines, wholeRange: lines.range(0, split.openLineEnd) }),
  });
  // config `defaults` fill the top-level keys the SOP does not set (as parseSop does)
  Object.assign(doc, mergeDefaults(value, config));
  return doc;
}
