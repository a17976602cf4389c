// Reads one lifecycle record file (inventaris, monev, evaluasi YAML) with node positions, and validates it against its schema.
import { readFileSync } from 'node:fs';
import type { Location } from '../core/types.js';
import { LineIndex, locateInYaml, type LocateOptions, type YamlPath, type YamlSource } from '../yaml/positions.js';
import { decodeSource } from '../document/read.js';
import { fastLoadYaml } from '../yaml/js-yaml.js';
import { parseYaml } from '../yaml/parse.js';
import { translateAjvErrors } from '../schema/translate.js';
import { getRecordValidator, type RecordKind } from '../schema/validators.js';

export type { RecordKind };

/** Why a record cannot be used as it is; lint reports these under the rule id given. */
export interface RecordProblem {
  ruleId: 'file-read' | 'file-encoding' | 'yaml-syntax' | 'schema';
  message: string;
  messageEn: string;
  location: Location;
}

export interface RecordFile {
  kind: RecordKind;
  /** Path as reported (POSIX, relative to cwd where possible). */
  file: string;
  absPath: string;
  /** The parsed YAML (any shape); undefined when it could not be read or parsed. */
  data: unknown;
  source?: YamlSource;
  /** Reading, YAML and schema problems. A record with problems other than `schema` ones is not used. */
  problems: RecordProblem[];
}

const first = (file: string): Location => ({ file, line: 1, column: 1, endLine: 1, endColumn: 1 });

/** Where a YAML path of a record is written. */
export function locateRecord(rec: RecordFile, path: YamlPath, opts?: LocateOptions): Location {
  return rec.source ? locateInYaml(rec.source, path, opts) : first(rec.file);
}

/** Parses record text (a plain YAML file, BOM allowed). Never throws for bad content. */
export function parseRecord(kind: RecordKind, bytes: Uint8Array, file: string, absPath: string): RecordFile {
  const rec: RecordFile = { kind, file, absPath, data: undefined, problems: [] };
  const decoded = decodeSource(bytes);
  const lines = new LineIndex(decoded.text);
  if (!decoded.ok) {
    const at = lines.position(decoded.offset);
    rec.problems.push({
      ruleId: 'file-encoding',
      message: decoded.reason === 'binary' ? 'berkas biner, bukan teks YAML' : 'berkas bukan teks UTF-8 yang sah; simpan ulang dengan pengodean UTF-8',
      messageEn: decoded.reason === 'binary' ? 'binary file, not YAML text' : 'file is not valid UTF-8 text; save it again as UTF-8',
      location: { file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 },
    });
    return rec;
  }
  // js-yaml gives the data; the `yaml` Document with node ranges is built only when a position is asked for
  const fast = fastLoadYaml(decoded.text);
  if (fast) {
    let source: YamlSource | undefined;
    Object.defineProperty(rec, 'source', {
      enumerable: true,
      get: (): YamlSource => (source ??= { file, doc: parseYaml(decoded.text).doc, offset: 0, lines, wholeRange: lines.range(0, 0) }),
    });
    rec.data = fast.value;
    validateRecord(rec);
    return rec;
  }
  const parsed = parseYaml(decoded.text);
  rec.source = { file, doc: parsed.doc, offset: 0, lines, wholeRange: lines.range(0, 0) };
  if (parsed.problems.length > 0) {
    for (const p of parsed.problems) {
      rec.problems.push({
        ruleId: 'yaml-syntax',
        message: `YAML tidak sah: ${p.message}`,
        messageEn: `invalid YAML: ${p.message}`,
        location: { file, ...lines.range(p.start, Math.max(p.end, p.start + 1)) },
      });
    }
    return rec;
  }
  rec.data = parsed.value;
  validateRecord(rec);
  return rec;
}

function validateRecord(rec: RecordFile): void {
  const validate = getRecordValidator(rec.kind);
  if (validate(rec.data)) return;
  for (const p of translateAjvErrors(validate.errors ?? [])) {
    rec.problems.push({ ruleId: 'schema', message: p.message, messageEn: p.messageEn, location: locateRecord(rec, p.path, { key: p.atKey }) });
  }
}

/** Reads one record file; an unreadable file becomes a `file-read` problem. */
export function readRecord(kind: RecordKind, absPath: string, file: string): RecordFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      kind, file, absPath, data: undefined,
      problems: [{ ruleId: 'file-read', message: `berkas tidak dapat dibaca (${code})`, messageEn: `file cannot be read (${code})`, location: first(file) }],
    };
  }
  return parseRecord(kind, bytes, file, absPath);
}

/** True when the record parsed and follows its schema, so its model can be trusted. */
export function usable(rec: RecordFile): boolean {
  return rec.data !== undefined && rec.problems.length === 0;
}
