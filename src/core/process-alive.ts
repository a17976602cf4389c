// Whether a process id names a live process: the one check the output lock, the output folder's
// recovery and the stale Chromium profile sweep use to tell a crashed owner from a running one.

/** True when `pid` is running (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
