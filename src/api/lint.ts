// `lint` API: discovers, reads and checks SOP files and returns sorted results; never prints, never exits.
import path from 'node:path';
import type { LoadedConfig, RuleSetting, SopConfig } from '../config/config-types.js';
import { displayPath, outsideMessage, realPathOf } from '../core/paths.js';
import { locateInYaml } from '../yaml/positions.js';
import { configReferences } from '../workspace/references.js';
import { ruleDocsUrl } from '../core/package-info.js';
import type { FileResult, LintRunResult } from '../core/types.js';
import { locate, type LoadProblem, type SopDocument } from '../document/sop-document.js';
import { admit, parseText, readDiscovered } from '../lint/admit.js';
import { configFromText } from '../lint/config-source.js';
import { applyInlineDisables, dedupeForeign, factsOf, historyRulesEnabled, lintDocument, makeResult, prepareDocument, problemsResult, projectRulesEnabled, runDeferredHistoryRules, runProjectRules, sortResults, type EngineRun, type FileOutcome, type KeptDocument } from '../lint/engine.js';
import { scanFacts } from '../lint/header-scan.js';
import { rules } from '../lint/rules/index.js';
import { lintWorkspace, WORKER_THRESHOLD, workspaceLocator } from '../lint/run.js';
import { lifecycleRulesEnabled, runLifecycleStage } from '../lint/lifecycle.js';
import { isInside } from '../core/paths.js';
import { loadLifecycle, recordKindOf, type LifecycleRecords } from '../lifecycle/repository.js';
import { prepareSopValidator } from '../lint/schema/validate.js';
import { resolveRuleSettings } from '../lint/settings.js';
import type { HistoryFacts, Lang } from '../lint/types.js';
import { readHistory, type FileHistory, type RepositoryHistory } from '../history/history.js';
import type { Notice } from '../history/repo.js';
import { historyConfig } from '../history/settings.js';
import { discoverFiles, type DiscoveredFile } from '../discovery/discover.js';
import { readFileSync } from 'node:fs';
import { LintCache, lintProgramKey, sha256 } from '../lint/cache.js';
import { loadConfig } from '../config/load.js';
import { openWorkspace, partsByConfig, type Workspace } from '../workspace/workspace.js';
import { STATUS_KEYS } from '../model/status.js';

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
  /** Read git history for `revisi-outdated` (default: config `history.enabled`, else true). */
  history?: boolean;
  /**
   * History the caller reads (sop build reads it once for lint and the documents), maybe still being
   * read: the files are linted meanwhile and the history rules run once it is there.
   */
  repositoryHistory?: RepositoryHistory | Promise<RepositoryHistory>;
  /** The workspace the caller opened already (sop build: it needs the file list before lint runs). */
  workspace?: Workspace;
  /**
   * The caller runs other work on this thread meanwhile (sop build: Chromium's launch and its module
   * loading): lint then lets the event loop turn every few milliseconds.
   */
  sharesThread?: boolean;
  /**
   * `--stdin --stdin-filename F`: lint this text as the file F (which need not exist), under F's
   * config and with F's repository as context for the cross-file rules; `paths` are then ignored.
   */
  stdin?: { file: string; text: string | Uint8Array };
  /**
   * `--cache`: reuse each unchanged file's own outcome from `.sop-cache/` in its config's folder
   * (keyed by its bytes, the config, the rule settings, the program, the day and its git history).
   */
  cache?: boolean;
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
  /** One-line notes about the run (shallow git history), in both languages. */
  notices: Notice[];
  /** With `cache`: files whose outcome came from the cache, and files linted afresh. */
  cache?: { reused: string[]; linted: string[] };
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
  return (await lintRun(options, false)).result;
}

/** What a lint run read: its workspace and every document (by absolute path; null: not an SOP) with its FlowModel. */
export interface LintRead {
  workspace: Workspace;
  documents: ReadonlyMap<string, KeptDocument | null>;
}

/**
 * lint() that also hands on what it read (sop build builds from it: one read and one parse per
 * SOP). Every document is kept, so the run stays on this thread.
 */
export async function lintKeeping(options: LintOptions): Promise<{ result: LintResult } & LintRead> {
  return lintRun(options, true) as Promise<{ result: LintResult } & LintRead>;
}

