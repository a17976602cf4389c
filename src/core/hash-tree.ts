// Feeds every program file of a folder tree into a hash, in a fixed order: caches keyed by the code that made their entries.
import type { Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Adds the name and bytes of each file under `dir` whose name matches `files` (declarations excluded), sorted by name. */
export function hashTree(dir: string, h: Hash, files: RegExp): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) hashTree(p, h, files);
    else if (files.test(e.name) && !e.name.endsWith('.d.ts')) {
      h.update(e.name);
      h.update(readFileSync(p));
    }
  }
}
