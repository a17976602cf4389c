// Revision history of SOP files from git: the commits that changed each file's CONTENT (not layout or comments), following renames.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentContent, readContent, type SopContent } from '../diff/content.js';
import type { SopDocument } from '../document/sop-document.js';
import { changedKeys, diffSop } from '../diff/sop-diff.js';
import type { ChangedPart } from '../diff/types.js';
import { readBlobs } from './git.js';
import { readLog, type LogCommit } from './log.js';
import { dirtyPaths, openRepo, releaseTags, treeAt, type Notice, type ReleaseTag } from './repo.js';

export interface Revision {
  /** 0 = the first version; 1, 2, ... each later content change. */
  number: number;
  commit: string;
  /** Author date `YYYY-MM-DD` (in the author's own time zone). */
  date: string;
  dateTime: string;
  author: string;
  email: string;
  subject: string;
  /** Repository-relative path of the file in that commit. */
  path: string;
  /** What changed against the previous revision (empty for the first). */
  parts: ChangedPart[];
  /** Top-level keys that changed (`catatan` for the body); empty for the first revision. */
  keys: string[];
  /** Release tags whose tree holds this version. */
  tags: string[];
}

export interface FileHistory {
  /** Repository-relative path now. */
  path: string;
  /** Oldest first. */
  revisions: Revision[];
  /** The working tree's content differs from the last commit (or the file is not committed at all). */
  uncommitted: boolean;
  /** When release tags are configured: whether a release tag holds the last revision. */
  released?: boolean;
  /** The history may start later than the file did (shallow clone). */
  incomplete: boolean;
}

export interface HistoryOptions {
  cwd: string;
  /** Absolute paths of the SOP files wanted; default: every Markdown file with history. */
  files?: string[];
  /**
   * Also every Markdown file under these folders (absolute), with `files`: the log is still read
   * whole (renames from elsewhere are followed), but only these files' versions are read and compared.
   */
  within?: string[];
  /** Glob of release tag names (config `history.releaseTags`, e.g. `sop-*`). */
  releaseTags?: string;
  /**
   * Leave the working-tree check of files changed since their last commit (`uncommitted`, `released`) to
   * settleWorkingTree(), which compares the documents the caller reads anyway: no file is read twice.
   * Until then those files say `uncommitted: false`.
   */
  deferWorkingTree?: boolean;
}

/** The files changed in the working tree whose check waits for settleWorkingTree(), with the canonical content of their last revision. */
interface Unsettled {
  files: Map<string, { rel: string; last: string }>;
  releases: boolean;
}

export type RepositoryHistory =
  | { available: false; notices: Notice[]; files: Map<string, FileHistory>; tags: ReleaseTag[] }
  | {
      available: true; root: string; shallow: boolean; head?: string; notices: Notice[]; files: Map<string, FileHistory>; tags: ReleaseTag[];
      /** With `deferWorkingTree`: the changed files (by absolute path) settleWorkingTree() still has to compare. */
      unsettled?: Unsettled;
    };

interface Version {
  commit: LogCommit;
  oid: string;
  path: string;
}

/** Every version of one file, newest first, walking renames backwards; stops where the file was added. */
function versionsOf(file: string, commits: LogCommit[], index: Map<string, { at: number; entry: LogCommit['entries'][number] }[]>): Version[] {
  const out: Version[] = [];
  let cur = file;
  let after = -1;
  for (;;) {
    const next = (index.get(cur) ?? []).find((x) => x.at > after && x.entry.status !== 'D');
    if (!next) break;
    out.push({ commit: commits[next.at], oid: next.entry.newOid, path: cur });
    after = next.at;
    if (next.entry.status === 'A') break;
    if (next.entry.status === 'R') cur = next.entry.oldPath;
  }
  return out;
}

