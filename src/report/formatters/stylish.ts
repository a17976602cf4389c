// The default `sop lint` output: ESLint-style file blocks with aligned columns and a one-line summary.
import { Chalk, type ChalkInstance } from 'chalk';
import type { FileResult } from '../../core/types.js';
import type { Formatter, FormatterContext } from '../types.js';
import { foreignFile, terminalSafe } from '../shared.js';

/** Returns '' for a clean run, so `sop lint` stays silent on success like ESLint. */
export const stylish: Formatter = (results, ctx) => {
  // An explicit level: chalk must not probe the TTY itself, the CLI already decided (ctx.color).
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    out += fileBlock(result, chalk);
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const paint = errors > 0 ? chalk.red.bold : chalk.yellow.bold;
  return `${out}${paint(summary(total, errors, warnings, ctx.lang))}\n${docsFooter(results, ctx, chalk)}`;
};

/** Where each reported rule is explained, one line per rule in order of first appearance. */
function docsFooter(results: FileResult[], ctx: FormatterContext, chalk: ChalkInstance): string {
  const urls = new Map<string, string>();
  for (const r of results) for (const d of r.diagnostics) {
    const url = ctx.rules[d.ruleId]?.url ?? d.url;
    if (url && !urls.has(d.ruleId)) urls.set(d.ruleId, url);
  }
  if (urls.size === 0) return '';
  const w = Math.max(...[...urls.keys()].map((id) => id.length));
  const title = ctx.lang === 'id' ? 'Penjelasan aturan:' : 'Rule docs:';
  return `\n${title}\n${[...urls].map(([id, url]) => `  ${id.padEnd(w)}  ${chalk.dim(url)}\n`).join('')}`;
}

/** Header line, one aligned row per diagnostic (input order kept), then a blank line. */
function fileBlock(result: FileResult, chalk: ChalkInstance): string {
  const local = result.diagnostics.filter((d) => !foreignFile(d, result));
  const lineW = Math.max(0, ...local.map((d) => String(d.line).length));
  const rows = result.diagnostics.map((d) => {
    const other = foreignFile(d, result);
    return {
      // Line numbers right-aligned so the colons line up (ESLint does the same); a position inside
      // another file (config `defaults`) names that file, or it would seem to point into the SOP.
      pos: other ? `${terminalSafe(other)}:${d.line}:${d.column}` : `${String(d.line).padStart(lineW)}:${d.column}`,
      type: d.severity,
      message: terminalSafe(d.message),
      ruleId: terminalSafe(d.ruleId),
    };
  });
  const posW = Math.max(...rows.map((r) => r.pos.length));
  const typeW = Math.max(...rows.map((r) => r.type.length));
  const msgW = Math.max(...rows.map((r) => r.message.length));
  // Padding is computed on the plain text and added outside the colour codes, so columns align either way.
  const pad = (plain: string, painted: string, width: number): string => painted + ' '.repeat(width - plain.length);
  let out = `${chalk.underline(terminalSafe(result.filePath))}\n`;
  for (const r of rows) {
    const type = r.type === 'error' ? chalk.red(r.type) : chalk.yellow(r.type);
    out += `  ${pad(r.pos, chalk.dim(r.pos), posW)}  ${pad(r.type, type, typeW)}  ${pad(r.message, r.message, msgW)}  ${chalk.dim(r.ruleId)}\n`;
  }
  return `${out}\n`;
}

function summary(total: number, errors: number, warnings: number, lang: FormatterContext['lang']): string {
  if (lang === 'id') return `\u2716 ${total} masalah (${errors} error, ${warnings} peringatan)`;
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `\u2716 ${count(total, 'problem')} (${count(errors, 'error')}, ${count(warnings, 'warning')})`;
}
