// Stage 6, packs: once every SOP PDF is there, the front matter is printed with the right page numbers and merged with them.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { packPage, packPageParts } from '../../pages/html/pack.js';
import { packContent } from '../../pages/pack.js';
import type { LinkAction, LinkTarget, MergeOptions, MergePart, OutlineItem } from '../../print/pdf/assemble.js';
import { pdfAssembly } from '../../print/pdf/load.js';
import { fixedCreationDate, reproduciblePdf } from '../../print/pdf-dates.js';
import { sha256 } from '../cache/keys.js';
import { made, reusable, reuse, tick, write, writeCache, type BuildContext, type FrontShape, type PackUnit } from '../context.js';
import { FRONT_CACHE_FORMAT, frontPdf, pageNumbers, sameShape, type FrontPdf } from '../front.js';
import { dropFailed } from '../failures.js';
import { packLinkMapper } from '../links.js';
import type { SopEntry } from '../plan.js';
import type { BuiltPack } from '../types.js';

/** The pack page (and its print parts) for a front matter of this shape, and the key of that exact layout. */
function layout(ctx: BuildContext, unit: PackUnit, shape: FrontShape) {
  const content = packContent({ ...unit.base, pages: pageNumbers(ctx, unit.plan, shape) });
  const site = { pdfHref: unit.pdfFile };
  const html = packPage(content, site);
  return { parts: packPageParts(content, site), html, key: sha256(`${FRONT_CACHE_FORMAT}|${ctx.fingerprint}|${html}`) };
}

function packKey(ctx: BuildContext, unit: PackUnit, frontKey: string): string {
  const parts = unit.packEntries.map((e) => [e.rel, ctx.units[`pdf:${e.rel}`]?.key, ctx.pdfPages.get(e.rel)]);
  return sha256(JSON.stringify({ front: frontKey, parts, sections: unit.plan.sections.map((x) => x.title) }));
}

/** Bookmarks: the front matter's parts, then a section per unit with its SOPs and their parts. */
function outlineOf(ctx: BuildContext, unit: PackUnit, front: FrontPdf, startOf: Map<string, number>): OutlineItem[] {
  const { labels } = ctx;
  const frontOutline: OutlineItem[] = [{ title: labels.cover, page: 0 }];
  if (front.anchors.keputusan) frontOutline.push({ title: labels.keputusan, page: front.anchors.keputusan - 1 });
  frontOutline.push({ title: labels.daftarIsi, page: (front.anchors['daftar-isi'] ?? 1) - 1 });
  if (front.anchors.penjelasan) frontOutline.push({ title: labels.penjelasan, page: front.anchors.penjelasan - 1 });
  const sopOutline = (e: SopEntry): OutlineItem => {
    const start = startOf.get(e.rel)!;
    const dests = ctx.pdfPages.get(e.rel)?.dests ?? {};
    const children = ([['identitas', labels.identitas], ['prosedur-1', labels.prosedur], ['catatan', labels.catatan]] as const)
      .filter(([id]) => dests[id] !== undefined)
      .map(([id, title]) => ({ title, page: start + dests[id] }));
    return { title: `${e.nomor} ${e.nama}`, page: start, children, closed: true };
  };
  return [...frontOutline, ...unit.plan.sections.map((x) => ({ title: x.title, page: startOf.get(x.entries[0].rel)!, children: x.entries.map(sopOutline) }))];
}

type PartLinks = (part: number, a: LinkAction) => LinkTarget | undefined;

/**
 * The parts to merge. A decree given as a PDF takes the place of the empty pages the front matter
 * kept for it (same count, so page numbers and links of the front matter stay right).
 */
function withDecree(unit: PackUnit, front: FrontPdf, sops: Buffer[], links: PartLinks): { parts: (Buffer | MergePart)[]; mapLink: PartLinks; pageFor?: MergeOptions['pageFor'] } {
  const at = (front.anchors.keputusan ?? 0) - 1;
  if (!unit.decree || at < 0) return { parts: [front.pdf, ...sops], mapLink: links };
  const n = unit.decree.pages;
  const all = Array.from({ length: front.pages }, (_, i) => i);
  const parts = [{ pdf: front.pdf, pages: all.slice(0, at) }, unit.decree.pdf, { pdf: front.pdf, pages: all.slice(at + n) }, ...sops];
  // Part 1 is the decree (its own links stay); 0 and 2 are the front matter, whose pages keep their place.
  const mapLink: PartLinks = (part, a) => (part === 1 ? undefined : links(part <= 2 ? 0 : part - 2, a));
  return { parts, mapLink, pageFor: (part, page) => (part === 0 || part === 2 ? page : undefined) };
}

/** A pack whose front matter is printed (or known from the last build), waiting for its merge. */
type FrontReady = { result: BuiltPack; done: true } | { result: BuiltPack; done: false; front: FrontPdf; startOf: Map<string, number> };

