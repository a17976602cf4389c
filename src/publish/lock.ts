// One build per output folder at a time: a lock file beside the output (`<out>.sop-lock`) holding the
// builder's pid. A second build of the same output refuses with a message; a lock left by a killed
// build (its pid no longer runs) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SopUsageError } from '../core/errors.js';
import { toPosix } from '../core/paths.js';
import { processAlive } from '../core/process-alive.js';

export function lockFileOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.sop-lock`);
}

/** Takes the lock of `outDir` or throws SopUsageError naming the build that holds it. Returns the release function. */
export function lockOutput(outDir: string, lang: 'id' | 'en'): () => void {
  const file = lockFileOf(outDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return () => undefined; // cannot lock here (read-only parent): the write itself will say why
      const pid = Number(readFileSafe(file).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new SopUsageError(
          lang === 'en'
            ? `${toPosix(outDir)} is being built by another sop build (pid ${pid}); wait for it to finish, or remove ${toPosix(file)} if that process is gone`
            : `${toPosix(outDir)} sedang dibangun oleh sop build lain (pid ${pid}); tunggu sampai selesai, atau hapus ${toPosix(file)} bila proses itu sudah tidak ada`,
        );
      }
      rmSync(file, { force: true }); // left by a build that was killed
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    const release = () => {
      process.off('exit', release);
      try {
        if (Number(readFileSafe(file).trim()) === process.pid) rmSync(file, { force: true });
      } catch {
        // already gone
      }
    };
    process.on('exit', release);
    return release;
  }
  return () => undefined;
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
