// The facts cross-file rules need from the repository's other SOPs (nomor, nama, keterkaitan, dates,
// status), read from the frontmatter alone and parsed key by key: linting one file does not read
// and parse every large SOP of the repository in full.
import { closeSync, openSync, readSync } from 'node:fs';
import type { LoadedConfig } from '../config/config-types.js';
import { checkYaml } from '../document/bounds.js';
import { splitFrontmatter } from '../yaml/frontmatter.js';
import { decodeSource } from '../document/read.js';
import { mergeDefaults } from '../document/sop-document.js';
import { isPlainObject, parseYaml } from '../yaml/parse.js';
import { FACT_KEYS, factsFromData } from './engine.js';
import type { FileFacts } from './types.js';

const FIRST_CHUNK = 64 * 1024;

/** The file's text up to the end of its frontmatter (the body is not read), or undefined when it has none. */
function readFrontmatterText(absPath: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch {
    return undefined;
  }
  try {
    const parts: Buffer[] = [];
    let size = FIRST_CHUNK;
    for (;;) {
      const buf = Buffer.allocUnsafe(size);
      const n = readSync(fd, buf, 0, size, null);
      if (n > 0) parts.push(buf.subarray(0, n));
      const bytes = Buffer.concat(parts);
      const eof = n < size;
      const decoded = decodeSource(bytes);
      // a cut in the middle of a character only matters when it is the last thing read
      if (!decoded.ok && (eof || decoded.reason === 'binary')) return undefined;
      const split = splitFrontmatter(decoded.text);
      if (split.kind === 'none') return undefined;
      if (split.kind === 'ok' && (split.bodyStart < decoded.text.length || eof)) return decoded.text.slice(split.yamlStart, split.yamlEnd);
      if (eof) return undefined; // unterminated frontmatter: no facts, as a full read gives none
      size *= 2;
    }
  } finally {
    closeSync(fd);
  }
}

const TOP_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;

/**
 * Facts from a header scan; null when the file has no facts to give (no or broken frontmatter, past
 * a bound: a full read gives none either); undefined when the scan cannot be trusted and the caller
 * should read the file in full (a key written twice, a snippet that does not parse alone, no keys).
 */
export function scanFacts(file: string, absPath: string, config: LoadedConfig): FileFacts | null | undefined {
  const yaml = readFrontmatterText(absPath);
  if (yaml === undefined || checkYaml(yaml)) return null;
  const lines = yaml.split('\n');
  const snippets = new Map<string, string>();
  let keys = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = TOP_KEY.exec(lines[i]);
    if (!m) continue;
    keys++;
    if (!FACT_KEYS.includes(m[1])) continue;
    if (snippets.has(m[1])) return undefined;
    let j = i + 1;
    // the value runs on while lines are indented, blank, comments, or `-` items at column 0
    while (j < lines.length && (/^[ \t#]/.test(lines[j]) || /^-(?:[ \t]|$)/.test(lines[j]) || lines[j].trim() === '')) j++;
    snippets.set(m[1], lines.slice(i, j).join('\n'));
    i = j - 1;
  }
  if (keys === 0 && yaml.trim() !== '') return undefined;
  const data: Record<string, unknown> = {};
  for (const [key, text] of snippets) {
    const parsed = parseYaml(text);
    if (parsed.problems.length > 0 || !isPlainObject(parsed.value)) return undefined;
    data[key] = parsed.value[key];
  }
  const merged = mergeDefaults(data, config).data;
  return factsFromData(file, isPlainObject(merged) ? merged : data);
}
