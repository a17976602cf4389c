// Stage 8, publish: the manifest, then the new output swapped in at once (or the old one kept when nothing changed), the cache pruned.
import { existsSync } from 'node:fs';
import { readdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_NAME, type Manifest } from '../cache/manifest.js';
import { writeAssets, type BuildContext } from '../context.js';
import { listFiles, makeWorldReadable, sameContent, swapIn } from '../output.js';

/** Removes front matter PDFs and shapes this build did not use: they belong to layouts that are gone. */
/** Removes the cache files of `kinds` (`front`, `shape`, `svg`) this build did not use. */
async function pruneCache(dir: string, used: Set<string>, kinds: string[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const pattern = new RegExp(`^(${kinds.join('|')})-[0-9a-f]{64}\\.`);
  for (const n of names) if (pattern.test(n) && !used.has(n)) await rm(path.join(dir, n), { force: true });
}

/** Returns whether the old output was kept (nothing changed) and the files of the output. */
export async function publishStage(ctx: BuildContext): Promise<{ upToDate: boolean; files: string[] }> {
  const { req, tmp } = ctx;
  await writeAssets(ctx);
  // Closing the printer also removes its print document from the folder.
  await ctx.printer?.close();
  const sources = [...req.docs.map((d) => d.absPath), ...(req.config.file ? [req.config.file] : []), ...ctx.assets.files.values()];
  for (const plan of ctx.packPlans) for (const f of [plan.config.keputusan?.file, plan.config.penjelasan]) if (f) sources.push(path.resolve(req.config.dir, f));
  const manifest: Manifest = { format: 1, tool: ctx.version, units: ctx.units, sources };
  await writeFile(path.join(tmp, MANIFEST_NAME), `${JSON.stringify(manifest, null, 1)}\n`);
  const files = (await listFiles(tmp)).filter((f) => f !== MANIFEST_NAME);

  // Same units, same files, nothing rebuilt: keep the old output untouched.
  const oldFiles = existsSync(req.outDir) ? (await listFiles(req.outDir)).filter((f) => f !== MANIFEST_NAME) : [];
  const old = ctx.old;
  const sameUnits = old !== undefined && JSON.stringify(Object.keys(old.units).sort()) === JSON.stringify(Object.keys(ctx.units).sort());
  const upToDate = ctx.rebuilt === 0 && sameUnits && JSON.stringify(oldFiles) === JSON.stringify(files) && (await sameContent(files, tmp, req.outDir));
  if (upToDate) {
    await rm(tmp, { recursive: true, force: true });
    // Inputs touched without a change: the manifest's date keeps the next build from starting Chromium early.
    const now = new Date();
    await utimes(path.join(req.outDir, MANIFEST_NAME), now, now);
  } else {
    // Ctrl-C while printing: the session closes the browser, then the signal ends the process (status 130). The
    // prints the closing browser failed must not be published as a site meanwhile: wait for the signal instead.
    if (ctx.browser.interrupted()) await new Promise<never>(() => undefined);
    await makeWorldReadable(tmp);
    await swapIn(tmp, req.outDir);
  }
  // the front matter's files serve printing builds only: a site-only build keeps them for the next printing one
  await pruneCache(path.join(ctx.cacheDir, 'build'), ctx.usedCache, ctx.pdfOn ? ['front', 'shape', 'svg', 'prose'] : ['svg', 'prose']);
  return { upToDate, files };
}
