// Factories for the formatter tests: a Diagnostic or FileResult with only the fields a test cares about.
import type { Diagnostic, FileResult } from '../../src/core/types.js';
import type { FormatterContext } from '../../src/report/types.js';

export function diag(over: Partial<Diagnostic> = {}): Diagnostic {
  const line = over.line ?? 1;
  const column = over.column ?? 1;
  return {
    ruleId: 'schema',
    severity: 'error',
    message: 'Unexpected value',
    file: 'sop/a.md',
    line,
    column,
    endLine: line,
    endColumn: column + 4,
    source: 'rule',
    ...over,
  };
}

/** Counts are derived from the diagnostics, as the engine does. */
export function fileResult(filePath: string, diagnostics: Partial<Diagnostic>[] = []): FileResult {
  const ds = diagnostics.map((d) => diag({ file: filePath, ...d }));
  return {
    filePath,
    diagnostics: ds,
    errorCount: ds.filter((d) => d.severity === 'error').length,
    warningCount: ds.filter((d) => d.severity === 'warning').length,
  };
}

export function context(over: Partial<FormatterContext> = {}): FormatterContext {
  return {
    cwd: '/repo',
    color: false,
    version: '0.1.0',
    lang: 'en',
    rules: {
      schema: { description: 'Frontmatter follows sop.schema.json', url: 'https://example.test/rules/schema', defaultSeverity: 'error' },
      'unused-pelaksana': { description: 'Every declared actor has a row', url: 'https://example.test/rules/unused-pelaksana', defaultSeverity: 'warning' },
      'duplicate-nomor': { description: 'nomor is unique', url: 'https://example.test/rules/duplicate-nomor', defaultSeverity: 'error' },
      'output-chain': { description: 'Output feeds the next row', url: 'https://example.test/rules/output-chain', defaultSeverity: 'off' },
    },
    ...over,
  };
}

/** Two files with problems and one clean file, in the engine's sort order. */
export function sampleResults(): FileResult[] {
  return [
    fileResult('sop/a.md', [
      { line: 3, column: 5, endLine: 3, endColumn: 12, message: 'Missing key "nip" in disahkan_oleh' },
      { line: 12, column: 10, endLine: 12, endColumn: 16, severity: 'warning', ruleId: 'unused-pelaksana', message: 'Actor "kepala" has no row' },
    ]),
    fileResult('sop/b.md'),
    fileResult('sop/c.md', [
      {
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 20,
        ruleId: 'duplicate-nomor',
        message: 'Duplicate nomor "800/01"',
        related: [{ file: 'sop/a.md', line: 2, column: 8, endLine: 2, endColumn: 20, message: 'First used here' }],
      },
    ]),
  ];
}
