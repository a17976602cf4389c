// Stage 3, draw: flow tables (while Chromium starts), then the browser's verdict, the print pool, Mermaid engines and shared assets.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fontFiles, STYLESHEET } from '../../pages/html/assets.js';
import { createPrinter } from '../../print/pool.js';
import { createMermaidEngine } from '../../render/mermaid/engine.js';
import { tableOf, track, write, writeAssets, type BuildContext } from '../context.js';
import { guarded } from '../failures.js';
import { keyStage } from './keys.js';

export async function drawStage(ctx: BuildContext): Promise<void> {
  // Mermaid needs the browser only for pages (or .svg files) to draw; PDFs always do.
  const needsBrowser = (ctx.mode === 'svg' && ctx.todo.html.size + ctx.todo.mmd.size > 0) || ctx.todo.pdf.size > 0;
  // Chromium takes ~0.5 s to start: draw the flow tables meanwhile, yielding between SOPs so the
  // launch can make progress. Tables do not depend on the browser; which SOPs need one might.
  const launching = needsBrowser ? ctx.browser.get() : undefined;
  const needTable = new Set([...ctx.todo.html, ...ctx.todo.pdf]);
  for (const u of ctx.sops) {
    if (!needTable.has(u)) continue;
    guarded(ctx, u, 'table', () => void tableOf(ctx, u));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (launching) {
    ctx.browser.browser = await launching;
    if (!ctx.browser.browser) {
      ctx.mode = 'source';
      ctx.pdfOn = false;
      keyStage(ctx);
    }
  }
  ctx.pdfSkipped = ctx.wantPdf && !ctx.pdfOn ? ctx.browser.missing : undefined;
  const browser = ctx.browser.browser;
  if (browser && ctx.pdfOn) {
    // Every page of the pool opened at once rather than when the first jobs queue up.
    ctx.printer = createPrinter(browser, ctx.concurrency, ctx.tmp);
    track(ctx, ctx.printer.warm());
  }
  if (browser && ctx.mode === 'svg') {
    // One Mermaid page draws ~5-10 diagrams a second; big builds get a second page (its setup costs ~1 s).
    const count = Math.max(1, Math.min(ctx.concurrency, Math.ceil(ctx.todo.html.size / 25)));
    ctx.engines = Array.from({ length: count }, () => createMermaidEngine({ browser, cacheDir: path.join(ctx.cacheDir, 'mermaid') }));
  }
  // Packs count as work only when pages change; an up-to-date build shows no progress at all.
  const pageWork = ctx.todo.html.size + ctx.todo.pdf.size;
  ctx.progress.total = pageWork + (pageWork > 0 ? ctx.packPlans.length : 0);
  // Shared assets: always fresh copies, they are small.
  await mkdir(path.join(ctx.tmp, 'assets'), { recursive: true });
  await copyFile(STYLESHEET, path.join(ctx.tmp, 'assets/sop.css'));
  for (const [site, file] of fontFiles()) await write(ctx, site, await readFile(file));
  // The front matter shows the logo and the images of its texts: they must be in place before it prints.
  await writeAssets(ctx);
}
