// Stage 2, keys and reuse: each page's and PDF's key for this build, and which of them the previous output already holds.
import { toMermaid } from '../../render/mermaid/source.js';
import { mermaidKey, sha256 } from '../cache/keys.js';
import { reusable, type BuildContext, type SopUnit } from '../context.js';

/** Runs again when the browser turns out to be missing: the pages' keys depend on it. */
export function keyStage(ctx: BuildContext): void {
  for (const u of ctx.sops) {
    u.htmlKey = sha256(`${u.baseKey}|html|${ctx.mode}|${ctx.pdfOn}`);
    // The PDF does not show the Mermaid diagram or the PDF link: it keys on the page's content only.
    u.pdfKey = sha256(`${u.baseKey}|pdf`);
  }
  const rel = (u: SopUnit): string => u.entry.rel;
  ctx.todo = {
    html: new Set(ctx.wantHtml ? ctx.sops.filter((u) => !reusable(ctx, `html:${rel(u)}`, u.htmlKey)) : []),
    pdf: new Set(ctx.pdfOn ? ctx.sops.filter((u) => !reusable(ctx, `pdf:${rel(u)}`, u.pdfKey)) : []),
    mmd: new Set(ctx.req.mermaidFiles ? ctx.sops.filter((u) => !reusable(ctx, `mmd:${rel(u)}`, mermaidKey(ctx.settingsKey, ctx.mode, toMermaid(u.entry.model, { lang: ctx.req.lang }), rel(u)))) : []),
  };
}
