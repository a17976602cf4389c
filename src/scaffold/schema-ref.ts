// Where a generated file's `# yaml-language-server: $schema=` line (and VS Code's yaml.schemas) should point.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageFile } from '../core/package.js';
import { isInside, toPosix } from '../core/paths.js';
import type { ScaffoldFs } from './fs.js';

export type SchemaName = 'sop.schema.json' | 'config.schema.json' | 'inventaris.schema.json' | 'monev.schema.json' | 'evaluasi.schema.json';

/** Root of this package. */
export const PACKAGE_ROOT = path.resolve(packageFile(''));

/** The schema's `$id`: stable across machines, used when no local copy is reachable. */
export function schemaId(name: SchemaName): string {
  const json = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', name), 'utf8')) as { $id?: string };
  return json.$id ?? name;
}

function relativeRef(fromDir: string, target: string): string {
  const rel = toPosix(path.relative(fromDir, target));
  const ref = rel.startsWith('.') ? rel : `./${rel}`;
  // the modeline ends at the first space
  return ref.replace(/ /g, '%20');
}

/**
 * In order: a relative path to `node_modules/sop/schemas/<name>` in `fromDir` or a parent up to
 * `root` (the package is installed in the repository, so colleagues who clone it get the same
 * path; a copy above the repository would not travel with it); a relative
 * path to this package's own `schemas/` when `fromDir` is inside it (examples, tests of the
 * package); otherwise `node_modules/sop/schemas/<name>` of the repository root, which `npm install`
 * fills in, since `sop init` pins sop in package.json (the schema's `$id` host serves nothing).
 */
export async function schemaRef(fs: ScaffoldFs, fromDir: string, root: string, name: SchemaName): Promise<string> {
  const top = path.resolve(root);
  for (let dir = path.resolve(fromDir); isInside(dir, top); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'sop', 'schemas', name);
    try {
      if ((await fs.stat(candidate)).isFile()) return relativeRef(fromDir, candidate);
    } catch {
      // not installed here; keep walking up
    }
    if (path.dirname(dir) === dir) break;
  }
  if (isInside(path.resolve(fromDir), PACKAGE_ROOT)) return relativeRef(fromDir, path.join(PACKAGE_ROOT, 'schemas', name));
  return relativeRef(fromDir, path.join(top, 'node_modules', 'sop', 'schemas', name));
}
