// `build` API: lints, then builds the site and PDFs of the SOPs (per SOP and per pack); returns what it did, never prints.
// This module loads light: lint, the publisher and the lifecycle forms are imported when build() runs, so a caller
// can start Chromium first (prelaunchBrowser), while they load (~0.2 s on a 2-core machine).
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Lang, LoadedConfig, Paper } from '../config/config-types.js';
import { loadConfig } from '../config/load.js';
import { SopUsageError } from '../core/errors.js';
import type { FileResult } from '../core/types.js';
import { writeErrorOf } from '../core/write-error.js';
import { outputDir } from '../discovery/discover.js';
import type { SopDocument } from '../document/sop-document.js';
import type { FlowModel } from '../model/flow-types.js';
import { createBrowserSession, findBrowser, type BrowserSession } from '../print/browser.js';
import { likelyToRender } from '../publish/cache/manifest.js';
import type { BuildProgress, FlowTableRenderer, OutputFormat, RunBuildResult } from '../publish/index.js';
import type { LintRead, LintResult } from './lint.js';
import type { LifecycleOutputResult } from './lifecycle-output.js';

export type { BuildProgress, BuiltPack, BuiltSop, BuildStats, OutputFormat } from '../publish/index.js';
import { OUTPUT_FORMATS } from '../core/formats.js';
export { OUTPUT_FORMATS };

export interface BuildOptions {
  cwd: string;
  /** Files, folders and globs; default: the working directory. */
  paths?: string[];
  configPath?: string;
  /** Document labels and messages; default: config `lang`, else `id`. */
  lang?: Lang;
  /** Default: config `paper`, else A4. */
  paper?: Paper;
  /** Output folder; default: config `output`, else `_site` next to the config. */
  outDir?: string;
  /** Default both. */
  formats?: OutputFormat[];
  /** Also write each SOP's Mermaid source (.mmd) and diagram (.svg). */
  mermaid?: boolean;
  /** Build even when lint finds errors (SOPs that cannot be read at all are still skipped). */
  force?: boolean;
  /** Where to look for Chromium; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Test seam: how to start the browser. */
  launch?: () => Promise<Browser>;
  /** A session the caller started for this build (prelaunchBrowser): the build uses it and closes it. */
  session?: BrowserSession;
  /** Test seam: the flow-table renderer. */
  renderFlowTable?: FlowTableRenderer;
  /** Browser pages printing at once; default os.availableParallelism(). */
  concurrency?: number;
  /** Rendering caches; default `<config dir>/.sop-cache`. */
  cacheDir?: string;
  onProgress?: (p: BuildProgress) => void;
  /** "Today" for lint's date checks. */
  now?: Date;
  /** Refuse to build when an SOP would print as DRAF (uncommitted, not in a release tag, or `status: draf`). */
  final?: boolean;
  /** Also the evidence pack of this kind (`zi`: Zona Integritas); config `evidence` turns it on too. */
  evidence?: 'zi';
  /** Print replaced and revoked SOPs (`status: diganti|dicabut`) in the packs too; default: each pack's `includeSuperseded`, else no. */
  includeSuperseded?: boolean;
}

export type BuildResult =
  | {
      ok: false;
      /** Lint found errors and `force` was not set: nothing was built. */
      reason: 'lint';
      lint: LintResult;
      blocked: FileResult[];
    }
  | ({
      ok: true;
      lint: LintResult;
      /** Files with lint errors that were built anyway (`force`). */
      forced: FileResult[];
      /** Files that could not be built at all (unreadable, broken YAML, no frontmatter). */
      skipped: string[];
      /** One-line notes on the run's document control (shallow git history, no git), in the run's language. */
      notices: string[];
      /** The lifecycle forms and roll-up (and the evidence pack), when the repository keeps lifecycle records. */
      lifecycle?: LifecycleOutputResult;
    } & RunBuildResult);

function buildable(doc: SopDocument): boolean {
  return doc.problems.length === 0 && doc.hasFrontmatter && typeof doc.data === 'object' && doc.data !== null && !Array.isArray(doc.data);
}

/**
 * The SOPs to build, in path order, from the documents lint read (a file lint did not read, such
 * as a lifecycle record it set aside, is read here), and the FlowModels lint's rules built;
 * `documents`: every document read, by absolute path (for the history's working-tree check and the evidence pack).
 */