/** Reads the history of the repository around `cwd` once and derives each file's revisions. */
export async function readHistory(options: HistoryOptions): Promise<RepositoryHistory> {
  const repo = await openRepo(options.cwd);
  if (!repo.available) return { available: false, notices: [repo.notice], files: new Map(), tags: [] };
  const root = repo.root;
  const [commits, dirty, tags] = await Promise.all([
    readLog(root),
    dirtyPaths(root),
    options.releaseTags ? releaseTags(root, options.releaseTags) : Promise.resolve([] as ReleaseTag[]),
  ]);
  const index = new Map<string, { at: number; entry: LogCommit['entries'][number] }[]>();
  commits.forEach((c, at) => {
    for (const entry of c.entries) index.set(entry.path, [...(index.get(entry.path) ?? []), { at, entry }]);
  });
  const relOf = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const known = [...new Set([...index.keys(), ...dirty])]; // new, uncommitted files have no history yet
  const folders = options.within?.map((dir) => relOf(dir)).filter((rel) => !rel.startsWith('..')).map((rel) => (rel === '' ? '' : `${rel}/`));
  const wanted = options.files
    ? [...new Set([
        ...options.files.map(relOf).filter((rel) => !rel.startsWith('..')),
        // (the log also names paths that were moved away or deleted: only files there now)
        ...(folders ? known.filter((rel) => folders.some((dir) => rel.startsWith(dir)) && existsSync(path.join(root, rel))) : []),
      ])]
    : known;
  const perFile = new Map<string, Version[]>(wanted.map((rel) => [rel, versionsOf(rel, commits, index).reverse()]));
  const blobs = await readBlobs(root, [...perFile.values()].flatMap((vs) => vs.map((v) => v.oid)));
  const tagTrees = await Promise.all(tags.map(async (t) => ({ tag: t, tree: new Set((await treeAt(root, t.commit)).values()) })));

  const files = new Map<string, FileHistory>();
  const unsettled: Unsettled = { files: new Map(), releases: options.releaseTags !== undefined };
  const contentCache = new Map<string, SopContent>();
  const contentOf = (v: Version) => {
    let c = contentCache.get(`${v.oid}:${v.path}`);
    if (!c) contentCache.set(`${v.oid}:${v.path}`, (c = readContent(v.path, blobs.get(v.oid) ?? new Uint8Array(0))));
    return c;
  };
  for (const [rel, versions] of perFile) {
    const revisions: Revision[] = [];
    let last: SopContent | undefined;
    const oidsOfRevision: Set<string>[] = [];
    for (const v of versions) {
      const content = contentOf(v);
      if (last && last.canonical === content.canonical) {
        oidsOfRevision[oidsOfRevision.length - 1].add(v.oid); // layout-only change: same revision
        continue;
      }
      revisions.push({
        number: revisions.length, commit: v.commit.commit, date: v.commit.dateTime.slice(0, 10), dateTime: v.commit.dateTime,
        author: v.commit.author, email: v.commit.email, subject: v.commit.subject, path: v.path,
        parts: last ? diffSop(last, content).parts : [], keys: last ? changedKeys(last, content) : [], tags: [],
      });
      oidsOfRevision.push(new Set([v.oid]));
      last = content;
    }
    for (const { tag, tree } of tagTrees) {
      const r = oidsOfRevision.findIndex((oids) => [...oids].some((o) => tree.has(o)));
      if (r >= 0) revisions[r].tags.push(tag.name);
    }
    const fh: FileHistory = {
      path: rel, revisions, uncommitted: revisions.length === 0, ...(options.releaseTags ? { released: false } : {}),
      // in a shallow clone the cut-off commit shows no parents, like a root commit: its "first version" may not be the first
      incomplete: repo.shallow && versions.length > 0 && versions[0].commit.parents.length === 0,
    };
    files.set(path.join(root, rel), fh);
    if (revisions.length > 0 && dirty.has(rel)) unsettled.files.set(path.join(root, rel), { rel, last: last!.canonical });
    settle(fh, fh.uncommitted, unsettled.releases);
  }
  const history: RepositoryHistory = { available: true, root, shallow: repo.shallow, head: commits[0]?.commit, notices: repo.notice ? [repo.notice] : [], files, tags, unsettled };
  if (!options.deferWorkingTree) await settleWorkingTree(history);
  return history;
}

function settle(fh: FileHistory, uncommitted: boolean, releases: boolean): void {
  fh.uncommitted = uncommitted;
  if (releases) fh.released = fh.revisions.length > 0 && fh.revisions[fh.revisions.length - 1].tags.length > 0 && !uncommitted;
}

/**
 * Finishes a history read with `deferWorkingTree`: each file changed since its last commit is
 * uncommitted when its content (not its layout) differs from that commit, compared through the
 * document the command read (`documentOf`); a file the command did not read is read here.
 */
export async function settleWorkingTree(history: RepositoryHistory, documentOf?: (absPath: string) => SopDocument | undefined): Promise<void> {
  if (!history.available || !history.unsettled) return;
  const { files, releases } = history.unsettled;
  history.unsettled = undefined;
  for (const [abs, { rel, last }] of files) {
    const fh = history.files.get(abs)!;
    const doc = documentOf?.(abs);
    let now: SopContent | undefined;
    if (doc) now = doc.problems.some((p) => p.ruleId === 'file-read') ? undefined : documentContent(rel, doc);
    else {
      try {
        now = readContent(rel, await readFile(abs));
      } catch {
        now = undefined; // deleted in the working tree: nothing is built from it
      }
    }
    settle(fh, now !== undefined && now.canonical !== last, releases);
  }
}
