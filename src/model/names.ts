// How an SOP's nomor or nama is compared across files (keterkaitan links, duplicates): one rule for lint and build.

/** Same text for comparisons across files: trimmed, inner spaces collapsed, case folded. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}
