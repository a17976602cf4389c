// Path helpers: every reported path is POSIX and relative to the working directory when inside it.
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

export function displayPath(absPath: string, cwd: string): string {
  const rel = path.relative(cwd, absPath);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absPath;
  return shown.split(path.sep).join('/');
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** True when `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

// ---- containment: the one rule for every path sop reads or writes on the user's behalf ----

/**
 * The real path of `abs` with its symlinks resolved. When `abs` does not exist yet, its deepest
 * existing ancestor is resolved and the rest appended (a file about to be written). Undefined when
 * a link on the way dangles or loops: where it leads cannot be checked, so it is not trusted.
 */
export function realPathOf(abs: string): string | undefined {
  let dir = path.resolve(abs);
  let rest = '';
  for (;;) {
    try {
      return path.join(realpathSync.native(dir), rest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
      // a dangling symlink is ENOENT too: it exists as a link, so it is not "not yet written"
      try {
        if (lstatSync(dir).isSymbolicLink()) return undefined;
      } catch {
        // really missing: try the parent
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      rest = rest ? path.join(path.basename(dir), rest) : path.basename(dir);
      dir = parent;
    }
  }
}

/** The repository a folder belongs to: the nearest folder above it with `.git`, else the folder itself. */
export function repositoryRoot(dir: string): string {
  const start = path.resolve(dir);
  for (let d = start; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return start;
  }
}

export type Containment = { inside: true; real: string } | { inside: false; real: string | undefined };

/**
 * THE containment rule: `abs`, with every symlink resolved, must lie inside `root` (itself
 * resolved). Used by discovery, config references (logo, pack files), images, init and new, so
 * nothing from outside the repository is read and nothing is written outside it.
 */
export function contain(root: string, abs: string): Containment {
  const realRoot = realPathOf(root) ?? path.resolve(root);
  const real = realPathOf(abs);
  if (real !== undefined && isInside(real, realRoot)) return { inside: true, real };
  return { inside: false, real };
}

/** Located-diagnostic texts for a path that leaves the repository (rule `path-outside`). */
export function outsideMessage(shown: string, real: string | undefined): { message: string; messageEn: string } {
  const to = real === undefined ? '' : ` (${toPosix(real)})`;
  return {
    message: `path \`${shown}\` mengarah ke luar repositori${to}; berkas tidak dibaca`,
    messageEn: `path \`${shown}\` leads outside the repository${to}; the file is not read`,
  };
}
