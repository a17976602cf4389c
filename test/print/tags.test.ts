// dissolveGroupingElements: plain /NonStruct elements give their content to their parent, and the tag tree stays
// consistent (every marked-content id owned by the element its page's parent-tree entry names), on a hand-made
// tree and on what Chromium prints.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// the classes the code under test uses (the library's single-file build): instanceof must agree
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFObject } from '../../src/print/pdf/lib.js';
import { relinkPdf } from '../../src/print/pdf/assemble.js';
import { dissolveGroupingElements } from '../../src/print/pdf/tags.js';
import { findBrowser, launchBrowser } from '../../src/print/browser.js';

const N = (n: string) => PDFName.of(n);
const kids = (k: PDFObject | undefined): PDFObject[] => (k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k]);

interface TreeFacts {
  /** `page objectNumber:mcid` -> owning element. */
  owners: Map<string, PDFRef>;
  /** element -> its parent element (undefined for the root's kids). */
  parents: Map<PDFRef, PDFRef | undefined>;
  types: Map<PDFRef, string>;
  problems: string[];
}

/** Reads a tag tree the way a checker would, independently of the code under test. */
function tagTree(doc: PDFDocument): TreeFacts {
  const ctx = doc.context;
  const facts: TreeFacts = { owners: new Map(), parents: new Map(), types: new Map(), problems: [] };
  const root = doc.catalog.lookup(N('StructTreeRoot'), PDFDict);
  const walk = (ref: PDFRef, parent: PDFRef | undefined, inherited: PDFObject | undefined): void => {
    const d = ctx.lookup(ref, PDFDict);
    facts.parents.set(ref, parent);
    facts.types.set(ref, String(d.get(N('S'))));
    if (parent && d.get(N('P')) !== parent) facts.problems.push(`${ref} /P is ${String(d.get(N('P')))}, not ${parent}`);
    const page = d.get(N('Pg')) ?? inherited;
    for (const k of kids(d.get(N('K')))) {
      const obj = k instanceof PDFRef ? ctx.lookup(k) : k;
      if (k instanceof PDFNumber) facts.owners.set(`${String(page)}:${k.asNumber()}`, ref);
      else if (obj instanceof PDFDict && obj.get(N('Type')) === N('MCR')) facts.owners.set(`${String(obj.get(N('Pg')) ?? page)}:${(obj.get(N('MCID')) as PDFNumber).asNumber()}`, ref);
      else if (obj instanceof PDFDict && obj.get(N('Type')) === N('OBJR')) continue;
      else if (k instanceof PDFRef) walk(k, ref, page);
      else facts.problems.push(`${ref} has a kid of unknown kind: ${String(k)}`);
    }
  };
  for (const top of kids(root.get(N('K')))) walk(top as PDFRef, undefined, undefined);
  // the parent tree: page key -> array of owners by mcid
  const nums = new Map<number, PDFObject>();
  const flatten = (node: PDFDict): void => {
    const list = node.lookupMaybe(N('Nums'), PDFArray);
    for (let i = 0; list && i + 1 < list.size(); i += 2) nums.set((list.get(i) as PDFNumber).asNumber(), list.get(i + 1));
    const ks = node.lookupMaybe(N('Kids'), PDFArray);
    for (let i = 0; ks && i < ks.size(); i++) flatten(ks.lookup(i, PDFDict));
  };
  flatten(root.lookup(N('ParentTree'), PDFDict));
  for (const p of doc.getPages()) {
    const key = p.node.get(N('StructParents'));
    if (!(key instanceof PDFNumber)) continue;
    const list = ctx.lookup(nums.get(key.asNumber()));
    if (!(list instanceof PDFArray)) {
      facts.problems.push(`page ${p.ref}: no parent-tree array`);
      continue;
    }
    for (let mcid = 0; mcid < list.size(); mcid++) {
      const entry = list.get(mcid);
      if (!(entry instanceof PDFRef)) continue;
      const owner = facts.owners.get(`${p.ref}:${mcid}`);
      if (owner !== entry) facts.problems.push(`page ${p.ref} mcid ${mcid}: parent tree says ${entry}, the tree says ${owner}`);
      if (!ctx.lookup(entry)) facts.problems.push(`page ${p.ref} mcid ${mcid}: ${entry} does not exist`);
    }
  }
  return facts;
}

const plainGroups = (f: TreeFacts): number => [...f.types.values()].filter((t) => t === '/NonStruct').length;

