// Build side of the containment rule: nothing behind a symlink out of the repository reaches the site
// (linked documents, images, folders of SOPs, pack texts).
import { describe, it, beforeEach, afterEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { sopText, tempDir, writeRepo } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('build: containment', () => {
  let base: string;
  let cleanup: () => void;
  let repo: string;
  let outside: string;
  beforeEach(() => {
    ({ dir: base, cleanup } = tempDir('sop-build-contain-'));
    repo = path.join(base, 'repo');
    outside = path.join(base, 'luar');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'rahasia.txt'), 'KATA-SANDI-RAHASIA\n');
    writeFileSync(path.join(outside, 'foto.png'), 'RAHASIA-PNG');
  });
  afterEach(() => cleanup());

  it('does not copy a linked document or image whose symlink leads outside', async () => {
    writeRepo(repo, {
      sops: [{ file: 'a.md', nomor: '001/SOP/A/2025', nama: 'Surat Masuk', body: 'Lihat [catatan](catatan.txt) dan ![foto](foto.png).\n' }],
    });
    symlinkSync(path.join(outside, 'rahasia.txt'), path.join(repo, 'catatan.txt'));
    symlinkSync(path.join(outside, 'foto.png'), path.join(repo, 'foto.png'));
    const r = await build({ launch: chromium.launch, cwd: repo, formats: ['html'], outDir: path.join(repo, '_site') });
    assert.equal(r.ok, true);
    const texts = allFiles(path.join(repo, '_site')).map((f) => readFileSync(f, 'latin1'));
    assert.ok(!texts.some((t) => t.includes('KATA-SANDI-RAHASIA') || t.includes('RAHASIA-PNG')), 'outside content was published');
  });

  it('refuses a pack text given as ../ out of the repository (lint blocks the build with path-outside)', async () => {
    writeRepo(repo, {
      config: { pack: { title: 'Paket', year: 2025, penjelasan: '../luar/rahasia.txt' } },
      sops: [{ file: 'a.md', nomor: '001/SOP/A/2025', nama: 'Surat Masuk' }],
    });
    const r = await build({ launch: chromium.launch, cwd: repo, formats: ['html'], outDir: path.join(repo, '_site') });
    assert.equal(r.ok, false);
    assert.deepEqual(r.lint.results.flatMap((f) => f.diagnostics.map((d) => `${d.file} ${d.ruleId}`)), ['sop.config.yaml path-outside']);
    assert.ok(!existsSync(path.join(repo, '_site')));
    // with --force the SOPs build and the pack leaves the outside text out
    const f = await build({ launch: chromium.launch, cwd: repo, formats: ['html'], outDir: path.join(repo, '_site'), force: true });
    assert.equal(f.ok, true);
    assert.ok(!allFiles(path.join(repo, '_site')).some((x) => readFileSync(x, 'latin1').includes('KATA-SANDI-RAHASIA')));
  });

  it('does not build a folder of SOPs linked from outside', async () => {
    writeRepo(repo, { sops: [{ file: 'a.md', nomor: '001/SOP/A/2025', nama: 'Surat Masuk' }] });
    mkdirSync(path.join(outside, 'sop'));
    writeFileSync(path.join(outside, 'sop/b.md'), sopText({ file: 'b.md', nomor: '002/SOP/LUAR/2025', nama: 'SOP Luar' }));
    symlinkSync(path.join(outside, 'sop'), path.join(repo, 'luar'));
    const r = await build({ launch: chromium.launch, cwd: repo, formats: ['html'], outDir: path.join(repo, '_site'), force: true });
    assert.equal(r.ok, true);
    assert.ok(!allFiles(path.join(repo, '_site')).some((x) => readFileSync(x, 'latin1').includes('SOP Luar')));
  });
});
