// Builds a throwaway folder tree from {relative path: content} for tests that need real files; every
// folder made here is removed when the test file's process exits, so no run leaves temp folders behind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made = new Set<string>();

/** Removes `dir` when this process exits (node:test runs each test file in its own process). */
export function removeOnExit(dir: string): string {
  if (made.size === 0) process.once('exit', () => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  made.add(dir);
  return dir;
}

export function tree(files: Record<string, string>, prefix = 'sop-test-'): string {
  const root = removeOnExit(mkdtempSync(path.join(tmpdir(), prefix)));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}
