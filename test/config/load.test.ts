// Config loading: walking up, --config, the paths fallback, schema errors with positions, memoization.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tree } from '../helpers/tree.js';
import { findConfigFile, loadConfig } from '../../src/config/load.js';
import { SopConfigError } from '../../src/core/errors.js';

test('finds the config by walking up from the working directory', () => {
  const root = tree({ 'sop.config.yaml': 'paper: F4\n', 'unit/a/x.md': '' });
  assert.equal(findConfigFile(path.join(root, 'unit/a')), path.join(root, 'sop.config.yaml'));
  const c = loadConfig({ cwd: path.join(root, 'unit/a') });
  assert.equal(c.config.paper, 'F4');
  assert.equal(c.dir, root);
});

test('without a config above cwd, the one above the given paths is used', () => {
  const root = tree({ 'repo/examples/sop.config.yaml': 'lang: en\n', 'repo/examples/u/x.md': '' });
  const c = loadConfig({ cwd: path.join(root, 'repo'), paths: ['examples'] });
  assert.equal(c.config.lang, 'en');
  assert.equal(c.file, path.join(root, 'repo/examples/sop.config.yaml'));
});

test('no config anywhere gives an empty config rooted at cwd', () => {
  const root = tree({ 'x.md': '' });
  const c = loadConfig({ cwd: root });
  assert.deepEqual(c.config, {});
  assert.equal(c.file, undefined);
});

test('--config names the file; a missing one is a config error', () => {
  const root = tree({ 'conf/other.yaml': 'paper: A4\n' });
  assert.equal(loadConfig({ cwd: root, configPath: 'conf/other.yaml' }).config.paper, 'A4');
  assert.throws(() => loadConfig({ cwd: root, configPath: 'nope.yaml' }), SopConfigError);
});

test('a config that breaks its schema names file, line, column and the problem', () => {
  const root = tree({ 'sop.config.yaml': 'lang: id\npaper: A3\nrules:\n  tidak-ada: warn\n' });
  try {
    loadConfig({ cwd: root });
    assert.fail('expected a SopConfigError');
  } catch (err) {
    assert.ok(err instanceof SopConfigError);
    assert.equal(err.file, 'sop.config.yaml');
    assert.equal(err.line, 2);
    assert.equal(err.column, 8);
    assert.match(err.message, /`A3` tidak diizinkan/);
    assert.match(err.message, /sop\.config\.yaml:4:3/);
  }
});

test('invalid YAML in the config is a config error with position', () => {
  const root = tree({ 'sop.config.yaml': 'lang: id\nlang: en\n' });
  assert.throws(() => loadConfig({ cwd: root }), (e: unknown) => e instanceof SopConfigError && e.line === 2);
});

test('memoized: an unchanged config is read once; an edited one (new mtime) is read again', () => {
  const root = tree({ 'sop.config.yaml': 'paper: F4\n' });
  const first = loadConfig({ cwd: root });
  assert.equal(loadConfig({ cwd: root }), first, 'the same object: not parsed again');
  const file = path.join(root, 'sop.config.yaml');
  writeFileSync(file, 'paper: A4\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
  const second = loadConfig({ cwd: root });
  assert.notEqual(second, first);
  assert.equal(second.config.paper, 'A4');
});
