// `diff` API: the semantic change list between two revisions (or a revision and the working tree); never prints, never exits.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { SopUsageError } from '../core/errors.js';
import { readContent, type SopContent } from '../diff/content.js';
import { formatJson } from '../diff/format/json.js';
import { formatMarkdown } from '../diff/format/markdown.js';
import { formatStylish } from '../diff/format/stylish.js';
import { diffTrees } from '../diff/tree-diff.js';
import type { RevisionLabel, TreeDiff } from '../diff/types.js';
import { outputDir } from '../discovery/discover.js';
import { gitText, readBlobs } from '../history/git.js';
import { openRepo, releaseTags, treeAt, type Notice } from '../history/repo.js';
import { historyConfig } from '../history/settings.js';
import { openWorkspace } from '../workspace/workspace.js';
import type { LoadedConfig } from '../config/config-types.js';

export const DIFF_FORMATS = ['stylish', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions {
  cwd: string;
  /** The older revision (anything `git rev-parse` understands: a commit, tag, branch, `HEAD~1`). */
  from: string;
  /** The newer revision; undefined = the working tree. */
  to?: string;
  /** Files or folders to compare (default: the working directory). */
  paths?: string[];
  configPath?: string;
  lang?: 'id' | 'en';
}

export interface DiffResult {
  diff: TreeDiff;
  lang: 'id' | 'en';
  notices: Notice[];
}

async function label(root: string, name: string, tagPattern: string | undefined): Promise<RevisionLabel> {
  let out: string;
  try {
    out = await gitText(root, ['log', '-1', '--no-walk', '--format=%H%x1f%aI%x1f%s', `${name}^{commit}`, '--']);
  } catch {
    throw new SopUsageError(`revisi git tidak dikenal / unknown git revision: ${name}`);
  }
  const [commit, date, subject] = out.trim().split('\x1f');
  const tags = tagPattern ? (await releaseTags(root, tagPattern)).filter((t) => t.commit === commit).map((t) => t.name) : [];
  return { name, commit, date: date.slice(0, 10), subject, ...(tags.length ? { tags } : {}) };
}

/** True when `arg` names a commit and not an existing file or folder (so `sop diff a b` reads b as a revision). */
export async function isRevision(cwd: string, arg: string): Promise<boolean> {
  try {
    await import('node:fs/promises').then((fs) => fs.stat(path.resolve(cwd, arg)));
    return false;
  } catch {
    try {
      await gitText(cwd, ['rev-parse', '--verify', '--quiet', `${arg}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }
}

/** Compares the SOPs of two revisions. Throws SopUsageError outside git or for an unknown revision. */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  return (await compareRevisions(options)).result;
}

/** The diff and the versions it compared (both sides' files, parsed), for documents that show them (Perbandingan SOP). */
export interface ComparedRevisions {
  result: DiffResult;
  before: SopContent[];
  after: SopContent[];
  config: LoadedConfig;
}

export async function compareRevisions(options: DiffOptions): Promise<ComparedRevisions> {
  const cwd = path.resolve(options.cwd);
  const repo = await openRepo(cwd);
  const ws = await openWorkspace({ cwd, paths: options.paths, configPath: options.configPath, lang: options.lang });
  const lang = options.lang ?? ws.config.config.lang ?? 'id';
  if (!repo.available) throw new SopUsageError(`sop diff: ${repo.notice[lang]}`);
  const root = repo.root;
  const tagPattern = historyConfig(ws.config.config).releaseTags;
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  // what the comparison covers: the named paths (or cwd), minus build output, node_modules and config excludes
  const scopes = (options.paths?.length ? options.paths : ['.']).map((p) => rel(path.resolve(cwd, p)));
  const inScope = (p: string) => scopes.some((s) => s === '' || p === s || p.startsWith(`${s}/`));
  const out = rel(outputDir(ws.config));
  const cfgRel = rel(ws.config.dir);
  const inc = ws.config.config.include?.length ? picomatch(ws.config.config.include) : undefined;
  const exc = ws.config.config.exclude?.length ? picomatch(ws.config.config.exclude) : undefined;
  const selected = (p: string) => {
    if (!inScope(p) || p.split('/').includes('node_modules') || (out && (p === out || p.startsWith(`${out}/`)))) return false;
    const local = cfgRel ? (p.startsWith(`${cfgRel}/`) ? p.slice(cfgRel.length + 1) : undefined) : p;
    if (local === undefined) return !inc;
    return (!inc || inc(local)) && !(exc && exc(local));
  };

  const side = async (name: string | undefined): Promise<{ label: RevisionLabel; files: SopContent[] }> => {
    if (name === undefined) {
      const files = await Promise.all(ws.files.map(async (f) => readContent(rel(f.absPath), await readFile(f.absPath))));
      return { label: { name: 'working tree' }, files };
    }
    const lab = await label(root, name, tagPattern);
    const tree = [...(await treeAt(root, lab.commit!)).entries()].filter(([p]) => selected(p));
    const blobs = await readBlobs(root, tree.map(([, oid]) => oid));
    return { label: lab, files: tree.map(([p, oid]) => readContent(p, blobs.get(oid) ?? new Uint8Array(0))) };
  };
  const [a, b] = await Promise.all([side(options.from), side(options.to)]);
  return {
    result: { diff: diffTrees(a.files, b.files, a.label, b.label), lang, notices: repo.notice ? [repo.notice] : [] },
    before: a.files,
    after: b.files,
    config: ws.config,
  };
}

/** Renders a diff in one of the text formats. */
export function formatDiff(result: DiffResult, format: DiffFormat, color = false): string {
  if (format === 'json') return formatJson(result.diff);
  if (format === 'markdown') return formatMarkdown(result.diff, { lang: result.lang });
  return formatStylish(result.diff, { lang: result.lang, color });
}