async function buildDocuments(read: LintRead): Promise<{ docs: SopDocument[]; models: Map<SopDocument, FlowModel>; skipped: string[]; documents: Map<string, SopDocument> }> {
  const { readSops } = await import('../workspace/workspace.js');
  const ws = read.workspace;
  const late = new Map<string, SopDocument>();
  for await (const doc of readSops({ ...ws, files: ws.files.filter((f) => !read.documents.has(f.absPath)) })) late.set(doc.absPath, doc);
  const docs: SopDocument[] = [];
  const models = new Map<SopDocument, FlowModel>();
  const skipped: string[] = [];
  const documents = new Map<string, SopDocument>();
  for (const f of ws.files) {
    const kept = read.documents.get(f.absPath);
    const doc = kept?.document ?? late.get(f.absPath);
    if (!doc) continue; // not an SOP (a walked file without frontmatter)
    documents.set(doc.absPath, doc);
    if (!buildable(doc)) {
      skipped.push(doc.file);
      continue;
    }
    docs.push(doc);
    if (kept?.model) models.set(doc, kept.model);
  }
  return { docs, models, skipped, documents };
}

export interface EarlyBrowserOptions {
  cwd: string;
  paths?: string[];
  configPath?: string;
  outDir?: string;
  formats: readonly OutputFormat[];
  env: NodeJS.ProcessEnv;
  launch?: () => Promise<Browser>;
}

/** The folder a build writes into: `outDir` (relative to cwd) when given, else the config's `output`. */
function outDirOf(cwd: string, outDir: string | undefined, config: LoadedConfig): string {
  return outDir !== undefined ? path.resolve(cwd, outDir) : outputDir(config);
}

/** Whether a build writing into `outDir` will most likely print: PDFs asked for, sources newer than its last manifest, a Chromium found. */
function buildWillPrint(opts: Pick<EarlyBrowserOptions, 'formats' | 'env' | 'launch'>, outDir: string): boolean {
  return opts.formats.includes('pdf') && likelyToRender(outDir) && Boolean(opts.launch || findBrowser(opts.env));
}

/**
 * Chromium for a build, started before build() loads lint and the publisher (Chromium takes ~0.4 s to
 * start, which a rebuild that prints one SOP otherwise waits for): a session already launching when
 * the build will print, else undefined. Never throws (a config that cannot be read is the build's to
 * report). Give it to build({ session }), which uses and closes it.
 */
export function prelaunchBrowser(opts: EarlyBrowserOptions): BrowserSession | undefined {
  let outDir: string;
  try {
    const cwd = path.resolve(opts.cwd);
    outDir = outDirOf(cwd, opts.outDir, loadConfig({ cwd, configPath: opts.configPath, paths: opts.paths }));
  } catch {
    return undefined;
  }
  if (!buildWillPrint(opts, outDir)) return undefined;
  const session = createBrowserSession({ env: opts.env, launch: opts.launch });
  session.get().catch(() => undefined); // a failed launch is reported when the build asks for the browser
  return session;
}