/**
 * One lint run. Documents are kept (for the cross-file rules' positions, and for the caller when
 * `handOn`) whenever the run stays on this thread, so no file is read twice; a run large enough
 * for worker threads keeps none (its memory stays flat) and re-reads the few files a cross-file rule reports on.
 */
async function lintRun(options: LintOptions, handOn: boolean): Promise<{ result: LintResult } & Partial<LintRead>> {
  const ws = options.stdin ? stdinWorkspace(options, options.stdin) : options.workspace ?? (await openWorkspace({ cwd: options.cwd, paths: options.paths, configPath: options.configPath, lang: options.lang }));
  const lang: Lang = options.lang ?? ws.config.config.lang ?? 'id';
  const mainThread = options.workers === 0 || (options.workers === undefined && ws.files.length < WORKER_THRESHOLD);
  const keep = handOn || mainThread ? new Map<string, KeptDocument | null>() : undefined;
  prepareSopValidator();
  // spec §7.4: each file is checked under its own config; files sharing one are checked together
  // (cross-file rules see their repository), and the parts' results are reported as one run
  const results: FileResult[] = [];
  const notices: Notice[] = [];
  const cache = options.cache ? { reused: [] as string[], linted: [] as string[] } : undefined;
  for (const part of partsByConfig(ws)) {
    const done = await lintPart(part, options, lang, cache, keep, handOn);
    results.push(...done.results);
    for (const n of done.notices) if (!notices.some((m) => m.id === n.id)) notices.push(n);
  }
  sortResults(results);
  dedupeForeign(results);
  const missing = ws.missing.map((m) => ({ arg: m.arg, message: lang === 'en' ? m.messageEn : m.message }));
  const result: LintResult = { ...totals(results), config: ws.config, missing, lang, rulesMeta: rulesMetaFor(lang), notices, ...(cache ? { cache } : {}) };
  return handOn ? { result, workspace: ws, documents: keep! } : { result };
}

/** The workspace of `--stdin`: one file, the given text, the config that applies to its name. */
function stdinWorkspace(options: LintOptions, stdin: NonNullable<LintOptions['stdin']>): Workspace {
  const cwd = path.resolve(options.cwd);
  const absPath = path.resolve(cwd, stdin.file);
  const config = loadConfig({ cwd, configPath: options.configPath, paths: [absPath], lang: options.lang });
  const content = typeof stdin.text === 'string' ? Buffer.from(stdin.text, 'utf8') : stdin.text;
  return { cwd, config, files: [{ absPath, file: displayPath(absPath, cwd), explicit: true, content }], missing: [] };
}

