// How an SOP's nomor or nama is compared across files (keterkaitan links, duplicates): one rule for lint and build.

/** Same text for comparisons across files: trimmed, inner spaces collapsed, case folded. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
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
