// Fast path for reading an SOP: js-yaml (about 10× faster than `yaml` parseDocument) gives the data, and the
// `yaml` Document with node ranges is built only when a diagnostic needs a position. Anything unusual takes the slow path.
import type { LoadedConfig } from '../config/config-types.js';
import { documentParsed } from '../core/trace.js';
import { checkBody, checkYaml } from '../document/bounds.js';
import { splitFrontmatter } from '../yaml/frontmatter.js';
import { LineIndex, lineAt, type YamlSource } from '../yaml/positions.js';
import { decodeSource } from '../document/read.js';
import { mergeDefaults, type SopDocument } from '../document/sop-document.js';
import { parseYaml } from '../yaml/parse.js';
import { fastLoader, isUnusual, needsReference } from '../yaml/js-yaml.js';

export { fastPathAvailable } from '../yaml/js-yaml.js';

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
  if (isUnusual(yamlText) || needsReference(yamlText)) return undefined;
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
    body: text.slice(split.bodyStart), bodyLine: lineAt(text, split.bodyStart), problems: [],
  } as Omit<SopDocument, 'frontmatter'> as SopDocument;
  Object.defineProperty(doc, 'frontmatter', {
    enumerable: true,
    get: (): YamlSource => (source ??= { file, doc: parseYaml(yamlText).doc, offset: split.yamlStart, lines, wholeRange: lines.range(0, split.openLineEnd) }),
  });
  // config `defaults` fill the top-level keys the SOP does not set (as parseSop does)
  Object.assign(doc, mergeDefaults(value, config));
  if (documentParsed.hasSubscribers) documentParsed.publish({ absPath });
  return doc;
}