/** One part of a run: the files one config applies to, with that config's rules and repository. */
async function lintPart(ws: Workspace, options: LintOptions, lang: Lang, cacheStats?: { reused: string[]; linted: string[] }, keep?: Map<string, KeptDocument | null>, handOn = false): Promise<{ results: FileResult[]; notices: Notice[] }> {
  const settings = await resolveRuleSettings(ws.config, options.rules, lang);
  const records = lifecycleRulesEnabled(settings) ? lifecycleOf(ws) : undefined;
  const run: EngineRun = { settings, lang, now: options.now ?? new Date(), config: ws.config.config, facts: projectRulesEnabled(settings) || records !== undefined, yieldToEventLoop: options.sharesThread };
  const notices: Notice[] = [];
  const historyOn = options.history ?? historyConfig(ws.config.config).enabled;
  const factsOf = (h: RepositoryHistory, files: Workspace['files']): Record<string, HistoryFacts> =>
    Object.fromEntries(files.flatMap((f) => {
      const fh = h.files.get(f.absPath);
      return fh ? [[f.file, historyFacts(fh)]] : [];
    }));
  let read: RepositoryHistory | undefined;
  const useHistory = (h: RepositoryHistory): void => {
    read = h;
    // outside git the rule has nothing to compare; only an incomplete (shallow) history is worth a line
    if (h.available && h.shallow) notices.push(...h.notices);
    run.history = factsOf(h, ws.files);
  };
  // Git runs in child processes: on this thread the files are linted meanwhile, and the history rules
  // run once it is read. Workers and the cache need the facts up front (the cache keys on them).
  let reading: Promise<RepositoryHistory> | undefined;
  if (historyRulesEnabled(settings) && historyOn) {
    // lint needs the revisions only, not whether the working tree differs from them (that would read the changed files twice)
    const given = options.repositoryHistory;
    const readGit = () => (given ? Promise.resolve(given) : readHistory({ cwd: ws.cwd, files: ws.files.map((f) => f.absPath), deferWorkingTree: true }));
    if (!keep || cacheStats) useHistory(await readGit());
    else {
      reading = readGit();
      reading.catch(() => undefined); // awaited below; not an unhandled rejection while files are linted
      run.deferHistory = true;
    }
  }
  const outcomes = cacheStats ? await lintCached(ws, run, options, settings, cacheStats, keep, handOn) : await lintWorkspace(ws, run, { workers: options.workers, fast: options.fastYaml, keep, keepPositionsOnly: !handOn });
  const context = run.facts ? await repositoryContext(ws, options.fastYaml !== false) : { outcomes: [], files: [] };
  const locator = workspaceLocator({ config: ws.config, files: [...ws.files, ...context.files] }, keep);
  if (reading) {
    useHistory(await reading);
    run.deferHistory = false;
    await runDeferredHistoryRules(outcomes, run, locator);
  }
  await runProjectRules([...outcomes, ...context.outcomes], run, locator, new Set(outcomes.map((o) => o.result.filePath)));
  const results = outcomes.map((o) => o.result);
  if (records) {
    const argPaths = (options.paths?.filter((p) => !p.startsWith('!')).length ? options.paths.filter((p) => !p.startsWith('!')) : ['.']).map((p) => path.resolve(ws.cwd, p));
    // evaluasi-tindak-lanjut: a commit after the evaluation date is a revision of every SOP of the repository it names
    let history: Record<string, HistoryFacts> | undefined;
    if (records.present.evaluation && settings['evaluasi-tindak-lanjut']?.severity !== 'off' && historyOn) {
      const all = [...ws.files, ...context.files];
      const h = read && context.files.length === 0 ? read : (await options.repositoryHistory) ?? (await readHistory({ cwd: ws.cwd, files: all.map((f) => f.absPath), deferWorkingTree: true }));
      if (!read && h.available && h.shallow) notices.push(...h.notices);
      history = factsOf(h, all);
    }
    results.push(...(await runLifecycleStage({
      outcomes: [...outcomes, ...context.outcomes], run, records, cwd: ws.cwd, locateFact: locator, history,
      recordInRun: (rec) => argPaths.some((p) => isInside(rec.absPath, p)),
    })));
  }
  applyInlineDisables(outcomes, run);
  const outsideRefs = configOutsideProblems(ws.config, ws.cwd);
  if (outsideRefs.length > 0) results.push(problemsResult(outsideRefs[0].location.file, outsideRefs, run));
  return { results, notices };
}

/**
 * lintWorkspace() through the cache: files whose bytes (and history facts) hash as last time get
 * their stored outcome; the rest are linted (from the bytes already read) and stored.
 */
async function lintCached(ws: Workspace, run: EngineRun, options: LintOptions, settings: unknown, stats: { reused: string[]; linted: string[] }, keep?: Map<string, KeptDocument | null>, handOn = false): Promise<FileOutcome[]> {
  const day = run.now.toISOString().slice(0, 10);
  const runKey = sha256(JSON.stringify({ program: lintProgramKey(), cwd: ws.cwd, config: ws.config.config, configFile: ws.config.file, settings, lang: run.lang, day, facts: run.facts, fast: options.fastYaml !== false }));
  const cache = LintCache.open(ws.config.dir, ws.config.file, runKey);
  const outcomes: FileOutcome[] = [];
  const todo: { file: DiscoveredFile; hash: string }[] = [];
  for (const f of ws.files) {
    let bytes: Uint8Array;
    try {
      if (f.outside) throw new Error('never read');
      bytes = readFileSync(f.absPath);
    } catch {
      todo.push({ file: f, hash: '' }); // linted every time: its problem is about reading it
      continue;
    }
    const hash = sha256(Buffer.concat([bytes, Buffer.from(JSON.stringify([f.explicit, run.history?.[f.file] ?? null]))]));
    const hit = cache.get(f.file, hash);
    if (hit === undefined) todo.push({ file: { ...f, content: bytes }, hash });
    else {
      if (hit) outcomes.push(hit);
      // the caller builds from the documents (sop build): parsed from the bytes just read, so an
      // unchanged SOP is still read and parsed once, only its rules are spared
      if (handOn) {
        const doc = await readDiscovered({ ...f, content: bytes }, ws.config, options.fastYaml !== false);
        keep?.set(f.absPath, doc ? { document: doc } : null);
      }
    }
  }
  const fresh = await lintWorkspace({ ...ws, files: todo.map((t) => t.file) }, run, { workers: options.workers, fast: options.fastYaml, keep, keepPositionsOnly: !handOn });
  const byFile = new Map(fresh.map((o) => [o.result.filePath, o]));
  for (const t of todo) if (t.hash) cache.set(t.file.file, t.hash, byFile.get(t.file.file) ?? null);
  await cache.save(ws.cwd);
  stats.reused.push(...cache.reused);
  stats.linted.push(...todo.map((t) => t.file.file));
  return [...outcomes, ...fresh];
}

