// A pack whose decree is a PDF of its own (`pack.keputusan.file: keputusan.pdf`, here from ghostscript): its pages go in as they
// are, in the place of the decree, and the contents, bookmarks and page jumps around them stay right.
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { pdfInfo, pdfText, pdfXml, tempDir, writeRepo } from '../helpers/build.js';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const skip = !findBrowser() ? 'Chromium not found' : !has('pdftotext') ? 'poppler-utils not installed' : !has('gs') ? 'ghostscript not installed' : false;

let dir: string;
let cleanup: () => void;
let result: Awaited<ReturnType<typeof build>>;

/** A two-page decree as a scanner or an office suite would give it: not from Chromium, rewritten by ghostscript. */
async function decreePdf(file: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const t of ['KEPUTUSAN BERTANDA TANGAN halaman satu', 'KEPUTUSAN BERTANDA TANGAN halaman dua']) doc.addPage([595, 842]).drawText(t, { x: 60, y: 760, size: 14, font });
  const raw = `${file}.raw.pdf`;
  writeFileSync(raw, await doc.save());
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', `-sOutputFile=${file}`, raw]);
}

describe('a decree given as a PDF', { skip }, () => {
  before(async () => {
    ({ dir, cleanup } = tempDir('sop-decree-pdf-'));
    writeRepo(dir, {
      config: {
        pack: {
          id: 'paket',
          title: 'Paket Uji',
          year: 2025,
          keputusan: { nomor: '188/1/2025', tentang: 'SOP Uji', tanggal: '2025-01-02', file: 'keputusan.pdf' },
        },
      },
      sops: [
        { file: 'a/satu.md', nomor: 'S/1', nama: 'Layanan Satu' },
        { file: 'b/dua.md', nomor: 'S/2', nama: 'Layanan Dua' },
      ],
    });
    await decreePdf(path.join(dir, 'keputusan.pdf'));
    result = await build({ cwd: dir, concurrency: 2 });
  });
  after(() => cleanup?.());

  it('puts its two pages after the cover, and the rest of the pack after them', () => {
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(result.warnings, []);
    const pack = path.join(dir, '_site', 'paket.pdf');
    const pages = pdfInfo(pack).pages;
    assert.equal(result.packs[0].pages, pages);
    assert.match(pdfText(pack, 1), /Paket Uji/i);
    assert.match(pdfText(pack, 2), /KEPUTUSAN BERTANDA TANGAN halaman satu/);
    assert.match(pdfText(pack, 3), /KEPUTUSAN BERTANDA TANGAN halaman dua/);
    assert.match(pdfText(pack, 4), /Daftar Isi/i);
    // The contents give the pages where things really are.
    const toc = pdfText(pack, 4, true);
    const row = (label: string): number => Number(new RegExp(`${label}\\s+(\\d+)`).exec(toc)?.[1]);
    assert.equal(row('Keputusan Pimpinan'), 2);
    assert.equal(row('Daftar Isi'), 4);
    const start = result.packs[0].starts['a/satu'];
    assert.equal(row('Layanan Satu'), start);
    assert.match(pdfText(pack, start), /Layanan Satu/i);
    // Bookmarks and the contents' link to the decree.
    const xml = pdfXml(pack);
    assert.match(xml, /<item page="2">Keputusan Pimpinan<\/item>/);
    assert.match(xml, /<item page="4">Daftar Isi<\/item>/);
    assert.match(xml, new RegExp(`href="paket\\.html#2"`));
    assert.match(pdfInfo(pack).raw, /Tagged:\s+yes/);
  });

  it('links to the PDF from the pack page on the site', () => {
    const html = readFileSync(path.join(dir, '_site', 'paket.html'), 'utf8');
    const href = /<a href="(assets\/files\/[0-9a-f]{10}-keputusan\.pdf)">/.exec(html)?.[1];
    assert.ok(href, 'link to the decree PDF');
    assert.deepEqual(readFileSync(path.join(dir, '_site', href)), readFileSync(path.join(dir, 'keputusan.pdf')));
  });
});
