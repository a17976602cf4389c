// Chromium's folder: one per browser, named after our pid, holding its profile and its temporary files (Chromium is
// given it as TMPDIR), removed when the browser goes away; folders of builds that were killed (their pid no longer
// runs) are removed at the next launch.
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processAlive } from '../core/process-alive.js';

const PREFIX = 'sop-chromium-';

/** Removes profile folders whose owning process is gone (a SIGKILLed `sop build`). */
export function sweepStaleProfiles(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = /^sop-chromium-(\d+)-/.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      removeSingletonDir(path.join(dir, name));
      // its browser may still be shutting down (it exits when the pipe to the dead build closes)
      rmSync(path.join(dir, name), { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      removed.push(name);
    } catch {
      // still in use: the next run removes it
    }
  }
  return removed;
}

/** Where one browser keeps its files: all of them go when `root` is removed. */
export interface BrowserFolder {
  /** The folder removeProfile() removes. */
  root: string;
  /** Chromium's --user-data-dir, inside root. */
  userDataDir: string;
  /** TMPDIR for Chromium, or undefined when the system's must stay (see below). */
  tmpDir: string | undefined;
}

/**
 * The longest path a Unix socket may have (sun_path holds 108 bytes with its NUL). Chromium puts its SingletonSocket in
 * TMPDIR/org.chromium.Chromium.XXXXXX/; a longer path could not be bound.
 */
const SOCKET_PATH_MAX = 107;
const SOCKET_IN_TMP = '/org.chromium.Chromium.XXXXXX/SingletonSocket'.length;

/**
 * A fresh folder owned by this process, with the profile in it and, as Chromium's TMPDIR, the folder itself. Chromium
 * keeps its single-instance socket in a folder of TMPDIR (org.chromium.Chromium.XXXXXX) and removes it only when it
 * shuts down cleanly; in the system's temporary directory such folders were left behind now and then, with no link
 * left in the profile to find them by (the two full test runs of 2026-12-03 before this change left 1 and 2). Inside
 * this folder they go with it.
 */
export function newProfileDir(dir = tmpdir()): BrowserFolder {
  const root = mkdtempSync(path.join(dir, `${PREFIX}${process.pid}-`));
  const userDataDir = path.join(root, 'profile');
  mkdirSync(userDataDir);
  return { root, userDataDir, tmpDir: root.length + SOCKET_IN_TMP <= SOCKET_PATH_MAX ? root : undefined };
}

/** Waits between the tries of removeProfile (ms): ~1.9 s in all. */
const RETRY_MS = [200, 500, 1200] as const;

/**
 * Removes the profile folder of a browser whose process has exited. One that is still busy gets more tries a moment
 * later, without holding up the caller: a killed Chromium's helper processes can outlive it and go on writing (on an
 * idle machine 1 of 8 killed launches needed the second try; a loaded one needs longer). What is still there after the last try
 * is left for sweepStaleProfiles() of a later run. No synchronous retries: they sleep on the main thread and retry
 * only the folder's own rmdir, never the files written into it meanwhile.
 */
export function removeProfile(dir: string, retries: readonly number[] = RETRY_MS): void {
  removeSingletonDir(dir);
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    const [wait, ...later] = retries;
    if (wait !== undefined) setTimeout(() => removeProfile(dir, later), wait).unref();
  }
}

/**
 * Chromium keeps its single-instance socket in a folder of its TMPDIR (org.chromium.Chromium.XXXXXX) that the
 * profile's SingletonSocket link points into, and removes it only when it shuts down cleanly. When that folder is not
 * inside `root` (a path too long for the socket there, or a folder of an older sop whose profile was `root` itself), it
 * is removed through the link; only a folder of that name, beside `root` or in it, is ever removed.
 */
function removeSingletonDir(root: string): void {
  for (const profile of [path.join(root, 'profile'), root]) {
    let target: string;
    try {
      target = readlinkSync(path.join(profile, 'SingletonSocket'));
    } catch {
      continue; // no link: the browser removed it on a clean exit, or never got that far
    }
    const folder = path.dirname(path.resolve(profile, target));
    const parent = path.dirname(folder);
    if ((parent !== root && parent !== path.dirname(root)) || !/^org\.chromium\.Chromium\.[A-Za-z0-9]+$/.test(path.basename(folder))) continue;
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // in use or gone: nothing of ours
    }
  }
}
