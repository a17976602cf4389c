// Turns command-line paths, globs and config include/exclude into a sorted list of SOP files; reads no file content.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { LoadedConfig } from '../config/config-types.js';
import { contain, displayPath, isInside, repositoryRoot, toPosix } from '../core/paths.js';

export interface DiscoveredFile {
  absPath: string;
  /** POSIX path relative to cwd. */
  file: string;
  /** Named on the command line or matched by config `include`: must be an SOP. A glob's matches are not. */
  explicit: boolean;
  /**
   * Set when the path leads outside the repository through a symlink: the real target (undefined
   * for a dangling or looping link). Such a file is never read; it gets a `path-outside` problem.
   */
  outside?: { real: string | undefined };
  /** The file's bytes when they do not come from disk (`sop lint --stdin`) or were already read (`--cache`). */
  content?: Uint8Array;
}

export interface MissingPath {
  arg: string;
  message: string;
  messageEn: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  missing: MissingPath[];
}

export interface DiscoverOptions {
  cwd: string;
  paths: string[];
  config: LoadedConfig;
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.sop-cache']);
const GLOB_CHARS = /[*?[\]{}!]/;

/** Folder the build writes to; never searched for SOPs. */
export function outputDir(config: LoadedConfig): string {
  return path.resolve(config.dir, config.config.output ?? '_site');
}

function gitRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

interface IgnoreLayer {
  dir: string;
  ig: Ignore;
}

function readGitignore(dir: string): IgnoreLayer | undefined {
  const f = path.join(dir, '.gitignore');
  try {
    return { dir, ig: ignore().add(readFileSync(f, 'utf8')) };
  } catch {
    return undefined;
  }
}

function ignoredBy(layers: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const { dir, ig } of layers) {
    const rel = toPosix(path.relative(dir, abs));
    if (!rel || rel.startsWith('..')) continue;
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

interface WalkSinks {
  onFile: (abs: string, real: string) => void;
  /** A symlink (to a folder, or to a file the walk would take) whose target is outside `repo`. */
  onOutside: (abs: string, real: string | undefined, isDir: boolean) => void;
}

/**
 * Walks `root` and yields every file below it. Symlinks are followed only while their target stays
 * inside `repo` (the containment rule): a link to `/` or to another repository is reported, never
 * walked; each real folder is visited once, so links back up the tree cannot loop.
 */
async function walk(root: string, repo: string, skipDirs: string[], sinks: WalkSinks): Promise<void> {
  const seen = new Set<string>();
  const top = gitRoot(root);
  const baseLayers: IgnoreLayer[] = [];
  if (top) for (let d = root; isInside(d, top); d = path.dirname(d)) {
    const l = readGitignore(d);
    // a folder named on the command line is searched even when a .gitignore above it excludes it
    // (e.g. a generated corpus): that user asked for it; .gitignore files inside it still apply
    if (l && d !== root && !ignoredBy([l], root, true)) baseLayers.push(l);
    if (d === top) break;
  }
  async function visit(dir: string, layers: IgnoreLayer[]): Promise<void> {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return; // dangling link or a symlink loop (ELOOP)
    }
    if (seen.has(real)) return;
    seen.add(real);
    const own = readGitignore(dir);
    const active = own ? [...layers, own] : layers;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to lint in it
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let linkOut: { real: string | undefined } | undefined;
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling or looping link: nothing to read behind it
        }
        const c = contain(repo, abs);
        if (!c.inside) linkOut = { real: c.real };
      }
      if (isDir) {
        if (ALWAYS_SKIPPED.has(e.name) || skipDirs.some((s) => isInside(abs, s))) continue;
        if (ignoredBy(active, abs, true)) continue;
        if (linkOut) {
          sinks.onOutside(abs, linkOut.real, true);
          continue;
        }
        await visit(abs, active);
      } else if (isFile) {
        if (ignoredBy(active, abs, false)) continue;
        if (linkOut) {
          sinks.onOutside(abs, linkOut.real, false);
          continue;
        }
        // the real path lets a file reached through a symlinked folder be linted once, not once per route
        sinks.onFile(abs, e.isSymbolicLink() ? realOrSelf(abs) : path.join(real, e.name));
      }
    }
  }
  await visit(root, baseLayers);
}

function existingDir(abs: string): string {
  try {
    return statSync(abs).isDirectory() ? abs : path.dirname(abs);
  } catch {
    return path.dirname(abs);
  }
}

function realOrSelf(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/**
 * A list of globs where a leading `!` negates, as in .gitignore and markdownlint-cli2: a path matches
 * when some positive pattern matches it and no negated one does. A list of negations only matches
 * everything they do not exclude. undefined for an empty list.
 */
export function globList(patterns: readonly string[] | undefined, opts: { dot: boolean }): ((rel: string) => boolean) | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  const pos = patterns.filter((p) => !p.startsWith('!'));
  const neg = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const yes = pos.length > 0 ? picomatch(pos, opts) : () => true;
  const no = neg.length > 0 ? picomatch(neg, { dot: true }) : () => false;
  return (rel) => yes(rel) && !no(rel);
}

