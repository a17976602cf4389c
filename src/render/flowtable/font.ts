// Text metrics of Arimo (metric-compatible with Arial), from the widths scripts/build-font-metrics.mjs read out of the
// woff2 files with fontkit (arimo-metrics.ts), and word wrapping for table cells.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { ARIMO_METRICS, type FaceMetrics } from './arimo-metrics.js';
import { hyphenatedWidth, hyphenSplit, syllableBreaks } from './hyphenate.js';
import type { InlineLine, InlineRun } from '../../core/inline-markdown.js';

const require = createRequire(import.meta.url);

/** Where the fonts live, so the HTML build can embed the very same files (whose widths arimo-metrics.ts holds). */
export const FONT_FILES: { regular: string; bold: string } = {
  regular: require.resolve('@fontsource/arimo/files/arimo-latin-400-normal.woff2'),
  bold: require.resolve('@fontsource/arimo/files/arimo-latin-700-normal.woff2'),
};

/** Family name used in every SVG; the HTML build must declare its @font-face under this name. */
export const FONT_FAMILY = 'Arimo';

interface Face {
  /** Advance width in em by code point: the face's own glyphs, then the answers advanceEm gave for code points it lacks. */
  em: Map<number, number>;
  /** The same for code points < 256 (NaN = not known yet): the hot path for Indonesian text. */
  ascii: Float64Array;
}

function openFace(m: FaceMetrics): Face {
  const em = new Map<number, number>();
  const ascii = new Float64Array(256).fill(Number.NaN);
  m.codePoints.forEach((cp, i) => {
    const w = m.advances[i] / m.unitsPerEm;
    em.set(cp, w);
    if (cp < 256) ascii[cp] = w;
  });
  // tabs and line ends measure as spaces (whether or not the face has a glyph for them)
  for (const cp of [0x09, 0x0a, 0x0d]) ascii[cp] = ascii[0x20];
  return { em, ascii };
}

/** The latin subset (regular, bold), and latin-ext for the rare characters it lacks. */
const faces: { regular?: Face; bold?: Face; regularExt?: Face; boldExt?: Face } = {};
const face = (bold: boolean): Face => (bold ? (faces.bold ??= openFace(ARIMO_METRICS.bold)) : (faces.regular ??= openFace(ARIMO_METRICS.regular)));
const fallbackFace = (bold: boolean): Face =>
  bold ? (faces.boldExt ??= openFace(ARIMO_METRICS.boldExt)) : (faces.regularExt ??= openFace(ARIMO_METRICS.regularExt));

/** Advance width in em of one code point: latin subset first, latin-ext next, else the width of `n`. */
function advanceEm(cp: number, bold: boolean): number {
  const f = face(bold);
  if (cp < 256) {
    const w = f.ascii[cp];
    if (!Number.isNaN(w)) return w;
  }
  const w = f.em.get(cp) ?? fallbackFace(bold).em.get(cp) ?? f.ascii[0x6e];
  // cache the answer for a code point outside both subsets too (it is the width of `n`)
  if (cp < 256) f.ascii[cp] = w;
  else f.em.set(cp, w);
  return w;
}

/** Text width in pt of `text` at `sizePt` in Arimo regular/bold; exported for the HTML identity table. */
export function measureText(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // Surrogate pairs: measure the whole code point once.
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    em += advanceEm(cp, bold);
  }
  return em * sizePt;
}

/** Vertical metrics in em (ascender and descender as positive numbers), for baselines and text boxes. */
export function fontMetrics(): { ascent: number; descent: number; capHeight: number } {
  const f = ARIMO_METRICS.regular;
  return { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm, capHeight: f.capHeight / f.unitsPerEm };
}

let fontFaceCache: string | undefined;

