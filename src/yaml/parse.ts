// Parses YAML the one way sop does everywhere: YAML 1.2, unique keys, no pretty errors, bounded aliases.
import type { Document } from 'yaml';
import { yamlLibrary } from './library.js';

export interface YamlSyntaxProblem {
  message: string;
  /** Offsets into the parsed YAML text. */
  start: number;
  end: number;
  code: string;
}

export interface ParsedYaml {
  doc: Document;
  value: unknown;
  problems: YamlSyntaxProblem[];
}

/** Aliases allowed before a document is treated as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string): ParsedYaml {
  const doc = yamlLibrary().parseDocument(text, { version: '1.2', uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const problems: YamlSyntaxProblem[] = doc.errors.map((e) => ({
    message: e.message,
    start: e.pos[0],
    end: e.pos[1],
    code: e.code,
  }));
  let value: unknown = null;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      // toJS refuses excessive aliases; report it as a syntax problem at the document start
      const msg = err instanceof Error ? err.message : String(err);
      problems.push({ message: msg, start: 0, end: 0, code: 'ALIAS_LIMIT' });
    }
  }
  return { doc, value, problems };
}

/** A YAML mapping as data (not a list, not a scalar, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
