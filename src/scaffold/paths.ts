// Keeps every path `sop new` and `sop init` write or read inside the repository, symlinks included.
import path from 'node:path';
import { SopUsageError } from '../core/errors.js';
import { contain, isInside, toPosix } from '../core/paths.js';
import type { ScaffoldFs } from './fs.js';
import { say, type Lang } from './text.js';

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
  // the one containment rule (core/paths): symlinks resolved, a dangling link not trusted
  if (!contain(realRoot, abs).inside) throw outside();
  return abs;
}
