// Lints every discovered file of a workspace: in this thread for small runs, split over worker threads for large ones.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Workspace } from '../workspace/workspace.js';
import { BUNDLED } from '../core/package.js';
import type { Location } from '../core/types.js';
import type { DiscoveredFile } from '../discovery/discover.js';
import { locate, type SopDocument } from '../document/sop-document.js';
import { readDiscovered } from './admit.js';
import { lintDocument, prepareDocument, type EngineRun, type FactLocator, type FileOutcome, type KeptDocument } from './engine.js';

/**
 * Below this many files a worker costs more than it saves: with the js-yaml fast path a file takes
 * well under a millisecond, while a worker needs ~100 ms to start and warms its JIT from scratch.
 */
export const WORKER_THRESHOLD = 2000;
/** Files per unit of work; small enough to balance threads, large enough to keep messages few. */
const BATCH = 32;

export interface RunOptions {
  /** Worker threads: undefined = automatic, 0 = none. */
  workers?: number;
  /** Read YAML through the js-yaml fast path where it applies (default true). */
  fast?: boolean;
  /** Lint on this thread too while the workers run (default true; false keeps it free, e.g. in an editor). */
  mainThread?: boolean;
  /** Filled in when given: how the work was split (tests, benchmarks). */
  stats?: RunStats;
  /**
   * Keep every document read here (by absolute path; null: read but not an SOP) with its FlowModel,
   * so the caller needs no second read or parse. The run then stays on this thread (documents do not
   * cross threads).
   */
  keep?: Map<string, KeptDocument | null>;
  /**
   * Keep of each document only what positions need (`locate()`): not its data, body or FlowModel.
   * A run that keeps documents only for the cross-file rules' positions then costs the garbage
   * collector next to nothing.
   */
  keepPositionsOnly?: boolean;
}

export interface RunStats {
  workers: number;
  /** Batches linted by worker threads (the rest ran on the main thread). */
  workerBatches: number;
  /** Why a worker failed, if one did (its batches were redone on the main thread). */
  workerErrors: string[];
}

/** Data a worker needs; everything here survives structured cloning. */
export interface WorkerInput {
  cwd: string;
  files: DiscoveredFile[];
  configFile?: string;
  /** The `extends` chain of configFile, the nearest first (positions of inherited values). */
  configChain?: string[];
  configDir: string;
  config: Workspace['config']['config'];
  run: Omit<EngineRun, 'now'> & { now: number };
  fast: boolean;
  counter: Int32Array;
  batch: number;
}

export type WorkerMessage = { type: 'batch'; index: number; outcomes: FileOutcome[] } | { type: 'done' };

function workerCount(files: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  if (files < WORKER_THRESHOLD) return 0;
  // the main thread lints too, so one core is already busy
  return Math.max(0, Math.min(availableParallelism() - 1, 3, Math.floor(files / 1000)));
}

export async function lintBatch(ws: Pick<Workspace, 'config'>, files: DiscoveredFile[], run: EngineRun, fast = true, keep?: RunOptions['keep'], positionsOnly = false): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  let turn = performance.now();
  for (let i = 0; i < files.length; i++) {
    // git is being read meanwhile (deferHistory), or the caller's work shares the thread (sop build:
    // Chromium's launch, whose module loading needs many turns): let the event loop run now and then,
    // so each step starts soon after the last one ends and no pipe stays full
    if ((run.deferHistory || run.yieldToEventLoop) && performance.now() - turn > 2) {
      await new Promise((resolve) => setImmediate(resolve));
      turn = performance.now();
    }
    const f = files[i];
    const doc = await readDiscovered(f, ws.config, fast);
    const kept = keep && doc ? { document: doc } : undefined;
    if (doc) {
      await prepareDocument(doc, run);
      out.push(lintDocument(doc, run, positionsOnly ? undefined : kept));
    }
    if (kept && positionsOnly) kept.document = positionsOf(kept.document);
    keep?.set(f.absPath, kept ?? null);
  }
  return out;
}

/**
 * The document without its data and body: enough for locate(). One object of one shape (a copy
 * through property descriptors made a slow dictionary object per document). The fast path's lazily
 * parsed `frontmatter` is copied as the accessor it is, not read (that would parse it).
 */
