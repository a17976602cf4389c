// Reads Chromium's PDFs (classic xref, no object streams), re-links their link annotations, adds outlines and merges them.
import { PdfDict, PdfKeyword, PdfLexer, PdfName, PdfRef, PdfString, PdfSyntaxError, name, serialize, type PdfValue } from './objects.js';

export interface PdfObject {
  value: PdfValue;
  stream?: Buffer;
}

/** A parsed file. Objects are parsed on first access: rewriting links touches a few dozen of thousands. */
export interface PdfFile {
  objects: ObjectStore;
  root: number;
  info?: number;
  /** Page object numbers in reading order. */
  pages: number[];
}

export interface ObjectStore {
  get(num: number): PdfObject | undefined;
  has(num: number): boolean;
  /** Every object number, ascending. */
  nums(): number[];
  /** The object exactly as it is written in the file (`num gen obj ... endobj`), when its generation is 0. */
  raw(num: number): Buffer | undefined;
}

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

const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'];

function dictOf(v: PdfValue | undefined): PdfDict | undefined {
  return v instanceof PdfDict ? v : undefined;
}

export function parsePdf(buf: Buffer): PdfFile {
  const s = buf.toString('latin1');
  const sx = s.lastIndexOf('startxref');
  if (sx < 0) throw new PdfSyntaxError('no startxref');
  const offsets = new Map<number, number>();
  let trailer: PdfDict | undefined;
  let xrefAt = Number(/startxref\s+(\d+)/.exec(s.slice(sx))?.[1]);
  const seenXref = new Set<number>();
  while (Number.isFinite(xrefAt) && !seenXref.has(xrefAt)) {
    seenXref.add(xrefAt);
    const lx = new PdfLexer(s, xrefAt);
    // Cross-reference streams (PDF 1.5) are not produced by Chromium's Skia backend.
    if (!lx.keyword('xref')) throw new PdfSyntaxError('unsupported cross-reference (not a classic xref table)');
    for (;;) {
      lx.skipWs();
      if (lx.keyword('trailer')) break;
      const m = /^(\d+)\s+(\d+)/.exec(s.slice(lx.pos, lx.pos + 40));
      if (!m) throw new PdfSyntaxError('bad xref subsection');
      const first = Number(m[1]);
      const count = Number(m[2]);
      lx.pos += m[0].length;
      for (let i = 0; i < count; i++) {
        lx.skipWs();
        const e = /^(\d{10}) (\d{5}) ([nf])/.exec(s.slice(lx.pos, lx.pos + 20));
        if (!e) throw new PdfSyntaxError('bad xref entry');
        lx.pos += e[0].length;
        const num = first + i;
        // Older sections (via /Prev) never override newer ones.
        if (e[3] === 'n' && !offsets.has(num)) offsets.set(num, Number(e[1]));
      }
    }
    const t = lx.value();
    if (!(t instanceof PdfDict)) throw new PdfSyntaxError('bad trailer');
    trailer ??= t;
    const prev = t.get('Prev');
    xrefAt = typeof prev === 'number' ? prev : NaN;
  }
  if (!trailer) throw new PdfSyntaxError('no trailer');

  const parsed = new Map<number, PdfObject>();
  const gens = new Map<number, number>();
  const load = (num: number): PdfObject | undefined => {
    const hit = parsed.get(num);
    if (hit) return hit;
    const at = offsets.get(num);
    if (at === undefined) return undefined;
    const lx = new PdfLexer(s, at);
    lx.skipWs();
    const head = /^(\d+)\s+(\d+)\s+obj/.exec(s.slice(lx.pos, lx.pos + 40));
    if (!head || Number(head[1]) !== num) throw new PdfSyntaxError(`object ${num} not at its xref offset`);
    gens.set(num, Number(head[2]));
    lx.pos += head[0].length;
    const value = lx.value();
    const obj: PdfObject = { value };
    if (lx.keyword('stream')) {
      if (s[lx.pos] === '\r') lx.pos++;
      if (s[lx.pos] === '\n') lx.pos++;
      const lenV = value instanceof PdfDict ? value.get('Length') : undefined;
      const len = typeof lenV === 'number' ? lenV : lenV instanceof PdfRef ? (load(lenV.num)?.value as number) : NaN;
      if (!Number.isInteger(len)) throw new PdfSyntaxError(`stream ${num} has no usable /Length`);
      obj.stream = buf.subarray(lx.pos, lx.pos + len);
    }
    parsed.set(num, obj);
    return obj;
  };
  // Objects follow each other: one ends where the next (or the xref table) begins.
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  const ends = new Map<number, number>();
  sorted.forEach(([num, off], i) => ends.set(num, i + 1 < sorted.length ? sorted[i + 1][1] : Math.max(off, Math.min(...seenXref))));
  const objects: ObjectStore = {
    get: load,
    has: (num) => offsets.has(num),
    nums: () => [...offsets.keys()].sort((a, b) => a - b),
    raw: (num) => {
      const at = offsets.get(num);
      if (at === undefined) return undefined;
      const bytes = buf.subarray(at, ends.get(num));
      return /^\s*\d+\s+0\s+obj/.test(bytes.subarray(0, 40).toString('latin1')) ? bytes : undefined;
    },
  };

  const rootRef = trailer.get('Root');
  const infoRef = trailer.get('Info');
  if (!(rootRef instanceof PdfRef)) throw new PdfSyntaxError('no /Root');
  const file: PdfFile = { objects, root: rootRef.num, info: infoRef instanceof PdfRef ? infoRef.num : undefined, pages: [] };
  const catalog = dictOf(objects.get(rootRef.num)?.value);
  const pagesRef = catalog?.get('Pages');
  if (!(pagesRef instanceof PdfRef)) throw new PdfSyntaxError('no page tree');
  // Flatten the page tree, copying inherited attributes down so each page stands alone.
  const walk = (ref: PdfRef, inherited: Map<string, PdfValue>, depth: number): void => {
    if (depth > 64) throw new PdfSyntaxError('page tree too deep');
    const node = dictOf(objects.get(ref.num)?.value);
    if (!node) return;
    if (name(node.get('Type')) === 'Pages') {
      const here = new Map(inherited);
      for (const k of INHERITED) if (node.has(k)) here.set(k, node.get(k)!);
      const kids = node.get('Kids');
      if (Array.isArray(kids)) for (const kid of kids) if (kid instanceof PdfRef) walk(kid, here, depth + 1);
      return;
    }
    for (const [k, v] of inherited) if (!node.has(k)) node.set(k, v);
    file.pages.push(ref.num);
  };
  walk(pagesRef, new Map(), 0);
  return file;
}

