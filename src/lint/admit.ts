// Reads SOP files for lint: synchronously (cheaper than fs/promises for thousands of small files), selected by workspace admit().
import { readFileSync } from 'node:fs';
import type { LoadedConfig } from '../config/config-types.js';
import type { DiscoveredFile } from '../discovery/discover.js';
import { loadSop, outsideDocument, parseSop, type SopDocument } from '../document/sop-document.js';
import { admit } from '../workspace/workspace.js';
import { fastParseSop } from './fast-yaml.js';

export { admit };


/**
 * Reads one discovered file. The run is CPU-bound (YAML parsing), so a blocking read costs less
 * than the promise machinery of fs/promises; a failed read goes through loadSop() for its
 * `file-read` problem.
 */
export async function readDiscovered(f: DiscoveredFile, config: LoadedConfig, fast = true): Promise<SopDocument | undefined> {
  if (f.outside) return admit(outsideDocument(f.file, f.absPath, f.outside.real, config), true);
  let bytes: Uint8Array;
  try {
    bytes = f.content ?? readFileSync(f.absPath);
  } catch {
    return admit(await loadSop(f.absPath, f.file, config), f.explicit);
  }
  return admit(parseText(bytes, f.file, f.absPath, config, fast), f.explicit);
}

/**
 * Reads bytes into an SopDocument: the js-yaml fast path when it applies, else parseSop(); with a last line of defence: the YAML parser turns even stack overflows into errors,
 * but if anything still throws, the file gets a diagnostic and the run goes on.
 */
export function parseText(bytes: Uint8Array, file: string, absPath: string, config: LoadedConfig, fast = true): SopDocument {
  try {
    return (fast ? fastParseSop(bytes, file, absPath, config) : undefined) ?? parseSop(bytes, file, absPath, config);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const doc = parseSop(new Uint8Array(0), file, absPath, config);
    doc.hasFrontmatter = true;
    doc.problems.push({
      ruleId: 'file-read',
      message: `berkas tidak dapat diproses (${why})`,
      messageEn: `the file cannot be processed (${why})`,
      location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
    return doc;
  }
}
