// Loads one SOP file into a SopDocument: decoded text, frontmatter YAML with node ranges, merged data, body.
import { readFile } from 'node:fs/promises';
import { outsideMessage } from '../core/paths.js';
import { documentParsed } from '../core/trace.js';
import type { Location } from '../core/types.js';
import { checkBody, checkYaml, type BoundProblem } from './bounds.js';
import { splitFrontmatter } from '../yaml/frontmatter.js';
import { LineIndex, locateInYaml, type LocateOptions, type YamlPath, type YamlSource } from '../yaml/positions.js';
import { decodeSource } from './read.js';
import { isPlainObject, parseYaml } from '../yaml/parse.js';

/** Why a file could not be (fully) read as an SOP. Turned into diagnostics by lint. */
export interface LoadProblem {
  ruleId: 'yaml-syntax' | 'frontmatter-missing' | 'file-encoding' | 'file-read' | 'path-outside' | 'body-limit';
  message: string;
  messageEn: string;
  location: Location;
  /** The YAML parser's error code (e.g. DUPLICATE_KEY) for yaml-syntax problems. */
  code?: string;
}

export interface SopDocument {
  /** Path as reported (POSIX, relative to cwd where possible). */
  file: string;
  absPath: string;
  text: string;
  lines: LineIndex;
  /** The frontmatter, when the file has one that parsed. */
  frontmatter?: YamlSource;
  /** True when the file starts with a frontmatter block (even a broken one). */
  hasFrontmatter: boolean;
  /** The frontmatter as plain data before config defaults (any shape: the schema checks it). */
  raw: unknown;
  /** raw merged with config defaults when raw is a mapping; otherwise raw as it is. */
  data: unknown;
  /** Top-level keys whose value came from config `defaults`. */
  fromDefaults: ReadonlySet<string>;
  config?: DocumentDefaults;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  problems: LoadProblem[];
}

function whole(lines: LineIndex, file: string, start: number, end: number): Location {
  return { file, ...lines.range(start, end) };
}

/** Builds a SopDocument from already-read bytes. Never throws for bad content. */
/**
 * What a document needs of its configuration: the `defaults` it merges, and where they are written
 * (so a value that came from them is located in the config file). A loaded config is one.
 */
export interface DocumentDefaults {
  config: { defaults?: object };
  /** The config file's folder, where paths in the config (a logo) resolve. */
  dir?: string;
  source?: YamlSource;
  /** With `extends`: every file of the chain, the nearest first; a default is located in the one that sets it. */
  chain?: { source: YamlSource }[];
}

export function parseSop(bytes: Uint8Array, file: string, absPath: string, config?: DocumentDefaults): SopDocument {
  if (documentParsed.hasSubscribers) documentParsed.publish({ absPath });
  const decoded = decodeSource(bytes);
  const text = decoded.text;
  const lines = new LineIndex(text);
  const base: SopDocument = {
    file, absPath, text, lines, hasFrontmatter: false, raw: undefined, data: undefined,
    fromDefaults: new Set(), config, body: text, bodyLine: 1, problems: [],
  };
  if (!decoded.ok) {
    const at = lines.position(decoded.offset);
    base.problems.push({
      ruleId: 'file-encoding',
      message: decoded.reason === 'binary' ? 'berkas biner, bukan teks Markdown' : 'berkas bukan teks UTF-8 yang sah; simpan ulang dengan pengodean UTF-8',
      messageEn: decoded.reason === 'binary' ? 'binary file, not Markdown text' : 'file is not valid UTF-8 text; save it again as UTF-8',
      location: { file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 },
    });
    base.hasFrontmatter = splitFrontmatter(text).kind !== 'none';
    return base;
  }
  const split = splitFrontmatter(text);
  if (split.kind === 'none') return base;
  base.hasFrontmatter = true;
  if (split.kind === 'unterminated') {
    base.problems.push({
      ruleId: 'yaml-syntax',
      message: 'frontmatter tidak ditutup: tambahkan baris `---` setelah kunci terakhir',
      messageEn: 'frontmatter is not closed: add a `---` line after the last key',
      location: whole(lines, file, 0, Math.min(3, text.length)),
    });
    return base;
  }
  const yamlText = text.slice(split.yamlStart, split.yamlEnd);
  base.body = text.slice(split.bodyStart);
  base.bodyLine = lines.position(split.bodyStart).line;
  // bounds first: absurd nesting or size is refused before a parser can be exhausted by it
  const yamlBound = checkYaml(yamlText);
  if (yamlBound) {
    base.problems.push({ ruleId: 'yaml-syntax', code: yamlBound.kind === 'size' ? 'SIZE_LIMIT' : 'DEPTH_LIMIT', ...boundProblem(lines, file, split.yamlStart + yamlBound.offset, yamlBound) });
    return base;
  }
  const bodyBound = checkBody(base.body);
  if (bodyBound) base.problems.push({ ruleId: 'body-limit', ...boundProblem(lines, file, split.bodyStart + bodyBound.offset, bodyBound) });
  const parsed = parseYaml(yamlText);
  const source: YamlSource = {
    file, doc: parsed.doc, offset: split.yamlStart, lines,
    wholeRange: lines.range(0, split.openLineEnd),
  };
  if (parsed.problems.length > 0) {
    for (const p of parsed.problems) {
      // an exhausted stack stops at a different node each run: report the frontmatter, a stable place
      const unstable = p.code === 'ALIAS_LIMIT' || /Maximum call stack size exceeded/.test(p.message);
      const loc = unstable ? whole(lines, file, 0, split.openLineEnd) : whole(lines, file, split.yamlStart + p.start, split.yamlStart + Math.max(p.end, p.start + 1));
      base.problems.push({ ruleId: 'yaml-syntax', message: translateYamlMessage(p.code, p.message, 'id'), messageEn: translateYamlMessage(p.code, p.message, 'en'), location: loc, code: p.code });
    }
    return base;
  }
  base.frontmatter = source;
  base.raw = parsed.value;
  base.data = parsed.value;
  Object.assign(base, mergeDefaults(parsed.value, config));
  return base;
}