/** @font-face rules carrying both woff2 files as data: URIs (built once per process). */
export function fontFaceCss(): string {
  if (fontFaceCache === undefined) {
    const uri = (file: string) => `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    fontFaceCache =
      `@font-face{font-family:${FONT_FAMILY};font-style:normal;font-weight:400;src:url(${uri(FONT_FILES.regular)}) format("woff2")}` +
      `@font-face{font-family:${FONT_FAMILY};font-style:normal;font-weight:700;src:url(${uri(FONT_FILES.bold)}) format("woff2")}`;
  }
  return fontFaceCache;
}

/**
 * One wrapped line: its text, its x offset from the cell's text start (hanging indents), its width;
 * `runs` (the same text in styled pieces) only when part of it is emphasised or strong.
 */
export interface TextLine {
  text: string;
  indent: number;
  width: number;
  runs?: InlineRun[];
}

/**
 * Width in pt of styled runs: strong runs in bold. Italic needs no face of its own: Arimo italic
 * has exactly the advance widths of the regular face (checked for every latin glyph).
 */
export function measureRuns(runs: InlineRun[], sizePt: number, bold = false): number {
  let w = 0;
  for (const r of runs) w += measureText(r.text, sizePt, bold || r.strong === true);
  return w;
}

const sameStyle = (a: InlineRun, b: InlineRun): boolean => Boolean(a.em) === Boolean(b.em) && Boolean(a.strong) === Boolean(b.strong);

function styled(text: string, like: InlineRun): InlineRun {
  const r: InlineRun = { text };
  if (like.em) r.em = true;
  if (like.strong) r.strong = true;
  return r;
}

/** Appends runs to `out`, joining a run to the previous one of the same style. */
function appendRuns(out: InlineRun[], runs: InlineRun[]): void {
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, r)) last.text += r.text;
    else out.push(styled(r.text, r));
  }
}

/** The words of one paragraph (split at spaces), each as its runs: a word may change style inside (`**Nota**nya`). */
export function runWords(line: InlineLine): InlineRun[][] {
  const words: InlineRun[][] = [];
  let word: InlineRun[] = [];
  for (const r of line) {
    const parts = r.text.split(/[ \t\u00a0]+/);
    parts.forEach((part, i) => {
      if (i > 0 && word.length > 0) {
        words.push(word);
        word = [];
      }
      if (part !== '') appendRuns(word, [styled(part, r)]);
    });
  }
  if (word.length > 0) words.push(word);
  return words;
}

/** The runs of `word` between code-unit offsets `from` and `to`. */
function sliceRuns(word: InlineRun[], from: number, to: number): InlineRun[] {
  const out: InlineRun[] = [];
  let at = 0;
  for (const r of word) {
    const a = Math.max(from, at);
    const b = Math.min(to, at + r.text.length);
    if (a < b) out.push(styled(r.text.slice(a - at, b - at), r));
    at += r.text.length;
  }
  return out;
}

/** The run holding code unit `i` of `word`. */
function runAt(word: InlineRun[], i: number): InlineRun {
  let at = 0;
  for (const r of word) {
    if (i < at + r.text.length) return r;
    at += r.text.length;
  }
  return word[word.length - 1];
}

/** Longer words than this (code units) are wrapped by wrapLongWord. */
const LONG_WORD = 256;
/** Letters past the end of a line that the syllable rules may look at to place a break. */
const SYLLABLE_LOOKAHEAD = 8;

/**
 * Wraps a word of thousands of characters: each line looks only at the part of the word that can
 * fit on it (plus a few letters the syllable rules look ahead), widths come from running sums of
 * the advances, so a word of a million characters costs time in proportion to its length, not to
 * its square or cube (hyphenating the whole rest of the word for every line, as short words are).
 * Hyphenates between syllables while it can, then cuts between characters. Calls `full` for every
 * full line; returns the last, open one.
 */
function wrapLongWord(
  word: InlineRun[],
  avail: () => number,
  sizePt: number,
  bold: boolean,
  full: (runs: InlineRun[], width: number) => void,
): { runs: InlineRun[]; width: number } {
  const text = word.map((r) => r.text).join('');
  const n = text.length;
  // before[i]: advance (em) of text[0..i); a surrogate pair counts at its first unit
  const before = new Float64Array(n + 1);
  const boldAt = new Uint8Array(n);
  let at = 0;
  for (const r of word) {
    for (let k = 0; k < r.text.length; k++) boldAt[at + k] = bold || r.strong === true ? 1 : 0;
    at += r.text.length;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const lowHalf = c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    before[i + 1] = before[i] + (lowHalf ? 0 : advanceEm(text.codePointAt(i)!, boldAt[i] === 1));
  }
  const em = (from: number, to: number) => before[to] - before[from];
  const isLowHalf = (i: number) => i > 0 && i < n && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  let pos = 0;
  let cutting = false;
  for (;;) {
    const room = (avail() + 1e-6) / sizePt;
    // the longest piece from pos that fits: binary search over the running sums
    let lo = pos;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (em(pos, mid) <= room) lo = mid;
      else hi = mid - 1;
    }
    while (lo > pos && isLowHalf(lo)) lo--;
    if (lo === n) return { runs: sliceRuns(word, pos, n), width: em(pos, n) * sizePt };
    if (!cutting) {
      const head = text.slice(pos, lo + SYLLABLE_LOOKAHEAD);
      // a piece is the head of the word, with a hyphen (in the style of its last letter) unless it ends in one
      const widthOf = (piece: string) =>
        head.startsWith(piece) ? em(pos, pos + piece.length) : em(pos, pos + piece.length - 1) + advanceEm(0x2d, boldAt[pos + piece.length - 2] === 1);
      const split = hyphenSplit(head, (piece) => widthOf(piece) <= room);
      if (split) {
        const b = pos + head.length - split[1].length;
        const runs = head.startsWith(split[0]) ? sliceRuns(word, pos, b) : [...sliceRuns(word, pos, b), styled('-', runAt(word, b - 1))];
        full(runs, widthOf(split[0]) * sizePt);
        pos = b;
        continue;
      }
      cutting = true;
    }
    // the longest piece that fits, at least one character (a glyph wider than the cell stands alone)
    const cut = lo > pos ? lo : pos + (isLowHalf(pos + 1) ? 2 : 1);
    full(sliceRuns(word, pos, cut), em(pos, cut) * sizePt);
    pos = cut;
  }
}

/**
 * Breaks `text` into lines no wider than `maxWidth` pt. Breaks at spaces (and at explicit
 * newlines); a word wider than the line is hyphenated between syllables (Indonesian rules), and cut
 * between characters only where it has no syllable break left.
 */
export function wrapText(text: string, maxWidth: number, sizePt: number, bold = false, indent = 0, firstIndent = 0): TextLine[] {
  return wrapInline(
    text.split(/\r?\n/).map((p) => [{ text: p }]),
    maxWidth,
    sizePt,
    bold,
    indent,
    firstIndent,
  );
}

/**
 * `wrapText` for styled text (inline Markdown, `core/inline-markdown.ts`): one paragraph per
 * line break, measured run by run (strong in bold), so the breaks fall where the browser's do.
 */
export function wrapInline(paragraphs: InlineLine[], maxWidth: number, sizePt: number, bold = false, indent = 0, firstIndent = 0): TextLine[] {
  const lines: TextLine[] = [];
  const space = measureText(' ', sizePt, bold);
  const measure = (runs: InlineRun[]) => measureRuns(runs, sizePt, bold);
  for (const paragraph of paragraphs) {
    const words = runWords(paragraph);
    let line: InlineRun[] = [];
    let width = 0;
    let lineIndent = lines.length === 0 ? firstIndent : indent;
    const avail = () => Math.max(1, maxWidth - lineIndent);
    const push = () => {
      const text = line.map((r) => r.text).join('');
      const l: TextLine = { text, indent: lineIndent, width };
      if (line.some((r) => r.em || r.strong)) l.runs = line;
      lines.push(l);
      line = [];
      width = 0;
      lineIndent = indent;
    };
    for (const word of words) {
      const w = measure(word);
      if (line.length > 0 && width + space + w <= avail() + 1e-6) {
        line[line.length - 1].text += ' ';
        appendRuns(line, word);
        width += space + w;
        continue;
      }
      if (line.length > 0) push();
      if (w <= avail() + 1e-6) {
        appendRuns(line, word);
        width = w;
        continue;
      }
      // A single word wider than the cell: hyphenate it between syllables; cut between characters
      // only what has no syllable break left (codes, numbers).
      if (word.reduce((n, r) => n + r.text.length, 0) > LONG_WORD) {
        // no real word is this long (a pasted hash, a run of letters): see wrapLongWord
        const last = wrapLongWord(word, avail, sizePt, bold, (runs, w) => {
          appendRuns(line, runs);
          width = w;
          push();
        });
        appendRuns(line, last.runs);
        width = last.width;
        continue;
      }
      let rest = word;
      for (;;) {
        const restText = rest.map((r) => r.text).join('');
        const rw = measure(rest);
        if (rw <= avail() + 1e-6) {
          appendRuns(line, rest);
          width = rw;
          break;
        }
        // A piece is the head of the word, with a hyphen added unless it ends in one.
        const pieceRuns = (piece: string): InlineRun[] => {
          if (restText.startsWith(piece)) return sliceRuns(rest, 0, piece.length);
          const head = sliceRuns(rest, 0, piece.length - 1);
          return [...head, styled('-', runAt(rest, piece.length - 2))];
        };
        const split = hyphenSplit(restText, (piece) => measure(pieceRuns(piece)) <= avail() + 1e-6);
        if (split) {
          const head = pieceRuns(split[0]);
          appendRuns(line, head);
          width = measure(head);
          push();
          rest = sliceRuns(rest, restText.length - split[1].length, restText.length);
          continue;
        }
        let cw = 0;
        let i = 0;
        for (const ch of restText) {
          const run = runAt(rest, i);
          const chw = measureText(ch, sizePt, bold || run.strong === true);
          if (line.length > 0 && cw + chw > avail() + 1e-6) {
            width = cw;
            push();
            cw = 0;
          }
          appendRuns(line, [styled(ch, run)]);
          cw += chw;
          i += ch.length;
        }
        width = cw;
        break;
      }
    }
    if (line.length > 0 || words.length === 0) push();
  }
  return lines;
}

/** Width of the widest word of `text` (the narrowest a column can be without cutting words). */
export function longestWordWidth(text: string, sizePt: number, bold = false): number {
  let max = 0;
  for (const word of text.split(/\s+/)) {
    if (word.length > 0) max = Math.max(max, measureText(word, sizePt, bold));
  }
  return max;
}

/**
 * The narrowest width a word needs when it may be hyphenated once between syllables: the wider of
 * its two pieces (the first with its hyphen) at the best break, or the whole word.
 */
export function hyphenatedWordWidth(word: string, sizePt: number, bold = false): number {
  // Widths scale with the size, so the best break is cached per word in em.
  const cache = bold ? hyphenCacheBold : hyphenCache;
  let em = cache.get(word);
  if (em === undefined && word.length > LONG_WORD) {
    // a word of thousands of characters: the same answer from running sums, in linear time
    em = longWordHalfEm(word, bold);
  }
  if (em === undefined) {
    em = hyphenatedWidth(word, (text) => measureText(text, 1, bold));
    if (cache.size > 20000) cache.clear();
    cache.set(word, em);
  }
  return em * sizePt;
}

/** hyphenatedWordWidth of a long word (em): widths are sums of advances, so running sums give every break's two pieces at once. */
function longWordHalfEm(word: string, bold: boolean): number {
  const before = new Float64Array(word.length + 1);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const lowHalf = c >= 0xdc00 && c <= 0xdfff && i > 0 && word.charCodeAt(i - 1) >= 0xd800 && word.charCodeAt(i - 1) <= 0xdbff;
    before[i + 1] = before[i] + (lowHalf ? 0 : advanceEm(word.codePointAt(i)!, bold));
  }
  const total = before[word.length];
  const hyphen = advanceEm(0x2d, bold);
  let em = total;
  for (const b of syllableBreaks(word)) {
    const head = before[b] + (/[-/]/.test(word[b - 1]) ? 0 : hyphen);
    em = Math.min(em, Math.max(head, total - before[b]));
  }
  return em;
}

const hyphenCache = new Map<string, number>();
const hyphenCacheBold = new Map<string, number>();
