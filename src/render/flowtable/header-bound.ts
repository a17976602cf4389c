// The font-free half of the flow-table header check (see header-check.ts): whether an SOP's header
// texts are inside the limits where the header surely fits. It loads no font and no layout, so
// `sop lint` can ask it of every SOP; only a "may be" makes lint load the layout (header-check.ts).
import { hyphenatedWidth } from './hyphenate.js';

/**
 * What is said of a header taller than a page, by lint's flow-header-too-tall and by the layout's
 * SopHeaderTooTallError (build, render) alike: one text, `{{header}}` and `{{page}}` in mm.
 */
export const HEADER_TOO_TALL_MESSAGE = {
  id: 'kepala kolom tabel alir setinggi {{header}} mm dan tidak menyisakan ruang pada halaman {{page}} mm; perpendek label kolom (`labels` pada konfigurasi) atau judul pelaksana (`pelaksana`)',
  en: "the flow table's column headers are {{header}} mm tall and leave no room on a {{page}} mm page; shorten the column labels (config `labels`) or the actor titles (`pelaksana`)",
} as const;

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
const wordBound = (word: string): number => hyphenatedWidth(word, emBound);

/**
 * Whether a text is wider than `total` em or has a word wider than `word` em. Runs for every SOP in
 * `sop lint`, so it allocates nothing for the usual short words: only a word longer than
 * `word / WIDE_GLYPH_EM` code units is measured, and only one wider than `word` is syllabified.
 */
export function tooWide(text: string, total: number, word: number): boolean {
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

/** Whether column labels (every label the table prints, defaults included) are outside the limits. */
export function labelTextsMayBeTooTall(labels: Iterable<string | undefined>): boolean {
  for (const text of labels) if (typeof text === 'string' && tooWide(text, HEADER_SAFE_LIMITS.labelChars, HEADER_SAFE_LIMITS.labelWord)) return true;
  return false;
}

/** The room left for a label of a branch to the end with this many actor columns. */
export function branchLabelLimit(actors: number): number {
  return Math.min(HEADER_SAFE_LIMITS.branchLabel, HEADER_SAFE_LIMITS.branchLabelAllColumns / Math.max(1, actors));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The same question asked of an SOP's data as written (`pelaksana`, `prosedur`), before any model is
 * built: at least as cautious as modelMayBeTooTall (header-check.ts): it counts the label of every
 * branch that may end the flow (`selesai`, a `ya` that names no row, or a target it cannot read).
 * `sop lint` asks it twice, before a file is linted (to load the layout in time) and in the rule, so
 * both give the same answer.
 */
export function dataMayBeTooTall(data: unknown): boolean {
  // (the languages' default branch words, Ya/Tidak and Yes/No, are inside every limit)
  if (!isObj(data)) return false;
  const L = HEADER_SAFE_LIMITS;
  const actors = isObj(data.pelaksana) ? Object.values(data.pelaksana) : [];
  if (actors.length > L.actors) return true;
  for (const title of actors) if (tooWide(String(title), L.titleChars, L.titleWord)) return true;
  const limit = branchLabelLimit(actors.length);
  // A branch may end the flow when it names `selesai` or, for `ya`, names nothing (the next row, which
  // the last row does not have); only such a branch's label widens the actor columns.
  const mayEnd = (target: unknown, isYa: boolean): boolean => target === 'selesai' || (isYa && target === undefined) || (typeof target !== 'number' && typeof target !== 'string');
  const labelTooLong = (k: unknown): boolean =>
    isObj(k) && Array.isArray(k.label) && k.label.some((t, i) => typeof t === 'string' && t.length * WIDE_GLYPH_EM > limit && emBound(t) > limit && (i > 1 || mayEnd(i === 0 ? k.ya : k.tidak, i === 0)));
  for (const row of Array.isArray(data.prosedur) ? data.prosedur : []) {
    if (!isObj(row)) continue;
    if (labelTooLong(row.keputusan)) return true;
    for (const item of Array.isArray(row.langkah) ? row.langkah : []) if (isObj(item) && labelTooLong(item.keputusan)) return true;
  }
  return false;
}
