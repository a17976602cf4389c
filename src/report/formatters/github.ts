// `--format github`: GitHub Actions workflow commands, so diagnostics show as annotations on the PR diff.
import type { Formatter } from '../types.js';
import { relativePosix, safeRange } from '../shared.js';

/** Escaping of the command's data part (the runner decodes %25, %0D, %0A). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also end at `,` and `:`, so those are escaped as well. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error`/`::warning` line per diagnostic, in input order; '' when there are none. */
export const github: Formatter = (results, ctx) => {
  let out = '';
  for (const result of results) {
    for (const d of result.diagnostics) {
      const r = safeRange(d);
      // The diagnostic's own file: a value from config `defaults` is annotated where it was written.
      const file = escapeProperty(relativePosix(d.file || result.filePath, ctx.cwd));
      const props = `file=${file},line=${r.line},col=${r.column},endLine=${r.endLine},endColumn=${r.endColumn},title=${escapeProperty(d.ruleId)}`;
      out += `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(d.message)}\n`;
    }
  }
  return out;
};
