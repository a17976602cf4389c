// Is this a git repository, is its history complete, and which release tags exist: one small git call each.
import path from 'node:path';
import picomatch from 'picomatch';
import { git, gitText, GitError } from './git.js';

export interface Notice {
  id: string;
  en: string;
}

export type RepoState =
  | { available: true; root: string; shallow: boolean; notice?: Notice }
  | { available: false; notice: Notice };

/** Finds the repository holding `cwd`; outside git (or without git) history is off, with one line saying so. */
export async function openRepo(cwd: string): Promise<RepoState> {
  let out: string;
  try {
    out = await gitText(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  } catch (err) {
    const missing = err instanceof GitError && err.code === 'ENOENT';
    return {
      available: false,
      notice: missing
        ? { id: 'riwayat revisi mati: program git tidak ditemukan (pasang git untuk Riwayat Revisi, revisi-outdated dan tanda DRAF dari git)', en: 'revision history off: the git program was not found (install git for the Riwayat Revisi, revisi-outdated and the DRAF mark from git)' }
        : { id: 'riwayat revisi mati: folder ini bukan repositori git (Riwayat Revisi, revisi-outdated dan tanda DRAF dari git tidak tersedia)', en: 'revision history off: this folder is not a git repository (Riwayat Revisi, revisi-outdated and the DRAF mark from git are not available)' },
    };
  }
  const [root, shallow] = out.trim().split('\n');
  const isShallow = shallow === 'true';
  return {
    available: true,
    root: path.resolve(root),
    shallow: isShallow,
    ...(isShallow ? { notice: shallowNotice } : {}),
  };
}

export const shallowNotice: Notice = {
  id: 'riwayat git tidak lengkap (klon dangkal): revisi sebelum commit tertua tidak terlihat; jalankan `git fetch --unshallow` (GitHub Actions: actions/checkout dengan `fetch-depth: 0`)',
  en: 'git history is incomplete (shallow clone): revisions before the oldest commit are not visible; run `git fetch --unshallow` (GitHub Actions: actions/checkout with `fetch-depth: 0`)',
};

export interface ReleaseTag {
  name: string;
  /** The commit the tag points at (annotated tags peeled). */
  commit: string;
  /** Tagger date of an annotated tag, else the commit date. */
  date: string;
}

/** Tags whose name matches the configured glob (e.g. `sop-*`), oldest first. */
export async function releaseTags(root: string, pattern: string): Promise<ReleaseTag[]> {
  const out = await gitText(root, ['for-each-ref', '--sort=creatordate', '--format=%(refname:short)%00%(objectname)%00%(*objectname)%00%(creatordate:short)', 'refs/tags']);
  const match = picomatch(pattern);
  return out.split('\n').filter(Boolean).map((line) => {
    const [name, oid, peeled, date] = line.split('\0');
    return { name, commit: peeled || oid, date };
  }).filter((t) => match(t.name));
}

/** Blob ids of the Markdown files at one commit, keyed by repository-relative path. */
export async function treeAt(root: string, commit: string): Promise<Map<string, string>> {
  // ls-tree takes literal path prefixes, not globs: filter the names here
  const out = (await git(root, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--full-tree', commit])).toString('utf8');
  const map = new Map<string, string>();
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [, type, oid] = rec.slice(0, tab).split(' ');
    const name = rec.slice(tab + 1);
    if (type === 'blob' && name.toLowerCase().endsWith('.md')) map.set(name, oid);
  }
  return map;
}

/** Paths with uncommitted changes (staged, unstaged or untracked), repository-relative. */
export async function dirtyPaths(root: string, pathspec: string[] = ['*.md']): Promise<Set<string>> {
  const out = (await git(root, ['-c', 'core.quotePath=false', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...pathspec])).toString('utf8');
  const set = new Set<string>();
  const recs = out.split('\0');
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i];
    if (r.length < 4) continue;
    set.add(r.slice(3));
    if (r[0] === 'R' || r[0] === 'C') i++; // the source path of a staged rename follows
  }
  return set;
}
