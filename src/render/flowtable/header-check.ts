// Whether the flow table's column headers leave room on a page: asked by `sop lint` (rule
// flow-header-too-tall) so that lint refuses exactly what `sop build` and `sop render` refuse.
//
// The exact answer needs the layout, and the layout needs font metrics (fontkit). Lint measures no
// text for ordinary SOPs: `headerMayBeTooTall` is a font-free test of the input, and only when it
// says "may be" does lint run the layout's own choice (`flowHeaderProblem`). The limits below are
// checked by test/render/flowtable/header-check.test.ts, which lays out the widest glyphs at every
// limit at once and fails if such a header ever stops fitting (so a layout change that breaks the
// promise fails a test instead of letting lint and build disagree).
import { PAPER_LANDSCAPE, type Paper } from '../../core/paper.js';
import type { FlowModel } from '../../model/flow-types.js';
import { syllableBreaks } from './hyphenate.js';
import { branchLabel, chooseLayout, LABELS, PT_PER_MM, SopHeaderTooTallError, type HeaderLabels, type Lang, type LayoutOptions, type Margins } from './layout.js';

/**
 * Inside these limits a header always fits (measured with the widest glyphs, see the test). Longer
 * texts are not wrong: they only make lint ask the layout.
 */
export const HEADER_SAFE_LIMITS = {
  /** Actor columns (the max-pelaksana default). */
  actors: 7,
  /** Width in em (about characters, see emBound) of an actor title, and of its widest word once hyphenated (wordBound). */
  titleChars: 60,
  titleWord: 12,
  /** The same of a column label (config `labels`). */
  labelChars: 24,
  labelWord: 12,
  /** The same of the label of a branch to the end (it widens every actor column)... */
  branchLabel: 24,
  /** ...and that width times the actor columns. */
  branchLabelAllColumns: 84,
} as const;

/** The margins `sop render` draws with when it is given none (the build passes `flowArea`'s). */
export const DEFAULT_MARGINS: Margins = { top: 15, right: 12, bottom: 15, left: 12 };

/** The edges the table draws: those between rows whose actor has a column (the others are lint's errors). */
export function drawableFlow(model: FlowModel): FlowModel {
  const drawable = (r: number) => model.actors.length > 0 && r >= 0 && r < model.rows.length && model.rows[r].column >= 0 && model.rows[r].column < model.actors.length;
  const edges = model.edges.filter((e) => drawable(e.from) && (e.to === 'end' || drawable(e.to)));
  return { ...model, edges };
}

/**
 * The code points whose Arimo glyph (regular or bold) is wider than 1 em, measured from the font files
 * (the widest, U+A74E, is 1.365 em); the test re-measures every code point below U+10000 and fails when
 * one is missing here. Every other character counts as 1 em, which no other glyph exceeds.
 */
const WIDE = new Set([
  0x40, 0x1c4, 0x1c5, 0x1c6, 0x1c7, 0x1ca, 0x1f1, 0x1f2, 0x1f3, 0x1f6, 0x2a3, 0x2a5, 0x20a7, 0x20a8, 0x20af,
  0x2c72, 0xa732, 0xa734, 0xa736, 0xa74e, 0xa74f, 0xa773, 0xa7b6, 0xa7ff,
]);
export const WIDE_GLYPH_EM = 1.37;

/** An upper bound of a text's width in em, without a font: 1 em a character, WIDE_GLYPH_EM for the few wider ones. */
export function emBound(text: string): number {
  let em = 0;
  for (const ch of text) em += WIDE.has(ch.codePointAt(0)!) ? WIDE_GLYPH_EM : 1;
  return em;
}

/** emBound of the room a word needs when the layout may hyphenate it once (as hyphenatedWordWidth does). */
function wordBound(word: string): number {
  let em = emBound(word);
  for (const b of syllableBreaks(word)) {
    const head = word.slice(0, b);
    em = Math.min(em, Math.max(emBound(head) + (/[-/]$/.test(head) ? 0 : 1), emBound(word.slice(b))));
  }
  return em;
}

