// Next free `nomor` from a config `numbering` pattern ({seq}, {seq:N}, {year}) and the numbers already used.

/** Used when the config has no `numbering`: unique and valid, the author adapts it to the tata naskah dinas. */
export const FALLBACK_NUMBERING = '{seq:3}/SOP/{year}';

type Token = { kind: 'text'; text: string } | { kind: 'seq'; width: number } | { kind: 'year' };

const PLACEHOLDER = /\{(seq(?::([1-9]))?|year)\}/g;

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    if (m.index > last) tokens.push({ kind: 'text', text: pattern.slice(last, m.index) });
    tokens.push(m[1] === 'year' ? { kind: 'year' } : { kind: 'seq', width: m[2] ? Number(m[2]) : 1 });
    last = m.index + m[0].length;
  }
  if (last < pattern.length) tokens.push({ kind: 'text', text: pattern.slice(last) });
  return tokens;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A regex matching numbers written with `pattern`. `{seq}` matches any run of digits (so 1000 still
 * counts after 999), `{year}` four digits. Groups: one per placeholder, in order.
 */
export function numberingRegex(pattern: string): RegExp {
  const src = tokenize(pattern)
    .map((t) => (t.kind === 'text' ? escapeRegex(t.text) : t.kind === 'year' ? '(\\d{4})' : '(\\d+)'))
    .join('');
  return new RegExp(`^${src}$`);
}

export interface NextNomor {
  nomor: string;
  /** The serial given, when the pattern has `{seq}`. */
  seq?: number;
}

/**
 * The next number for `pattern` in the year of `now`: the highest serial among `existing` numbers
 * that match the pattern (same year when the pattern has `{year}`), plus one. Gaps are not reused,
 * so a number that was once issued and deleted is never handed out twice.
 */
export function nextNomor(pattern: string, existing: Iterable<string>, now: Date): NextNomor {
  const tokens = tokenize(pattern);
  const year = String(now.getFullYear());
  const re = numberingRegex(pattern);
  const placeholders = tokens.filter((t) => t.kind !== 'text');
  let max = 0;
  for (const nomor of existing) {
    const m = re.exec(nomor.trim());
    if (!m) continue;
    let seq: number | undefined;
    let sameYear = true;
    placeholders.forEach((t, i) => {
      const value = m[i + 1];
      if (t.kind === 'year' && value !== year) sameYear = false;
      // several {seq} in one pattern are filled with the same serial; the first one counts
      if (t.kind === 'seq' && seq === undefined) seq = Number(value);
    });
    if (sameYear && seq !== undefined && seq > max) max = seq;
  }
  const hasSeq = placeholders.some((t) => t.kind === 'seq');
  const seq = max + 1;
  const nomor = tokens
    .map((t) => (t.kind === 'text' ? t.text : t.kind === 'year' ? year : String(seq).padStart(t.width, '0')))
    .join('');
  return hasSeq ? { nomor, seq } : { nomor };
}

/** True when `nomor` is written with `pattern` and every `{year}` in it is the year of `now`. */
export function fitsPattern(pattern: string, nomor: string, now: Date): boolean {
  const m = numberingRegex(pattern).exec(nomor);
  if (!m) return false;
  const year = String(now.getFullYear());
  return tokenize(pattern)
    .filter((t) => t.kind !== 'text')
    .every((t, i) => t.kind !== 'year' || m[i + 1] === year);
}
