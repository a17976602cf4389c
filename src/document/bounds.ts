// Input bounds checked before any parser runs: nesting and size of the Markdown body and the YAML
// frontmatter. Linear scans, no recursion; lint reports what build would refuse (rules body-limit, yaml-syntax).

/** Block containers (lists, quotes, indentation) deeper than this are refused; real SOP bodies use 3 or 4. */
export const MAX_BODY_NESTING = 32;
/** A run of `*` / `_` (emphasis delimiters) or of `[` longer than this is refused: each pair nests the parse once more. */
export const MAX_DELIMITER_RUN = 64;
/** Body size: a 5 MB body of prose still lints and builds; past this it is not an SOP page. */
export const MAX_BODY_CHARS = 8 * 1024 * 1024;
/** Frontmatter nesting (block indentation levels plus flow brackets); an SOP needs four or five. */
export const MAX_YAML_NESTING = 32;
/** Frontmatter size: a 200-row SOP is about 60 KB; a parse of a few hundred KB stays well under 200 MB. */
export const MAX_YAML_CHARS = 512 * 1024;

export interface BoundProblem {
  /** Offset (into the text given) where the limit is crossed. */
  offset: number;
  kind: 'nesting' | 'delimiters' | 'size';
  message: string;
  messageEn: string;
}

const FENCE = /^(`{3,}|~{3,})/;

/** Columns of leading whitespace from `i` (tab to the next multiple of 4) and where it ends. */
function indentAt(text: string, i: number, end: number): { cols: number; next: number } {
  let cols = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x20) cols++;
    else if (c === 0x09) cols += 4 - (cols % 4);
    else break;
    i++;
  }
  return { cols, next: i };
}

/**
 * The first place where the Markdown body goes past a bound, or undefined. Nesting is estimated per
 * line, outside fenced code: container markers (`>`, `-`, `*`, `+`, `1.`) plus half the indentation
 * (a nested list item is indented by at least two columns per level). An over-estimate only ever
 * refuses absurd input, which is the point.
 */
export function checkBody(body: string): BoundProblem | undefined {
  return checkBodyLines(body, true);
}

/** Characters that can make up the container prefix of a line: whitespace, `>`, `-`, `*`, `+`, digits, `.`, `)`. */
function prefixChar(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3e || c === 0x2d || c === 0x2a || c === 0x2b || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x29;
}

/**
 * True when no bound can be crossed, found without the line-by-line scan (about 2% of a whole lint
 * run on ordinary SOPs). Delimiter runs: a run of more than MAX_DELIMITER_RUN needs that many of one
 * of `*`, `_`, `[` in the text. Nesting: each character of a line's container prefix adds at most two
 * levels (a tab is 4 columns, 2 levels; `>` one level; a marker or number with its space one level
 * for two characters), so a level past MAX_BODY_NESTING needs a prefix of more than half of it.
 */
function bodyFineForSure(body: string): boolean {
  if (countOf(body, '*') > MAX_DELIMITER_RUN || countOf(body, '_') > MAX_DELIMITER_RUN || countOf(body, '[') > MAX_DELIMITER_RUN) return false;
  return !someLineStartsWithRun(body, Math.floor(MAX_BODY_NESTING / 2) + 1, prefixChar);
}

/**
 * Whether a line of `text` starts with at least `need` characters for which `inRun` holds: a scan
 * from each line start (a multiline regex would try every position of the text). Both shortcuts use it.
 */
function someLineStartsWithRun(text: string, need: number, inRun: (c: number) => boolean): boolean {
  for (let start = 0; start < text.length; ) {
    let i = start;
    const stop = Math.min(text.length, start + need);
    while (i < stop && inRun(text.charCodeAt(i))) i++;
    if (i - start >= need) return true;
    const nl = text.indexOf('\n', i);
    if (nl === -1) break;
    start = nl + 1;
  }
  return false;
}

/** A space or `-`: what the leading run of a YAML line that opens block levels is made of. */
const spaceOrDash = (c: number): boolean => c === 0x20 || c === 0x2d;

/** checkBody(); `shortcut` false always scans every line (tests compare the two). */
export function checkBodyLines(body: string, shortcut = false): BoundProblem | undefined {
  if (body.length > MAX_BODY_CHARS) {
    return {
      offset: MAX_BODY_CHARS, kind: 'size',
      message: `isi Markdown terlalu besar (${body.length} karakter; batas ${MAX_BODY_CHARS})`,
      messageEn: `the Markdown body is too large (${body.length} characters; the limit is ${MAX_BODY_CHARS})`,
    };
  }
  if (shortcut && bodyFineForSure(body)) return undefined;
  let fence: string | undefined;
  let pos = 0;
  while (pos <= body.length) {
    let end = body.indexOf('\n', pos);
    if (end === -1) end = body.length;
    let { cols, next: i } = indentAt(body, pos, end);
    let depth = 0;
    // container markers at the start of the line, each followed by whitespace (or the line's end)
    for (;;) {
      const c = body.charCodeAt(i);
      let after = -1;
      if (c === 0x3e) after = i + 1; // >
      else if ((c === 0x2d || c === 0x2a || c === 0x2b) && (i + 1 === end || body.charCodeAt(i + 1) === 0x20 || body.charCodeAt(i + 1) === 0x09)) after = i + 1;
      else if (c >= 0x30 && c <= 0x39) {
        let j = i;
        while (j < end && j - i < 9 && body.charCodeAt(j) >= 0x30 && body.charCodeAt(j) <= 0x39) j++;
        const d = body.charCodeAt(j);
        if ((d === 0x2e || d === 0x29) && (j + 1 === end || body.charCodeAt(j + 1) === 0x20)) after = j + 1;
      }
      if (after === -1 || i >= end) break;
      depth++;
      const ws = indentAt(body, after, end);
      i = ws.next;
      if (depth > MAX_BODY_NESTING) break;
    }
    const rest = body.slice(i, Math.min(end, i + 4));
    const f = FENCE.exec(rest);
    if (fence !== undefined) {
      if (f && f[1][0] === fence[0]) fence = undefined;
    } else {
      if (f) fence = f[1];
      const level = depth + Math.floor(cols / 2);
      if (level > MAX_BODY_NESTING) {
        return {
          offset: pos, kind: 'nesting',
          message: `daftar/kutipan bersarang terlalu dalam (lebih dari ${MAX_BODY_NESTING} tingkat); isi Markdown tidak dapat dibangun`,
          messageEn: `lists or quotes are nested too deeply (more than ${MAX_BODY_NESTING} levels); the Markdown body cannot be built`,
        };
      }
      // delimiter runs: `***...` (emphasis) and `[[[...` (link labels) each nest the inline parse
      let run = 0;
      let runChar = 0;
      for (let k = i; k < end; k++) {
        const c = body.charCodeAt(k);
        if (c === 0x2a || c === 0x5f || c === 0x5b) {
          run = c === runChar ? run + 1 : 1;
          runChar = c;
          if (run > MAX_DELIMITER_RUN) {
            return {
              offset: k - run + 1, kind: 'delimiters',
              message: `deretan tanda \`${String.fromCharCode(c)}\` terlalu panjang (lebih dari ${MAX_DELIMITER_RUN}); tulis sebagai \\${String.fromCharCode(c)} bila memang dimaksud`,
              messageEn: `a run of \`${String.fromCharCode(c)}\` is too long (more than ${MAX_DELIMITER_RUN}); escape it as \\${String.fromCharCode(c)} if it is meant`,
            };
          }
        } else if (c !== 0x20) {
          run = 0;
          runChar = 0;
        }
      }
    }
    if (end === body.length) break;
    pos = end + 1;
  }
  return undefined;
}

