// A body holding one 1 MB word prints (before: Chromium's print of the unbroken word passed its
// 120 s limit and the SOP failed); the word wraps at the page edge and nothing of it is lost.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { pdfInfo, tempDir, writeRepo } from '../helpers/build.js';

const noBrowser = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;
const noPoppler = spawnSync('pdftotext', ['-v']).error ? 'pdftotext (poppler-utils) is not installed' : false;

describe('a 1 MB word in the body', { skip: noBrowser || noPoppler }, () => {
  it('prints, wrapped inside the page, every character kept', { timeout: 240_000 }, async () => {
    const { dir, cleanup } = tempDir('sop-long-word-');
    try {
      const word = 'pelaksanaan'.repeat(95_000);
      writeRepo(dir, { sops: [{ file: 'u/s1.md', nomor: '001/SOP/A/2025', nama: 'SOP Kata Panjang', body: `Awal ${word} akhir.\n` }] });
      const r = await build({ cwd: dir, env: process.env, formats: ['pdf'] });
      assert.ok(r.ok);
      if (!r.ok) return;
      assert.deepEqual(r.failed, []);
      const pdf = path.join(dir, '_site/u/s1.pdf');
      const { pages, size } = pdfInfo(pdf);
      assert.ok(pages > 100, `${pages} pages`);
      // pdftotext keeps the lines: joined again they are the word; no line is wider than the page
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const body = text.slice(text.indexOf('Awal') + 4, text.indexOf('akhir.'));
      const lines = body.split('\n').map((l) => l.trim()).filter((l) => /^[a-z]+$/.test(l));
      assert.equal(lines.join(''), word);
      assert.ok(size[0] > size[1]);
    } finally {
      cleanup();
    }
  });
});
