// Stage 7, catalogue: the site's index.html listing every SOP and pack (or, PDF only, the pack pages removed).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { catalogueContent } from '../../pages/catalogue.js';
import { cataloguePage } from '../../pages/html/catalogue.js';
import { write, type BuildContext } from '../context.js';
import type { BuiltPack } from '../types.js';

export async function catalogueStage(ctx: BuildContext, packs: BuiltPack[]): Promise<void> {
  if (!ctx.wantHtml) {
    // The pack page was only the print source of the front matter.
    for (const plan of ctx.packPlans) await rm(path.join(ctx.tmp, `${plan.id}.html`), { force: true });
    return;
  }
  const pdfs = new Set(ctx.entries.filter((e) => ctx.pdfPages.has(e.rel)).map((e) => e.rel));
  const content = catalogueContent({
    entries: ctx.entries,
    labels: ctx.labels,
    agency: ctx.agency,
    packs: packs.map((b) => ({ title: b.title, htmlHref: b.html ?? `${b.id}.html`, pdfHref: b.pdf })),
    pdfs,
    links: ctx.req.siteLinks,
    pdfSha: new Map([...ctx.pdfPages].flatMap(([rel, f]) => (f.sha256 ? [[rel, f.sha256] as [string, string]] : []))),
    bodies: new Map(ctx.entries.map((e) => [e.rel, e.doc.body])),
    today: ctx.req.today,
  });
  await write(ctx, 'index.html', cataloguePage(content));
}
