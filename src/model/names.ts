// How an SOP's nomor or nama is compared across files (keterkaitan links, duplicates): one rule for lint and build.

/**
 * Same text for comparisons across files: trimmed, inner spaces collapsed, case folded.
 * toLowerCase(), not toLocaleLowerCase('id'): Unicode has no Indonesian casing rules (only lt, tr
 * and az differ), so both give the same text for every code point, and the locale call costs ~4×
 * as much; lint calls this for every kegiatan and every keterkaitan entry.
 */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * normalizeName() of the start of `s`: of the shortest prefix whose normalized text is longer than
 * `length` (or of all of `s`). Enough to test whether `s` begins with a normalized name of at most
 * `length` characters, as a whole word, at a cost that does not grow with `s`.
 */
export function normalizedPrefix(s: string, length: number): string {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let count = 0;
  let inSpace = false;
  for (; i < s.length && count <= length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space || !inSpace) count++;
    inSpace = space;
  }
  return normalizeName(s.slice(0, i));
}

/** The characters of the regular expression class `\s` (a test per character without the regex engine). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A leading "SOP", "SOP AP" or "Standar Operasional Prosedur [Administrasi Pemerintahan]" (normalized text), with a `:` or dash after it. */
const SOP_PREFIX = /^(?:standar operasional prosedur(?: administrasi pemerintahan)?|sop ap|sop)(?![\p{L}\p{N}])[\s:–—-]*/u;

/**
 * The key a reference to an SOP is matched by (spec §7.5): case, repeated spaces, trailing
 * punctuation and a leading `SOP`, `SOP AP` or `Standar Operasional Prosedur` (optionally followed
 * by `Administrasi Pemerintahan`) do not count, so `SOP Surat Masuk.` names the SOP *Surat Masuk*.
 * Used for keterkaitan links (build), keterkaitan-unresolved and keterkaitan-self; compare it with
 * the nameKey of the other SOP's `nomor` and `nama`.
 */
export function nameKey(s: string): string {
  const text = normalizeName(s).replace(/[\s.,;:!?]+$/u, '');
  const stripped = text.replace(SOP_PREFIX, '');
  // "SOP" alone, or a nomor that happens to start with it, keeps its text
  return stripped === '' ? text : stripped;
}
