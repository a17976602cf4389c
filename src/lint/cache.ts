// `sop lint --cache`: each file's own outcome (its diagnostics, the facts cross-file rules need, its
// inline disables) kept in .sop-cache/, reused while the file's bytes, the config, the rule
// settings, the program and the day are the same. Cross-file and lifecycle rules always run again.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hashTree } from '../core/hash-tree.js';
import { codeFile } from '../core/package.js';
import { PACKAGE_VERSION } from '../core/package-info.js';
import { writeFileAtomic } from '../core/write-atomic.js';
import type { FileOutcome } from './engine.js';

const FORMAT = 1;

interface CacheFile {
  format: number;
  runKey: string;
  /** By reported file path: the hash of its bytes (and history facts), and its outcome (null: not an SOP). */
  entries: Record<string, { hash: string; outcome: FileOutcome | null }>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

let programHash: string | undefined;

/**
 * The folders of src/ whose code a file's diagnostics depend on: every folder the engine and the file
 * rules import, directly or not (flow-header-too-tall lays the table out with render/ and pages/).
 * test/lint/cache-program.test.ts follows the imports and fails when one leads elsewhere.
 */
export const LINT_CODE_FOLDERS = ['config', 'core', 'discovery', 'document', 'lifecycle', 'lint', 'model', 'pages', 'render', 'schema', 'workspace', 'yaml'] as const;

/**
 * The version and a hash of the code that decides a file's diagnostics (src/ or dist/, whichever
 * runs): a cache can never hand back what other code reported, in a release or while developing.
 */
export function lintProgramKey(): string {
  if (programHash) return programHash;
  const h = createHash('sha256').update(PACKAGE_VERSION);
  const root = codeFile('');
  for (const sub of LINT_CODE_FOLDERS) hashTree(path.join(root, sub), h, /\.(js|ts|cjs|json)$/);
  programHash = h.digest('hex');
  return programHash;
}

/** One part's cache file: `.sop-cache/lint-<config>.json` in the config's folder. */
export class LintCache {
  private readonly data: CacheFile;
  private readonly next: CacheFile['entries'] = {};
  readonly reused: string[] = [];

  private constructor(readonly file: string, runKey: string, previous: CacheFile | undefined) {
    this.data = previous && previous.format === FORMAT && previous.runKey === runKey ? previous : { format: FORMAT, runKey, entries: {} };
    this.data.runKey = runKey;
  }

  /** Opens (or starts) the cache of a config's files; a missing or unreadable cache file is an empty cache. */
  static open(dir: string, configFile: string | undefined, runKey: string): LintCache {
    const file = path.join(dir, '.sop-cache', `lint-${sha256(configFile ?? 'tanpa-konfigurasi').slice(0, 12)}.json`);
    let previous: CacheFile | undefined;
    try {
      previous = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    } catch {
      previous = undefined;
    }
    return new LintCache(file, runKey, previous);
  }

  /** The outcome stored for this file and hash (a copy), `null` for "not an SOP", undefined when it must be linted. */
  get(file: string, hash: string): FileOutcome | null | undefined {
    const e = this.data.entries[file];
    if (!e || e.hash !== hash) return undefined;
    this.next[file] = e;
    this.reused.push(file);
    return e.outcome === null ? null : (structuredClone(e.outcome) as FileOutcome);
  }

  /** Keeps a fresh outcome (copied now: the cross-file rules add to the result afterwards). */
  set(file: string, hash: string, outcome: FileOutcome | null): void {
    this.next[file] = { hash, outcome: outcome === null ? null : structuredClone(outcome) };
  }

  /**
   * Writes the entries of this run and keeps those of files this run did not look at while they
   * still exist (`cwd` resolves the paths), atomically. Failing to write only loses the cache.
   */
  async save(cwd: string): Promise<void> {
    const kept = Object.entries(this.data.entries).filter(([f]) => !(f in this.next) && existsSync(path.resolve(cwd, f)));
    const merged: CacheFile = { format: FORMAT, runKey: this.data.runKey, entries: { ...Object.fromEntries(kept), ...this.next } };
    await writeFileAtomic(this.file, JSON.stringify(merged)).catch(() => undefined);
  }
}
