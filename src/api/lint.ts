// `lint` API: discovers, reads and checks SOP files and returns sorted results; never prints, never exits.
import path from 'node:path';
import type { LoadedConfig, RuleSetting, SopConfig } from '../config/config-types.js';
import { displayPath } from '../core/paths.js';
import { ruleDocsUrl } from '../core/package-info.js';
import type { FileResult, LintRunResult } from '../core/types.js';
import { locate, type SopDocument } from '../document/sop-document.js';
import { admit, parseText, readDiscovered } from '../lint/admit.js';
import { configFromText } from '../lint/config-source.js';
import { dedupeForeign, factsOf, lintDocument, makeResult, projectRulesEnabled, runProjectRules, sortResults, type EngineRun, type FileOutcome } from '../lint/engine.js';
import { rules } from '../lint/rules/index.js';
import { lintWorkspace, workspaceLocator } from '../lint/run.js';
import { lifecycleRulesEnabled, runLifecycleStage } from '../lint/lifecycle.js';
import { isInside } from '../core/paths.js';
import { loadLifecycle, recordKindOf, type LifecycleRecords } from '../lifecycle/repository.js';
import { prepareSopValidator } from '../lint/schema/validate.js';
import { resolveRuleSettings } from '../lint/settings.js';
import type { Lang } from '../lint/types.js';
import { discoverFiles } from '../discovery/discover.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';

export interface LintOptions {
  cwd: string;
  /** Files, folders and globs; default: the working directory. */
  paths?: string[];
  /** `--config`: use exactly this config file. */
  configPath?: string;
  /** Language of messages; default: config `lang`, else `id`. */
  lang?: Lang;
  /** Rule settings over the config's `rules` (`error|warn|off` or `[level, options]`). */
  rules?: Record<string, RuleSetting>;
  /** "Today" for date checks (NIP appointment not in the future); default: now. */
  now?: Date;
  /** Worker threads for large runs: default automatic (≥ 2,000 files on a multi-core machine), 0 = none. */
  workers?: number;
  /** Read YAML with the js-yaml fast path where it applies (default true); false: `yaml` only (comparisons). */
  fastYaml?: boolean;
}

export interface RuleInfo {
  description: string;
  url?: string;
  defaultSeverity: 'error' | 'warning' | 'off';
}

export interface LintResult extends LintRunResult {
  config: LoadedConfig;
  /** Paths and globs given that name nothing (the CLI exits 2 for them, as ESLint does); not in `results`. */
  missing: { arg: string; message: string }[];
  lang: Lang;
  /** Metadata of every rule in the run's language (for formatters). */
  rulesMeta: Record<string, RuleInfo>;
}

/** Rule metadata for formatters, in one language. */
export function rulesMetaFor(lang: Lang): Record<string, RuleInfo> {
  return Object.fromEntries(
    Object.values(rules).map((r) => [
      r.id,
      { description: r.meta.description[lang], url: ruleDocsUrl(r.meta.docsUrl), defaultSeverity: r.meta.defaultLevel === 'warn' ? 'warning' : r.meta.defaultLevel },
    ]),
  );
}

function totals(results: FileResult[]): LintRunResult {
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    errorCount += r.errorCount;
    warningCount += r.warningCount;
  }
  return { results, errorCount, warningCount };
}

/**
 * Lints the SOPs under `paths`. Throws SopConfigError for a broken config or bad rule settings;
 * every problem inside an SOP is a diagnostic in the results; a path that names nothing is in `missing`.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const ws = await openWorkspace({ cwd: options.cwd, paths: options.paths, configPath: options.configPath, lang: options.lang });
  const lang: Lang = options.lang ?? ws.config.config.lang ?? 'id';
  const settings = await resolveRuleSettings(ws.config, options.rules, lang);
  prepareSopValidator();
  const records = lifecycleRulesEnabled(settings) ? lifecycleOf(ws) : undefined;
  const run: EngineRun = { settings, lang, now: options.now ?? new Date(), config: ws.config.config, facts: projectRulesEnabled(settings) || records !== undefined };
  const outcomes = await lintWorkspace(ws, run, { workers: options.workers, fast: options.fastYaml });
  const context = run.facts ? await repositoryContext(ws, options.fastYaml !== false) : { outcomes: [], files: [] };
  const locator = workspaceLocator({ config: ws.config, files: [...ws.files, ...context.files] });
  await runProjectRules([...outcomes, ...context.outcomes], run, locator);
  const results = outcomes.map((o) => o.result);
  if (records) {
    const argPaths = (options.paths?.length ? options.paths : ['.']).map((p) => path.resolve(ws.cwd, p));
    results.push(...(await runLifecycleStage({
      outcomes: [...outcomes, ...context.outcomes], run, records, cwd: ws.cwd, locateFact: locator,
      recordInRun: (rec) => argPaths.some((p) => isInside(rec.absPath, p)),
    })));
  }
  sortResults(results);
  dedupeForeign(results);
  const missing = ws.missing.map((m) => ({ arg: m.arg, message: lang === 'en' ? m.messageEn : m.message }));
  return { ...totals(results), config: ws.config, missing, lang, rulesMeta: rulesMetaFor(lang) };
}

/**
 * The lifecycle records of the workspace's repository, when it keeps any; record files named on the
 * command line (a monev sheet) leave the SOP list, they are checked as records.
 */
