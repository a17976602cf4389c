// A real PDF of an SOP whose one kegiatan is 100 KB: the row is split across the flow pages and
// pdftotext finds every word of it, in order, up to its last one (before: cut silently at the page foot).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build } from '../../../src/api/build.js';
import { findBrowser } from '../../../src/print/browser.js';
import { hasTools, pdfInfo, pdfText, tempDir, writeRepo } from '../../helpers/build.js';

const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : !hasTools('pdftotext', 'pdfinfo') ? 'no poppler (pdftotext, pdfinfo)' : false;

describe('a 100 KB kegiatan in a built PDF', { skip }, () => {
  it('prints every word of it over several flow pages, marked "(lanjutan)"', { timeout: 240_000 }, async () => {
    const { dir, cleanup } = tempDir('sop-tall-row-');
    try {
      // 10 000 numbered words (about 100 KB): a lost, repeated or reordered word shows by its number.
      const words = Array.from({ length: 10_000 }, (_, i) => `kata${String(i + 1).padStart(5, '0')}`);
      const prosedur = [
        { kegiatan: 'Mengajukan permohonan', pelaksana: 'pemohon', kelengkapan: 'Formulir', waktu: '10 menit', output: 'Permohonan' },
        { kegiatan: `Memeriksa berkas: ${words.join(' ')} SELESAIPERIKSA`, pelaksana: 'petugas', kelengkapan: 'Permohonan', waktu: '15 menit', output: 'Berkas diperiksa', keputusan: { ya: 3, tidak: 1 } },
        { kegiatan: 'Menyetujui permohonan', pelaksana: 'kabid', kelengkapan: 'Berkas diperiksa', waktu: '1 jam', output: 'Persetujuan' },
        { kegiatan: 'Menerima hasil layanan', pelaksana: 'pemohon', kelengkapan: 'Persetujuan', waktu: '5 menit', output: 'Hasil diterima' },
      ];
      writeRepo(dir, { sops: [{ file: 'u/panjang.md', nomor: '001/SOP/A/2025', nama: 'SOP Kegiatan Panjang', extra: { prosedur } }] });
      const r = await build({ cwd: dir, env: process.env, formats: ['pdf'] });
      assert.ok(r.ok, JSON.stringify(r.ok ? '' : r.blocked));
      if (!r.ok) return;
      assert.deepEqual(r.failed, []);
      const pdf = path.join(dir, '_site/u/panjang.pdf');
      const { pages } = pdfInfo(pdf);
      const text = pdfText(pdf);
      const found = text.match(/kata\d{5}/g) ?? [];
      assert.deepEqual(found, words, 'every word once, in order');
      assert.ok(text.includes('SELESAIPERIKSA'), 'the end of the kegiatan is printed');
      assert.ok(text.includes('Menerima hasil layanan'), 'the rows after it are printed');
      const marks = (text.match(/\(lanjutan\)/g) ?? []).length;
      assert.ok(marks >= 10, `${marks} continued parts`);
      assert.ok(pages >= marks + 2, `${pages} pages`);
    } finally {
      cleanup();
    }
  });
});
