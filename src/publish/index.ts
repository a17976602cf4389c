// `sop build` as stages over one BuildContext: plan -> keys and reuse -> draw -> print -> pages -> packs -> catalogue -> publish.
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { readManifest } from './cache/manifest.js';
import { createContext, type BuildContext } from './context.js';
import { failuresOf } from './failures.js';
import { createTempDir, recoverOutput } from './output.js';
import { catalogueStage } from './stages/catalogue.js';
import { drawStage } from './stages/draw.js';
import { keyStage } from './stages/keys.js';
import { packStage } from './stages/packs.js';
import { pagesStage } from './stages/pages.js';
import { planStage } from './stages/plan.js';
import { printStage } from './stages/print.js';
import { publishStage } from './stages/publish.js';
import type { RunBuildOptions, RunBuildResult } from './types.js';

export type { BuildProgress, BuiltPack, BuiltSop, BuildStats, FlowTableRenderer, OutputFormat, RunBuildOptions, RunBuildResult } from './types.js';

function resultOf(ctx: BuildContext): Omit<RunBuildResult, 'upToDate' | 'files' | 'packs'> {
  return {
    outDir: ctx.req.outDir,
    sops: ctx.sops.map((u) => ({
      file: u.entry.doc.file,
      rel: u.entry.rel,
      nomor: u.entry.nomor,
      nama: u.entry.nama,
      html: ctx.wantHtml ? u.htmlFile : undefined,
      pdf: ctx.pdfPages.has(u.entry.rel) ? u.pdfFile : undefined,
      pages: ctx.pdfPages.get(u.entry.rel)?.pages,
      ...(ctx.req.control?.get(u.entry.doc.absPath)?.draft?.length ? { draft: ctx.req.control.get(u.entry.doc.absPath)!.draft } : {}),
    })),
    pdfSkipped: ctx.pdfSkipped,
    warnings: ctx.warnings,
    failed: failuresOf(ctx),
    stats: ctx.stats,
  };
}

/** Builds into a temp folder beside `outDir` and publishes it at once; a failed build leaves the old output as it was. */
export async function runBuild(req: RunBuildOptions): Promise<RunBuildResult> {
  const t0 = performance.now();
  await recoverOutput(req.outDir);
  const old = await readManifest(req.outDir);
  const ctx = createContext(req, await createTempDir(req.outDir), old);
  try {
    await planStage(ctx);
    keyStage(ctx);
    await drawStage(ctx);
    await printStage(ctx);
    await pagesStage(ctx);
    const packs = await packStage(ctx);
    await catalogueStage(ctx, packs);
    const { upToDate, files } = await publishStage(ctx);
    ctx.stats.ms = performance.now() - t0;
    const r = resultOf(ctx);
    return { outDir: r.outDir, upToDate, sops: r.sops, packs, pdfSkipped: r.pdfSkipped, warnings: r.warnings, failed: r.failed, stats: r.stats, files };
  } catch (err) {
    // Jobs still running would write into the folder being removed.
    await Promise.allSettled(ctx.jobs);
    await rm(ctx.tmp, { recursive: true, force: true });
    throw err;
  } finally {
    await ctx.printer?.close();
    await Promise.all(ctx.engines.map((e) => e.close()));
    await ctx.browser.close();
  }
}
