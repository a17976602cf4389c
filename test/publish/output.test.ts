// Unit tests of the output folder: refusals that protect sources, recovery of an interrupted swap, the swap itself.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SopUsageError } from '../../src/core/errors.js';
import { MANIFEST_NAME } from '../../src/publish/cache/manifest.js';
import { checkOutputDir, recoverOutput, swapIn } from '../../src/publish/output.js';
import { tempDir } from '../helpers/build.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('sop-out-')));
afterEach(() => cleanup());

const check = (outDir: string, sources: string[] = []) =>
  checkOutputDir({ outDir, configDir: path.join(dir, 'repo'), sources, cwd: dir, lang: 'en' });

describe('checkOutputDir', () => {
  it('accepts a new folder or one sop wrote before', () => {
    check(path.join(dir, 'repo', '_site'), [path.join(dir, 'repo', 'a.md')]);
    mkdirSync(path.join(dir, 'old'));
    writeFileSync(path.join(dir, 'old', MANIFEST_NAME), '{}');
    writeFileSync(path.join(dir, 'old', 'index.html'), '');
    check(path.join(dir, 'old'));
  });
  it('refuses the config folder itself, or a folder holding it', () => {
    assert.throws(() => check(path.join(dir, 'repo')), (e: Error) => e instanceof SopUsageError && /contains the SOP sources/.test(e.message));
    assert.throws(() => check(dir), SopUsageError);
  });
  it('refuses a folder holding an input file', () => {
    const src = path.join(dir, 'elsewhere', 'sop', 'a.md');
    assert.throws(() => check(path.join(dir, 'elsewhere'), [src]), (e: Error) => /contains the source file/.test(e.message));
  });
  it('refuses a non-empty folder sop did not write, and a file', () => {
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', 'notes.txt'), 'mine');
    assert.throws(() => check(path.join(dir, 'docs')), (e: Error) => /did not write/.test(e.message));
    writeFileSync(path.join(dir, 'file'), '');
    assert.throws(() => check(path.join(dir, 'file')), (e: Error) => /not a folder/.test(e.message));
  });
});

describe('swap and recovery', () => {
  it('replaces the output in one step and leaves no temp folder', async () => {
    const out = path.join(dir, '_site');
    mkdirSync(out);
    writeFileSync(path.join(out, 'a.txt'), 'old');
    const tmp = path.join(dir, '._site.sop-tmp-1-x');
    mkdirSync(tmp);
    writeFileSync(path.join(tmp, 'a.txt'), 'new');
    await swapIn(tmp, out);
    assert.equal(readFileSync(path.join(out, 'a.txt'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir), ['_site']);
  });
  it('puts back an output a killed swap had moved aside, and removes dead temp folders', async () => {
    const out = path.join(dir, '_site');
    const backup = path.join(dir, '._site.sop-old-999999999-abc');
    mkdirSync(backup);
    writeFileSync(path.join(backup, 'index.html'), 'previous');
    // pid 999999999 does not exist: its temp folder is a leftover
    mkdirSync(path.join(dir, '._site.sop-tmp-999999999-zz'));
    await recoverOutput(out);
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), 'previous');
    assert.ok(!existsSync(backup));
    assert.deepEqual(readdirSync(dir), ['_site']);
  });
});
