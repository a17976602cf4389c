// PDF assembly through @cantoo/pdf-lib: re-links a printed PDF's links, sets its outline, and merges PDFs (any producer) into a pack
// that keeps /Lang, the parts' tags where they have them, bookmarks and page jumps.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from './lib.js';

/** What a link annotation does, as found in the file. */
export type LinkAction = { kind: 'uri'; uri: string } | { kind: 'file'; file: string };

/** What a link should do instead: go to a page of this file, open a URI, open another PDF; `null` removes the link. */
export type LinkTarget = { page: number } | { uri: string } | { file: string } | null;

/** Decides a link's new target; undefined keeps the link as it is. */
export type LinkMapper = (action: LinkAction) => LinkTarget | undefined;

export interface OutlineItem {
  title: string;
  /** 0-based page index in the file being written. */
  page: number;
  children?: OutlineItem[];
  /** Children hidden until the reader opens the item. */
  closed?: boolean;
}

import { SopPdfError } from './errors.js';
import { ObjectMover, type ObjectTransfer } from './move.js';
import { dissolveGroupingElements } from './tags.js';

export { SopPdfError };

const N = (n: string): PDFName => PDFName.of(n);
const LOAD = { updateMetadata: false, parseSpeed: Infinity } as const;
// Classic cross-reference table: the object-stream writer of this version spends seconds on a 400-page pack (measured).
const SAVE = { objectsPerTick: Infinity, useObjectStreams: false } as const;

async function load(buf: Uint8Array): Promise<PDFDocument> {
  try {
    // An owner password only restricts editing: the library decrypts with the empty user password.
    return await PDFDocument.load(buf, { ...LOAD, password: '' });
  } catch (err) {
    throw new SopPdfError((err as Error).message.split('\n')[0]);
  }
}

/** The number of pages of a PDF; throws SopPdfError when it cannot be read. */
export async function pdfPageCount(buf: Uint8Array): Promise<number> {
  return (await load(buf)).getPageCount();
}

function text(o: PDFObject | undefined): string | undefined {
  return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;
}

function readAction(ctx: PDFContext, annot: PDFDict): LinkAction | undefined {
  const a = ctx.lookupMaybe(annot.get(N('A')), PDFDict);
  if (!a) return undefined;
  const kind = a.get(N('S'));
  if (kind === N('URI')) {
    const uri = text(ctx.lookup(a.get(N('URI'))));
    return uri !== undefined ? { kind: 'uri', uri } : undefined;
  }
  if (kind === N('GoToR')) {
    const f = ctx.lookup(a.get(N('F')));
    const file = f instanceof PDFDict ? text(ctx.lookup(f.get(N('UF')) ?? f.get(N('F')))) : text(f);
    return file !== undefined ? { kind: 'file', file } : undefined;
  }
  return undefined;
}

