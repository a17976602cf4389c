// ObjectMover does what @cantoo/pdf-lib's PDFObjectCopier does: the same objects, numbered the same, so a file written
// after moving pages is byte for byte the file written after copying them (on pdf-lib's own output, and on files rewritten
// by qpdf with object streams and by ghostscript when those are installed).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// the classes the code under test uses: instanceof must agree
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFString, type PDFRef } from '../../src/print/pdf/lib.js';
import { ObjectMover, type ObjectTransfer } from '../../src/print/pdf/move.js';
import { convertPdf } from '../helpers/pdf-tools.js';

const N = (n: string) => PDFName.of(n);
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/**
 * Pages that inherit their MediaBox and Resources from the page tree, share one direct dictionary, point at each
 * other through link annotations (cycles through /P), and draw text (content streams and a font).
 */
async function source(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  const pages = [doc.addPage([400, 300]), doc.addPage([400, 300]), doc.addPage([400, 300])];
  pages.forEach((p, i) => p.drawText(`Halaman ${i + 1}`, { x: 40, y: 200, size: 18 }));
  const tree = doc.catalog.lookup(N('Pages'), PDFDict);
  tree.set(N('MediaBox'), ctx.obj([0, 0, 400, 300]));
  const resources = pages[0].node.get(N('Resources'));
  tree.set(N('Resources'), resources!);
  for (const p of pages) p.node.delete(N('MediaBox'));
  pages[2].node.delete(N('Resources'));
  const border = ctx.obj([0, 0, 1]); // one direct array used by every link
  pages.forEach((p, i) => {
    const annot = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 10, 90, 40], Border: border, P: p.ref, Dest: [pages[(i + 1) % 3].ref, 'Fit'] }));
    const uri = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 50, 90, 80], Border: border, A: ctx.obj({ S: 'URI', URI: PDFString.of('https://jdih.example.go.id/') }) }));
    p.node.set(N('Annots'), ctx.obj([annot, uri]));
    p.node.set(N('StructParents'), PDFNumber.of(i));
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The merged file when pages `taken` of `bytes` go into a new file through `transfer`. */
async function merged(bytes: Buffer, taken: number[], transfer: (src: PDFDocument, out: PDFDocument) => ObjectTransfer): Promise<Buffer> {
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const t = transfer(src, out);
  const srcPages = src.getPages();
  for (const p of taken) {
    const ref = t.copy(srcPages[p].ref) as PDFRef;
    out.addPage(PDFPage.of(out.context.lookup(ref) as PDFPageLeaf, ref, out));
  }
  return Buffer.from(await out.save({ useObjectStreams: false }));
}

const copier = (src: PDFDocument, out: PDFDocument): ObjectTransfer => PDFObjectCopier.for(src.context, out.context);
const mover = (src: PDFDocument, out: PDFDocument): ObjectTransfer => new ObjectMover(src.context, out.context);

let dir: string;
before(() => (dir = mkdtempSync(path.join(tmpdir(), 'sop-move-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const rewrite = (bytes: Buffer, name: string, run: (input: string, output: string) => void): Buffer => convertPdf(dir, bytes, name, run);

test('moving pages writes the same bytes as copying them, inherited attributes and all', async () => {
  const bytes = await source();
  for (const taken of [[0, 1, 2], [2, 0], [1]]) {
    const moved = await merged(bytes, taken, mover);
    assert.ok(moved.equals(await merged(bytes, taken, copier)), `pages ${taken.join(',')}`);
    // and what was moved is complete: each page has its box and resources, and nothing of the old page tree
    const doc = await PDFDocument.load(moved);
    for (const p of doc.getPages()) {
      assert.ok(p.node.get(N('MediaBox')), 'MediaBox written into the page');
      assert.ok(p.node.get(N('Resources')), 'Resources written into the page');
    }
    assert.equal(doc.getPageCount(), taken.length);
  }
});

test('the same on a file with object streams (qpdf)', { skip: !has('qpdf') && 'qpdf not installed' }, async () => {
  const bytes = rewrite(await source(), 'objstm', (i, o) => execFileSync('qpdf', ['--object-streams=generate', i, o]));
  assert.match(bytes.toString('latin1'), /\/ObjStm/);
  assert.ok((await merged(bytes, [0, 2], mover)).equals(await merged(bytes, [0, 2], copier)));
});

test('the same on a file from another producer (ghostscript)', { skip: !has('gs') && 'ghostscript not installed' }, async () => {
  const bytes = rewrite(await source(), 'gs', (i, o) => execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', `-sOutputFile=${o}`, i]));
  assert.ok((await merged(bytes, [1, 0], mover)).equals(await merged(bytes, [1, 0], copier)));
});
