// SOP text is data, never Mermaid syntax: label text is escaped so no directive, statement or HTML of
// its own reaches Mermaid, and a finished source is checked once more for what sop itself never writes.

const MERMAID_ENTITY: Record<string, string> = { '&': '#amp;', '"': '#quot;', '<': '#lt;', '>': '#gt;' };

/**
 * Text inside a Mermaid quoted label `"..."`. A quote would end the string and `<...>` is taken as
 * HTML (`<br>` breaks the line, unknown tags are dropped), so they are written as Mermaid entities
 * (`#quot;`, `#lt;`, `#gt;`, `#amp;`); a `#` that would read as an entity and a backtick (a label
 * wrapped in backticks is Markdown) become numeric ones. `%` becomes `#37;`: Mermaid looks for
 * `%%{init: ...}%%` directives anywhere in the text, quotes or not, and a directive can change the
 * theme, its CSS and fonts (and so make the page fetch a URL); without `%` no directive can be
 * written. Newlines would end the statement (and could start
 * a `click`, `style` or `classDef` line), so all whitespace runs become one space. (Mermaid's
 * SVG-text labels print numeric entities double-escaped; the engine repairs that in its output.)
 */
export function escapeMermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/#(?=\w+;)|[&"<>`%]/g, (c) => MERMAID_ENTITY[c] ?? `#${c.charCodeAt(0)};`);
}

/** Statements sop never writes: interaction (`click`, `call`, `href`), styling (`style`, `classDef`, `class`, `linkStyle`). */
const FOREIGN_STATEMENT = /^\s*(?:click|call|href|style|classDef|class|linkStyle)\b/;

/**
 * The last check on a whole source before Mermaid sees it: directives (`%%{...}%%`) and comment
 * lines are removed, and statement lines sop never writes are dropped. With every label escaped by
 * escapeMermaidText this changes nothing; it keeps a future bug in the generator from becoming a
 * way for SOP text to restyle the diagram or add links.
 */
export function neutraliseSource(source: string): string {
  const lines = source.replace(/%%\{[\s\S]*?\}%%/g, '').split('\n');
  const last = lines.pop(); // '' when the source ends with a newline
  const kept = lines.filter((line) => line.trim() !== '' && !FOREIGN_STATEMENT.test(line) && !/^\s*%%/.test(line));
  return [...kept, ...(last && !FOREIGN_STATEMENT.test(last) && !/^\s*%%/.test(last) ? [last] : [''])].join('\n');
}
