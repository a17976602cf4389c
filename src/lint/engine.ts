// The lint engine: runs the rules on one SOP document, stamps rule id/severity/url, locates every report, dedupes and sorts.
import type { SopConfig } from '../config/config-types.js';
import { ruleDocsUrl } from '../core/package-info.js';
import type { Diagnostic, FileResult, Location, Range, RelatedLocation } from '../core/types.js';
import { LineIndex } from '../yaml/positions.js';
import { locate, type LoadProblem, type SopDocument } from '../document/sop-document.js';
import { buildFlowModel } from '../model/flow.js';
import type { FlowModel } from '../model/flow-types.js';
import type { SchemaProblem } from '../schema/translate.js';
import { applySuppressions, directivesOf, suppressionsOf, type Directive } from './directives.js';
import { ruleMessage } from './messages.js';
import { rules } from './rules/index.js';
import { schemaProblemsOf } from './schema/validate.js';
import type { FactPlace, FileFacts, HistoryFacts, Lang, ProjectContext, ProjectReportDescriptor, ReportDescriptor, RuleContext, RuleModule, RunRuleSettings, Target } from './types.js';
import { isObj } from './util/data.js';

export interface EngineRun {
  settings: RunRuleSettings;
  lang: Lang;
  now: Date;
  config: SopConfig;
  /** Keep the facts project rules need (false when every project rule is off). */
  facts: boolean;
  /** Git history facts by reported file path (revisi-outdated); absent outside git. */
  history?: Record<string, HistoryFacts>;
  /**
   * Git is still being read: rules with `historyKeys` do not run in lintDocument; each outcome keeps
   * those keys (`historyInput`) for runDeferredHistoryRules once `history` is set.
   */
  deferHistory?: boolean;
  /** The caller runs other work on this thread meanwhile: lintBatch lets the event loop turn every few ms. */
  yieldToEventLoop?: boolean;
}

/** A document lint read, kept for the caller (sop build), with the FlowModel a rule built from it, if any. */
export interface KeptDocument {
  document: SopDocument;
  model?: FlowModel;
}

export interface FileOutcome {
  result: FileResult;
  facts?: FileFacts;
  /** Inline `# sop-disable...` comments of the frontmatter, applied once every rule ran. */
  directives?: Directive[];
  /** With `deferHistory`: the top-level values the deferred history rules read (their `historyKeys`). */
  historyInput?: Record<string, unknown>;
}

const ruleList: RuleModule<any>[] = Object.values(rules);
// absolute once per rule: CI formats (SARIF helpUri) need a full URL, not a path inside the package
const docsUrls = new Map(ruleList.map((r) => [r.id, ruleDocsUrl(r.meta.docsUrl)]));
const docsUrlOf = (rule: RuleModule<any>): string => docsUrls.get(rule.id) ?? ruleDocsUrl(rule.meta.docsUrl);
const fileRules = ruleList.filter((r) => r.meta.scope !== 'project' && r.check);
const projectRules = ruleList.filter((r) => r.meta.scope === 'project' && r.checkProject);
const historyRules = fileRules.filter((r) => r.meta.historyKeys);
const historyKeys = [...new Set(historyRules.flatMap((r) => r.meta.historyKeys ?? []))];

/** True when a rule that reads git history is on: only then is git read for lint. */
export function historyRulesEnabled(settings: RunRuleSettings): boolean {
  return historyRules.some((r) => settings[r.id] !== undefined && settings[r.id].severity !== 'off');
}

const rangeKey = (file: string, r: Range) => `${file}:${r.line}:${r.column}:${r.endLine}:${r.endColumn}`;

function sourceOf(rule: RuleModule<any>): Diagnostic['source'] {
  if (rule.id === 'file-read' || rule.id === 'file-encoding' || rule.id === 'path-outside') return 'io';
  if (rule.meta.scope === 'loader') return 'yaml';
  return rule.id === 'schema' ? 'schema' : 'rule';
}

export function projectRulesEnabled(settings: RunRuleSettings): boolean {
  return projectRules.some((r) => settings[r.id]?.severity !== 'off');
}

