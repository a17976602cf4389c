// One SOP that cannot be drawn or printed is that SOP's error, located in its file; the other SOPs
// (and the packs, without it) are still built. Only faults of the output itself (full disk) stop a build.
import { writeErrorOf } from '../core/write-error.js';
import { locate } from '../document/sop-document.js';
import type { BuildContext, SopUnit } from './context.js';
import type { SopEntry } from './plan.js';
import type { SopFailure } from './types.js';

/** Which part of an SOP failed: where its error points in the file follows from it. */
export type FailedPart = 'plan' | 'table' | 'page' | 'print';

const PART: Record<FailedPart, [string, string]> = {
  plan: ['halaman', 'page'],
  table: ['tabel alir', 'flow table'],
  page: ['halaman', 'page'],
  print: ['PDF', 'PDF'],
};

/** A fault of the output as a whole (full disk, read-only folder): no SOP can be built, the build stops. */
export function stopsTheBuild(err: unknown, ctx: BuildContext): boolean {
  return writeErrorOf(err, ctx.req.lang, ctx.tmp) !== undefined;
}

/** The first line of an error, without a stack; a print timeout said as such. */
function reasonOf(err: unknown, en: boolean): string {
  const e = err as Error | undefined;
  if (e?.name === 'TimeoutError') return en ? 'the browser did not finish within its time limit' : 'peramban tidak selesai dalam batas waktunya';
  const first = String(e?.message ?? err).split('\n')[0].trim();
  return first.length > 300 ? `${first.slice(0, 300)}…` : first || (en ? 'unknown error' : 'kesalahan tidak dikenal');
}

/** Records that `entry` failed (the first failure of an SOP is the one reported). */
export function failSop(ctx: BuildContext, entry: SopEntry, part: FailedPart, err: unknown): void {
  if (stopsTheBuild(err, ctx)) throw err;
  if (ctx.failed.has(entry.rel)) return;
  const en = ctx.req.lang === 'en';
  const doc = entry.doc;
  // the flow table is drawn from `prosedur`, its column headers from `pelaksana` (and the labels):
  // a header taller than a page points where lint's flow-header-too-tall and `sop render` point;
  // anything else at the SOP's first line
  const header = (err as Error | undefined)?.name === 'SopHeaderTooTallError';
  const at = part === 'table' ? locate(doc, [header ? 'pelaksana' : 'prosedur'], { key: true }) : { line: 1, column: 1 };
  const [id, eng] = PART[part];
  ctx.failed.set(entry.rel, {
    file: doc.file,
    line: at.line,
    column: at.column,
    message: en ? `SOP not built (${eng}): ${reasonOf(err, true)}; the other SOPs were built` : `SOP tidak dibangun (${id}): ${reasonOf(err, false)}; SOP lain tetap dibangun`,
  });
}

/** Runs one SOP's synchronous step; false when it failed (and was recorded). */
export function guarded(ctx: BuildContext, u: SopUnit, part: FailedPart, step: () => void): boolean {
  if (ctx.failed.has(u.entry.rel)) return false;
  try {
    step();
    return true;
  } catch (err) {
    failSop(ctx, u.entry, part, err);
    return false;
  }
}

/** One SOP's asynchronous job: a failure is recorded, never thrown (except a fault of the output). */
export async function guardedJob(ctx: BuildContext, u: SopUnit, part: FailedPart, job: () => Promise<void>): Promise<void> {
  if (ctx.failed.has(u.entry.rel)) return;
  try {
    await job();
  } catch (err) {
    failSop(ctx, u.entry, part, err);
  }
}

/**
 * Takes the failed SOPs out of the build once every job has settled: their pages and units go, the
 * catalogue and the packs are made from the others (a pack with no SOP left is not made).
 */
export function dropFailed(ctx: BuildContext): void {
  if (ctx.failed.size === 0) return;
  const failed = (e: SopEntry) => ctx.failed.has(e.rel);
  for (const u of ctx.sops.filter((x) => failed(x.entry))) {
    for (const name of [`html:${u.entry.rel}`, `pdf:${u.entry.rel}`, `mmd:${u.entry.rel}`]) delete ctx.units[name];
    ctx.pdfPages.delete(u.entry.rel);
    ctx.dropFiles.push(u.htmlFile, u.pdfFile, `${u.entry.rel}.mmd`, `${u.entry.rel}.svg`);
  }
  ctx.sops = ctx.sops.filter((u) => !failed(u.entry));
  ctx.entries = ctx.entries.filter((e) => !failed(e));
  ctx.packs = ctx.packs.flatMap((unit) => {
    const sections = unit.plan.sections.map((s) => ({ ...s, entries: s.entries.filter((e) => !failed(e)) })).filter((s) => s.entries.length > 0);
    if (sections.length === unit.plan.sections.length && sections.every((s, i) => s.entries.length === unit.plan.sections[i].entries.length)) return [unit];
    if (sections.length === 0) {
      ctx.warnings.push(`${unit.plan.id}: ${ctx.req.lang === 'en' ? 'no SOP of this pack could be built; the pack is not made' : 'tidak ada SOP paket ini yang dapat dibangun; paket tidak dibuat'}`);
      ctx.dropFiles.push(unit.htmlFile, unit.pdfFile);
      return [];
    }
    const plan = { ...unit.plan, sections };
    return [{ ...unit, plan, base: { ...unit.base, pack: plan }, packEntries: sections.flatMap((s) => s.entries) }];
  });
  ctx.packPlans = ctx.packs.map((p) => p.plan);
}

/** The failures, in file order. */
export function failuresOf(ctx: BuildContext): SopFailure[] {
  return [...ctx.failed.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