function positionsOf(doc: SopDocument): SopDocument {
  const slim: Omit<SopDocument, 'frontmatter'> = {
    file: doc.file, absPath: doc.absPath, text: doc.text, lines: doc.lines, hasFrontmatter: doc.hasFrontmatter,
    raw: undefined, data: undefined, fromDefaults: doc.fromDefaults, config: doc.config, body: '', bodyLine: doc.bodyLine, problems: doc.problems,
  };
  const frontmatter = Object.getOwnPropertyDescriptor(doc, 'frontmatter');
  if (frontmatter) Object.defineProperty(slim, 'frontmatter', frontmatter);
  return slim as SopDocument;
}

function startWorker(input: WorkerInput): Worker {
  const here = import.meta.url;
  // the CLI bundle has the worker as an entry of its own, beside its chunks (scripts/bundle.mjs)
  if (BUNDLED) return new Worker(new URL('./lint-worker.mjs', here), { workerData: input });
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { workerData: input });
  // Running from source under tsx (tests): Node 20 workers do not inherit --import loaders, so the
  // worker registers tsx itself before loading the TypeScript entry.
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', here).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: input });
}

/** Outcomes of every file (files without frontmatter found by walking a folder are skipped). */
export async function lintWorkspace(ws: Workspace, run: EngineRun, options: RunOptions = {}): Promise<FileOutcome[]> {
  const n = ws.files.length;
  const k = options.keep ? 0 : workerCount(n, options.workers);
  const stats = options.stats ?? { workers: 0, workerBatches: 0, workerErrors: [] };
  stats.workers = k;
  const fast = options.fast !== false;
  if (k === 0) return lintBatch(ws, ws.files, run, fast, options.keep, options.keepPositionsOnly);

  const counter = new Int32Array(new SharedArrayBuffer(4));
  const batches = Math.ceil(n / BATCH);
  const done = new Map<number, FileOutcome[]>();
  const input: WorkerInput = {
    cwd: ws.cwd, files: ws.files, configFile: ws.config.file, configChain: ws.config.chain?.map((l) => l.file), configDir: ws.config.dir, config: ws.config.config,
    run: { ...run, now: run.now.getTime() }, fast, counter, batch: BATCH,
  };
  const finished = Array.from({ length: k }, () => new Promise<void>((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker(input);
    } catch (err) {
      stats.workerErrors.push(err instanceof Error ? err.message : String(err));
      resolve(); // cannot start threads here: the main thread picks up every batch
      return;
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'batch') {
        done.set(m.index, m.outcomes);
        stats.workerBatches++;
      } else resolve();
    });
    // a crashed worker loses the batch it was on; the main thread redoes what is missing below
    worker.on('error', (err) => {
      stats.workerErrors.push(err instanceof Error ? err.message : String(err));
      resolve();
    });
    worker.on('exit', () => resolve());
  }));

  while (options.mainThread !== false) {
    const b = Atomics.add(counter, 0, 1);
    if (b >= batches) break;
    done.set(b, await lintBatch(ws, ws.files.slice(b * BATCH, (b + 1) * BATCH), run, fast));
  }
  await Promise.all(finished);
  const out: FileOutcome[] = [];
  for (let b = 0; b < batches; b++) {
    out.push(...(done.get(b) ?? (await lintBatch(ws, ws.files.slice(b * BATCH, (b + 1) * BATCH), run, fast))));
  }
  return out;
}

/**
 * Locates places for the project rules in the documents the run kept, else by reading those files
 * again (a run over worker threads keeps none); each file is read at most once per run.
 */
export function workspaceLocator(ws: Pick<Workspace, 'config' | 'files'>, kept?: ReadonlyMap<string, KeptDocument | null>): FactLocator {
  const byFile = new Map(ws.files.map((f) => [f.file, f]));
  const docs = new Map<string, Promise<SopDocument | undefined>>();
  return async ({ file, at, key }): Promise<Location> => {
    const f = byFile.get(file);
    let doc = docs.get(file);
    const known = f && kept?.get(f.absPath);
    if (!doc && known) docs.set(file, (doc = Promise.resolve(known.document)));
    if (!doc && f) docs.set(file, (doc = readDiscovered({ ...f, explicit: true }, ws.config)));
    const d = await doc;
    return d ? locate(d, at, { key }) : { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  };
}
