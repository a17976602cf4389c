// Turns a failed write of the output (full disk, read-only folder, missing parent) into a clear message.
import { SopUsageError } from './errors.js';
import { toPosix } from './paths.js';

/** A write error of the output: exit 2 with the path and what went wrong, never "internal error". */
export class SopWriteError extends SopUsageError {
  override name = 'SopWriteError';
}

const WHY: Record<string, [string, string]> = {
  ENOSPC: ['disk penuh', 'no space left on the device'],
  EDQUOT: ['kuota disk habis', 'disk quota exceeded'],
  EROFS: ['sistem berkas hanya-baca', 'read-only file system'],
  EACCES: ['tidak ada izin menulis', 'permission denied'],
  EPERM: ['tidak ada izin menulis', 'operation not permitted'],
  ENOENT: ['folder induk tidak ada', 'a parent folder does not exist'],
  ENOTDIR: ['bagian dari path bukan folder', 'part of the path is not a folder'],
  EISDIR: ['ada folder dengan nama itu', 'a folder has that name'],
  EEXIST: ['ada berkas yang menghalangi', 'a file is in the way'],
  EMFILE: ['terlalu banyak berkas terbuka', 'too many open files'],
  EIO: ['kesalahan masukan/keluaran disk', 'disk input/output error'],
};

/** The SopWriteError for `err` when it is a file-system error of a write, else undefined. */
export function writeErrorOf(err: unknown, lang: 'id' | 'en', fallbackPath?: string): SopWriteError | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  const code = e?.code;
  if (!code || !(code in WHY)) return undefined;
  const where = e.path ?? fallbackPath;
  if (!where) return undefined;
  const [id, en] = WHY[code];
  const shown = toPosix(where);
  return new SopWriteError(
    lang === 'en' ? `cannot write ${shown}: ${en} (${code})` : `tidak dapat menulis ${shown}: ${id} (${code})`,
    { cause: err },
  );
}
