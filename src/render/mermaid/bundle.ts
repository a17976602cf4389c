// Mermaid's browser build as sop ships it: vendor/mermaid/ (written by scripts/vendor-mermaid.mjs from the mermaid
// pinned in devDependencies), so an install carries its ES modules (3.5 MB), not mermaid's dependency tree.
import { readFileSync } from 'node:fs';
import { packageFile } from '../../core/package.js';

interface VendorRecord {
  version: string;
  /** SHA-256 per module, by its path under vendor/mermaid/. */
  sha256: { [module: string]: string };
}

let record: VendorRecord | undefined;
const vendored = (): VendorRecord => (record ??= JSON.parse(readFileSync(packageFile('vendor/mermaid/mermaid.json'), 'utf8')) as VendorRecord);

/** The entry module, by its path under vendor/mermaid/; the chunks it imports are relative to it. */
export const MERMAID_ENTRY = 'mermaid.esm.min.mjs';

/** The vendored Mermaid's version: part of the cache key, so an upgrade re-renders. */
export function mermaidVersion(): string {
  return vendored().version;
}

const modules = new Map<string, Buffer>();

/** A vendored module's bytes by its path under vendor/mermaid/, or undefined when it is not one (nothing else is read). */
export function mermaidModule(name: string): Buffer | undefined {
  if (!Object.hasOwn(vendored().sha256, name)) return undefined;
  let bytes = modules.get(name);
  if (!bytes) modules.set(name, (bytes = readFileSync(packageFile(`vendor/mermaid/${name}`))));
  return bytes;
}
