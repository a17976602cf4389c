// Turns config `numbering` (e.g. `800/{seq:3}/SOP/BKD/{year}`) into a matcher and an example number.

export interface NumberingMatcher {
  regex: RegExp;
  /** Number of `{year}` placeholders (each is a capture group, in order). */
  years: number;
  example(year: number): string;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * `{seq}` = one or more digits; `{seq:N}` = a serial zero-padded to N digits: exactly N digits, or more
 * once the serial outgrows them (`1000` for `{seq:3}`, never `0012`); `{year}` = four digits.
 * Anything else is literal. Returns undefined for a pattern the config schema would reject.
 */
export function compileNumbering(pattern: string): NumberingMatcher | undefined {
  const parts = pattern.split(/(\{[^{}]*\})/);
  let src = '';
  let years = 0;
  const example: ((year: number) => string)[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const seq = /^\{seq(?::([1-9]))?\}$/.exec(part);
    if (seq) {
      const n = seq[1] ? Number(seq[1]) : 0;
      src += n ? `(?:\\d{${n}}|[1-9]\\d{${n},})` : '\\d+';
      example.push(() => (n ? '1'.padStart(n, '0') : '1'));
    } else if (part === '{year}') {
      src += '(\\d{4})';
      years++;
      example.push((y) => String(y));
    } else if (/[{}]/.test(part)) {
      return undefined;
    } else {
      src += escapeRegex(part);
      example.push(() => part);
    }
  }
  return { regex: new RegExp(`^${src}$`), years, example: (y) => example.map((f) => f(y)).join('') };
}
