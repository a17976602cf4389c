// Small helpers the formatters share: path shapes and the file a diagnostic really points into.
import { isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic, FileResult, Range } from '../core/types.js';

/** Backslashes to slashes, so Windows paths print like POSIX ones. */
export function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Path relative to cwd in POSIX form; a path outside cwd stays absolute, since `../` breaks URI bases. */
export function relativePosix(file: string, cwd: string): string {
  if (!isAbsolute(file)) return toPosix(file);
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? toPosix(file) : toPosix(rel);
}

/** Absolute path of a results path (JSON consumers such as editors expect absolute paths). */
export function absolutePath(file: string, cwd: string): string {
  return resolve(cwd, file);
}

/**
 * The file a diagnostic's position belongs to when it is not the linted file itself
 * (a value merged from config `defaults` is reported where it was written).
 */
export function foreignFile(d: Diagnostic, result: FileResult): string | undefined {
  return d.file && toPosix(d.file) !== toPosix(result.filePath) ? d.file : undefined;
}

/** 1-based line/column span that machine formats can trust: positive integers, end never before start. */
export function safeRange(d: Range): Range {
  const pos = (n: number | undefined): number => (Number.isInteger(n) && (n as number) >= 1 ? (n as number) : 1);
  const line = pos(d.line);
  const column = pos(d.column);
  const endLine = Number.isInteger(d.endLine) && d.endLine >= line ? d.endLine : line;
  const endColumn = pos(d.endColumn);
  return { line, column, endLine, endColumn: endLine === line && endColumn < column ? column : endColumn };
}

/**
 * Text for a terminal: control characters (ESC, CR, BEL, backspace, ...) and the bidi/line-separator
 * marks that reorder or hide text are shown as visible escapes (`\x1b`, `\u202e`), so a file name or
 * a message quoting SOP text can never move the cursor, recolour or rewrite what the user reads.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
