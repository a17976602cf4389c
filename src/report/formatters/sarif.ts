// `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Location } from '../../core/types.js';
import type { Formatter, FormatterContext } from '../types.js';
import { relativePosix, safeRange } from '../shared.js';

type Level = 'error' | 'warning' | 'none';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
}

const SRCROOT = '%SRCROOT%';

/** A relative path becomes a URI reference under %SRCROOT%; segments are percent-encoded (spaces, `#`, `?`). */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const path = relativePosix(file, cwd);
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function physicalLocation(at: Location, cwd: string): object {
  const r = safeRange(at);
  return {
    artifactLocation: artifactLocation(at.file, cwd),
    region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
  };
}

function ruleEntry(id: string, d: Diagnostic, ctx: FormatterContext): SarifRule {
  const meta = ctx.rules[id];
  const helpUri = meta?.url ?? d.url;
  const level: Level = meta ? (meta.defaultSeverity === 'off' ? 'none' : meta.defaultSeverity) : d.severity;
  return {
    id,
    shortDescription: { text: meta?.description ?? id },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level },
  };
}

/** One run; `rules` lists each rule the results reference, in order of first use, and ruleIndex points into it. */
export const sarif: Formatter = (results, ctx) => {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const sarifResults: object[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      let index = ruleIndex.get(d.ruleId);
      if (index === undefined) {
        index = rules.push(ruleEntry(d.ruleId, d, ctx)) - 1;
        ruleIndex.set(d.ruleId, index);
      }
      sarifResults.push({
        ruleId: d.ruleId,
        ruleIndex: index,
        level: d.severity,
        message: { text: d.message },
        locations: [{ physicalLocation: physicalLocation(d, ctx.cwd) }],
        ...(d.related?.length
          ? {
              relatedLocations: d.related.map((r, id) => ({
                id,
                physicalLocation: physicalLocation(r, ctx.cwd),
                message: { text: r.message },
              })),
            }
          : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sop',
            version: ctx.version,
            ...(ctx.informationUri ? { informationUri: ctx.informationUri } : {}),
            rules,
          },
        },
        // Lets viewers turn the relative URIs back into files; the trailing slash makes it a directory.
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/')}` } },
        // Every linted file, clean ones too, so a viewer can tell "checked, no problems" from "not checked".
        artifacts: results.map((r) => ({ location: artifactLocation(r.filePath, ctx.cwd) })),
        // Positions come from JavaScript string offsets (yaml's LineCounter).
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
