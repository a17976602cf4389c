// Stage 5, pages: each SOP's HTML page once its Mermaid diagram is drawn (and its .mmd/.svg files); reuses unchanged ones.
import { sopPage } from '../../pages/html/sop.js';
import { SopMermaidError, toSvgId } from '../../render/mermaid/engine.js';
import { toMermaid } from '../../render/mermaid/source.js';
import { mermaidKey } from '../cache/keys.js';
import { made, reusable, reuse, tableOf, tick, track, write, type BuildContext, type SopUnit } from '../context.js';
import { sopDocument } from '../documents.js';
import { guarded, guardedJob } from '../failures.js';

async function mermaidSvg(ctx: BuildContext, u: SopUnit, source: string): Promise<{ svg?: string; failed?: boolean }> {
  if (ctx.mode !== 'svg' || ctx.engines.length === 0) return {};
  try {
    const r = await ctx.engines[u.index % ctx.engines.length].render(source, toSvgId(u.entry.rel));
    if (!r.cached) ctx.stats.mermaidRendered++;
    return { svg: r.svg };
  } catch (err) {
    if (!(err instanceof SopMermaidError)) throw err;
    ctx.warnings.push(`${u.entry.doc.file}: Mermaid: ${err.message.split('\n')[0]}`);
    return { failed: true };
  }
}

async function drawPage(ctx: BuildContext, u: SopUnit, source: string, writeMmd: boolean): Promise<void> {
  const { rel } = u.entry;
  const { svg, failed } = await mermaidSvg(ctx, u, source);
  if (ctx.todo.html.has(u)) {
    const { content, site } = sopDocument(ctx, u, tableOf(ctx, u), { svg, source, failed });
    await write(ctx, u.htmlFile, sopPage(content, site));
    made(ctx, `html:${rel}`, { key: u.htmlKey, files: [u.htmlFile], meta: u.meta });
    ctx.stats.htmlRendered++;
    tick(ctx, 'html', u.htmlFile);
  }
  if (writeMmd) {
    const files = [`${rel}.mmd`];
    await write(ctx, files[0], source);
    if (svg) {
      files.push(`${rel}.svg`);
      await write(ctx, files[1], svg);
    }
    made(ctx, `mmd:${rel}`, { key: mermaidKey(ctx.settingsKey, ctx.mode, source, rel), files });
  }
}

// Site pages wait for their Mermaid diagram; PDFs never show it, so they print from a page without
// it (the print stage): printing (other renderer processes) runs while Mermaid draws (its own page).
export async function pagesStage(ctx: BuildContext): Promise<void> {
  for (const u of ctx.sops) {
    const { rel } = u.entry;
    let source = '';
    if (!guarded(ctx, u, 'page', () => void (source = toMermaid(u.entry.model, { lang: ctx.req.lang })))) continue;
    const reusedHtml = ctx.wantHtml && !ctx.todo.html.has(u) ? reusable(ctx, `html:${rel}`, u.htmlKey) : undefined;
    if (reusedHtml) {
      await reuse(ctx, `html:${rel}`, reusedHtml);
      ctx.stats.htmlReused++;
    }
    const reusedMmd = ctx.req.mermaidFiles ? reusable(ctx, `mmd:${rel}`, mermaidKey(ctx.settingsKey, ctx.mode, source, rel)) : undefined;
    if (reusedMmd) await reuse(ctx, `mmd:${rel}`, reusedMmd);
    const writeMmd = ctx.req.mermaidFiles && !reusedMmd;
    if (!ctx.todo.html.has(u) && !writeMmd) continue;
    track(ctx, guardedJob(ctx, u, 'page', () => drawPage(ctx, u, source, writeMmd)));
  }
}