function lifecycleOf(ws: Workspace): LifecycleRecords | undefined {
  const records = loadLifecycle(ws.config, ws.cwd);
  if (!records.present.inventory && !records.present.monitoring && !records.present.evaluation) return undefined;
  ws.files = ws.files.filter((f) => recordKindOf(records.paths, f.absPath) === undefined);
  return records;
}

/**
 * The repository's other SOPs, for the cross-file rules: `duplicate-nomor`, `duplicate-nama` and
 * `keterkaitan-unresolved` are about the whole repository (the config file's folder), so linting
 * one file still sees the numbers and names of the rest. Only their facts are kept; nothing is
 * reported on them.
 */
async function repositoryContext(ws: Workspace, fast: boolean): Promise<{ outcomes: FileOutcome[]; files: Workspace['files'] }> {
  if (!ws.config.file) return { outcomes: [], files: [] }; // no config: the run itself is the repository
  const repo = await discoverFiles({ cwd: ws.cwd, paths: [ws.config.dir], config: ws.config });
  const inRun = new Set(ws.files.map((f) => f.absPath));
  const files = repo.files.filter((f) => !inRun.has(f.absPath)).map((f) => ({ ...f, explicit: false }));
  const outcomes: FileOutcome[] = [];
  for (const f of files) {
    const doc = await readDiscovered(f, ws.config, fast);
    if (doc) outcomes.push({ result: makeResult(doc.file, []), facts: factsOf(doc) });
  }
  return { outcomes, files };
}

export interface LintTextOptions {
  /** Path reported for the text (default `sop.md`), relative to cwd. */
  file?: string;
  cwd?: string;
  /** A loaded config, a plain config object, or config YAML text (then located as `sop.config.yaml`). */
  config?: LoadedConfig | SopConfig | string;
  lang?: Lang;
  rules?: Record<string, RuleSetting>;
  now?: Date;
  /** Read YAML with the js-yaml fast path where it applies (default true). */
  fastYaml?: boolean;
}

function isLoaded(c: LoadedConfig | SopConfig): c is LoadedConfig {
  return typeof (c as LoadedConfig).dir === 'string' && typeof (c as LoadedConfig).config === 'object';
}

/**
 * Lints SOPs given as text (editors, tests) together, so cross-file rules see all of them. Each
 * text counts as explicitly selected: no frontmatter gives `frontmatter-missing`.
 */
export async function lintTexts(files: { file: string; text: string | Uint8Array }[], options: Omit<LintTextOptions, 'file'> = {}): Promise<FileResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config: LoadedConfig =
    typeof options.config === 'string' ? await configFromText(options.config, 'sop.config.yaml', cwd)
    : options.config === undefined ? { dir: cwd, config: {} }
    : isLoaded(options.config) ? options.config
    : { dir: cwd, config: options.config };
  const lang: Lang = options.lang ?? config.config.lang ?? 'id';
  const settings = await resolveRuleSettings(config, options.rules, lang);
  prepareSopValidator();
  const run: EngineRun = { settings, lang, now: options.now ?? new Date(), config: config.config, facts: projectRulesEnabled(settings) };
  const docs = new Map<string, SopDocument>();
  const outcomes: FileOutcome[] = files.map(({ file, text }) => {
    const abs = path.resolve(cwd, file);
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const doc = admit(parseText(bytes, displayPath(abs, cwd), abs, config, options.fastYaml !== false), true)!;
    docs.set(doc.file, doc);
    return lintDocument(doc, run);
  });
  await runProjectRules(outcomes, run, async ({ file, at }) => {
    const doc = docs.get(file);
    return doc ? locate(doc, at) : { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  });
  const results = sortResults(outcomes.map((o) => o.result));
  dedupeForeign(results);
  return results.map((r) => makeResult(r.filePath, r.diagnostics));
}

/** Lints one SOP given as text. */
export async function lintText(text: string | Uint8Array, options: LintTextOptions = {}): Promise<FileResult> {
  const [result] = await lintTexts([{ file: options.file ?? 'sop.md', text }], options);
  return result;
}
