// Unit tests of the PDF reader/writer: merging keeps every page and its text, outlines and links point at the right pages (checked with poppler).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mergePdfs, parsePdf, relinkPdf, writePdf, type PdfObject } from '../../src/print/pdf/document.js';
import { PdfDict, PdfName, PdfRef, PdfString, type PdfValue } from '../../src/print/pdf/objects.js';

const n = (v: string) => new PdfName(v);
const ref = (i: number) => new PdfRef(i);

/** A small PDF like Chromium's: one text line per page, a URI link on page 1, a named destination. */
function samplePdf(texts: string[], uri: string): Buffer {
  const objects = new Map<number, PdfObject>();
  const pageNums = texts.map((_, i) => 10 + i * 2);
  objects.set(1, { value: new PdfDict([['Type', n('Catalog')], ['Pages', ref(2)], ['Dests', ref(3)]]) });
  objects.set(2, { value: new PdfDict([['Type', n('Pages')], ['Count', texts.length], ['Kids', pageNums.map(ref)], ['MediaBox', [0, 0, 842, 595]]]) });
  objects.set(3, { value: new PdfDict([['last', [ref(pageNums[pageNums.length - 1]), n('Fit')]]]) });
  objects.set(4, { value: new PdfDict([['Type', n('Font')], ['Subtype', n('Type1')], ['BaseFont', n('Helvetica')]]) });
  objects.set(5, {
    value: new PdfDict([
      ['Type', n('Annot')], ['Subtype', n('Link')], ['Rect', [60, 500, 300, 530]],
      ['A', new PdfDict([['S', n('URI')], ['URI', PdfString.fromText(uri)]])],
    ]),
  });
  objects.set(6, { value: new PdfDict([['Type', n('Annot')], ['Subtype', n('Link')], ['Rect', [60, 400, 300, 430]], ['Dest', n('last')]]) });
  texts.forEach((t, i) => {
    const content = Buffer.from(`BT /F1 24 Tf 72 520 Td (${t}) Tj ET`, 'latin1');
    const page = new PdfDict([
      ['Type', n('Page')], ['Parent', ref(2)], ['Contents', ref(pageNums[i] + 1)],
      ['Resources', new PdfDict([['Font', new PdfDict([['F1', ref(4)]])]])],
    ]);
    if (i === 0) page.set('Annots', [ref(5), ref(6)]);
    objects.set(pageNums[i], { value: page });
    objects.set(pageNums[i] + 1, { value: new PdfDict(), stream: content });
  });
  return writePdf(objects, 1);
}

let dir: string;
before(() => (dir = mkdtempSync(path.join(tmpdir(), 'sop-pdf-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

function poppler(buf: Buffer, name: string): { info: string; text: (p: number) => string; xml: string } {
  const file = path.join(dir, name);
  writeFileSync(file, buf);
  return {
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    text: (p) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' }),
    xml: execFileSync('pdftohtml', ['-xml', '-i', '-stdout', file], { encoding: 'utf8' }),
  };
}

describe('PDF files', () => {
  it('reads back what it writes, inherited page attributes included', () => {
    const f = parsePdf(samplePdf(['Satu', 'Dua'], 'https://example.go.id'));
    assert.equal(f.pages.length, 2);
    const page = f.objects.get(f.pages[1])!.value as PdfDict;
    assert.deepEqual(page.get('MediaBox'), [0, 0, 842, 595]);
  });

  it('merges parts in order, with an outline and cross-part links resolved to pages', () => {
    const a = samplePdf(['Sampul', 'Daftar Isi'], 'file:///tmp/x/sekretariat/b.html');
    const b = samplePdf(['SOP B hal 1', 'SOP B hal 2', 'SOP B hal 3'], 'https://jdih.example.go.id/');
    const merged = mergePdfs([a, b], {
      title: 'Paket Uji',
      mapLink: (part, action) => (part === 0 && action.kind === 'uri' && action.uri.endsWith('b.html') ? { page: 2 } : undefined),
      outline: [{ title: 'Sampul', page: 0 }, { title: 'Bagian', page: 2, children: [{ title: 'SOP B', page: 2 }, { title: 'Catatan', page: 4 }] }],
    });
    assert.equal(merged.pages, 5);
    assert.deepEqual(merged.partStarts, [0, 2]);
    const p = poppler(merged.pdf, 'merged.pdf');
    assert.match(p.info, /Pages:\s+5/);
    assert.match(p.info, /Title:\s+Paket Uji/);
    assert.match(p.text(1), /Sampul/);
    assert.match(p.text(3), /SOP B hal 1/);
    assert.match(p.text(5), /SOP B hal 3/);
    // Outline entries and the internal link, as poppler reads them.
    assert.match(p.xml, /<item page="1">Sampul<\/item>/);
    assert.match(p.xml, /<item page="3">Bagian<\/item>\s*<outline>\s*<item page="3">SOP B<\/item>\s*<item page="5">Catatan<\/item>/);
    assert.match(p.xml, /href="merged\.html#3"/, 'link of part 0 goes to page 3');
    // Each part's named destination `last` lands on that part's own last page (2 and 5).
    assert.match(p.xml, /link to page 2 /);
    assert.match(p.xml, /link to page 5 /);
    assert.match(p.xml, /href="https:\/\/jdih\.example\.go\.id\/"/);
  });

  it('rewrites file: links of one PDF into links to other PDFs and reports its named destinations', () => {
    const a = samplePdf(['Identitas', 'Prosedur'], 'file:///tmp/build/mutasi/lain.html');
    const out = relinkPdf(a, {
      mapLink: (action) => (action.kind === 'uri' && action.uri.startsWith('file:') ? { file: '../mutasi/lain.pdf' } : undefined),
      outline: (dests) => [{ title: 'Terakhir', page: dests.get('last')! }],
      title: 'SOP Uji',
    });
    assert.equal(out.pages, 2);
    assert.equal(out.dests.get('last'), 1);
    const p = poppler(out.pdf, 'relinked.pdf');
    assert.match(p.xml, /href="\.\.\/mutasi\/lain\.pdf"/);
    assert.match(p.xml, /<item page="2">Terakhir<\/item>/);
    assert.match(p.info, /Title:\s+SOP Uji/);
  });
});
