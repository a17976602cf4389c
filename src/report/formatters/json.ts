// `--format json`: ESLint's JSON result format (plus each rule's docs URL), so tools that read ESLint output read sop's too.
import type { Formatter } from '../types.js';
import { absolutePath, foreignFile } from '../shared.js';

/** One entry per linted file, clean ones included, keys in ESLint's order. */
export const json: Formatter = (results, ctx) => {
  const out = results.map((result) => ({
    filePath: absolutePath(result.filePath, ctx.cwd),
    messages: result.diagnostics.map((d) => {
      // ESLint's shape has no per-message file: a position inside another file (config `defaults`)
      // names that file in the text, so a reader is not sent to the wrong line of the SOP.
      const other = foreignFile(d, result);
      return {
        ruleId: d.ruleId,
        severity: d.severity === 'error' ? 2 : 1,
        message: other ? `${d.message} (${other})` : d.message,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        // not in ESLint's shape (its json-with-metadata keeps rule URLs apart); readers ignore keys they do not know
        url: ctx.rules[d.ruleId]?.url ?? d.url,
      };
    }),
    suppressedMessages: [],
    errorCount: result.errorCount,
    fatalErrorCount: 0,
    warningCount: result.warningCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  }));
  return `${JSON.stringify(out)}\n`;
};