test('grouping elements give marked content, elements and object references to their parent, in order', async () => {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  const [p1, p2] = [doc.addPage([200, 200]), doc.addPage([200, 200])];
  p1.node.set(N('StructParents'), PDFNumber.of(0));
  p2.node.set(N('StructParents'), PDFNumber.of(1));
  const rootRef = ctx.nextRef();
  const [docRef, para, g1, g2, g3, g4, keep, link] = Array.from({ length: 8 }, () => ctx.nextRef());
  const annot = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], StructParent: 2 }));
  ctx.assign(docRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, Pg: p1.ref, K: [g1, para, g3, keep, link] }));
  ctx.assign(g1, ctx.obj({ Type: 'StructElem', S: 'NonStruct', P: docRef, Pg: p1.ref, K: 0 }));
  // a paragraph without /Pg holding a group in a group: its mcid needs a marked-content reference naming page 1
  ctx.assign(para, ctx.obj({ Type: 'StructElem', S: 'P', P: docRef, K: g2 }));
  ctx.assign(g2, ctx.obj({ Type: 'StructElem', S: 'NonStruct', P: para, K: [g4] }));
  ctx.assign(g4, ctx.obj({ Type: 'StructElem', S: 'NonStruct', P: g2, Pg: p1.ref, K: 1 }));
  // content on page 2 moving into an element of page 1
  ctx.assign(g3, ctx.obj({ Type: 'StructElem', S: 'NonStruct', P: docRef, Pg: p2.ref, K: 0 }));
  // a group that says something (its language) stays
  ctx.assign(keep, ctx.obj({ Type: 'StructElem', S: 'NonStruct', P: docRef, Pg: p2.ref, Lang: 'en', K: 1 }));
  ctx.assign(link, ctx.obj({ Type: 'StructElem', S: 'NonStruct', P: docRef, Pg: p1.ref, K: ctx.obj({ Type: 'OBJR', Obj: annot }) }));
  const parentTree = ctx.obj({ Nums: [0, ctx.obj([g1, g4]), 1, ctx.obj([g3, keep]), 2, link] });
  ctx.assign(rootRef, ctx.obj({ Type: 'StructTreeRoot', K: docRef, ParentTree: parentTree, ParentTreeNextKey: 3 }));
  doc.catalog.set(N('StructTreeRoot'), rootRef);
  const before = tagTree(doc);
  assert.deepEqual(before.problems, []);

  assert.equal(dissolveGroupingElements(doc), 5);
  const after = tagTree(doc);
  assert.deepEqual(after.problems, []);
  const docKids = kids(ctx.lookup(docRef, PDFDict).get(N('K')));
  assert.equal(docKids.length, 5);
  assert.equal((docKids[0] as PDFNumber).asNumber(), 0, 'same page: the mcid itself');
  assert.equal(docKids[1], para);
  const mcr = docKids[2] as PDFDict;
  assert.equal(mcr.get(N('Type')), N('MCR'));
  assert.equal(mcr.get(N('Pg')), p2.ref);
  assert.equal((mcr.get(N('MCID')) as PDFNumber).asNumber(), 0);
  assert.equal(docKids[3], keep);
  assert.equal((docKids[4] as PDFDict).get(N('Type')), N('OBJR'));
  const paraK = ctx.lookup(para, PDFDict).get(N('K')) as PDFDict;
  assert.equal(paraK.get(N('Pg')), p1.ref);
  assert.equal((paraK.get(N('MCID')) as PDFNumber).asNumber(), 1);
  // owners: the nearest element that stays
  assert.equal(after.owners.get(`${p1.ref}:0`), docRef);
  assert.equal(after.owners.get(`${p1.ref}:1`), para);
  assert.equal(after.owners.get(`${p2.ref}:0`), docRef);
  assert.equal(after.owners.get(`${p2.ref}:1`), keep);
  const nums = parentTree.lookup(N('Nums'), PDFArray);
  assert.equal(nums.get(5), docRef, "the annotation's entry names the new owner");
  for (const gone of [g1, g2, g3, g4, link]) assert.equal(ctx.lookup(gone), undefined, `${gone} removed`);
  // nothing left to do the second time
  assert.equal(dissolveGroupingElements(doc), 0);
});

test('a file without tags is left alone', async () => {
  const doc = await PDFDocument.create();
  doc.addPage();
  assert.equal(dissolveGroupingElements(doc), 0);
});

const chromium = findBrowser();
let dir: string;
before(() => (dir = mkdtempSync(path.join(tmpdir(), 'sop-tags-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

test('what Chromium prints: same owners (the nearest non-grouping ancestor), a consistent tree, the same text', { skip: !chromium && 'Chromium not found' }, async () => {
  const browser = await launchBrowser();
  let raw: Buffer;
  try {
    const page = await browser.newPage();
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td><div><span>Kegiatan ${i + 1}</span></div></td><td><div>Pelaksana <b>${i % 3}</b></div></td></tr>`).join('');
    await page.setContent(`<!doctype html><html lang="id"><body><main><h1>Judul <em>SOP</em></h1><div><div><p>Dasar hukum:</p><ol><li><div>Undang-Undang Nomor 30 Tahun 2014</div></li><li>Peraturan <a href="https://jdih.example.go.id/">Menteri</a></li></ol></div></div><table><thead><tr><th>Kegiatan</th><th>Pelaksana</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`);
    raw = Buffer.from(await page.pdf({ format: 'A4', printBackground: true, tagged: true, outline: false }));
  } finally {
    await browser.close();
  }
  const before = tagTree(await PDFDocument.load(raw));
  assert.deepEqual(before.problems, []);
  assert.ok(plainGroups(before) > 20, `Chromium made grouping elements (${plainGroups(before)})`);
  const { pdf } = await relinkPdf(raw, {});
  const doc = await PDFDocument.load(pdf);
  const after = tagTree(doc);
  assert.deepEqual(after.problems, []);
  assert.equal(plainGroups(after), 0);
  assert.ok(doc.context.enumerateIndirectObjects().length < (await PDFDocument.load(raw)).context.enumerateIndirectObjects().length);
  // every piece of marked content is still owned, by the nearest ancestor that is not a grouping element
  assert.deepEqual([...after.owners.keys()].sort(), [...before.owners.keys()].sort());
  const kept = (ref: PDFRef | undefined): PDFRef | undefined => (ref && before.types.get(ref) === '/NonStruct' ? kept(before.parents.get(ref)) : ref);
  for (const [key, owner] of before.owners) assert.equal(String(after.owners.get(key)), String(kept(owner)), key);
  // the element types that carry meaning are all still there
  const count = (f: TreeFacts) => [...f.types.values()].filter((t) => t !== '/NonStruct').sort();
  assert.deepEqual(count(after), count(before));
  if (spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0) {
    const text = (buf: Buffer, name: string) => {
      writeFileSync(path.join(dir, name), buf);
      return execFileSync('pdftotext', [path.join(dir, name), '-'], { encoding: 'utf8' });
    };
    assert.equal(text(pdf, 'after.pdf'), text(raw, 'before.pdf'));
  }
});
