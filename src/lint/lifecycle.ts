// Lifecycle stage of lint: runs inventaris-coverage, monitoring-due and evaluasi-tindak-lanjut on the repository's SOPs
// and its records, and reports record files' own problems (YAML, schema) as results of those files.
import { ruleDocsUrl } from '../core/package-info.js';
import path from 'node:path';
import type { Diagnostic, FileResult, Location, RelatedLocation } from '../core/types.js';
import { locateRecord, type RecordFile } from '../lifecycle/records.js';
import type { LifecycleRecords } from '../lifecycle/repository.js';
import { lifecycleSop, SopIndex, type LifecycleSop } from '../lifecycle/sops.js';
import type { EngineRun, FactLocator, FileOutcome } from './engine.js';
import { makeResult } from './engine.js';
import { ruleMessage } from './messages.js';
import { rules } from './rules/index.js';
import type { HistoryFacts, LifecycleContext, LifecycleReportDescriptor, RuleModule, RunRuleSettings } from './types.js';

const lifecycleRules: RuleModule<any>[] = Object.values(rules).filter((r) => r.meta.scope === 'lifecycle' && r.checkLifecycle);

export function lifecycleRulesEnabled(settings: RunRuleSettings): boolean {
  return lifecycleRules.some((r) => settings[r.id]?.severity !== 'off');
}

export interface LifecycleStage {
  /** Every outcome with facts: the run's files and the repository's other SOPs. */
  outcomes: FileOutcome[];
  run: EngineRun;
  records: LifecycleRecords;
  cwd: string;
  locateFact: FactLocator;
  /** Record files whose results the run reports (inside the paths linted). */
  recordInRun: (rec: RecordFile) => boolean;
  /** Git facts of the repository's SOPs by file (evaluasi-tindak-lanjut counts a commit after the evaluation as a revision). */
  history?: Record<string, HistoryFacts>;
}

/** The SOPs as the lifecycle rules see them, from the facts lint kept. */
export function sopsFromOutcomes(outcomes: FileOutcome[], cwd: string, root: string): LifecycleSop[] {
  return outcomes
    .flatMap((o) => (o.facts ? [o.facts] : []))
    .map((f) => lifecycleSop({
      file: f.file, absPath: path.resolve(cwd, f.file), root,
      nomor: f.nomor?.value, nama: f.nama?.value, tanggalEfektif: f.tanggalEfektif?.value, tanggalRevisi: f.tanggalRevisi?.value, status: f.status?.value,
    }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

function diagnostic(ruleId: string, severity: Diagnostic['severity'], message: string, loc: Location, source: Diagnostic['source'], related?: RelatedLocation[]): Diagnostic {
  const d: Diagnostic = { ruleId, severity, message, file: loc.file, line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn, source, url: rules[ruleId] ? ruleDocsUrl(rules[ruleId].meta.docsUrl) : undefined };
  if (related?.length) d.related = related;
  return d;
}

/**
 * Runs the lifecycle rules and adds their diagnostics to the SOP results of the run; returns one
 * result per record file in the run (with its YAML/schema problems and the rules' reports there).
 */
export async function runLifecycleStage(stage: LifecycleStage): Promise<FileResult[]> {
  const { run, records } = stage;
  const sops = sopsFromOutcomes(stage.outcomes, stage.cwd, records.paths.root);
  const index = new SopIndex(sops);
  const recordByFile = new Map(records.records.map((r) => [r.file, r]));
  const recordDiagnostics = new Map<string, Diagnostic[]>(records.records.filter(stage.recordInRun).map((r) => [r.file, []]));
  const sopResults = new Map(stage.outcomes.map((o) => [o.result.filePath, o.result]));
  const touched = new Set<FileResult>();

  for (const rec of records.records) {
    const ds = recordDiagnostics.get(rec.file);
    if (!ds) continue;
    for (const p of rec.problems) {
      const setting = run.settings[p.ruleId];
      const severity = p.ruleId === 'file-read' || p.ruleId === 'file-encoding' ? 'error' : setting?.severity ?? 'error';
      if (severity === 'off') continue;
      ds.push(diagnostic(p.ruleId, severity, run.lang === 'en' ? p.messageEn : p.message, p.location, p.ruleId === 'schema' ? 'schema' : p.ruleId === 'yaml-syntax' ? 'yaml' : 'io'));
    }
  }

  const locate = async (file: string, at: LifecycleReportDescriptor['at'], key?: boolean): Promise<Location> => {
    const rec = recordByFile.get(file);
    return rec ? locateRecord(rec, at, { key }) : stage.locateFact({ file, at });
  };

  for (const rule of lifecycleRules) {
    const setting = run.settings[rule.id];
    if (!setting || setting.severity === 'off') continue;
    const pending: LifecycleReportDescriptor[] = [];
    const ctx: LifecycleContext<any> = {
      sops, index, records, options: setting.options, lang: run.lang, config: run.config, now: run.now, history: stage.history,
      report: (d) => void pending.push(d),
    };
    try {
      rule.checkLifecycle!(ctx);
    } catch (err) {
      const first = stage.outcomes[0]?.result ?? undefined;
      const m = err instanceof Error ? err.message : String(err);
      if (first) {
        first.diagnostics.push(diagnostic(rule.id, 'error', run.lang === 'en' ? `this rule failed (internal error: ${m}); please report it as a bug` : `aturan ini gagal (kesalahan internal: ${m}); mohon laporkan sebagai bug`, { file: first.filePath, line: 1, column: 1, endLine: 1, endColumn: 1 }, 'rule'));
        touched.add(first);
      }
      continue;
    }
    for (const r of pending) {
      const target = recordDiagnostics.get(r.file) ?? sopResults.get(r.file)?.diagnostics;
      if (!target) continue; // a record outside the run, or an SOP of the repository that was not linted
      const severity: Diagnostic['severity'] = r.severity === 'error' ? 'error' : (setting.severity as Diagnostic['severity']);
      const related = r.related ? await Promise.all(r.related.map(async (x) => ({ ...(await locate(x.file, x.at, x.key)), message: ruleMessage(rule, x.messageId, x.data, run.lang) }))) : undefined;
      target.push(diagnostic(rule.id, severity, ruleMessage(rule, r.messageId, r.data, run.lang), await locate(r.file, r.at, r.key), 'rule', related));
      const res = sopResults.get(r.file);
      if (res) touched.add(res);
    }
  }
  for (const r of touched) Object.assign(r, makeResult(r.filePath, r.diagnostics));
  return [...recordDiagnostics].map(([file, ds]) => makeResult(file, ds));
}