/** Keys whose change alone does not call for a new tanggal_revisi: the date itself and the legal status. */
const NOT_A_REVISION = new Set<string>(['tanggal_revisi', ...STATUS_KEYS]);

/** The last real content change of a file: not its first version, not a change of only the revision date or status. */
export function historyFacts(fh: FileHistory): HistoryFacts {
  const last = [...fh.revisions].reverse().find((r) => r.number > 0 && r.keys.some((k) => !NOT_A_REVISION.has(k)));
  return last ? { lastChange: { date: last.date, commit: last.commit, subject: last.subject, author: last.author } } : {};
}

/** `path-outside` problems for files the config names outside the repository (pack decree, usage notes). */
function configOutsideProblems(config: LoadedConfig, cwd: string): LoadProblem[] {
  if (!config.file) return [];
  const file = displayPath(config.file, cwd);
  return configReferences(config).filter((r) => !r.containment.inside).map((r) => ({
    ruleId: 'path-outside' as const,
    ...outsideMessage(r.value, r.containment.real),
    location: config.source ? locateInYaml(config.source, r.at) : { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
  }));
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
  // by real path: a file linted through a symlinked folder is the same SOP as its original
  const real = (p: string) => realPathOf(p) ?? p;
  // same path: same file, no system call; real paths only for the files left (usually none)
  const inRunAbs = new Set(ws.files.map((f) => f.absPath));
  const left = repo.files.filter((f) => !inRunAbs.has(f.absPath));
  const inRun = left.length > 0 ? new Set(ws.files.map((f) => real(f.absPath))) : new Set<string>();
  const files = left.filter((f) => !inRun.has(real(f.absPath))).map((f) => ({ ...f, explicit: false }));
  const outcomes: FileOutcome[] = [];
  for (const f of files) {
    if (f.outside) continue; // never read (path-outside)
    // a header scan of the frontmatter, key by key; a full read only when the scan cannot be trusted
    const scanned = scanFacts(f.file, f.absPath, ws.config);
    if (scanned === null) continue;
    if (scanned) {
      outcomes.push({ result: makeResult(f.file, []), facts: scanned });
      continue;
    }
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
  /** Git history facts by file (as given in `files`), for `revisi-outdated`; texts have none by default. */
  history?: Record<string, HistoryFacts>;
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
  if (options.history) {
    run.history = Object.fromEntries(Object.entries(options.history).map(([f, h]) => [displayPath(path.resolve(cwd, f), cwd), h]));
  }
  const docs = new Map<string, SopDocument>();
  const outcomes: FileOutcome[] = [];
  for (const { file, text } of files) {
    const abs = path.resolve(cwd, file);
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const doc = admit(parseText(bytes, displayPath(abs, cwd), abs, config, options.fastYaml !== false), true)!;
    docs.set(doc.file, doc);
    await prepareDocument(doc, run);
    outcomes.push(lintDocument(doc, run));
  }
  await runProjectRules(outcomes, run, async ({ file, at }) => {
    const doc = docs.get(file);
    return doc ? locate(doc, at) : { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  });
  applyInlineDisables(outcomes, run);
  const results = sortResults(outcomes.map((o) => o.result));
  dedupeForeign(results);
  return results.map((r) => makeResult(r.filePath, r.diagnostics));
}

/** Lints one SOP given as text. */
export async function lintText(text: string | Uint8Array, options: LintTextOptions = {}): Promise<FileResult> {
  const [result] = await lintTexts([{ file: options.file ?? 'sop.md', text }], options);
  return result;
}
