// Splits a Markdown file into its YAML frontmatter and body, keeping the offsets positions need.

export type FrontmatterSplit =
  | { kind: 'none' }
  /** Opening `---` without a closing line: the whole rest of the file would be YAML. */
  | { kind: 'unterminated'; yamlStart: number }
  | { kind: 'ok'; yamlStart: number; yamlEnd: number; bodyStart: number; openLineEnd: number };

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/** `text` must already be decoded and BOM-free. Offsets are into `text`. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const firstNl = text.indexOf('\n');
  const firstLine = (firstNl === -1 ? text : text.slice(0, firstNl)).replace(/\r$/, '');
  if (!FENCE.test(firstLine)) return { kind: 'none' };
  if (firstNl === -1) return { kind: 'unterminated', yamlStart: text.length };
  const yamlStart = firstNl + 1;
  let pos = yamlStart;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    // only a line that starts with `-` or `.` can close: the others are not sliced or matched
    const first = text.charCodeAt(pos);
    if ((first === 0x2d || first === 0x2e) && CLOSE.test(text.slice(pos, end).replace(/\r$/, ''))) {
      return { kind: 'ok', yamlStart, yamlEnd: pos, bodyStart: nl === -1 ? text.length : nl + 1, openLineEnd: firstNl };
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  return { kind: 'unterminated', yamlStart };
}