/** The frontmatter merged with config `defaults` (keys the file sets win), and which keys came from the config. */
export function mergeDefaults(value: unknown, config?: DocumentDefaults): { data: unknown; fromDefaults: Set<string> } {
  const from = new Set<string>();
  const defaults = config?.config.defaults;
  if (!defaults || !isPlainObject(value)) return { data: value, fromDefaults: from };
  const merged: Record<string, unknown> = { ...value };
  for (const [k, v] of Object.entries(defaults)) {
    if (!(k in merged)) {
      merged[k] = v;
      from.add(k);
    }
  }
  return { data: merged, fromDefaults: from };
}

/** A bound problem located on the line where the limit is crossed. */
function boundProblem(lines: LineIndex, file: string, offset: number, b: BoundProblem): Omit<LoadProblem, 'ruleId'> {
  const at = lines.position(offset);
  const lineEnd = lines.text.indexOf('\n', offset);
  const end = lines.position(lineEnd === -1 ? lines.text.length : lineEnd);
  return { message: b.message, messageEn: b.messageEn, location: { file, line: at.line, column: at.column, endLine: end.line, endColumn: end.column } };
}

/** A document whose file was not read, carrying the one problem that says why. */
export function unreadDocument(file: string, absPath: string, config: DocumentDefaults | undefined, problem: Omit<LoadProblem, 'location'>): SopDocument {
  return {
    file, absPath, text: '', lines: new LineIndex(''), hasFrontmatter: false, raw: undefined, data: undefined, fromDefaults: new Set(),
    config, body: '', bodyLine: 1,
    problems: [{ ...problem, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } }],
  };
}

/** A discovered path that leads out of the repository: never read, reported as `path-outside`. */
export function outsideDocument(file: string, absPath: string, real: string | undefined, config?: DocumentDefaults): SopDocument {
  return unreadDocument(file, absPath, config, { ruleId: 'path-outside', ...outsideMessage(file, real) });
}

/** Reads and parses one SOP file; an unreadable file becomes a `file-read` problem. */
export async function loadSop(absPath: string, file: string, config?: DocumentDefaults): Promise<SopDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return unreadDocument(file, absPath, config, {
      ruleId: 'file-read',
      message: code === 'ENOENT' ? 'berkas tidak ditemukan' : code === 'EISDIR' ? 'ini folder, bukan berkas' : `berkas tidak dapat dibaca (${code})`,
      messageEn: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'this is a folder, not a file' : `file cannot be read (${code})`,
    });
  }
  return parseSop(bytes, file, absPath, config);
}

/**
 * Where a YAML path of the merged data is written: in the SOP file, or in the config file when
 * the top-level key came from config `defaults`.
 */
export function locate(doc: SopDocument, path: YamlPath, opts?: LocateOptions): Location {
  const top = path[0];
  if (top !== undefined && doc.fromDefaults.has(String(top)) && doc.config?.source) {
    const src = doc.config.chain?.find((l) => l.source.doc.hasIn(['defaults', top]))?.source ?? doc.config.source;
    return locateInYaml(src, ['defaults', ...path], opts);
  }
  if (doc.frontmatter) return locateInYaml(doc.frontmatter, path, opts);
  return { file: doc.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

const YAML_MESSAGES_ID: Record<string, string> = {
  DUPLICATE_KEY: 'kunci ganda: setiap kunci hanya boleh muncul sekali dalam satu pemetaan',
  TAB_AS_INDENT: 'tab tidak boleh dipakai untuk indentasi; gunakan spasi',
  BAD_INDENT: 'indentasi tidak benar',
  MISSING_CHAR: 'ada karakter penutup yang hilang (tanda kutip atau kurung)',
  MULTILINE_IMPLICIT_KEY: 'kunci implisit tidak boleh lebih dari satu baris; periksa titik dua dan indentasi',
  BLOCK_AS_IMPLICIT_KEY: 'struktur blok tidak boleh menjadi kunci; periksa titik dua dan indentasi',
  UNEXPECTED_TOKEN: 'token tidak terduga',
  ALIAS_LIMIT: 'terlalu banyak alias YAML (kemungkinan "alias bomb"); dokumen tidak diproses',
  BAD_ALIAS: 'alias YAML tidak sah atau belum didefinisikan',
};

function translateYamlMessage(code: string, message: string, lang: 'id' | 'en'): string {
  // the parser turns a stack overflow on absurd nesting into an error; say what it means for the author
  if (/Maximum call stack size exceeded/.test(message)) {
    return lang === 'en'
      ? 'the YAML is nested too deeply to read; an SOP needs only a few levels (key, list, row)'
      : 'YAML bersarang terlalu dalam sehingga tidak dapat dibaca; SOP hanya memerlukan beberapa tingkat (kunci, daftar, baris)';
  }
  if (lang === 'en') return code === 'ALIAS_LIMIT' ? 'too many YAML aliases (a possible alias bomb); the document was not processed' : message;
  const id = YAML_MESSAGES_ID[code];
  return id ? `${id} (${message})` : `YAML tidak sah: ${message}`;
}
