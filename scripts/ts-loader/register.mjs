// `node --import ./scripts/ts-loader/register.mjs`: runs the repository's TypeScript through hooks.mjs (see there).
// Stack traces point at the .ts lines through the inline source maps, as under tsx.
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirOf } from './cache.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.setSourceMapsEnabled(true);
register('./hooks.mjs', import.meta.url, { data: { root, cache: cacheDirOf(root) } });