/**
 * Whether a text is wider than `total` em or has a word wider than `word` em. Runs for every SOP in
 * `sop lint`, so it allocates nothing for the usual short words: only a word longer than
 * `word / WIDE_GLYPH_EM` code units is measured, and only one wider than `word` is syllabified.
 */
function tooWide(text: string, total: number, word: number): boolean {
  // No code point counts more than WIDE_GLYPH_EM, and a UTF-16 length is at least the code point count.
  if (text.length * WIDE_GLYPH_EM > total && emBound(text) > total) return true;
  if (text.length * WIDE_GLYPH_EM <= word) return false;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) continue;
    if ((i - from) * WIDE_GLYPH_EM > word) {
      const w = text.slice(from, i);
      if (emBound(w) > word && wordBound(w) > word) return true;
    }
    from = i + 1;
  }
  return false;
}

/** Font-free: false only when every header text is inside HEADER_SAFE_LIMITS, so the header surely fits. */
export function headerMayBeTooTall(model: FlowModel, lang: Lang, labels?: Partial<HeaderLabels>): boolean {
  return labelsMayBeTooTall(lang, labels) || modelMayBeTooTall(model, lang);
}

/** The part of headerMayBeTooTall that depends on the labels only (the same for every SOP of one config). */
export function labelsMayBeTooTall(lang: Lang, labels?: Partial<HeaderLabels>): boolean {
  const all = { ...LABELS[lang], ...labels };
  for (const text of Object.values(all)) if (typeof text === 'string' && tooWide(text, HEADER_SAFE_LIMITS.labelChars, HEADER_SAFE_LIMITS.labelWord)) return true;
  return false;
}

/** The part of headerMayBeTooTall that depends on the SOP: actor count and titles, labels of branches to the end. */
export function modelMayBeTooTall(model: FlowModel, lang: Lang): boolean {
  const L = HEADER_SAFE_LIMITS;
  if (model.actors.length > L.actors) return true;
  for (const a of model.actors) if (tooWide(a.title, L.titleChars, L.titleWord)) return true;
  // Only the label of a branch that ends widens the actor columns (the others find a spot along their arrow).
  const branchLimit = Math.min(L.branchLabel, L.branchLabelAllColumns / Math.max(1, model.actors.length));
  for (const e of model.edges) {
    const text = e.kind === 'next' || e.to !== 'end' ? undefined : branchLabel(e, lang);
    if (text !== undefined && emBound(text) > branchLimit) return true;
  }
  for (const l of model.links ?? []) {
    const text = l.inChain && l.kind !== 'next' && l.to === 'end' ? branchLabel(l, lang) : undefined;
    if (text !== undefined && emBound(text) > branchLimit) return true;
  }
  return false;
}

export interface HeaderCheckOptions extends LayoutOptions {
  paper?: Paper;
  margins?: Margins;
  lang?: Lang;
}

/** The header's height and the page's (mm) when no layout leaves room under the header; undefined when one does. */
export function flowHeaderProblem(model: FlowModel, options: HeaderCheckOptions = {}): { headerMm: number; pageMm: number; error: SopHeaderTooTallError } | undefined {
  const { width, height } = PAPER_LANDSCAPE[options.paper ?? 'A4'];
  const m = options.margins ?? DEFAULT_MARGINS;
  const widthPt = (width - m.left - m.right) * PT_PER_MM;
  const heightPt = (height - m.top - m.bottom) * PT_PER_MM;
  try {
    // The same call renderFlowTable's first attempt makes (its retries never fail on the header).
    chooseLayout(drawableFlow(model), widthPt, { first: heightPt, other: heightPt }, options.lang ?? 'id', 0, undefined, {
      labels: options.labels,
      listStyle: options.listStyle,
      columnNumbers: options.columnNumbers,
      totalRow: options.totalRow,
    });
    return undefined;
  } catch (err) {
    if (!(err instanceof SopHeaderTooTallError)) throw err;
    return { headerMm: err.headerPt / PT_PER_MM, pageMm: err.pagePt / PT_PER_MM, error: err };
  }
}
