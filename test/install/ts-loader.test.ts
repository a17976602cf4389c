// The runner's TypeScript loader (scripts/ts-loader/): `./x.js` imports find `x.ts`, types are stripped, the module
// keeps its own file: URL, stack traces point at .ts lines, and a cached file stops matching once its source changes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cachedPathOf, readCached, writeCached } from '../../scripts/ts-loader/cache.mjs';
import { tempDir } from '../helpers/build.js';

const root = path.resolve(import.meta.dirname, '../..');
const register = path.join(root, 'scripts/ts-loader/register.mjs');

describe('scripts/ts-loader', () => {
  it('runs TypeScript that imports TypeScript by its .js name, with its own import.meta.url and .ts lines in stack traces', () => {
    const { dir, cleanup } = tempDir('sop-ts-loader-');
    try {
      writeFileSync(path.join(dir, 'b.ts'), 'export interface Shape { w: number }\nexport const area = (s: Shape): number => s.w * 2;\n');
      writeFileSync(
        path.join(dir, 'a.ts'),
        [
          "import { area, type Shape } from './b.js';",
          'const s: Shape = { w: 21 };',
          'console.log(area(s), import.meta.url);',
          'type Unused = { a: string };',
          'throw new Error(`at line five`);',
        ].join('\n'),
      );
      const r = spawnSync(process.execPath, ['--import', register, path.join(dir, 'a.ts')], { encoding: 'utf8' });
      assert.equal(r.stdout.split(' ')[0], '42');
      assert.equal(r.stdout.trim().split(' ')[1], `file://${path.join(dir, 'a.ts')}`);
      assert.ok(r.stderr.includes(`${path.join(dir, 'a.ts')}:5:7`), r.stderr);
    } finally {
      cleanup();
    }
  });

  it('a cached file is used while its source keeps its time and size, and not after either changes', () => {
    const { dir, cleanup } = tempDir('sop-ts-cache-');
    try {
      const source = path.join(dir, 'src', 'x.ts');
      mkdirSync(path.dirname(source));
      writeFileSync(source, 'export const x = 1;\n');
      const out = cachedPathOf(dir, path.join(dir, 'cache'), source);
      assert.equal(out, path.join(dir, 'cache', 'src', 'x.js'));
      assert.equal(readCached(out, statSync(source)), undefined, 'nothing cached yet');
      writeCached(out, statSync(source), 'export const x = 1;');
      assert.equal(readCached(out, statSync(source)), 'export const x = 1;');
      assert.deepEqual(readdirSync(path.dirname(out)), ['x.js'], 'no temporary file left');
      // same size, other time (also an older one): stale
      const old = new Date(Date.now() - 86_400_000);
      utimesSync(source, old, old);
      assert.equal(readCached(out, statSync(source)), undefined);
      writeCached(out, statSync(source), 'export const x = 1;');
      writeFileSync(source, 'export const x = 22;\n');
      utimesSync(source, old, old);
      assert.equal(readCached(out, statSync(source)), undefined, 'same time, other size');
      assert.match(readFileSync(out, 'utf8'), /^\/\/ sop-test-js /);
    } finally {
      cleanup();
    }
  });
});
