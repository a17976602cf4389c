// Stage 4, print: starts each SOP's PDF (and the probe of each pack's front matter) in the print pool; reuses unchanged PDFs.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packPage, packPageParts } from '../../pages/html/pack.js';
import type { PageParts } from '../../pages/html/shell.js';
import { sopPageParts } from '../../pages/html/sop.js';
import { packContent } from '../../pages/pack.js';
import type { LinkAction } from '../../print/pdf/assemble.js';
import { pdfAssembly } from '../../print/pdf/load.js';
import { documentTitle } from '../../pages/sop.js';
import { fixedCreationDate, reproduciblePdf } from '../../print/pdf-dates.js';
import { sha256 } from '../cache/keys.js';
import { made, printerOf, reusable, reuse, tableOf, tick, track, write, type BuildContext, type PdfFacts, type SopUnit } from '../context.js';
import { sopDocument } from '../documents.js';
import { guarded, guardedJob } from '../failures.js';
import { FRONT_CACHE_FORMAT, frontShape } from '../front.js';
import { sopLinkTarget } from '../links.js';

async function printSop(ctx: BuildContext, u: SopUnit, parts: PageParts): Promise<void> {
  const { labels } = ctx;
  const printer = await printerOf(ctx);
  // the PDF library loads while Chromium prints (the main thread waits for it anyway)
  const assembly = pdfAssembly();
  assembly.catch(() => undefined); // awaited below, after the print
  const raw = await printer.print({ parts, url: pathToFileURL(path.join(ctx.tmp, u.htmlFile)).href, format: ctx.req.paper === 'A4' ? { format: 'A4', landscape: true } : undefined });
  const { relinkPdf } = await assembly;
  const riwayat = sopDocument(ctx, u, tableOf(ctx, u)).content.riwayat;
  const partTitles: [string, string][] = [['identitas', labels.identitas], ['prosedur-1', labels.prosedur], ...(riwayat ? [['riwayat', riwayat.title] as [string, string]] : []), ['catatan', labels.catatan]];
  const out = await relinkPdf(raw, {
    mapLink: (a: LinkAction) => (a.kind === 'uri' ? sopLinkTarget(ctx, u.pdfFile, a.uri) : undefined),
    outline: (dests) => partTitles.filter(([id]) => dests.has(id)).map(([id, title]) => ({ title, page: dests.get(id)! })),
    title: documentTitle(u.entry.nomor, u.entry.nama),
  });
  // Finished before signing: the same input gives the same bytes (fixed dates), and the site shows the hash.
  const pdf = reproduciblePdf(out.pdf, fixedCreationDate(u.entry.data, ctx.req.env));
  await write(ctx, u.pdfFile, pdf);
  ctx.stats.pdfPrinted++;
  const meta = { pages: out.pages, dests: Object.fromEntries(out.dests), sha256: sha256(pdf), ...u.meta };
  ctx.pdfPages.set(u.entry.rel, meta);
  made(ctx, `pdf:${u.entry.rel}`, { key: u.pdfKey, files: [u.pdfFile], meta });
  tick(ctx, 'pdf', u.pdfFile);
}

export async function printStage(ctx: BuildContext): Promise<void> {
  if (ctx.pdfOn) {
    for (const pack of ctx.packs) {
      // Same layout as the real one (page numbers sit in fixed-width cells), placeholder numbers.
      const placeholders = new Map(pack.packEntries.map((e) => [e.rel, 888]));
      const content = packContent({ ...pack.base, pages: { keputusan: 888, daftarIsi: 888, penjelasan: 888, sops: placeholders } });
      const html = packPage(content, { pdfHref: pack.pdfFile });
      pack.probe = frontShape(ctx, pack.htmlFile, packPageParts(content, { pdfHref: pack.pdfFile }), sha256(`${FRONT_CACHE_FORMAT}|probe|${ctx.req.paper}|${ctx.fingerprint}|${html}`));
      track(ctx, pack.probe.then(() => undefined));
    }
  }
  if (!ctx.pdfOn) return;
  for (const u of ctx.sops) {
    if (ctx.todo.pdf.has(u)) {
      let parts: PageParts | undefined;
      if (!guarded(ctx, u, 'page', () => {
        const { content, site } = sopDocument(ctx, u, tableOf(ctx, u));
        parts = sopPageParts(content, site);
      })) continue;
      track(ctx, guardedJob(ctx, u, 'print', () => printSop(ctx, u, parts!)));
      continue;
    }
    const reused = reusable(ctx, `pdf:${u.entry.rel}`, u.pdfKey);
    if (!reused) continue;
    await reuse(ctx, `pdf:${u.entry.rel}`, reused);
    ctx.pdfPages.set(u.entry.rel, reused.meta as unknown as PdfFacts);
    ctx.stats.pdfReused++;
  }
}
