// PDF assembly through @cantoo/pdf-lib: relinking, merging (tags, /Lang, outline, page jumps), and PDFs of other producers
// (object streams from qpdf, a ghostscript rewrite, an owner password) checked with poppler.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFPage } from '@cantoo/pdf-lib';
import { mergePdfs, pdfPageCount, relinkPdf, SopPdfError } from '../../src/print/pdf/assemble.js';
import { convertPdf } from '../helpers/pdf-tools.js';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const POPPLER = has('pdfinfo') && has('pdftotext') && has('pdftohtml');
const QPDF = has('qpdf');
const GS = has('gs');

/**
 * A small PDF like Chromium's: one text line per page, a URI link and a link to the named destination
 * `last` on page 1, and a structure tree (one /Document element per page, tagged content).
 */
async function samplePdf(texts: string[], uri: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const ctx = doc.context;
  const pages: PDFPage[] = texts.map((t) => {
    const page = doc.addPage([842, 595]);
    page.drawText(t, { x: 72, y: 520, size: 24, font });
    return page;
  });
  const last = pages[pages.length - 1];
  doc.catalog.set(PDFName.of('Dests'), ctx.obj({ last: [last.ref, 'Fit'] }));
  const link = (rect: number[], extra: Record<string, unknown>) => ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, ...extra } as never));
  pages[0].node.set(
    PDFName.of('Annots'),
    ctx.obj([link([60, 500, 300, 530], { A: ctx.obj({ S: 'URI', URI: PDFString.of(uri) }) }), link([60, 400, 300, 430], { Dest: 'last' })]),
  );
  const rootRef = ctx.nextRef();
  const elems = pages.map((p, i) => {
    p.node.set(PDFName.of('StructParents'), ctx.obj(i));
    return ctx.register(ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, Pg: p.ref, K: 0 }));
  });
  ctx.assign(rootRef, ctx.obj({ Type: 'StructTreeRoot', K: elems, ParentTree: ctx.obj({ Nums: elems.flatMap((e, i) => [i, ctx.obj([e])]) }), ParentTreeNextKey: elems.length }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
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

/** The catalog of a PDF as qpdf reads it (keys with their values, references as `n 0 R`). */
function catalogOf(buf: Buffer, name: string): { catalog: Record<string, unknown>; objects: Record<string, { value?: unknown }> } {
  const file = path.join(dir, name);
  writeFileSync(file, buf);
  const j = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8' })) as { qpdf: [unknown, Record<string, { value?: unknown }>] };
  const objects = j.qpdf[1];
  const trailer = objects.trailer.value as Record<string, string>;
  return { catalog: objects[`obj:${trailer['/Root']}`].value as Record<string, unknown>, objects };
}

/** Runs a Debian tool on `buf` and returns its output file. */
const convert = (buf: Buffer, name: string, run: (input: string, output: string) => void): Buffer => convertPdf(dir, buf, name, run);

describe('PDF assembly', { skip: !POPPLER && 'poppler-utils (pdfinfo, pdftotext, pdftohtml) not installed' }, () => {
  it('merges parts in order, with an outline, /Lang, both parts tags and cross-part links resolved to pages', async () => {
    const a = await samplePdf(['Sampul', 'Daftar Isi'], 'file:///tmp/x/sekretariat/b.html');
    const b = await samplePdf(['SOP B hal 1', 'SOP B hal 2', 'SOP B hal 3'], 'https://jdih.example.go.id/');
    const merged = await mergePdfs([a, b], {
      title: 'Paket Uji',
      lang: 'id',
      mapLink: (part, action) => (part === 0 && action.kind === 'uri' && action.uri.endsWith('b.html') ? { page: 2 } : undefined),
      outline: [{ title: 'Sampul', page: 0 }, { title: 'Bagian', page: 2, children: [{ title: 'SOP B', page: 2 }, { title: 'Catatan', page: 4 }] }],
    });
    assert.equal(merged.pages, 5);
    assert.deepEqual(merged.partStarts, [0, 2]);
    const p = poppler(merged.pdf, 'merged.pdf');
    assert.match(p.info, /Pages:\s+5/);
    assert.match(p.info, /Title:\s+Paket Uji/);
    assert.match(p.info, /Tagged:\s+yes/);
    const struct = spawnSync('pdfinfo', ['-struct-text', path.join(dir, 'merged.pdf')], { encoding: 'utf8' });
    assert.equal(struct.stderr, '', 'poppler reads the tag tree without a warning');
    assert.match(struct.stdout, /^Document\n  Part\n/);
    assert.match(p.text(1), /Sampul/);
    assert.match(p.text(3), /SOP B hal 1/);
    assert.match(p.text(5), /SOP B hal 3/);
    assert.match(p.xml, /<item page="1">Sampul<\/item>/);
    assert.match(p.xml, /<item page="3">Bagian<\/item>\s*<outline>\s*<item page="3">SOP B<\/item>\s*<item page="5">Catatan<\/item>/);
    assert.match(p.xml, /href="merged\.html#3"/, 'link of part 0 goes to page 3');
    // Each part's named destination `last` lands on that part's own last page (2 and 5).
    assert.match(p.xml, /link to page 2 /);
    assert.match(p.xml, /link to page 5 /);
    assert.match(p.xml, /href="https:\/\/jdih\.example\.go\.id\/"/);
    if (QPDF) {
      const { catalog, objects } = catalogOf(merged.pdf, 'merged-cat.pdf');
      assert.equal(catalog['/Lang'], 'u:id');
      const root = objects[`obj:${catalog['/StructTreeRoot'] as string}`].value as Record<string, unknown>;
      // one /Document under the root, holding the five top elements of both parts (each part's /Document made a /Part)
      const top = objects[`obj:${root['/K'] as string}`].value as Record<string, unknown>;
      assert.equal(top['/S'], '/Document');
      const parts = top['/K'] as string[];
      assert.equal(parts.length, 5);
      for (const ref of parts) {
        const el = objects[`obj:${ref}`].value as Record<string, unknown>;
        assert.equal(el['/S'], '/Part');
        assert.equal(el['/P'], root['/K']);
      }
      assert.equal(root['/ParentTreeNextKey'], 5, "part B's parent-tree keys follow part A's");
      const nums = ((objects[`obj:${root['/ParentTree'] as string}`]?.value ?? root['/ParentTree']) as { '/Nums': unknown[] })['/Nums'];
      assert.deepEqual(nums.filter((_, i) => i % 2 === 0), [0, 1, 2, 3, 4]);
    }
  });

  it('takes some pages of a part and sends links to the others where pageFor says', async () => {
    const front = await samplePdf(['Sampul', 'Kosong', 'Daftar Isi'], 'https://example.go.id/');
    const foreign = await samplePdf(['Keputusan'], 'https://example.go.id/');
    // Page 2 of `front` (index 1) is replaced by the foreign PDF; its link to `last` (index 2) goes to page 3.
    const merged = await mergePdfs([{ pdf: front, pages: [0] }, foreign, { pdf: front, pages: [2] }], {
      pageFor: (part, page) => (part === 0 && page === 2 ? 2 : undefined),
    });
    assert.equal(merged.pages, 3);
    const p = poppler(merged.pdf, 'subset.pdf');
    assert.match(p.text(2), /Keputusan/);
    assert.match(p.text(3), /Daftar Isi/);
    assert.doesNotMatch(p.text(1) + p.text(2) + p.text(3), /Kosong/);
    assert.match(p.xml, /link to page 3 /);
  });

  it('rewrites file: links of one PDF into links to other PDFs and reports its named destinations', async () => {
    const a = await samplePdf(['Identitas', 'Prosedur'], 'file:///tmp/build/mutasi/lain.html');
    const out = await relinkPdf(a, {
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
    assert.match(p.info, /Tagged:\s+yes/, 'the tags stay');
  });

  it('merges a PDF with object streams and an owner password (qpdf)', { skip: !QPDF && 'qpdf not installed' }, async () => {
    const src = await samplePdf(['Objek Bertingkat', 'Halaman Dua'], 'https://example.go.id/');
    const objstm = convert(src, 'objstm', (i, o) => execFileSync('qpdf', ['--object-streams=generate', i, o]));
    assert.match(objstm.toString('latin1'), /\/Type\s*\/ObjStm/, 'the input really has object streams');
    const locked = convert(src, 'owner', (i, o) => execFileSync('qpdf', ['--encrypt', '', 'rahasia', '256', '--', i, o]));
    assert.match(locked.toString('latin1'), /\/Encrypt/);
    const merged = await mergePdfs([objstm, locked], { title: 'Campuran' });
    const p = poppler(merged.pdf, 'mixed.pdf');
    assert.match(p.info, /Pages:\s+4/);
    assert.match(p.info, /Encrypted:\s+no/);
    assert.match(p.text(1), /Objek Bertingkat/);
    assert.match(p.text(3), /Objek Bertingkat/, 'the encrypted part is decrypted, not copied as noise');
    assert.match(p.text(4), /Halaman Dua/);
  });

  it('merges a PDF written by another producer (ghostscript pdfwrite)', { skip: !GS && 'ghostscript not installed' }, async () => {
    const src = await samplePdf(['Dari Ghostscript'], 'https://example.go.id/');
    const gs = convert(src, 'gs', (i, o) => execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', `-sOutputFile=${o}`, i]));
    assert.match(execFileSync('pdfinfo', [path.join(dir, 'gs-out.pdf')], { encoding: 'utf8' }), /Producer:\s+GPL Ghostscript/);
    const merged = await mergePdfs([await samplePdf(['Sampul'], 'https://example.go.id/'), gs]);
    assert.equal(await pdfPageCount(merged.pdf), 2);
    assert.match(poppler(merged.pdf, 'gs-merged.pdf').text(2), /Dari Ghostscript/);
  });

  it('refuses what is not a PDF with SopPdfError', async () => {
    await assert.rejects(pdfPageCount(Buffer.from('bukan PDF')), SopPdfError);
  });
});
