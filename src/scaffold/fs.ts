// The file operations scaffolding needs, injectable for tests, and atomic writes that never clobber by accident.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The subset of node:fs/promises that `sop new` and `sop init` use; tests pass their own. */
export interface ScaffoldFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string, options?: { flag?: string }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  lstat(file: string): Promise<{ isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }>;
  stat(file: string): Promise<{ isFile(): boolean; isDirectory(): boolean }>;
  realpath(file: string): Promise<string>;
  readdir(dir: string): Promise<string[]>;
}

export const nodeFs: ScaffoldFs = {
  readFile: (f, e) => fsp.readFile(f, e),
  writeFile: (f, d, o) => fsp.writeFile(f, d, o),
  rename: (a, b) => fsp.rename(a, b),
  link: (a, b) => fsp.link(a, b),
  unlink: (f) => fsp.unlink(f),
  mkdir: (d, o) => fsp.mkdir(d, o),
  lstat: (f) => fsp.lstat(f),
  stat: (f) => fsp.stat(f),
  realpath: (f) => fsp.realpath(f),
  readdir: (d) => fsp.readdir(d),
};

/** Thrown by writeAtomic when the target exists and overwriting was not allowed. */
export class FileExistsError extends Error {
  override name = 'FileExistsError';
  constructor(readonly file: string) {
    super(`file exists: ${file}`);
  }
}

/** True when something (file, folder or symlink, even a dangling one) is at `file`. */
export async function exists(fs: ScaffoldFs, file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

// Filesystems without hard links (some network or FAT mounts) answer link() with one of these.
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `data` to `file` through a temp file in the same folder, so nobody ever sees half a file.
 * Without `overwrite` the final step is link(), which fails when the target exists, so even a file
 * created a moment ago by someone else is never replaced. Returns whether the file was new.
 */
export async function writeAtomic(fs: ScaffoldFs, file: string, data: string, options: { overwrite: boolean }): Promise<'created' | 'replaced'> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await fs.writeFile(tmp, data, { flag: 'wx' });
  try {
    if (options.overwrite) {
      const existed = await exists(fs, file);
      await fs.rename(tmp, file);
      return existed ? 'replaced' : 'created';
    }
    try {
      await fs.link(tmp, file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw new FileExistsError(file);
      if (!NO_LINK.has(code)) throw err;
      // no hard links here: exclusive create still never clobbers, it is just not all-or-nothing
      try {
        await fs.writeFile(file, data, { flag: 'wx' });
      } catch (err2) {
        if ((err2 as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
        throw err2;
      }
    }
    return 'created';
  } finally {
    // after a rename the temp name is gone already; after a link it is a second name to drop
    await fs.unlink(tmp).catch(() => undefined);
  }
}
