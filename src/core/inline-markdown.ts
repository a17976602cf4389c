// Inline Markdown of SOP text fields (format §7.3): *emphasis*, **strong**, line breaks; everything else is text.
//
// One parser gives styled runs per line; the HTML pages, the SVG flow table and the search index
// each write the runs their own way, so a field prints the same everywhere and no `*` is left over.

export interface InlineRun {
  text: string;
  em?: boolean;
  strong?: boolean;
}

/** One printed line of a field: the runs between two line breaks. */
export type InlineLine = InlineRun[];

/** Placeholder for `\*` while the delimiters are matched (a private-use character no SOP contains). */
const ESCAPED_STAR = '\uE000';

/**
 * The earliest delimited span: `***x***`, `**x**` or `*x*`. The text inside must not start with a
 * space nor end with a space or `*`, so `5 * 3 * 2` and a lone `*` stay literal.
 */
const SPAN = /(\*\*\*|\*\*|\*)(?=[^\s*])([\s\S]*?[^\s*])\1(?!\*)/;

function parseSpan(text: string, style: { em?: boolean; strong?: boolean }, out: InlineRun[]): void {
  let rest = text;
  while (rest !== '') {
    const m = SPAN.exec(rest);
    if (!m) {
      push(out, rest, style);
      return;
    }
    if (m.index > 0) push(out, rest.slice(0, m.index), style);
    const d = m[1];
    const inner = {
      em: style.em || d.length !== 2,
      strong: style.strong || d.length >= 2,
    };
    parseSpan(m[2], inner, out);
    rest = rest.slice(m.index + m[0].length);
  }
}

function push(out: InlineRun[], raw: string, style: { em?: boolean; strong?: boolean }): void {
  const text = raw.replaceAll(ESCAPED_STAR, '*');
  if (text === '') return;
  const prev = out[out.length - 1];
  if (prev && Boolean(prev.em) === Boolean(style.em) && Boolean(prev.strong) === Boolean(style.strong)) {
    prev.text += text;
    return;
  }
  const run: InlineRun = { text };
  if (style.em) run.em = true;
  if (style.strong) run.strong = true;
  out.push(run);
}

/**
 * A field's text as lines of runs. A line break in the value (a YAML block scalar `|`) is a line
 * break on the page; trailing line breaks (YAML's final newline) are dropped. A span never runs
 * over a line break.
 */
export function parseInline(value: string): InlineLine[] {
  const text = value.replace(/\r\n?/g, '\n').replace(/\n+$/, '').replace(/\\\*/g, ESCAPED_STAR);
  return text.split('\n').map((line) => {
    const runs: InlineRun[] = [];
    parseSpan(line, {}, runs);
    return runs;
  });
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** HTML of a field: `<em>`, `<strong>`, `<br>`; every other character escaped (raw HTML shows as text). */
export function inlineHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return parseInline(String(value))
    .map((line) =>
      line
        .map((r) => {
          let h = escapeMarkup(r.text);
          if (r.em) h = `<em>${h}</em>`;
          if (r.strong) h = `<strong>${h}</strong>`;
          return h;
        })
        .join(''),
    )
    .join('<br>');
}

/** The text a reader sees, without markers (search index, measuring, PDF outline, page titles). */
export function inlinePlain(value: unknown): string {
  if (value === null || value === undefined) return '';
  return parseInline(String(value))
    .map((line) => line.map((r) => r.text).join(''))
    .join('\n');
}

/**
 * SVG `<tspan>`s of one line's runs; the caller sets the line's position on the `<text>`.
 * Plain runs are bare text so an unstyled field makes the same SVG it always did.
 */
export function inlineSvgLine(line: InlineLine): string {
  return line
    .map((r) => {
      const t = escapeMarkup(r.text);
      if (!r.em && !r.strong) return t;
      const attrs = `${r.em ? ' font-style="italic"' : ''}${r.strong ? ' font-weight="700"' : ''}`;
      return `<tspan${attrs}>${t}</tspan>`;
    })
    .join('');
}

/** Whether a field is the regulation's "nothing applies" value `-` (printed as a bare dash, no label around it). */
export function isDash(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '-';
}
