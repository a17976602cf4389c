// Chromium's profile folder: one per browser, named after our pid, removed when the browser goes away;
// folders of builds that were killed (their pid no longer runs) are removed at the next launch.
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
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

/** A fresh profile folder owned by this process. */
export function newProfileDir(dir = tmpdir()): string {
  return mkdtempSync(path.join(dir, `${PREFIX}${process.pid}-`));
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
 * Chromium keeps its single-instance socket in a folder of the temporary directory (org.chromium.Chromium.XXXXXX) that
 * the profile's SingletonSocket link points into, and removes it only when it shuts down cleanly: a browser that was
 * killed left one behind on every run. It goes with its profile; only a folder of that name is ever removed.
 */
function removeSingletonDir(profile: string): void {
  let target: string;
  try {
    target = readlinkSync(path.join(profile, 'SingletonSocket'));
  } catch {
    return; // no link: the browser removed it on a clean exit, or never got that far
  }
  const folder = path.dirname(path.resolve(profile, target));
  // the browser was given our temporary directory, where the profile is too
  if (path.dirname(folder) !== path.dirname(profile) || !/^org\.chromium\.Chromium\.[A-Za-z0-9]+$/.test(path.basename(folder))) return;
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // in use or gone: nothing of ours
  }
}