/** Named destination -> page index, from the catalog's /Dests dictionary or its /Names tree. */
function namedDests(doc: PDFDocument): Map<string, number> {
  const ctx = doc.context;
  const index = new Map(doc.getPages().map((p, i) => [p.ref, i]));
  const out = new Map<string, number>();
  const add = (name: string, value: PDFObject | undefined): void => {
    let v = ctx.lookup(value);
    if (v instanceof PDFDict) v = ctx.lookup(v.get(N('D')));
    const page = v instanceof PDFArray ? v.get(0) : undefined;
    if (page instanceof PDFRef && index.has(page)) out.set(name, index.get(page)!);
  };
  const dests = doc.catalog.lookupMaybe(N('Dests'), PDFDict);
  if (dests) for (const [k, v] of dests.entries()) add(k.decodeText(), v);
  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (!node || depth > 32) return;
    const names = node.lookupMaybe(N('Names'), PDFArray);
    if (names) for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = text(names.lookup(i));
      if (key !== undefined) add(key, names.get(i + 1));
    }
    const kids = node.lookupMaybe(N('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(doc.catalog.lookupMaybe(N('Names'), PDFDict)?.lookupMaybe(N('Dests'), PDFDict), 0);
  return out;
}

/** The page a link's /Dest points to (named or explicit), as a page index of its own file. */
function destPage(doc: PDFDocument, dests: Map<string, number>, pageIndex: Map<PDFRef, number>, annot: PDFDict): number | undefined {
  const d = doc.context.lookup(annot.get(N('Dest')));
  if (d instanceof PDFName) return dests.get(d.decodeText());
  const named = text(d);
  if (named !== undefined) return dests.get(named);
  const page = d instanceof PDFArray ? d.get(0) : undefined;
  return page instanceof PDFRef ? pageIndex.get(page) : undefined;
}

function links(doc: PDFDocument, page: PDFPage): PDFDict[] {
  const annots = page.node.Annots();
  if (!annots) return [];
  const out: PDFDict[] = [];
  for (let i = 0; i < annots.size(); i++) {
    const a = annots.lookupMaybe(i, PDFDict);
    if (a && a.get(N('Subtype')) === N('Link')) out.push(a);
  }
  return out;
}

/**
 * Points a link somewhere else. `pageDest` gives the destination array of a page target; files become
 * GoToR actions, which every reader resolves relative to the PDF.
 */
function setTarget(ctx: PDFContext, annot: PDFDict, target: Exclude<LinkTarget, null>, pageDest: (page: number) => PDFArray): void {
  annot.delete(N('A'));
  annot.delete(N('Dest'));
  if ('page' in target) annot.set(N('Dest'), pageDest(target.page));
  else if ('uri' in target) annot.set(N('A'), ctx.obj({ Type: 'Action', S: 'URI', URI: PDFString.of(target.uri) }));
  else annot.set(N('A'), ctx.obj({ Type: 'Action', S: 'GoToR', F: PDFString.of(target.file), D: [0, 'Fit'], NewWindow: false }));
}

function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  const ctx = doc.context;
  const pages = doc.getPages();
  const pageRef = (i: number): PDFRef => pages[Math.max(0, Math.min(i, pages.length - 1))].ref;
  const visible = (list: OutlineItem[]): number => list.reduce((n, it) => n + 1 + (it.children && !it.closed ? visible(it.children) : 0), 0);
  const level = (list: OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = list.map(() => ctx.nextRef());
    list.forEach((it, i) => {
      const d = ctx.obj({ Title: PDFHexString.fromText(it.title), Parent: parent, Dest: [pageRef(it.page), 'Fit'] });
      if (i > 0) d.set(N('Prev'), refs[i - 1]);
      if (i + 1 < refs.length) d.set(N('Next'), refs[i + 1]);
      if (it.children?.length) {
        const sub = level(it.children, refs[i]);
        d.set(N('First'), sub.first);
        d.set(N('Last'), sub.last);
        const n = it.closed ? it.children.length : visible(it.children);
        d.set(N('Count'), PDFNumber.of(it.closed ? -n : n));
      }
      ctx.assign(refs[i], d);
    });
    return { first: refs[0], last: refs[refs.length - 1] };
  };
  const rootRef = ctx.nextRef();
  const root = ctx.obj({ Type: 'Outlines' });
  if (items.length) {
    const top = level(items, rootRef);
    root.set(N('First'), top.first);
    root.set(N('Last'), top.last);
    root.set(N('Count'), PDFNumber.of(visible(items)));
  }
  ctx.assign(rootRef, root);
  doc.catalog.set(N('Outlines'), rootRef);
  doc.catalog.set(N('PageMode'), N('UseOutlines'));
}

export interface RelinkOptions {
  mapLink?: LinkMapper;
  /** Replaces the file's outline (bookmarks); gets the page of every named destination (element id). */
  outline?: (dests: Map<string, number>) => OutlineItem[];
  title?: string;
}

/** Rewrites one PDF's links (e.g. file:// URLs of the build folder) and outline; everything else, tags included, stays. */
export async function relinkPdf(buf: Uint8Array, opts: RelinkOptions): Promise<{ pdf: Buffer; pages: number; dests: Map<string, number> }> {
  const doc = await load(buf);
  const ctx = doc.context;
  const dests = namedDests(doc);
  const pages = doc.getPages();
  const pageIndex = new Map(pages.map((p, i) => [p.ref, i]));
  const pageDest = (i: number): PDFArray => ctx.obj([pages[Math.max(0, Math.min(i, pages.length - 1))].ref, 'Fit']);
  for (const page of pages) {
    for (const annot of links(doc, page)) {
      // Named destinations resolved to pages: the file can then lose its name table when merged.
      const own = annot.has(N('Dest')) ? destPage(doc, dests, pageIndex, annot) : undefined;
      if (own !== undefined) annot.set(N('Dest'), pageDest(own));
      const action = readAction(ctx, annot);
      const target = action && opts.mapLink ? opts.mapLink(action) : undefined;
      if (target === null) annot.set(N('Rect'), ctx.obj([0, 0, 0, 0]));
      else if (target !== undefined) setTarget(ctx, annot, target, pageDest);
    }
  }
  // a printed file is made once and merged into its packs at every rebuild: its tags are made lean here
  dissolveGroupingElements(doc);
  if (opts.outline) writeOutline(doc, opts.outline(dests));
  if (opts.title !== undefined) doc.setTitle(opts.title);
  return { pdf: Buffer.from(await doc.save(SAVE)), pages: pages.length, dests };
}

