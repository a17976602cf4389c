// The manifest of an output folder: which units it holds under which content keys, and the inputs it was made from.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Written last into every output; its presence says "this folder is a sop build, sop may replace it". */
export const MANIFEST_NAME = '.sop-build.json';

export interface ManifestUnit {
  key: string;
  files: string[];
  meta?: Record<string, unknown>;
}

export interface Manifest {
  format: 1;
  tool: string;
  units: Record<string, ManifestUnit>;
  /** Input files of the build (absolute): only a hint whether the next build will have work to do. */
  sources?: string[];
}

export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    const m = JSON.parse(await readFile(path.join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    return m && m.format === 1 && typeof m.units === 'object' ? m : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a build into `outDir` will probably draw or print something: there is no previous build, or
 * an input changed after it (by mtime). Only used to start Chromium early; what is really rebuilt is
 * decided by content hashes.
 */
export function likelyToRender(outDir: string): boolean {
  const file = path.join(outDir, MANIFEST_NAME);
  try {
    const since = statSync(file).mtimeMs;
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (!Array.isArray(m.sources)) return true;
    return m.sources.some((f) => {
      try {
        return statSync(f).mtimeMs > since;
      } catch {
        return true;
      }
    });
  } catch {
    return true;
  }
}