/** A `|` or `>` in yaml[from, to): only such a line can open a block scalar (a scan is cheaper than slicing it for the pattern). */
function hasBlockIndicator(yaml: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = yaml.charCodeAt(k);
    if (c === 0x7c || c === 0x3e) return true;
  }
  return false;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Whether position `k` of a line whose content starts at `i` begins a scalar: first on the line, or after `:`, `-`, `?`, `,`, `[`, `{`. */
function scalarStart(yaml: string, i: number, k: number): boolean {
  let j = k - 1;
  while (j >= i && (yaml.charCodeAt(j) === 0x20 || yaml.charCodeAt(j) === 0x09)) j--;
  if (j < i) return true;
  const p = yaml.charCodeAt(j);
  return p === 0x3a || p === 0x2d || p === 0x3f || p === 0x2c || p === 0x5b || p === 0x7b;
}

/**
 * True when the nesting bound cannot be crossed, found without the line-by-line scan (which costs
 * about a tenth of a whole lint run on ordinary SOPs). Open block levels have distinct
 * indentations, and with spaces only the deepest level is at most the run of spaces and `-` that
 * starts its line; flow brackets add at most one level each. So the bound needs a line whose run
 * is at least MAX_YAML_NESTING minus the number of `[` and `{`. Tabs (4 columns) get the full scan.
 */