/**
 * Throws SopUsageError (nothing to build, unsafe output folder), SopConfigError; lint problems are
 * returned, not thrown. The previous output stays untouched unless the build completes.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const cwd = path.resolve(opts.cwd);
  const env = opts.env ?? process.env;
  const formats = opts.formats?.length ? [...new Set(opts.formats)] : [...OUTPUT_FORMATS];
  // One browser for the whole build, launched at most once and always closed (also on Ctrl-C).
  const session = opts.session ?? createBrowserSession({ env, launch: opts.launch });
  let writingTo: string | undefined;
  try {
    const config = loadConfig({ cwd, configPath: opts.configPath, paths: opts.paths, lang: opts.lang });
    const outDir = outDirOf(cwd, opts.outDir, config);
    writingTo = outDir;
    // A build that will print needs Chromium: start it now, while lint and reading run (~0.5 s).
    // A rebuild with nothing changed never starts it.
    if (buildWillPrint({ formats, env, launch: opts.launch }, outDir)) session.get().catch(() => undefined);
    const [{ openWorkspace }, { settleWorkingTree }, { lintKeeping }, { buildControl, draftMessage, readBuildHistory }, { packsOf }, { checkOutputDir }, { lockOutput }, { runBuild }, lifecycleOutput, { lifecyclePresent }, { dayOf, formatDay }] =
      await Promise.all([
        import('../workspace/workspace.js'),
        import('../history/history.js'),
        import('./lint.js'),
        import('./control.js'),
        import('../publish/plan.js'),
        import('../publish/output.js'),
        import('../publish/lock.js'),
        import('../publish/index.js'),
        import('./lifecycle-output.js'),
        import('../lifecycle/repository.js'),
        import('../lifecycle/dates.js'),
      ]);
    const { hasLifecycleRecords, lifecycleLinks, writeLifecycleOutput } = lifecycleOutput;
    const workspace = await openWorkspace({ cwd, paths: opts.paths, configPath: opts.configPath, lang: opts.lang });
    // git runs in child processes while lint reads the SOPs (lint's history rules wait for it)
    const reading = readBuildHistory(cwd, config, workspace.files.map((f) => f.absPath));
    reading?.catch(() => undefined); // awaited below; not an unhandled rejection while lint runs
    // lint reads and parses every SOP once; the build goes on from its workspace, documents and FlowModels
    const read = await lintKeeping({ cwd, paths: opts.paths, configPath: opts.configPath, lang: opts.lang, now: opts.now, workspace, repositoryHistory: reading, sharesThread: true, cache: true });
    const history = await reading;
    const lintResult = read.result;
    const blocked = lintResult.results.filter((r) => r.errorCount > 0);
    if (blocked.length > 0 && !opts.force) return { ok: false, reason: 'lint', lint: lintResult, blocked };

    const ws = read.workspace;
    const lang: Lang = opts.lang ?? ws.config.config.lang ?? 'id';
    const paper: Paper = opts.paper ?? ws.config.config.paper ?? 'A4';
    const { docs, models, skipped, documents } = await buildDocuments(read);
    if (docs.length === 0) {
      throw new SopUsageError(lang === 'en' ? 'no SOP to build: no Markdown file with a frontmatter was found' : 'tidak ada SOP untuk dibangun: tidak ditemukan berkas Markdown berfrontmatter');
    }
    // which SOPs differ from their last commit (DRAF), through the documents already read
    if (history) await settleWorkingTree(history, (abs) => documents.get(abs));
    const control = buildControl(ws.config, docs, history);
    const drafts = docs.flatMap((d) => {
      const r = control.control.get(d.absPath)?.draft;
      return r?.length ? [draftMessage(d.file, r, lang)] : [];
    });
    if (opts.final && drafts.length > 0) {
      throw new SopUsageError(
        (lang === 'en' ? '--final: these SOPs would print as DRAF; commit, tag a release or set the status first:\n  ' : '--final: SOP berikut akan tercetak DRAF; commit, beri tag rilis atau ubah status terlebih dahulu:\n  ') + drafts.join('\n  '),
      );
    }
    const packFiles = packsOf(ws.config).flatMap((p) => [p.keputusan?.file, p.penjelasan].filter((f): f is string => typeof f === 'string'));
    checkOutputDir({
      outDir,
      configDir: ws.config.dir,
      sources: [...docs.map((d) => d.absPath), ...(ws.config.file ? [ws.config.file] : []), ...packFiles.map((f) => path.resolve(ws.config.dir, f))],
      cwd,
      lang,
    });
    const evidence = opts.evidence === 'zi' || ws.config.config.evidence !== undefined;
    const release = lockOutput(outDir, lang);
    // without lifecycle records nothing prints after the build's own prints: Chromium may close while the packs merge
    const formsToPrint = hasLifecycleRecords({ present: lifecyclePresent(ws.config) });
    try {
      const result = await runBuild({
        cwd,
        siteLinks: lifecycleLinks(ws.config, evidence, lang),
        config: ws.config,
        docs,
        models,
        lang,
        paper,
        outDir,
        formats,
        mermaidFiles: Boolean(opts.mermaid),
        env,
        launch: opts.launch,
        session,
        browserDone: formsToPrint ? undefined : () => void session.close().catch(() => undefined),
        renderFlowTable: opts.renderFlowTable,
        concurrency: opts.concurrency,
        cacheDir: opts.cacheDir,
        onProgress: opts.onProgress,
        control: control.control,
        riwayatReleasesOnly: control.releasesOnly,
        includeSuperseded: opts.includeSuperseded,
        today: formatDay(dayOf(opts.now ?? new Date())), // the catalogue's *belum berlaku* is about the reader's local day
      });
      // lifecycle forms (Tabel 6, Tabel 7, evaluation sheets, Berita Acara, roll-up) beside the site, printed with the same browser
      const getBrowser = formats.includes('pdf') && !result.pdfSkipped ? () => session.get().catch(() => undefined) : undefined;
      const lifecycle = await writeLifecycleOutput({
        cwd, config: ws.config, outDir: result.outDir, lang, paper, now: opts.now, getBrowser,
        evidence,
        history: control.history,
        documents,
        sopPdfs: new Map(result.sops.flatMap((x) => (x.pdf ? [[path.resolve(cwd, x.file), x.pdf] as [string, string]] : []))),
      });
      if (lifecycle) result.files.push(...lifecycle.files);
      return { ok: true, lint: lintResult, forced: blocked, skipped, notices: control.notices.map((n) => n[lang]), ...result, lifecycle };
    } finally {
      release();
    }
  } catch (err) {
    // a full disk, a read-only folder, a file in the way: the path and the reason, exit 2
    throw writeErrorOf(err, opts.lang ?? 'id', writingTo) ?? err;
  } finally {
    await session.close();
  }
}