/**
 * Writes objects (numbered 1..n, gaps allowed) as a PDF 1.4 file with a classic xref table. An object
 * given as bytes is copied as it is (it must be `num 0 obj ... endobj` with this number).
 */
export function writePdf(objects: Map<number, PdfObject | Buffer>, root: number, info?: number): Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  const push = (b: Buffer): void => {
    chunks.push(b);
    size += b.length;
  };
  push(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  const offsets = new Map<number, number>();
  const nums = [...objects.keys()].sort((a, b) => a - b);
  for (const num of nums) {
    const obj = objects.get(num)!;
    offsets.set(num, size);
    if (Buffer.isBuffer(obj)) {
      push(obj);
      if (obj[obj.length - 1] !== 0x0a) push(Buffer.from('\n', 'latin1'));
      continue;
    }
    if (obj.stream && obj.value instanceof PdfDict) obj.value.set('Length', obj.stream.length);
    push(Buffer.from(`${num} 0 obj\n${serialize(obj.value)}\n`, 'latin1'));
    if (obj.stream) {
      push(Buffer.from('stream\n', 'latin1'));
      push(obj.stream);
      push(Buffer.from('\nendstream\n', 'latin1'));
    }
    push(Buffer.from('endobj\n', 'latin1'));
  }
  const max = nums.length ? nums[nums.length - 1] : 0;
  const xrefAt = size;
  let xref = `xref\n0 ${max + 1}\n0000000000 65535 f \n`;
  for (let n = 1; n <= max; n++) {
    const off = offsets.get(n);
    xref += off === undefined ? '0000000000 00000 f \n' : `${String(off).padStart(10, '0')} 00000 n \n`;
  }
  const trailer = new PdfDict([['Size', max + 1], ['Root', new PdfRef(root)]]);
  if (info !== undefined) trailer.set('Info', new PdfRef(info));
  push(Buffer.from(`${xref}trailer\n${serialize(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks, size);
}

function readAction(annot: PdfDict, objects: ObjectStore): LinkAction | undefined {
  let a = annot.get('A');
  if (a instanceof PdfRef) a = objects.get(a.num)?.value;
  if (!(a instanceof PdfDict)) return undefined;
  const kind = name(a.get('S'));
  if (kind === 'URI') {
    const uri = a.get('URI');
    return uri instanceof PdfString ? { kind: 'uri', uri: uri.text() } : undefined;
  }
  if (kind === 'GoToR') {
    const f = a.get('F');
    if (f instanceof PdfString) return { kind: 'file', file: f.text() };
    const fd = dictOf(f);
    const uf = fd?.get('UF') ?? fd?.get('F');
    if (uf instanceof PdfString) return { kind: 'file', file: uf.text() };
  }
  return undefined;
}

/**
 * Applies `target` to a link annotation. Page targets become explicit destinations (`pageRef` gives
 * the page object); files become GoToR actions, which every reader resolves relative to the PDF.
 */
function setTarget(annot: PdfDict, target: Exclude<LinkTarget, null>, pageRef: (page: number) => PdfRef): void {
  annot.delete('A');
  annot.delete('Dest');
  if ('page' in target) annot.set('Dest', [pageRef(target.page), new PdfName('Fit')]);
  else if ('uri' in target) {
    annot.set('A', new PdfDict([['Type', new PdfName('Action')], ['S', new PdfName('URI')], ['URI', PdfString.fromText(target.uri)]]));
  } else {
    annot.set(
      'A',
      new PdfDict([
        ['Type', new PdfName('Action')],
        ['S', new PdfName('GoToR')],
        ['F', PdfString.fromText(target.file)],
        ['D', [0, new PdfName('Fit')]],
        ['NewWindow', false],
      ]),
    );
  }
}

/** Named destination -> explicit destination array, from the catalog's /Dests dictionary or /Names tree. */
function namedDests(file: PdfFile): Map<string, PdfValue> {
  const out = new Map<string, PdfValue>();
  const deref = (v: PdfValue | undefined): PdfValue | undefined => (v instanceof PdfRef ? file.objects.get(v.num)?.value : v);
  const catalog = dictOf(file.objects.get(file.root)?.value);
  const dests = dictOf(deref(catalog?.get('Dests')));
  if (dests) for (const [k, v] of dests) out.set(k, deref(v)!);
  const tree = dictOf(deref(dictOf(deref(catalog?.get('Names')))?.get('Dests')));
  const walk = (node: PdfDict | undefined, depth: number): void => {
    if (!node || depth > 32) return;
    const names = deref(node.get('Names'));
    if (Array.isArray(names)) for (let i = 0; i + 1 < names.length; i += 2) {
      const key = names[i];
      if (key instanceof PdfString) out.set(key.text(), deref(names[i + 1])!);
    }
    const kids = deref(node.get('Kids'));
    if (Array.isArray(kids)) for (const k of kids) walk(dictOf(deref(k)), depth + 1);
  };
  walk(tree, 0);
  for (const [k, v] of out) {
    const d = dictOf(v);
    if (d?.has('D')) out.set(k, deref(d.get('D'))!);
  }
  return out;
}

/** The page's link annotations, each with the object that holds it (rewritten when the link changes). */
function annotationsOf(pageNum: number, page: PdfDict, objects: ObjectStore): { annot: PdfDict; owner: number }[] {
  let annots = page.get('Annots');
  let arrayOwner = pageNum;
  if (annots instanceof PdfRef) {
    arrayOwner = annots.num;
    annots = objects.get(annots.num)?.value;
  }
  if (!Array.isArray(annots)) return [];
  const out: { annot: PdfDict; owner: number }[] = [];
  for (const a of annots) {
    const d = a instanceof PdfRef ? dictOf(objects.get(a.num)?.value) : dictOf(a);
    if (d && name(d.get('Subtype')) === 'Link') out.push({ annot: d, owner: a instanceof PdfRef ? a.num : arrayOwner });
  }
  return out;
}

/** Builds outline objects from `items`; `alloc` gives fresh object numbers. Returns the /Outlines object number. */
function writeOutline(items: OutlineItem[], objects: Map<number, PdfObject | Buffer>, alloc: () => number, pageRef: (page: number) => PdfRef): number {
  const rootNum = alloc();
  const visible = (list: OutlineItem[]): number => list.reduce((n, it) => n + 1 + (it.children && !it.closed ? visible(it.children) : 0), 0);
  const level = (list: OutlineItem[], parent: number): { first: number; last: number } => {
    const nums = list.map(() => alloc());
    list.forEach((it, i) => {
      const d = new PdfDict([
        ['Title', PdfString.fromText(it.title)],
        ['Parent', new PdfRef(parent)],
        ['Dest', [pageRef(it.page), new PdfName('Fit')]],
      ]);
      if (i > 0) d.set('Prev', new PdfRef(nums[i - 1]));
      if (i + 1 < nums.length) d.set('Next', new PdfRef(nums[i + 1]));
      if (it.children?.length) {
        const sub = level(it.children, nums[i]);
        d.set('First', new PdfRef(sub.first));
        d.set('Last', new PdfRef(sub.last));
        const n = it.closed ? it.children.length : visible(it.children);
        d.set('Count', it.closed ? -n : n);
      }
      objects.set(nums[i], { value: d });
    });
    return { first: nums[0], last: nums[nums.length - 1] };
  };
  const root = new PdfDict([['Type', new PdfName('Outlines')]]);
  if (items.length) {
    const top = level(items, rootNum);
    root.set('First', new PdfRef(top.first));
    root.set('Last', new PdfRef(top.last));
    root.set('Count', visible(items));
  }
  objects.set(rootNum, { value: root });
  return rootNum;
}

export interface RelinkOptions {
  mapLink?: LinkMapper;
  /** Replaces the file's outline (bookmarks); gets the page of every named destination (element id). */
  outline?: (dests: Map<string, number>) => OutlineItem[];
  title?: string;
}

/** Page index (0-based) of every named destination; Chromium records one for each element id a link points to. */
function destPages(file: PdfFile, dests: Map<string, PdfValue>): Map<string, number> {
  const index = new Map(file.pages.map((n, i) => [n, i]));
  const out = new Map<string, number>();
  for (const [k, v] of dests) {
    const first = Array.isArray(v) ? v[0] : undefined;
    if (first instanceof PdfRef && index.has(first.num)) out.set(k, index.get(first.num)!);
  }
  return out;
}

/**
 * Rewrites one PDF: its links (e.g. file:// URLs of the build folder) and its outline. Objects it does
 * not change are copied byte for byte, unparsed.
 */
export function relinkPdf(buf: Buffer, opts: RelinkOptions): { pdf: Buffer; pages: number; dests: Map<string, number> } {
  const file = parsePdf(buf);
  const { objects } = file;
  const changed = new Set<number>();
  const pageRef = (i: number): PdfRef => new PdfRef(file.pages[Math.max(0, Math.min(i, file.pages.length - 1))]);
  const dests = namedDests(file);
  for (const num of file.pages) {
    const page = dictOf(objects.get(num)?.value);
    if (!page) continue;
    for (const { annot, owner } of annotationsOf(num, page, objects)) {
      const action = readAction(annot, objects);
      const target = action && opts.mapLink ? opts.mapLink(action) : undefined;
      if (target === null) annot.set('Rect', [0, 0, 0, 0]);
      else if (target !== undefined) setTarget(annot, target, pageRef);
      const dest = annot.get('Dest');
      if (dest instanceof PdfName || dest instanceof PdfString) {
        const resolved = dests.get(dest instanceof PdfName ? dest.value : dest.text());
        if (resolved) annot.set('Dest', resolved);
      }
      if (target !== undefined || dest instanceof PdfName || dest instanceof PdfString) changed.add(owner);
    }
  }
  const pages = destPages(file, dests);
  const out = new Map<number, PdfObject | Buffer>();
  let max = 0;
  for (const num of objects.nums()) max = Math.max(max, num);
  const alloc = (): number => ++max;
  const catalog = dictOf(objects.get(file.root)?.value)!;
  if (opts.outline) {
    catalog.set('Outlines', new PdfRef(writeOutline(opts.outline(pages), out, alloc, pageRef)));
    catalog.set('PageMode', new PdfName('UseOutlines'));
    changed.add(file.root);
  }
  let info = file.info;
  if (opts.title !== undefined) {
    if (info === undefined) out.set((info = alloc()), { value: new PdfDict() });
    const d = info === file.info ? dictOf(objects.get(info)?.value) : dictOf((out.get(info) as PdfObject).value);
    d?.set('Title', PdfString.fromText(opts.title));
    changed.add(info);
  }
  for (const num of objects.nums()) {
    if (out.has(num)) continue;
    const raw = changed.has(num) ? undefined : objects.raw(num);
    out.set(num, raw ?? objects.get(num)!);
  }
  return { pdf: writePdf(out, file.root, info), pages: file.pages.length, dests: pages };
}

export interface MergeOptions {
  /** Link rewriting per part (part index, action). */
  mapLink?: (part: number, action: LinkAction) => LinkTarget | undefined;
  outline?: OutlineItem[];
  title?: string;
  /** Keys copied into the new document information dictionary. */
  producer?: string;
}

/**
 * Concatenates PDFs. Only what the pages use is copied (content, fonts, images, annotations); each
 * part's structure tree and outline are left out, the new outline comes from `opts.outline`.
 */
export function mergePdfs(parts: Buffer[], opts: MergeOptions = {}): { pdf: Buffer; pages: number; partStarts: number[] } {
  const files = parts.map(parsePdf);
  const out = new Map<number, PdfObject>();
  let next = 0;
  const alloc = (): number => ++next;
  const pagesNum = alloc();
  const catalogNum = alloc();
  const infoNum = alloc();
  // Page numbers first, so links and outline entries can point at pages of later parts.
  const partStarts: number[] = [];
  const pageNums: number[] = [];
  for (const f of files) {
    partStarts.push(pageNums.length);
    for (let i = 0; i < f.pages.length; i++) pageNums.push(alloc());
  }
  const pageRef = (i: number): PdfRef => new PdfRef(pageNums[Math.max(0, Math.min(i, pageNums.length - 1))]);

  files.forEach((file, partIndex) => {
    const map = new Map<number, number>();
    file.pages.forEach((num, i) => map.set(num, pageNums[partStarts[partIndex] + i]));
    const dests = namedDests(file);
    const pending: number[] = [];
    const refFor = (num: number): PdfRef => {
      let n = map.get(num);
      if (n === undefined) {
        n = alloc();
        map.set(num, n);
        pending.push(num);
      }
      return new PdfRef(n);
    };
    const clone = (v: PdfValue, skip?: Set<string>): PdfValue => {
      if (v instanceof PdfRef) return file.objects.has(v.num) ? refFor(v.num) : null;
      if (Array.isArray(v)) return v.map((x) => clone(x));
      if (v instanceof PdfDict) {
        const d = new PdfDict();
        for (const [k, x] of v) if (!skip?.has(k)) d.set(k, clone(x));
        return d;
      }
      return v;
    };
    const PAGE_SKIP = new Set(['Parent', 'StructParents']);
    const ANNOT_SKIP = new Set(['StructParent', 'P', 'Parent']);
    file.pages.forEach((num, i) => {
      const page = dictOf(file.objects.get(num)?.value);
      if (!page) return;
      // Annotations are edited on the source dicts before cloning: links re-pointed, named destinations resolved.
      for (const { annot } of annotationsOf(num, page, file.objects)) {
        const dest = annot.get('Dest');
        if (dest instanceof PdfName || dest instanceof PdfString) {
          const resolved = dests.get(dest instanceof PdfName ? dest.value : dest.text());
          if (resolved) annot.set('Dest', resolved);
          else annot.delete('Dest');
        }
        const action = readAction(annot, file.objects);
        const target = action && opts.mapLink ? opts.mapLink(partIndex, action) : undefined;
        if (target === null) annot.set('Rect', [0, 0, 0, 0]);
        else if (target !== undefined) {
          // Pages of other parts are not objects of this file: mark them to be filled in after cloning.
          if ('page' in target) {
            annot.delete('A');
            annot.set('Dest', [new PdfKeyword(`__PAGE_${target.page}__`), new PdfName('Fit')]);
          } else setTarget(annot, target, pageRef);
        }
        for (const k of ANNOT_SKIP) annot.delete(k);
      }
      const copy = clone(page, PAGE_SKIP) as PdfDict;
      copy.set('Parent', new PdfRef(pagesNum));
      out.set(pageNums[partStarts[partIndex] + i], { value: copy });
    });
    while (pending.length) {
      const num = pending.pop()!;
      const src = file.objects.get(num)!;
      out.set(map.get(num)!, { value: clone(src.value), stream: src.stream });
    }
  });
  // Fill in the cross-part page placeholders.
  const fill = (v: PdfValue): PdfValue => {
    if (v instanceof PdfKeyword) {
      const m = /^__PAGE_(\d+)__$/.exec(v.value);
      return m ? pageRef(Number(m[1])) : v;
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v instanceof PdfDict) {
      for (const [k, x] of v) v.set(k, fill(x));
      return v;
    }
    return v;
  };
  for (const obj of out.values()) if (!obj.stream) obj.value = fill(obj.value);

  out.set(pagesNum, { value: new PdfDict([['Type', new PdfName('Pages')], ['Count', pageNums.length], ['Kids', pageNums.map((n) => new PdfRef(n))]]) });
  const catalog = new PdfDict([['Type', new PdfName('Catalog')], ['Pages', new PdfRef(pagesNum)]]);
  if (opts.outline?.length) {
    catalog.set('Outlines', new PdfRef(writeOutline(opts.outline, out, alloc, pageRef)));
    catalog.set('PageMode', new PdfName('UseOutlines'));
  }
  catalog.set('ViewerPreferences', new PdfDict([['DisplayDocTitle', true]]));
  out.set(catalogNum, { value: catalog });
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `D:${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}Z`;
  const info = new PdfDict([['Producer', PdfString.fromText(opts.producer ?? 'sop')], ['CreationDate', PdfString.fromText(date)]]);
  if (opts.title) info.set('Title', PdfString.fromText(opts.title));
  out.set(infoNum, { value: info });
  return { pdf: writePdf(out, catalogNum, infoNum), pages: pageNums.length, partStarts };
}
