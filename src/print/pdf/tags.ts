// The structure tree of a printed PDF made smaller without changing what it says: grouping elements
// (/NonStruct, which Chromium makes for most boxes of the page) give their content to their parent.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFContext, type PDFDocument, type PDFObject } from './lib.js';

const N = (n: string): PDFName => PDFName.of(n);
/** The only keys a grouping element may have to be dissolved; one with /Lang, /Alt, /ActualText, /ID, attributes... stays. */
const PLAIN_KEYS = new Set(['/Type', '/S', '/P', '/K', '/Pg']);

const kidsOf = (k: PDFObject | undefined): PDFObject[] => (k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k]);

function isPlainGroup(d: PDFDict): boolean {
  if (d.get(N('S')) !== N('NonStruct')) return false;
  for (const [key] of d.entries()) if (!PLAIN_KEYS.has(key.asString())) return false;
  return true;
}

/**
 * Dissolves every plain /NonStruct element below another element: its kids (elements, marked
 * content, object references) take its place in its parent's /K, in order, and the parent tree
 * names the parent as their owner. ISO 32000-1 §14.8.4.2 says a NonStruct's content is treated as if
 * it were the children of its parent, so readers and assistive technology see the same tree. A
 * printed SOP PDF loses about a third of its objects, which its pack then does not parse, copy or write.
 * Returns the number of elements removed.
 */
export function dissolveGroupingElements(doc: PDFDocument): number {
  const ctx = doc.context;
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  /** Removed element -> the kept element that owns its content now. */
  const owner = new Map<PDFRef, PDFRef>();
  const seen = new Set<PDFRef>();
  const visit = (ref: PDFRef, dict: PDFDict): void => {
    if (seen.has(ref)) return;
    seen.add(ref);
    const page = dict.get(N('Pg'));
    const out: PDFObject[] = [];
    let changed = false;
    const take = (kids: PDFObject[], kidsPage: PDFObject | undefined): void => {
      for (const kid of kids) {
        const child = kid instanceof PDFRef ? ctx.lookupMaybe(kid, PDFDict) : undefined;
        if (kid instanceof PDFRef && child && child.get(N('Type')) !== N('OBJR') && child.get(N('Type')) !== N('MCR')) {
          if (isPlainGroup(child) && !seen.has(kid)) {
            seen.add(kid);
            owner.set(kid, ref);
            changed = true;
            take(kidsOf(child.get(N('K'))), child.get(N('Pg')) ?? kidsPage);
            ctx.delete(kid);
            continue;
          }
          child.set(N('P'), ref);
          out.push(kid);
          visit(kid, child);
        } else out.push(onPage(ctx, kid, kidsPage, page));
      }
    };
    take(kidsOf(dict.get(N('K'))), page);
    if (!changed) return;
    if (out.length === 0) dict.delete(N('K'));
    else dict.set(N('K'), out.length === 1 ? out[0] : ctx.obj(out));
  };
  for (const top of kidsOf(root.get(N('K')))) {
    const d = top instanceof PDFRef ? ctx.lookupMaybe(top, PDFDict) : undefined;
    if (d) visit(top as PDFRef, d);
  }
  if (owner.size > 0) reassignParentTree(ctx, root.lookupMaybe(N('ParentTree'), PDFDict), owner);
  return owner.size;
}

/**
 * A kid moved up from an element on page `from` to one on page `to`: marked content that relied on
 * the old element's /Pg says its page itself (a marked-content reference); anything else is unchanged.
 */
function onPage(ctx: PDFContext, kid: PDFObject, from: PDFObject | undefined, to: PDFObject | undefined): PDFObject {
  if (from === undefined || from === to) return kid;
  if (kid instanceof PDFNumber) return ctx.obj({ Type: 'MCR', Pg: from, MCID: kid });
  if (kid instanceof PDFDict && !kid.has(N('Pg')) && (kid.get(N('Type')) === N('MCR') || kid.get(N('Type')) === N('OBJR'))) kid.set(N('Pg'), from);
  return kid;
}

/** Parent-tree entries naming a removed element name its new owner (values, and the per-page arrays of marked content). */
function reassignParentTree(ctx: PDFContext, node: PDFDict | undefined, owner: Map<PDFRef, PDFRef>, depth = 0): void {
  if (!node || depth > 32) return;
  const fix = (o: PDFObject): PDFObject => (o instanceof PDFRef && owner.has(o) ? owner.get(o)! : o);
  const nums = node.lookupMaybe(N('Nums'), PDFArray);
  for (let i = 1; nums && i < nums.size(); i += 2) {
    const value = nums.get(i);
    const list = ctx.lookup(value);
    if (list instanceof PDFArray) for (let j = 0; j < list.size(); j++) list.set(j, fix(list.get(j)));
    else nums.set(i, fix(value));
  }
  const kids = node.lookupMaybe(N('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) reassignParentTree(ctx, kids.lookupMaybe(i, PDFDict), owner, depth + 1);
}
