// A pack's front matter in print: its foreseen shape (pages, where each part starts), its printed PDF, and the page numbers that follow.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PORTRAIT_MARGINS, portrait } from '../core/paper.js';
import type { PageParts } from '../pages/html/shell.js';
import { FRONT_ANCHORS, type PackPageNumbers } from '../pages/pack.js';
import { pdfAssembly } from '../print/pdf/load.js';
import { printerOf, writeCache, type BuildContext, type FrontShape } from './context.js';
import { sopLinkTarget } from './links.js';
import type { PackPlan } from './plan.js';

export const FRONT_CACHE_FORMAT = 'sop-pack-front/1';

/** A printed front matter: its PDF, length, the page of each part (1-based) and its cache key. */
export interface FrontPdf {
  pdf: Buffer;
  pages: number;
  anchors: Record<string, number>;
  key: string;
}

const fileUrl = (p: string): string => pathToFileURL(p).href;

/**
 * The front matter's shape: from the cache (a previous print of the same layout), else foreseen by
 * laying it out for print and dividing each part's height by the page height.
 */
export async function frontShape(ctx: BuildContext, htmlFile: string, parts: PageParts, key: string): Promise<{ shape: FrontShape; key: string }> {
  try {
    const shape = JSON.parse(await readFile(path.join(ctx.cacheDir, 'build', `shape-${key}.json`), 'utf8')) as FrontShape;
    ctx.usedCache.add(`shape-${key}.json`);
    return { shape, key };
  } catch {
    // not seen before
  }
  const printer = await printerOf(ctx);
  const size = portrait(ctx.req.paper);
  const height = size.height - PORTRAIT_MARGINS.top - PORTRAIT_MARGINS.bottom;
  const ids = ['sampul', ...FRONT_ANCHORS];
  const heights = await printer.measure({ parts, url: fileUrl(path.join(ctx.tmp, htmlFile)) }, ids, size.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right);
  const anchors: Record<string, number> = {};
  let at = 1;
  for (const id of ids) {
    if (heights[id] === undefined) continue;
    if (id !== 'sampul') anchors[id] = at;
    // Each part starts a new page; 0.5 mm of slack for rounding.
    at += Math.max(1, Math.ceil((heights[id] - 0.5) / height));
  }
  return { shape: { pages: at - 1, anchors }, key };
}

/** The front matter PDF for this exact HTML: from the cache, else printed (its links made relative first). */
export async function frontPdf(ctx: BuildContext, htmlFile: string, parts: PageParts, key: string): Promise<FrontPdf> {
  const cacheFile = path.join(ctx.cacheDir, 'build', `front-${key}.pdf`);
  const metaFile = `${cacheFile}.json`;
  try {
    const meta = JSON.parse(await readFile(metaFile, 'utf8')) as { pages: number; anchors: Record<string, number> };
    const pdf = await readFile(cacheFile);
    ctx.usedCache.add(path.basename(cacheFile)).add(path.basename(metaFile));
    return { pdf, ...meta, key };
  } catch {
    // not cached yet
  }
  const printer = await printerOf(ctx);
  const raw = await printer.print({ parts, url: fileUrl(path.join(ctx.tmp, htmlFile)), format: ctx.req.paper === 'A4' ? { format: 'A4', landscape: false } : undefined });
  ctx.stats.frontPrinted++;
  const { relinkPdf } = await pdfAssembly();
  const out = await relinkPdf(raw, { mapLink: (a) => (a.kind === 'uri' ? sopLinkTarget(ctx, htmlFile, a.uri) : undefined) });
  const anchors = Object.fromEntries([...out.dests].filter(([k]) => (FRONT_ANCHORS as readonly string[]).includes(k)).map(([k, v]) => [k, v + 1]));
  await writeCache(ctx, path.basename(cacheFile), out.pdf);
  await writeCache(ctx, path.basename(metaFile), JSON.stringify({ pages: out.pages, anchors }));
  return { pdf: out.pdf, pages: out.pages, anchors, key };
}

/** 1-based page numbers of the pack for a front matter of `front.pages` pages. */
export function pageNumbers(ctx: BuildContext, plan: PackPlan, front: FrontShape): PackPageNumbers {
  const sops = new Map<string, number>();
  let at = front.pages + 1;
  for (const e of plan.sections.flatMap((s) => s.entries)) {
    sops.set(e.rel, at);
    at += ctx.pdfPages.get(e.rel)?.pages ?? 1;
  }
  return { keputusan: front.anchors.keputusan, daftarIsi: front.anchors['daftar-isi'], penjelasan: front.anchors.penjelasan, sops };
}

export function sameShape(a: FrontShape, b: FrontShape): boolean {
  return a.pages === b.pages && FRONT_ANCHORS.every((k) => a.anchors[k] === b.anchors[k]);
}
