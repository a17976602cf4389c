// Escaping for the HTML writer: text into element content and attributes, text into CSS strings.

export { escapeHtml } from '../../core/escape.js';

/**
 * A CSS string literal. Every character outside a safe set becomes a hex escape, so SOP text put
 * into `content:` (page footers) can never close the string or the rule.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    out += /[A-Za-z0-9 .,:;/()\-_]/.test(ch) ? ch : `\\${cp.toString(16)} `;
  }
  return `${out}"`;
}
