// Indonesian syllable breaks (PUEBI rules) so a word too long for its cell is hyphenated between syllables, never cut mid-syllable.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** Consonant pairs that write one sound and are never split (PUEBI: kh, ng, ny, sy). */
const DIGRAPHS = new Set(['kh', 'ng', 'ny', 'sy']);
/** Vowel pairs read as one sound (diphthongs); kept in one syllable. */
const DIPHTHONGS = new Set(['ai', 'au', 'ei', 'oi']);

interface Unit {
  start: number;
  end: number;
  vowel: boolean;
}

/** Splits a run of letters into sound units: vowels (diphthongs joined) and consonants (digraphs joined). */
function units(word: string): Unit[] {
  const s = word.toLowerCase();
  const out: Unit[] = [];
  let i = 0;
  while (i < s.length) {
    const two = s.slice(i, i + 2);
    const v = VOWELS.has(s[i]);
    // A digraph counts as one consonant only when a vowel follows it or it ends the word ("bang", "nyanyi").
    if (!v && DIGRAPHS.has(two)) {
      out.push({ start: i, end: i + 2, vowel: false });
      i += 2;
      continue;
    }
    // A diphthong stays together unless another vowel follows (then "ai" in "ma-in" may split; we keep it whole, fewer breaks).
    if (v && DIPHTHONGS.has(two) && !VOWELS.has(s[i + 2] ?? '')) {
      out.push({ start: i, end: i + 2, vowel: true });
      i += 2;
      continue;
    }
    out.push({ start: i, end: i + 1, vowel: v });
    i++;
  }
  return out;
}

/**
 * Positions (string offsets) inside `word` where a hyphen may go, by the Indonesian syllable rules:
 * between two vowels; before a single consonant between vowels; between two consonants; after the
 * first of three or more. No piece shorter than two letters at either end; acronyms (all capitals,
 * under eight letters) and words with digits are never broken. An existing hyphen is a break too.
 */
export function syllableBreaks(word: string): number[] {
  const out: number[] = [];
  // Words already joined by a hyphen break after it (no second hyphen is added there).
  // A slash ("Kadin/Bupati") is a break point as well, kept at the end of the first piece.
  let offset = 0;
  for (const part of word.split(/[-/]/)) {
    if (offset > 0) out.push(offset);
    for (const b of breaksOfRun(part)) out.push(offset + b);
    offset += part.length + 1;
  }
  // (a Set, not indexOf: a word of a million letters has hundreds of thousands of breaks)
  return [...new Set(out)].filter((b) => b > 0 && b < word.length).sort((a, b) => a - b);
}

function breaksOfRun(run: string): number[] {
  // Only plain letter runs (optionally wrapped in punctuation, e.g. brackets) are syllabified.
  const m = /^([^A-Za-z0-9]*)([A-Za-z]+)([^A-Za-z0-9]*)$/.exec(run);
  if (!m) return [];
  const lead = m[1].length;
  const letters = m[2];
  if (letters.length < 4) return [];
  if (letters === letters.toUpperCase() && letters.length < 8) return [];
  const us = units(letters);
  const nuclei = us.map((u, i) => (u.vowel ? i : -1)).filter((i) => i >= 0);
  const breaks: number[] = [];
  for (let k = 0; k + 1 < nuclei.length; k++) {
    const a = nuclei[k];
    const b = nuclei[k + 1];
    const between = b - a - 1;
    // First unit of the next syllable: the vowel itself (V-V), the lone consonant (V-CV), the second
    // of two consonants (VC-CV), the second of three or more (VC-CCV).
    const first = between >= 2 ? a + 2 : a + 1;
    const at = us[first].start;
    if (at >= 2 && letters.length - at >= 2) breaks.push(lead + at);
  }
  return breaks;
}

/**
 * The narrowest width a word needs when it may be hyphenated once between syllables: the wider of its
 * two pieces (the first with its hyphen) at the best break, or the whole word. `width` measures a text
 * (with the font for the layout, as an upper bound without one for lint's header check).
 */
export function hyphenatedWidth(word: string, width: (text: string) => number): number {
  let best = width(word);
  for (const b of syllableBreaks(word)) {
    const head = word.slice(0, b);
    best = Math.min(best, Math.max(width(/[-/]$/.test(head) ? head : `${head}-`), width(word.slice(b))));
  }
  return best;
}

/** `word` broken in two at the last syllable break whose first piece (with its hyphen) fits `fits`. */
export function hyphenSplit(word: string, fits: (piece: string) => boolean): [string, string] | undefined {
  const breaks = syllableBreaks(word);
  for (let i = breaks.length - 1; i >= 0; i--) {
    const b = breaks[i];
    const head = word.slice(0, b);
    const piece = /[-/]$/.test(head) ? head : head + '-';
    if (fits(piece)) return [piece, word.slice(b)];
  }
  return undefined;
}
