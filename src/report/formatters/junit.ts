// `--format junit`: JUnit XML (one testsuite per SOP file) for CI systems that show test reports.
import type { Diagnostic, FileResult } from '../../core/types.js';
import type { Formatter } from '../types.js';
import { foreignFile } from '../shared.js';

/** XML 1.0 forbids most control characters even when escaped, so they are dropped. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An unreadable file is an `<error>` (the check could not run); every other diagnostic a `<failure>`. */
function isError(d: Diagnostic): boolean {
  return d.source === 'io';
}

function testcase(result: FileResult, d: Diagnostic): string {
  const file = xml(result.filePath);
  const where = `${foreignFile(d, result) ?? result.filePath}:${d.line}:${d.column}`;
  const related = (d.related ?? []).map((r) => `\n${r.file}:${r.line}:${r.column}: ${r.message}`).join('');
  const body = xml(`${where}: ${d.severity}: ${d.message} (${d.ruleId})${related}`);
  const tag = isError(d) ? 'error' : 'failure';
  return (
    `    <testcase name="${xml(`${d.ruleId} at ${d.line}:${d.column}`)}" classname="${file}">\n` +
    `      <${tag} message="${xml(d.message)}" type="${xml(d.ruleId)}">${body}</${tag}>\n` +
    '    </testcase>\n'
  );
}

/** Counts in the attributes match the elements below them, as JUnit readers cross-check them. */
export const junit: Formatter = (results, ctx) => {
  let suites = '';
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const file = xml(result.filePath);
    const nErrors = result.diagnostics.filter(isError).length;
    const nFailures = result.diagnostics.length - nErrors;
    const nTests = Math.max(1, result.diagnostics.length);
    tests += nTests;
    failures += nFailures;
    errors += nErrors;
    // A clean file still gets one passing testcase, so the report shows it was checked.
    const cases = result.diagnostics.length
      ? result.diagnostics.map((d) => testcase(result, d)).join('')
      : `    <testcase name="${ctx.lang === 'id' ? 'lint: tanpa masalah' : 'lint: no problems'}" classname="${file}"/>\n`;
    suites += `  <testsuite name="${file}" tests="${nTests}" failures="${nFailures}" errors="${nErrors}">\n${cases}  </testsuite>\n`;
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="sop lint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites}</testsuites>\n`
  );
};
