// Discovery: folders, files, globs, .gitignore, output folder, include/exclude, symlink loops, sorting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { tree } from '../helpers/tree.js';
import { discoverFiles } from '../../src/discovery/discover.js';
import type { LoadedConfig } from '../../src/config/config-types.js';

const cfg = (dir: string, config: LoadedConfig['config'] = {}): LoadedConfig => ({ dir, config });
const names = (d: Awaited<ReturnType<typeof discoverFiles>>) => d.files.map((f) => `${f.file}${f.explicit ? '!' : ''}`);

test('a folder is searched for **/*.md, sorted, skipping node_modules, .git, the output folder and .gitignore', async () => {
  const root = tree({
    'b/z.md': '', 'a/y.md': '', 'a/notes.txt': '', 'node_modules/m/x.md': '', '.git/x.md': '',
    '_site/out.md': '', 'tmp/ignored.md': '', '.gitignore': 'tmp/\n', 'c.md': '',
  });
  mkdirSync(path.join(root, '.git'), { recursive: true });
  const d = await discoverFiles({ cwd: root, paths: ['.'], config: cfg(root) });
  assert.deepEqual(names(d), ['a/y.md', 'b/z.md', 'c.md']);
});

test('a file named on the command line is explicit; a missing path is reported', async () => {
  const root = tree({ 'a/y.md': '', 'README.txt': '' });
  const d = await discoverFiles({ cwd: root, paths: ['README.txt', 'a', 'nope'], config: cfg(root) });
  assert.deepEqual(names(d), ['README.txt!', 'a/y.md']);
  assert.equal(d.missing.length, 1);
  assert.equal(d.missing[0].arg, 'nope');
});

test('globs select files like a folder walk (not explicit); a glob that matches nothing is reported', async () => {
  const root = tree({ 'sop/u1/a.md': '', 'sop/u2/b.md': '', 'sop/u2/c.txt': '', 'doc/d.md': '' });
  const d = await discoverFiles({ cwd: root, paths: ['sop/**/*.md', 'zzz/*.md'], config: cfg(root) });
  assert.deepEqual(names(d), ['sop/u1/a.md', 'sop/u2/b.md']);
  assert.equal(d.missing[0].arg, 'zzz/*.md');
});

test('config include makes matches explicit and exclude removes files', async () => {
  const root = tree({ 'sop/a.md': '', 'sop/draft/b.md': '', 'README.md': '' });
  const d = await discoverFiles({ cwd: root, paths: ['.'], config: cfg(root, { include: ['sop/**/*.md'], exclude: ['sop/draft/**'] }) });
  assert.deepEqual(names(d), ['sop/a.md!']);
});

test('symlink loops are walked once and do not hang', async () => {
  const root = tree({ 'a/x.md': '' });
  symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'loop'));
  symlinkSync(path.join(root, 'self'), path.join(root, 'self')); // ELOOP
  const d = await discoverFiles({ cwd: root, paths: ['.'], config: cfg(root) });
  assert.deepEqual(names(d), ['a/x.md']);
});

test('a `!` path argument excludes, relative to the working directory; it is never a glob of its own', async () => {
  const root = tree({ 'a/x.md': '', 'salah/y.md': '', 'salah/z/w.md': '', 'package.json': '{}', '.gitignore': '', 'sop.config.yaml': '' });
  const d = await discoverFiles({ cwd: root, paths: ['**/*.md', '!salah/**'], config: cfg(root) });
  assert.deepEqual(names(d), ['a/x.md']);
  assert.deepEqual(d.missing, []);
  // only negations: the working directory minus them
  const only = await discoverFiles({ cwd: root, paths: ['!salah/**'], config: cfg(root) });
  assert.deepEqual(names(only), ['a/x.md']);
  // a named file that a negation covers is left out too
  const named = await discoverFiles({ cwd: root, paths: ['salah/y.md', 'a', '!salah/*.md'], config: cfg(root) });
  assert.deepEqual(names(named), ['a/x.md']);
});

test('`!` in config include and exclude lists negates', async () => {
  const root = tree({ 'sop/a.md': '', 'sop/draft/b.md': '', 'sop/draft/keep.md': '', 'sop/old/c.md': '' });
  const inc = await discoverFiles({ cwd: root, paths: ['.'], config: cfg(root, { include: ['sop/**/*.md', '!sop/old/**'] }) });
  assert.deepEqual(names(inc), ['sop/a.md!', 'sop/draft/b.md!', 'sop/draft/keep.md!']);
  const exc = await discoverFiles({ cwd: root, paths: ['.'], config: cfg(root, { exclude: ['sop/draft/**', '!sop/draft/keep.md'] }) });
  assert.deepEqual(names(exc), ['sop/a.md', 'sop/draft/keep.md', 'sop/old/c.md']);
});
