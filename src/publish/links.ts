// Where the links of a printed PDF go: into the build folder they become relative, inside a pack they become page jumps.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside, toPosix } from '../core/paths.js';
import type { LinkAction, LinkTarget } from '../print/pdf/assemble.js';
import type { BuildContext, PackUnit } from './context.js';
import { relUrl } from './plan.js';

/** A link Chromium printed as a file: URL, seen from the site page `fromSite`. */
export function sopLinkTarget(ctx: BuildContext, fromSite: string, uri: string): LinkTarget | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let abs: string;
  try {
    abs = fileURLToPath(uri.split('#')[0]);
  } catch {
    return null;
  }
  // A link into the build folder: make it relative, so it survives the swap and any later move.
  if (!isInside(abs, ctx.tmp)) return null;
  const site = toPosix(path.relative(ctx.tmp, abs));
  const target = ctx.byHtml.get(site);
  if (target && ctx.pdfOn) return { file: path.posix.relative(path.posix.dirname(fromSite), `${target.rel}.pdf`) };
  return { uri: relUrl(fromSite, site) };
}

/**
 * The links of a pack's parts: part 0 is the front matter (links relative to the pack), the others are
 * SOP PDFs (relative to their folder). An SOP of the pack becomes a jump to its first page.
 */
export function packLinkMapper(ctx: BuildContext, unit: PackUnit, startOf: Map<string, number>): (part: number, a: LinkAction) => LinkTarget | undefined {
  const packRels = new Set(unit.packEntries.map((e) => e.rel));
  return (part, a) => {
    const fromDir = part === 0 ? '' : path.posix.dirname(unit.packEntries[part - 1].rel);
    const raw = a.kind === 'uri' ? a.uri : a.file;
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return undefined;
    const site = path.posix.normalize(path.posix.join(fromDir, decodeURIComponent(raw.split('#')[0])));
    const rel = site.replace(/\.(html|pdf)$/, '');
    if (packRels.has(rel)) return { page: startOf.get(rel)! };
    const target = ctx.byHtml.get(`${rel}.html`);
    if (target) return { file: `${target.rel}.pdf` };
    return part === 0 ? null : { uri: site };
  };
}
