// Letters for a 0-based index, as spreadsheets name columns: the off-page connectors' labels and XLSX cell addresses.

/** 0 -> A, 25 -> Z, 26 -> AA, 27 -> AB, ... */
export function letters(index: number): string {
  let s = '';
  let k = index;
  do {
    s = String.fromCharCode(65 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}