function toDiagnostic(rule: RuleModule<any>, severity: Diagnostic['severity'], message: string, loc: Location, related: RelatedLocation[] | undefined): Diagnostic {
  const d: Diagnostic = {
    ruleId: rule.id, severity, message, file: loc.file,
    line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn,
    source: sourceOf(rule), url: docsUrlOf(rule),
  };
  if (related && related.length) d.related = related;
  return d;
}

const preparingRules = fileRules.filter((r) => r.prepare);

/**
 * Lets the rules that need a heavy module for this document load it (RuleModule.prepare); call it
 * before lintDocument. Without it such a rule reports an internal error on the document (never a
 * silent pass). Never throws: a failed load shows up the same way.
 */
export async function prepareDocument(doc: SopDocument, run: EngineRun): Promise<void> {
  if (preparingRules.length === 0 || !parsedOk(doc)) return;
  for (const rule of preparingRules) {
    const setting = run.settings[rule.id];
    if (!setting || setting.severity === 'off') continue;
    try {
      await rule.prepare!({ data: doc.data, lang: run.lang, config: run.config });
    } catch {
      // the rule's check reports it, located at the file
    }
  }
}

/**
 * Lints one document. Never throws: a rule that fails on odd input becomes a diagnostic of that rule.
 * With `keep`, the FlowModel the rules built (if one did) is left in it.
 */