/** Everything of a pack that needs the browser: its front matter, printed with the right page numbers (or reused with the whole pack). */
async function printFront(ctx: BuildContext, unit: PackUnit): Promise<FrontReady> {
  const { plan, htmlFile, pdfFile, packEntries } = unit;
  const result: BuiltPack = { id: plan.id, title: plan.config.title, starts: {} };
  const allPdfs = ctx.pdfOn && packEntries.every((e) => ctx.pdfPages.has(e.rel));
  const probe = unit.probe ? await unit.probe : undefined;
  const writeHtml = async (html: string): Promise<void> => {
    if (!ctx.wantHtml) return;
    await write(ctx, htmlFile, html);
    result.html = htmlFile;
  };
  if (!allPdfs || !probe) {
    await writeHtml(packPage(packContent(unit.base)));
    return { result, done: true };
  }
  // Page numbers: the probe foresaw how long the front matter is and where its parts start; it is
  // printed with the numbers that follow, and again when the print shows the foresight was wrong.
  let shape = probe.shape;
  let page = layout(ctx, unit, shape);
  const reused = reusable(ctx, `pack:${plan.id}`, packKey(ctx, unit, page.key));
  if (reused) {
    // The previous build printed and checked this very front matter: nothing to print or merge.
    await reuse(ctx, `pack:${plan.id}`, reused);
    await writeCache(ctx, `shape-${probe.key}.json`, JSON.stringify(shape));
    ctx.stats.packsReused++;
    await writeHtml(page.html);
    for (const [rel, n] of pageNumbers(ctx, plan, shape).sops) result.starts[rel] = n;
    return { result: { ...result, pdf: pdfFile, pages: (reused.meta as { pages?: number } | undefined)?.pages }, done: true };
  }
  let front = await frontPdf(ctx, htmlFile, page.parts, page.key);
  for (let attempt = 0; attempt < 3 && !sameShape(front, shape); attempt++) {
    shape = { pages: front.pages, anchors: front.anchors };
    page = layout(ctx, unit, shape);
    front = await frontPdf(ctx, htmlFile, page.parts, page.key);
  }
  // The printed shape is the truth for this layout: the next build needs no probe.
  await writeCache(ctx, `shape-${probe.key}.json`, JSON.stringify(shape));
  await writeHtml(page.html);
  const numbers = pageNumbers(ctx, plan, shape);
  for (const [rel, n] of numbers.sops) result.starts[rel] = n;
  const startOf = new Map(packEntries.map((e) => [e.rel, numbers.sops.get(e.rel)! - 1]));
  return { result, done: false, front, startOf };
}

/** The pack PDF: front matter, decree and SOP PDFs merged, with bookmarks and links. */
async function mergePack(ctx: BuildContext, unit: PackUnit, { result, front, startOf }: Extract<FrontReady, { done: false }>): Promise<BuiltPack> {
  const { plan, pdfFile, packEntries } = unit;
  const sopParts = await Promise.all(packEntries.map((e) => readFile(path.join(ctx.tmp, `${e.rel}.pdf`))));
  const { parts, mapLink, pageFor } = withDecree(unit, front, sopParts, packLinkMapper(ctx, unit, startOf));
  const { mergePdfs } = await pdfAssembly();
  const merged = await mergePdfs(parts, { mapLink, pageFor, outline: outlineOf(ctx, unit, front, startOf), title: plan.config.title, lang: ctx.labels.htmlLang, producer: `sop ${ctx.version}` });
  // Reproducible: the pack's dates are its latest SOP's (or SOURCE_DATE_EPOCH), never the time of the build.
  const date = packDate(ctx, unit.packEntries.map((e) => e.data));
  await write(ctx, pdfFile, reproduciblePdf(merged.pdf, date));
  made(ctx, `pack:${plan.id}`, { key: packKey(ctx, unit, front.key), files: [pdfFile], meta: { pages: merged.pages } });
  ctx.stats.packsMerged++;
  return { ...result, pdf: pdfFile, pages: merged.pages };
}

/** The print pool and the Mermaid pages close, and the caller learns that the build prints nothing more. */
async function printingDone(ctx: BuildContext): Promise<void> {
  await ctx.printer?.close();
  ctx.printer = undefined;
  await Promise.all(ctx.engines.map((e) => e.close()));
  ctx.engines = [];
  ctx.req.browserDone?.();
}

/**
 * Waits for every print and page (so none still runs when the browser closes), prints every pack's
 * front matter, then merges the packs in order (the browser may close meanwhile).
 */
export async function packStage(ctx: BuildContext): Promise<BuiltPack[]> {
  const settled = await Promise.allSettled(ctx.jobs);
  const failed = settled.find((x): x is PromiseRejectedResult => x.status === 'rejected');
  if (failed) throw failed.reason;
  // SOPs that could not be drawn or printed leave the output; the packs are made from the others
  dropFailed(ctx);
  for (const f of ctx.dropFiles) await rm(path.join(ctx.tmp, f), { force: true });
  const fronts: FrontReady[] = [];
  for (const unit of ctx.packs) fronts.push(await printFront(ctx, unit));
  await printingDone(ctx);
  const built: BuiltPack[] = [];
  const pageWork = ctx.progress.total > 0;
  for (let i = 0; i < ctx.packs.length; i++) {
    const ready = fronts[i];
    built.push(ready.done ? ready.result : await mergePack(ctx, ctx.packs[i], ready));
    if (pageWork) tick(ctx, 'pack', `${ctx.packs[i].plan.id}.pdf`);
  }
  return built;
}

/** The latest fixed creation date among a pack's SOPs. */
function packDate(ctx: BuildContext, data: Record<string, unknown>[]): Date {
  return data.map((d) => fixedCreationDate(d, ctx.req.env)).reduce((a, b) => (b > a ? b : a), new Date(0));
}