/** One part of a merge: a PDF, or some of its pages. */
export interface MergePart {
  pdf: Uint8Array;
  /** Page indexes to take, in order; default all. A part that leaves pages out brings no tags. */
  pages?: number[];
}

export interface MergeOptions {
  /** Link rewriting per part (part index, action). */
  mapLink?: (part: number, action: LinkAction) => LinkTarget | undefined;
  /** Where a link to a page a part leaves out goes instead (part, its page index) -> page of the merged file. */
  pageFor?: (part: number, page: number) => number | undefined;
  outline?: OutlineItem[];
  title?: string;
  /** The document's language (/Lang), e.g. `id`. */
  lang?: string;
  producer?: string;
}

/** The tags (structure tree) of the merged file, filled part by part. */
interface Tags {
  kids: PDFRef[];
  nums: PDFObject[];
  next: number;
  roleMap?: PDFDict;
}

/** Flattens a number tree into [key, value] pairs. */
function numberTree(node: PDFDict | undefined, depth = 0, out: [number, PDFObject][] = []): [number, PDFObject][] {
  if (!node || depth > 32) return out;
  const nums = node.lookupMaybe(N('Nums'), PDFArray);
  if (nums) for (let i = 0; i + 1 < nums.size(); i += 2) {
    const k = nums.lookup(i);
    if (k instanceof PDFNumber) out.push([k.asNumber(), nums.get(i + 1)]);
  }
  const kids = node.lookupMaybe(N('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) numberTree(kids.lookupMaybe(i, PDFDict), depth + 1, out);
  return out;
}

function shiftKey(dict: PDFDict | undefined, key: string, by: number): void {
  const v = dict?.get(N(key));
  if (v instanceof PDFNumber) dict!.set(N(key), PDFNumber.of(v.asNumber() + by));
}

/**
 * Copies a part's structure tree into the merged file (after its pages, with the same copier, so the
 * tree's page and annotation references land on the copies) and shifts its parent-tree keys. Its top
 * elements hang from the pack's one /Document element (`docRef`); a part's own /Document becomes a /Part.
 */
function copyTags(src: PDFDocument, out: PDFDocument, copier: ObjectTransfer, copied: PDFPage[], tags: Tags, docRef: PDFRef): void {
  const root = src.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  const offset = tags.next;
  for (const page of copied) {
    if (!root) page.node.delete(N('StructParents'));
    else shiftKey(page.node, 'StructParents', offset);
    const annots = page.node.Annots();
    for (let i = 0; annots && i < annots.size(); i++) {
      const a = annots.lookupMaybe(i, PDFDict);
      if (!root) a?.delete(N('StructParent'));
      else shiftKey(a, 'StructParent', offset);
    }
  }
  if (!root) return;
  const k = root.get(N('K'));
  const top = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  for (const kid of top) {
    // The top elements point back at the part's root: that link is cut, or the whole old tree would be copied.
    const dict = src.context.lookupMaybe(kid, PDFDict);
    dict?.delete(N('P'));
    const ref = kid instanceof PDFRef ? (copier.copy(kid) as PDFRef) : out.context.register(copier.copy(kid));
    const element = out.context.lookupMaybe(ref, PDFDict);
    element?.set(N('P'), docRef);
    if (element?.get(N('S')) === N('Document')) element.set(N('S'), N('Part'));
    tags.kids.push(ref);
  }
  const pairs = numberTree(root.lookupMaybe(N('ParentTree'), PDFDict));
  for (const [key, value] of pairs) tags.nums.push(PDFNumber.of(key + offset), copier.copy(value));
  const next = root.lookupMaybe(N('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? pairs.reduce((m, [key]) => Math.max(m, key + 1), 0);
  tags.next += next;
  const roles = root.lookupMaybe(N('RoleMap'), PDFDict);
  if (roles) {
    tags.roleMap ??= out.context.obj({});
    for (const [name, value] of roles.entries()) if (!tags.roleMap.has(name)) tags.roleMap.set(name, copier.copy(value));
  }
}

interface CopyState {
  mark: (page: number) => PDFArray;
  tags: Tags;
  /** The merged file's /Document element, parent of every part's top elements. */
  docRef: PDFRef;
  opts: MergeOptions;
}

/** Copies the pages `taken` of part `part` (first page `start` of the merged file), its links made markers first. */
function copyPart(src: PDFDocument, out: PDFDocument, part: number, taken: number[], start: number, st: CopyState): void {
  const ctx = src.context;
  const srcPages = src.getPages();
  const pageIndex = new Map(srcPages.map((p, i) => [p.ref, i]));
  const at = new Map(taken.map((p, i) => [p, start + i]));
  const dests = namedDests(src);
  for (const p of taken) {
    for (const annot of links(src, srcPages[p])) {
      // Page targets become markers before the copy, so no page is pulled in through a link.
      const own = annot.has(N('Dest')) ? destPage(src, dests, pageIndex, annot) : undefined;
      annot.delete(N('Dest'));
      const global = own === undefined ? undefined : (at.get(own) ?? st.opts.pageFor?.(part, own));
      if (global !== undefined) annot.set(N('Dest'), st.mark(global));
      const action = readAction(ctx, annot);
      const target = action && st.opts.mapLink ? st.opts.mapLink(part, action) : undefined;
      if (target === null) annot.set(N('Rect'), ctx.obj([0, 0, 0, 0]));
      else if (target !== undefined) setTarget(ctx, annot, target, st.mark);
      annot.delete(N('P'));
    }
  }
  // the part was parsed for this merge alone: its objects move into the merged file rather than being cloned
  const copier = new ObjectMover(ctx, out.context);
  const pages = taken.map((p) => {
    // Copied by reference: the tree's and the links' references to this page then land on the copy.
    const ref = copier.copy(srcPages[p].ref) as PDFRef;
    const page = PDFPage.of(out.context.lookup(ref) as PDFPageLeaf, ref, out);
    out.addPage(page);
    return page;
  });
  if (taken.length !== srcPages.length) for (const page of pages) page.node.delete(N('StructParents'));
  else copyTags(src, out, copier, pages, st.tags, st.docRef);
}

/** A link to a page is first a marker (the page may belong to a later part), filled in when every page is copied. */
const MARK = 'SopPage';

/**
 * Concatenates PDFs (from Chromium or any other producer). Only what the pages use is copied, with
 * their tags; each part's own outline is left out, the new one comes from `opts.outline`.
 */
export async function mergePdfs(parts: (Uint8Array | MergePart)[], opts: MergeOptions = {}): Promise<{ pdf: Buffer; pages: number; partStarts: number[] }> {
  const list = parts.map((p) => (p instanceof Uint8Array ? { pdf: p } : p));
  const out = await PDFDocument.create({ updateMetadata: false });
  const rootRef = out.context.nextRef();
  const docRef = out.context.nextRef();
  const tags: Tags = { kids: [], nums: [], next: 0 };
  const mark = (page: number): PDFArray => out.context.obj([N(MARK), page, 'Fit']);
  // One part at a time, so only one parsed source is alive at once: holding them all costs more in
  // garbage collection than parsing. Links into later parts are markers until every page is there.
  const partStarts: number[] = [];
  let total = 0;
  for (let part = 0; part < list.length; part++) {
    const src = await load(list[part].pdf);
    const taken = list[part].pages ?? src.getPageIndices();
    partStarts.push(total);
    copyPart(src, out, part, taken, total, { mark, tags, docRef, opts });
    total += taken.length;
  }
  fillMarks(out);
  finish(out, tags, rootRef, docRef, opts);
  return { pdf: Buffer.from(await out.save(SAVE)), pages: total, partStarts };
}

function fillMarks(out: PDFDocument): void {
  const pages = out.getPages();
  for (const page of pages) {
    const annots = page.node.Annots();
    for (let i = 0; annots && i < annots.size(); i++) {
      const a = annots.lookupMaybe(i, PDFDict);
      const d = a?.lookupMaybe(N('Dest'), PDFArray);
      if (!a || !d || d.get(0) !== N(MARK)) continue;
      const n = (d.get(1) as PDFNumber).asNumber();
      a.set(N('Dest'), out.context.obj([pages[Math.max(0, Math.min(n, pages.length - 1))].ref, 'Fit']));
    }
  }
}

function finish(out: PDFDocument, tags: Tags, rootRef: PDFRef, docRef: PDFRef, opts: MergeOptions): void {
  const ctx = out.context;
  if (tags.kids.length) {
    // one /Document element under the root (as PDF 2.0 asks, and as readers such as poppler expect), the parts in it
    ctx.assign(docRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: tags.kids }));
    const root = ctx.obj({ Type: 'StructTreeRoot', K: docRef, ParentTree: ctx.obj({ Nums: tags.nums }), ParentTreeNextKey: tags.next });
    if (tags.roleMap) root.set(N('RoleMap'), tags.roleMap);
    ctx.assign(rootRef, root);
    out.catalog.set(N('StructTreeRoot'), rootRef);
    out.catalog.set(N('MarkInfo'), ctx.obj({ Marked: true }));
  }
  if (opts.lang) out.catalog.set(N('Lang'), PDFString.of(opts.lang));
  if (opts.outline?.length) writeOutline(out, opts.outline);
  if (opts.title) out.setTitle(opts.title, { showInWindowTitleBar: true });
  out.setProducer(opts.producer ?? 'sop');
  out.setCreationDate(new Date());
}