export function lintDocument(doc: SopDocument, run: EngineRun, keep?: KeptDocument): FileOutcome {
  const diagnostics: Diagnostic[] = [];
  // ranges whose value the schema already rejected: a rule's report there would say the same thing twice
  const schemaValueRanges = new Set<string>();
  let schema: SchemaProblem[] | undefined;
  let flow: FlowModel | undefined;
  const where = (t: Target): Location => t.location ?? locate(doc, t.at ?? [], { key: t.key });
  let deferred = false;

  for (const rule of fileRules) {
    const setting = run.settings[rule.id];
    if (!setting || setting.severity === 'off') continue;
    // content rules need a parsed frontmatter; loader rules report why there is none
    if (rule.meta.scope === 'file' && !parsedOk(doc)) continue;
    if (run.deferHistory && rule.meta.historyKeys) {
      deferred = true;
      continue;
    }
    const severity = setting.severity;
    const ctx: RuleContext<any> = {
      file: doc.file,
      data: doc.data,
      options: setting.options,
      lang: run.lang,
      config: run.config,
      now: run.now,
      loadProblems: doc.problems,
      history: run.history?.[doc.file],
      source: { absPath: doc.absPath, configDir: doc.config?.dir, fromDefaults: doc.fromDefaults },
      schemaProblems: () => (schema ??= schemaProblemsOf(doc.data)),
      flow: () => (flow ??= buildFlowModel(doc.data, { time: run.config.time, lang: run.lang })),
      report(r: ReportDescriptor) {
        const loc = where(r);
        const related = r.related?.map((x) => ({ ...where(x), message: ruleMessage(rule, x.messageId, x.data, run.lang) }));
        diagnostics.push(toDiagnostic(rule, r.severity ?? severity, ruleMessage(rule, r.messageId, r.data, run.lang), loc, related));
        if (rule.id === 'schema' && !r.key) schemaValueRanges.add(rangeKey(loc.file, loc));
      },
    };
    try {
      rule.check!(ctx);
    } catch (err) {
      diagnostics.push(toDiagnostic(rule, 'error', internalMessage(err, run.lang), { file: doc.file, line: 1, column: 1, endLine: 1, endColumn: 1 }, undefined));
    }
  }

  const seen = new Set<string>();
  const kept = diagnostics.filter((d) => {
    const k = `${d.ruleId}|${rangeKey(d.file, d)}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return !(d.source === 'rule' && schemaValueRanges.has(rangeKey(d.file, d)));
  });
  let facts: FileFacts | undefined;
  try {
    facts = run.facts ? factsOf(doc) : undefined;
  } catch {
    facts = { file: doc.file, keterkaitan: [] }; // cross-file rules then simply do not see this file's values
  }
  if (keep && flow) keep.model = flow;
  const outcome: FileOutcome = { result: makeResult(doc.file, kept), facts };
  const directives = directivesOf(doc.text);
  if (directives.length > 0) outcome.directives = directives;
  if (deferred && isObj(doc.data)) {
    const input: Record<string, unknown> = {};
    for (const k of historyKeys) if (k in doc.data) input[k] = doc.data[k];
    outcome.historyInput = input;
  }
  return outcome;
}

/**
 * Runs the rules lintDocument left for later (`deferHistory`), now that `run.history` is read, on
 * each outcome's `historyInput`, and adds their diagnostics. A report where the schema already
 * rejected the value is dropped, as lintDocument drops it. Places are located through `locateFact`.
 */
export async function runDeferredHistoryRules(outcomes: FileOutcome[], run: EngineRun, locateFact: FactLocator): Promise<void> {
  for (const o of outcomes) {
    const data = o.historyInput;
    if (!data) continue;
    o.historyInput = undefined;
    const file = o.result.filePath;
    const history = run.history?.[file];
    if (!history) continue;
    const pending: { rule: RuleModule<any>; severity: Diagnostic['severity']; report: ReportDescriptor }[] = [];
    for (const rule of historyRules) {
      const setting = run.settings[rule.id];
      if (!setting || setting.severity === 'off') continue;
      const unavailable = (): never => {
        throw new Error(`${rule.id}: only the keys of meta.historyKeys are available once git is read`);
      };
      const ctx: RuleContext<any> = {
        file, data, options: setting.options, lang: run.lang, config: run.config, now: run.now, loadProblems: [], history,
        source: { absPath: file, fromDefaults: new Set() },
        schemaProblems: unavailable,
        flow: unavailable,
        report: (r) => void pending.push({ rule, severity: r.severity ?? (setting.severity as Diagnostic['severity']), report: r }),
      };
      try {
        rule.check!(ctx);
      } catch (err) {
        o.result.diagnostics.push(toDiagnostic(rule, 'error', internalMessage(err, run.lang), { file, line: 1, column: 1, endLine: 1, endColumn: 1 }, undefined));
      }
    }
    const where = async (t: Target): Promise<Location> => t.location ?? (await locateFact({ file, at: t.at ?? [], key: t.key }));
    for (const { rule, severity, report: r } of pending) {
      const loc = await where(r);
      const rejected = o.result.diagnostics.some((d) => d.ruleId === 'schema' && rangeKey(d.file, d) === rangeKey(loc.file, loc));
      if (!rejected) o.result.diagnostics.push(await locatedDiagnostic(rule, severity, r, loc, where, run.lang));
    }
    Object.assign(o.result, makeResult(file, o.result.diagnostics));
  }
}

/** A report located after the rules ran (project and deferred history rules): its own place is given, its related places are located by `where`. */
async function locatedDiagnostic<T>(
  rule: RuleModule<any>, severity: Diagnostic['severity'], r: { messageId: string; data?: ReportDescriptor['data']; related?: (T & { messageId: string; data?: ReportDescriptor['data'] })[] },
  loc: Location, where: (t: T) => Promise<Location>, lang: Lang,
): Promise<Diagnostic> {
  const related = r.related ? await Promise.all(r.related.map(async (x) => ({ ...(await where(x)), message: ruleMessage(rule, x.messageId, x.data, lang) }))) : undefined;
  return toDiagnostic(rule, severity, ruleMessage(rule, r.messageId, r.data, lang), loc, related);
}

/** Problems of the file itself (reading, encoding, containment, size) and the report on directives are never silenced. */
const NOT_SUPPRESSIBLE: ReadonlySet<string> = new Set(['file-read', 'file-encoding', 'path-outside', 'body-limit', 'unused-disable']);

/**
 * Applies each file's inline disables once every rule (file, project, lifecycle) reported: drops
 * the diagnostics they cover and reports, as `unused-disable`, each directive (per rule it names)
 * that covered none or names an unknown rule.
 */
export function applyInlineDisables(outcomes: FileOutcome[], run: EngineRun): void {
  const rule = rules['unused-disable'];
  const setting = run.settings['unused-disable'];
  for (const o of outcomes) {
    if (!o.directives?.length) continue;
    const file = o.result.filePath;
    const { kept, unused } = applySuppressions(file, o.result.diagnostics, suppressionsOf(o.directives), NOT_SUPPRESSIBLE);
    if (setting && setting.severity !== 'off') {
      for (const s of unused) {
        const unknown = s.rule !== '*' && !(s.rule in rules);
        const data = { directive: s.directive.text, rule: s.rule === '*' ? (run.lang === 'en' ? 'every rule' : 'semua aturan') : s.rule };
        const d = s.directive;
        kept.push(toDiagnostic(rule, setting.severity, ruleMessage(rule, unknown ? 'unknown' : 'unused', data, run.lang), { file, line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn }, undefined));
      }
    }
    Object.assign(o.result, makeResult(file, kept));
  }
}

function internalMessage(err: unknown, lang: Lang): string {
  const m = err instanceof Error ? err.message : String(err);
  return lang === 'en'
    ? `this rule failed on this file (internal error: ${m}); please report it as a bug`
    : `aturan ini gagal memeriksa berkas ini (kesalahan internal: ${m}); mohon laporkan sebagai bug`;
}

/**
 * True when the frontmatter parsed into data. Not `doc.frontmatter`: on the fast path that getter
 * builds the `yaml` Document, which only a diagnostic's position should cost.
 */
export function parsedOk(doc: SopDocument): boolean {
  return doc.hasFrontmatter && doc.problems.length === 0;
}

/** The small facts project rules need (values and YAML paths); the document itself can then be dropped. */
export function factsOf(doc: SopDocument): FileFacts {
  if (!parsedOk(doc) || !isObj(doc.data)) return { file: doc.file, keterkaitan: [] };
  return factsFromData(doc.file, doc.data);
}

/** The facts of merged frontmatter data (also built from a header scan, lint/header-scan.ts). */
export function factsFromData(file: string, data: Record<string, unknown>): FileFacts {
  const facts: FileFacts = { file, keterkaitan: [] };
  for (const key of ['nomor', 'nama'] as const) {
    const v = data[key];
    if (typeof v === 'string' && v.trim() !== '') facts[key] = { value: v, at: [key] };
  }
  // the lifecycle rules (monitoring-due, evaluasi-tindak-lanjut) need these three as well
  for (const [key, fact] of [['tanggal_efektif', 'tanggalEfektif'], ['tanggal_revisi', 'tanggalRevisi'], ['status', 'status']] as const) {
    const v = data[key];
    if (typeof v === 'string' && v.trim() !== '') facts[fact] = { value: v, at: [key] };
  }
  if (Array.isArray(data.keterkaitan)) {
    data.keterkaitan.forEach((v, i) => {
      if (typeof v === 'string' && v.trim() !== '') facts.keterkaitan.push({ value: v, at: ['keterkaitan', i] });
    });
  }
  // status-links: who replaces this SOP, and whom it replaces (one string or a list)
  if (typeof data.diganti_oleh === 'string' && data.diganti_oleh.trim() !== '') facts.digantiOleh = { value: data.diganti_oleh, at: ['diganti_oleh'] };
  const m = data.menggantikan;
  if (typeof m === 'string' && m.trim() !== '') facts.menggantikan = [{ value: m, at: ['menggantikan'] }];
  else if (Array.isArray(m)) facts.menggantikan = m.flatMap((v, i) => (typeof v === 'string' && v.trim() !== '' ? [{ value: v, at: ['menggantikan', i] }] : []));
  return facts;
}

/** Top-level keys factsFromData reads: a header scan parses only these. */
export const FACT_KEYS: readonly string[] = ['nomor', 'nama', 'keterkaitan', 'tanggal_efektif', 'tanggal_revisi', 'status', 'diganti_oleh', 'menggantikan'];

/** Finds where a YAML path of one of the run's SOPs is written (the caller may read the file again). */
export type FactLocator = (place: FactPlace) => Promise<Location>;

/**
 * Runs the project rules over every file's facts and adds their diagnostics to the matching
 * results. Only the places reported are located, through `locateFact`.
 */
/**
 * `reported`: files whose diagnostics are kept (default all); reports on the others (the
 * repository's SOPs outside the run, there for their facts) are dropped before being located, so
 * their files are not read again.
 */
export async function runProjectRules(outcomes: FileOutcome[], run: EngineRun, locateFact: FactLocator, reported?: ReadonlySet<string>): Promise<void> {
  const byFile = new Map(outcomes.map((o) => [o.result.filePath, o.result]));
  const files = outcomes.flatMap((o) => (o.facts ? [o.facts] : [])).sort((a, b) => compareStrings(a.file, b.file));
  const pending: { rule: RuleModule<any>; severity: Diagnostic['severity']; report: ProjectReportDescriptor }[] = [];
  const failed: { rule: RuleModule<any>; err: unknown }[] = [];
  for (const rule of projectRules) {
    const setting = run.settings[rule.id];
    if (!setting || setting.severity === 'off') continue;
    const ctx: ProjectContext<any> = {
      files,
      options: setting.options,
      lang: run.lang,
      report: (report) => void pending.push({ rule, severity: setting.severity as Diagnostic['severity'], report }),
    };
    try {
      rule.checkProject!(ctx);
    } catch (err) {
      failed.push({ rule, err });
    }
  }
  const touched = new Set<FileResult>();
  for (const { rule, severity, report: r } of pending) {
    const result = byFile.get(r.file);
    if (!result || (reported && !reported.has(r.file))) continue;
    result.diagnostics.push(await locatedDiagnostic(rule, severity, r, await locateFact(r), locateFact, run.lang));
    touched.add(result);
  }
  const first = outcomes[0]?.result;
  for (const { rule, err } of failed) {
    if (!first) break;
    first.diagnostics.push(toDiagnostic(rule, 'error', internalMessage(err, run.lang), { file: first.filePath, line: 1, column: 1, endLine: 1, endColumn: 1 }, undefined));
    touched.add(first);
  }
  for (const r of touched) Object.assign(r, makeResult(r.filePath, r.diagnostics));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Own-file diagnostics by position, then those located in other files (config `defaults`) by file and position. */
export function sortDiagnostics(filePath: string, ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => {
    const fa = a.file === filePath ? '' : a.file;
    const fb = b.file === filePath ? '' : b.file;
    return compareStrings(fa, fb) || a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || compareStrings(a.ruleId, b.ruleId);
  });
}

export function makeResult(filePath: string, diagnostics: Diagnostic[]): FileResult {
  const ds = sortDiagnostics(filePath, diagnostics);
  let errorCount = 0;
  let warningCount = 0;
  for (const d of ds) {
    if (d.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { filePath, diagnostics: ds, errorCount, warningCount };
}

/** Results sorted by path. */
export function sortResults(results: FileResult[]): FileResult[] {
  return results.sort((a, b) => compareStrings(a.filePath, b.filePath));
}

/**
 * A value from config `defaults` is shared by every SOP; report a problem with it once (on the
 * first SOP in path order), not once per file. Results must already be sorted.
 */
export function dedupeForeign(results: FileResult[]): void {
  const seen = new Set<string>();
  for (const r of results) {
    const before = r.diagnostics.length;
    const kept = r.diagnostics.filter((d) => {
      if (d.file === r.filePath) return true;
      const k = `${d.ruleId}|${rangeKey(d.file, d)}|${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (kept.length !== before) Object.assign(r, makeResult(r.filePath, kept));
  }
}

/** A result for a file that is not an SOP but has located problems (the config naming files outside the repository). */
export function problemsResult(file: string, problems: LoadProblem[], run: EngineRun): FileResult {
  const doc: SopDocument = {
    file, absPath: file, text: '', lines: new LineIndex(''), hasFrontmatter: false, raw: undefined, data: undefined,
    fromDefaults: new Set(), body: '', bodyLine: 1, problems,
  };
  return lintDocument(doc, { ...run, facts: false }).result;
}
