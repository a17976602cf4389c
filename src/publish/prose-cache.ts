// A pack's texts (decree, Penjelasan) rendered from Markdown once and remembered across builds: the plan renders
// them to learn which images they show, and a rebuild after an SOP changed would otherwise render them again.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { proseHtml, rememberProseHtml } from '../pages/html/markdown.js';
import type { Prose } from '../pages/prose.js';
import { sha256 } from './cache/keys.js';
import { writeCache, type BuildContext } from './context.js';

const PROSE_CACHE_FORMAT = 'sop-prose/1';

/** What the renderer asked while rendering (an image's or a link's new address, in document order) and what it made. */
interface RenderedProse {
  calls: ['image' | 'link', string, string | null][];
  html: string;
}

/**
 * Renders `prose` (so proseHtml(prose) is ready), or takes last build's HTML of the same text when every
 * image and link it resolved resolves the same way now: the HTML is a function of the text, the
 * heading level, those answers and the code (the fingerprint). Asking again also registers the images
 * as assets, as rendering does.
 */
export async function renderProse(ctx: BuildContext, prose: Prose): Promise<void> {
  const name = `prose-${sha256(JSON.stringify([PROSE_CACHE_FORMAT, ctx.fingerprint, prose.topHeading ?? 1, prose.markdown]))}.json`;
  const cached = await readRendered(path.join(ctx.cacheDir, 'build', name));
  if (cached && cached.calls.every(([kind, arg, answer]) => ((kind === 'image' ? prose.image : prose.link)?.(arg) ?? null) === answer)) {
    ctx.usedCache.add(name);
    rememberProseHtml(prose, cached.html);
    return;
  }
  const calls: RenderedProse['calls'] = [];
  const ask = (kind: 'image' | 'link', fn: ((s: string) => string | undefined) | undefined) =>
    fn &&
    ((arg: string) => {
      const answer = fn(arg);
      calls.push([kind, arg, answer ?? null]);
      return answer;
    });
  const html = proseHtml({ ...prose, image: ask('image', prose.image), link: ask('link', prose.link) });
  rememberProseHtml(prose, html);
  await writeCache(ctx, name, JSON.stringify({ calls, html } satisfies RenderedProse));
}

async function readRendered(file: string): Promise<RenderedProse | undefined> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as RenderedProse;
    return Array.isArray(v.calls) && typeof v.html === 'string' ? v : undefined;
  } catch {
    return undefined; // none yet, or unreadable: render
  }
}
