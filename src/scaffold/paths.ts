// Keeps every path `sop new` and `sop init` write or read inside the repository, symlinks included.
import path from 'node:path';
import { SopUsageError } from '../core/errors.js';
import { isInside, toPosix } from '../core/paths.js';
import type { ScaffoldFs } from './fs.js';
import { say, type Lang } from './text.js';

/** The deepest existing ancestor of `abs` (or `abs` itself), with the part below it. */
async function existingAncestor(fs: ScaffoldFs, abs: string): Promise<{ dir: string; rest: string }> {
  let dir = abs;
  for (;;) {
    try {
      await fs.lstat(dir);
      return { dir, rest: path.relative(dir, abs) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
      const parent = path.dirname(dir);
      if (parent === dir) return { dir, rest: path.relative(dir, abs) };
      dir = parent;
    }
  }
}

/**
 * Resolves `rel` against `root` and returns the absolute path, or throws SopUsageError when it
 * lies outside `root`: by `..`, by an absolute path, or through a symlink that points elsewhere
 * (the existing part of the path is resolved with realpath). `what` names the thing in the message.
 */
export async function resolveInside(fs: ScaffoldFs, root: string, rel: string, what: { id: string; en: string; fixId?: string; fixEn?: string }, lang: Lang): Promise<string> {
  const abs = path.resolve(root, rel);
  const realRoot = await fs.realpath(root);
  const outside = () =>
    new SopUsageError(
      say(
        lang,
        `${what.id} "${rel}" berada di luar repositori (${toPosix(root)}); ${what.fixId ?? 'pilih folder di dalam repositori'}`,
        `${what.en} "${rel}" is outside the repository (${toPosix(root)}); ${what.fixEn ?? 'choose a folder inside it'}`,
      ),
    );
  if (!isInside(abs, root) && !isInside(abs, realRoot)) throw outside();
  const { dir, rest } = await existingAncestor(fs, abs);
  let real: string;
  try {
    real = path.join(await fs.realpath(dir), rest);
  } catch {
    // a dangling symlink: where it would lead cannot be checked, so it is not trusted
    throw outside();
  }
  if (!isInside(real, realRoot)) throw outside();
  return abs;
}