function shallowForSure(yaml: string): boolean {
  const need = MAX_YAML_NESTING - countOf(yaml, '[') - countOf(yaml, '{');
  if (need <= 1 || (yaml.indexOf('\t') !== -1 && /^[ -]*\t/m.test(yaml))) return false;
  return !someLineStartsWithRun(yaml, need, spaceOrDash);
}

/**
 * The first place where the YAML goes past a bound, or undefined. Nesting counts open block levels
 * (a stack of indentations, `- ` items on one line each opening one) plus open flow brackets outside
 * quotes; block scalar contents (`|`, `>`) and comments are skipped. The position is that of the
 * first line past the bound: stable, unlike a parser's stack overflow.
 */
export function checkYaml(yaml: string): BoundProblem | undefined {
  return checkYamlLines(yaml, true);
}

/** checkYaml(); `shortcut` false always scans every line (tests compare the two). */
export function checkYamlLines(yaml: string, shortcut = false): BoundProblem | undefined {
  if (yaml.length > MAX_YAML_CHARS) {
    return {
      offset: 0, kind: 'size',
      message: `frontmatter YAML terlalu besar (${yaml.length} karakter; batas ${MAX_YAML_CHARS})`,
      messageEn: `the YAML frontmatter is too large (${yaml.length} characters; the limit is ${MAX_YAML_CHARS})`,
    };
  }
  const tooDeep = (offset: number): BoundProblem => ({
    offset, kind: 'nesting',
    message: `YAML bersarang terlalu dalam (lebih dari ${MAX_YAML_NESTING} tingkat); SOP hanya memerlukan beberapa tingkat (kunci, daftar, baris)`,
    messageEn: `the YAML is nested too deeply (more than ${MAX_YAML_NESTING} levels); an SOP needs only a few levels (key, list, row)`,
  });
  if (shortcut && shallowForSure(yaml)) return undefined;
  const stack: number[] = [];
  let flow = 0;
  // a quoted scalar may run over several lines (YAML folds long ones): its text is never structure
  let quote = 0;
  let blockScalarIndent = -1; // > -1: inside a block scalar whose parent is at this indentation
  let pos = 0;
  while (pos <= yaml.length) {
    let end = yaml.indexOf('\n', pos);
    if (end === -1) end = yaml.length;
    const { cols, next } = indentAt(yaml, pos, end);
    const blank = next >= end || yaml.charCodeAt(next) === 0x23; // empty or comment
    if (blockScalarIndent >= 0) {
      if (blank || cols > blockScalarIndent) {
        pos = end + 1;
        if (end === yaml.length) break;
        continue;
      }
      blockScalarIndent = -1;
    }
    if (!blank || quote) {
      let i = next;
      let level = cols;
      if (flow === 0 && !quote) {
        while (stack.length > 0 && stack[stack.length - 1] > level) stack.pop();
        if (stack.length === 0 || stack[stack.length - 1] < level) stack.push(level);
        // `- - - x`: every dash opens a sequence one level deeper
        while (yaml.charCodeAt(i) === 0x2d && (i + 1 === end || yaml.charCodeAt(i + 1) === 0x20)) {
          const ws = indentAt(yaml, i + 1, end);
          level += 1 + (ws.next - i - 1);
          stack.push(level);
          i = ws.next;
          if (stack.length > MAX_YAML_NESTING) break;
        }
      }
      for (let k = i; k < end; k++) {
        const c = yaml.charCodeAt(k);
        if (quote) {
          if (quote === 0x22 && c === 0x5c) k++; // `\"` and other escapes stay inside
          else if (quote === 0x27 && c === 0x27 && yaml.charCodeAt(k + 1) === 0x27) k++; // `''`
          else if (c === quote) quote = 0;
          continue;
        }
        // a quote opens a quoted scalar only where a scalar begins (not the apostrophe of `don't`)
        if ((c === 0x22 || c === 0x27) && scalarStart(yaml, i, k)) quote = c;
        else if (c === 0x23 && (k === i || yaml.charCodeAt(k - 1) === 0x20)) break; // comment
        else if (c === 0x5b || c === 0x7b) flow++;
        else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
        if (stack.length + flow > MAX_YAML_NESTING) return tooDeep(pos);
      }
      if (stack.length + flow > MAX_YAML_NESTING) return tooDeep(pos);
      // `key: |` / `key: >-`: the lines below that are more indented are text, not structure
      if (flow === 0 && hasBlockIndicator(yaml, i, end) && /(?:^|[:\-])\s*[|>][-+0-9]*\s*(?:#.*)?$/.test(yaml.slice(i, end))) blockScalarIndent = level;
    }
    if (end === yaml.length) break;
    pos = end + 1;
  }
  return undefined;
}
