// Files shipped in the package (assets/, package.json), found from here: src/core and dist/core both sit two levels down.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file of the package, e.g. `assets/sop.css`. */
export function packageFile(rel: string): string {
  return fileURLToPath(new URL(`../../${rel}`, import.meta.url));
}

/** The package's version (written into the manifest and the PDFs' producer). */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
}