/**
 * Whether a file found by walking a folder is left out by the config that applies to it: its
 * `exclude` globs (relative to that config's folder) or its build output folder.
 */
export function excludedByConfig(config: LoadedConfig, abs: string): boolean {
  if (isInside(abs, outputDir(config))) return true;
  const exclude = globList(config.config.exclude, { dot: true });
  return Boolean(exclude && isInside(abs, config.dir) && exclude(toPosix(path.relative(config.dir, abs))));
}

function globBase(pattern: string): string {
  const parts = toPosix(pattern).split('/');
  const base: string[] = [];
  for (const p of parts) {
    if (GLOB_CHARS.test(p)) break;
    base.push(p);
  }
  return base.join('/') || '.';
}

export async function discoverFiles(opts: DiscoverOptions): Promise<Discovery> {
  const cwd = path.resolve(opts.cwd);
  const { config } = opts;
  const configDir = config.dir;
  const out = new Map<string, DiscoveredFile>();
  const missing: MissingPath[] = [];
  const skip = [outputDir(config)];
  const rel = (abs: string) => toPosix(path.relative(configDir, abs));
  const include = globList(config.config.include, { dot: false });
  const exclude = globList(config.config.exclude, { dot: true });
  // `!pattern` arguments exclude, relative to the working directory (as ESLint and markdownlint-cli2 read them)
  const negated = globList(opts.paths.filter((a) => a.startsWith('!')).map((a) => toPosix(a.slice(1)).replace(/^\.\//, '')), { dot: true });
  const negatedArg = (abs: string) => Boolean(negated && negated(toPosix(path.relative(cwd, abs))));
  const excluded = (abs: string) => Boolean(exclude && isInside(abs, configDir) && exclude(rel(abs))) || negatedArg(abs);
  // keyed by real path: one file reached by two routes (a symlink to a parent folder) is one SOP
  const add = (abs: string, explicit: boolean, real = realOrSelf(abs)) => {
    const prev = out.get(real);
    if (!prev) out.set(real, { absPath: abs, file: displayPath(abs, cwd), explicit });
    else if (explicit && !prev.explicit) prev.explicit = true;
  };
  // a path that leads out of the repository is reported once, under its own name (never read)
  const addOutside = (abs: string, real: string | undefined) => {
    out.set(`outside:${abs}`, { absPath: abs, file: displayPath(abs, cwd), explicit: true, outside: { real } });
  };
  // the repository the run is in; a path named outside it is judged by its own repository
  const runRepo = repositoryRoot(configDir);
  const repoOf = (abs: string) => (isInside(abs, runRepo) ? runRepo : repositoryRoot(existingDir(abs)));

  const positive = opts.paths.filter((a) => !a.startsWith('!'));
  const args = positive.length > 0 ? positive : ['.'];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    if (GLOB_CHARS.test(arg) && !existsSync(abs)) {
      const base = path.resolve(cwd, globBase(arg));
      const match = picomatch(toPosix(path.relative(base, abs)) || '**', { dot: false });
      let matched = false;
      if (existsSync(base)) await walk(base, repoOf(base), skip, {
        onFile: (f, real) => {
          if (match(toPosix(path.relative(base, f))) && !excluded(f)) {
            matched = true;
            // like a folder walk: a match without frontmatter is documentation, not an error (`**/*.md` meets README.md)
            add(f, false, real);
          }
        },
        onOutside: (f, real, isDir) => {
          if ((isDir || match(toPosix(path.relative(base, f)))) && !excluded(f)) {
            matched = true;
            addOutside(f, real);
          }
        },
      });
      if (!matched) missing.push({ arg, message: `tidak ada berkas yang cocok dengan pola \`${arg}\``, messageEn: `no files match the pattern \`${arg}\`` });
      continue;
    }
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push({ arg, message: `path \`${arg}\` tidak ada`, messageEn: `path \`${arg}\` does not exist` });
      continue;
    }
    if (st.isFile()) {
      if (negatedArg(abs)) continue;
      const c = contain(repoOf(abs), abs);
      if (c.inside) add(abs, true);
      else addOutside(abs, c.real);
      continue;
    }
    const top = contain(repoOf(abs), abs);
    if (!top.inside) {
      addOutside(abs, top.real); // a folder argument that is itself a link out of the repository
      continue;
    }
    const wanted = (f: string) => !excluded(f) && (include && isInside(f, configDir) ? include(rel(f)) : f.endsWith('.md'));
    await walk(abs, repoOf(abs), skip, {
      onFile: (f, real) => {
        if (excluded(f)) return;
        if (include && isInside(f, configDir)) {
          if (include(rel(f))) add(f, true, real);
        } else if (f.endsWith('.md')) {
          add(f, false, real);
        }
      },
      onOutside: (f, real, isDir) => {
        if (isDir ? !excluded(f) : wanted(f)) addOutside(f, real);
      },
    });
  }
  const files = [...out.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, missing };
}
