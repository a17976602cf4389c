// The package version, read once from package.json (kept out of the bundle so it never drifts).
import { readFileSync } from 'node:fs';
import { packageFile } from '../core/package.js';

export const VERSION: string = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
