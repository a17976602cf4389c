// Inline disables inside the frontmatter (YAML comments): `# sop-disable-next-line <rule>`, and
// `# sop-disable <rule>` ... `# sop-enable [<rule>]`; no rule means every rule. Parsed here from the
// text, applied by the engine after every rule ran; a directive that suppressed nothing is reported.
import { splitFrontmatter } from '../yaml/frontmatter.js';
import type { Diagnostic } from '../core/types.js';

export interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Rule ids named; empty: every rule. */
  rules: string[];
  /** The comment as written (trimmed), for messages. */
  text: string;
  line: number;
  column: number;
  endColumn: number;
}

/** One rule (or `*`, every rule) silenced over lines `from`..`to`, by one directive. */
export interface Suppression {
  directive: Directive;
  rule: string;
  from: number;
  to: number;
}

const DIRECTIVE = /^(\s*)(#\s*sop-(disable-next-line|disable|enable))(?=\s|$)(.*)$/;

/** The directives written as whole-line comments in the frontmatter of `text` (none when it has none). */
export function directivesOf(text: string): Directive[] {
  if (!text.includes('sop-')) return [];
  const split = splitFrontmatter(text);
  if (split.kind === 'none') return [];
  const end = split.kind === 'ok' ? split.yamlEnd : text.length;
  const out: Directive[] = [];
  // the opening fence is line 1
  let line = text.slice(0, split.yamlStart).split('\n').length;
  for (const raw of text.slice(split.yamlStart, end).split('\n')) {
    const m = DIRECTIVE.exec(raw.replace(/\r$/, ''));
    if (m) {
      // `-- why` after the rule ids is a note for readers
      const rules = m[4].split(/\s--\s|^--\s|\s--$/)[0].split(/[\s,]+/).filter(Boolean);
      const body = raw.replace(/\r$/, '').trimEnd();
      out.push({ kind: m[3] as Directive['kind'], rules, text: body.trim(), line, column: m[1].length + 1, endColumn: body.length + 1 });
    }
    line++;
  }
  return out;
}

/** What each directive silences: the next line, or from a disable to its enable (or the end of the file). */
export function suppressionsOf(directives: Directive[]): Suppression[] {
  const out: Suppression[] = [];
  const open = new Map<string, Suppression>();
  for (const d of directives) {
    const names = d.rules.length > 0 ? d.rules : ['*'];
    if (d.kind === 'disable-next-line') {
      for (const rule of names) out.push({ directive: d, rule, from: d.line + 1, to: d.line + 1 });
    } else if (d.kind === 'disable') {
      for (const rule of names) {
        if (open.has(rule)) continue; // already off: the second disable changes nothing
        const s: Suppression = { directive: d, rule, from: d.line + 1, to: Number.POSITIVE_INFINITY };
        open.set(rule, s);
        out.push(s);
      }
    } else {
      const closing = d.rules.length > 0 ? d.rules : [...open.keys()];
      for (const rule of closing) {
        const s = open.get(rule);
        if (!s) continue;
        s.to = d.line - 1;
        open.delete(rule);
      }
    }
  }
  return out;
}

/**
 * Drops the diagnostics of `file` that a suppression covers (by the line they start on) and
 * returns the suppressions that covered none. Diagnostics located in another file (config
 * `defaults`) stay: a comment in the SOP does not reach them.
 */
export function applySuppressions(file: string, diagnostics: Diagnostic[], suppressions: Suppression[], never: ReadonlySet<string>): { kept: Diagnostic[]; unused: Suppression[] } {
  const used = new Set<Suppression>();
  const kept = diagnostics.filter((d) => {
    if (d.file !== file || never.has(d.ruleId)) return true;
    const hits = suppressions.filter((s) => (s.rule === '*' || s.rule === d.ruleId) && d.line >= s.from && d.line <= s.to);
    for (const s of hits) used.add(s);
    return hits.length === 0;
  });
  return { kept, unused: suppressions.filter((s) => !used.has(s)) };
}
