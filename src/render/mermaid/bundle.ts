// Mermaid's browser bundle as sop ships it: vendor/mermaid/ (written by scripts/vendor-mermaid.mjs from the
// mermaid pinned in devDependencies), so an install carries the 3.5 MB file, not mermaid's dependency tree.
import { readFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { packageFile } from '../../core/package.js';

const vendorDir = pathToFileURL(packageFile('vendor/mermaid/'));

/** The UMD bundle injected into the Chromium page; nothing is fetched from the network. */
export const MERMAID_BUNDLE = fileURLToPath(new URL('mermaid.min.js', vendorDir));

let version: string | undefined;

/** The vendored Mermaid's version: part of the cache key, so an upgrade re-renders. */
export function mermaidVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('mermaid.json', vendorDir), 'utf8')) as { version: string }).version;
  return version;
}
