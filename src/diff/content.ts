// One version of an SOP file as comparable content: parsed frontmatter + body, and a canonical form that ignores layout and comments.
import { parseSop, type SopDocument } from '../document/sop-document.js';

export interface SopContent {
  /** Repository-relative path of this version. */
  path: string;
  /** The parsed frontmatter (before config defaults), or undefined when it did not parse. */
  data?: Record<string, unknown>;
  /** The Markdown body with HTML comments removed and whitespace collapsed. */
  body: string;
  /** True when the file has a frontmatter block (parsed or not). */
  isSop: boolean;
  /**
   * Equal for two versions exactly when their content is the same: key order of mappings is
   * ignored (except `pelaksana`, whose order is the column order), YAML comments and layout
   * are ignored, and the body is compared without comments and repeated whitespace.
   */
  canonical: string;
}

/** Parses one version of a file; never throws. */
export function readContent(path: string, bytes: Uint8Array): SopContent {
  return documentContent(path, parseSop(bytes, path, path));
}

/** The comparable content of a document already read (the working tree's version, as the command read it). */
export function documentContent(path: string, doc: SopDocument): SopContent {
  const body = normalizeBody(doc.body);
  const data = doc.problems.length === 0 && isRecord(doc.raw) ? doc.raw : undefined;
  const canonical = data ? `${stableJson(data, false)}\n${body}` : `!${normalizeBody(doc.text)}`;
  return { path, data, body, isSop: doc.hasFrontmatter, canonical };
}

/** Markdown body without HTML comments, with whitespace runs folded: layout-only edits do not count. */
export function normalizeBody(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, ' ').replace(/\s+/g, ' ').trim();
}

/** JSON with object keys sorted, except the keys of `pelaksana` (their order is the column order). */
function stableJson(value: unknown, keepOrder: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v, false)).join(',')}]`;
  if (isRecord(value)) {
    const keys = keepOrder ? Object.keys(value) : Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(value[k], k === 'pelaksana')}`).join(',')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).join('\n').trim());
  return JSON.stringify(value ?? null);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
