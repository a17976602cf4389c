// Reproducible PDFs: what differs between two Chromium prints of the same page is set to fixed values, in place.
//
// An e-signed SOP is verified by rebuilding it and comparing hashes, so nothing in the PDF may
// depend on when or in which order it was printed. Two things do: /CreationDate and /ModDate (the
// time of printing), and the ids of table header cells in the tag tree (`(node00000296)`: DOM
// node numbers, which depend on how many pages the print tab laid out before). Both are replaced
// with strings of the same length, so every byte offset (xref table, startxref) stays valid and
// nothing else is touched (tags, outline, /Lang survive).

/** `D:YYYYMMDDHHmmSS+00'00'`, the form Chromium writes (23 characters between the parentheses). */
export function pdfDateString(date: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00'`
  );
}

const DATE_ENTRY = /\/(CreationDate|ModDate)\s*\((D:[0-9]{4,14}(?:Z|[+-][0-9]{2}'[0-9]{2}'?)?)\)/g;

/**
 * The PDF with every /CreationDate and /ModDate set to `date`. A date written in another form
 * (`D:YYYYMMDDHHmmSSZ`, digits only) gets the fixed date's digits cut to its own length, so the
 * length never changes; `replaced` says how many were set.
 */
export function setPdfDates(pdf: Uint8Array, date: Date): { pdf: Buffer; replaced: number } {
  // latin1 maps bytes 1:1 to characters, so the text round-trips the binary streams unchanged.
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = pdfDateString(date);
  const digits = fixed.slice(0, 16);
  let replaced = 0;
  const out = text.replace(DATE_ENTRY, (m, _key: string, value: string) => {
    let next: string | undefined;
    if (value.length === fixed.length) next = fixed;
    else if (/^D:\d+Z$/.test(value) && value.length <= 17) next = `${digits.slice(0, value.length - 1)}Z`;
    else if (/^D:\d+$/.test(value) && value.length <= 16) next = digits.slice(0, value.length);
    if (next === undefined) return m;
    replaced++;
    return m.replace(value, next);
  });
  return { pdf: Buffer.from(out, 'latin1'), replaced };
}

const NODE_ID = /\(node(\d{8})\)/g;

/**
 * Tag-tree ids `(nodeNNNNNNNN)` renumbered 1, 2, ... in the order of their numbers (so a sorted
 * /IDTree stays sorted), every occurrence alike.
 */
export function renumberNodeIds(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const ids = [...new Set([...text.matchAll(NODE_ID)].map((m) => m[1]))].sort();
  if (ids.length === 0) return pdf;
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  return Buffer.from(text.replace(NODE_ID, (_m, id: string) => `(node${rank.get(id)})`), 'latin1');
}

/** Fixed dates and renumbered tag ids: the same page gives the same bytes. */
export function reproduciblePdf(pdf: Uint8Array, date: Date): Buffer {
  return renumberNodeIds(setPdfDates(pdf, date).pdf);
}

/** The latest ISO date (`YYYY-MM-DD` or `YYYY-MM`) among `values`, as midnight UTC; undefined when none is a date. */
export function latestDate(values: unknown[]): Date | undefined {
  let best: Date | undefined;
  for (const v of values) {
    const m = typeof v === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v.trim()) : null;
    if (!m) continue;
    const [y, mo, day] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
    const d = new Date(Date.UTC(y, mo - 1, day));
    // 2024-13-40 would roll over into another date: only real calendar dates count.
    if (d.getUTCMonth() !== mo - 1 || d.getUTCDate() !== day) continue;
    if (!best || d > best) best = d;
  }
  return best;
}

/**
 * The creation date a build writes into an SOP's PDF: `SOURCE_DATE_EPOCH` (the reproducible-builds
 * convention, seconds) when set, else the SOP's latest date (pembuatan, revisi, efektif), else the epoch.
 */
export function fixedCreationDate(data: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return latestDate([data.tanggal_pembuatan, data.tanggal_revisi, data.tanggal_efektif]) ?? new Date(0);
}
