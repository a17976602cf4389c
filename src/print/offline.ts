// Browser pages of a build are offline: request interception fails every request that is not
// `data:`, the page's own about:blank, (for the print pages) a file of the site being built, or (for the
// Mermaid page) a file of sop's own that the page is answered with from memory, never fetched.
// Nothing an SOP writes can reach the network or a file outside the build.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Page } from 'puppeteer-core';

export interface OfflineOptions {
  /** Folders whose files the page may load (file: URLs); none by default. */
  fileRoots?: readonly string[];
  /** Called with each URL that was refused. */
  onBlocked?: (url: string) => void;
  /** Answers a request itself (body and content type) instead of letting it through; undefined: not one of its own. */
  serve?: (url: string) => ServedFile | undefined;
}

/** What a page is answered with from memory. */
export interface ServedFile {
  /** 200 unless given. */
  status?: number;
  body: Buffer | string;
  contentType: string;
}

/** Whether `url` is a file: URL inside one of `roots` (after resolving `..`). */
function fileInside(url: string, roots: readonly string[]): boolean {
  if (!url.startsWith('file:') || roots.length === 0) return false;
  let file: string;
  try {
    file = path.resolve(fileURLToPath(url));
  } catch {
    return false;
  }
  return roots.some((r) => {
    const rel = path.relative(path.resolve(r), file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/** Turns request interception on and refuses what the page may not load. */
export async function isolatePage(page: Page, opts: OfflineOptions = {}): Promise<void> {
  const roots = opts.fileRoots ?? [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    const own = opts.serve?.(url);
    if (own) {
      void req.respond({ status: own.status ?? 200, contentType: own.contentType, body: own.body }).catch(() => undefined);
      return;
    }
    if (url.startsWith('data:') || url === 'about:blank' || fileInside(url, roots)) {
      void req.continue().catch(() => undefined);
      return;
    }
    opts.onBlocked?.(url);
    void req.abort('blockedbyclient').catch(() => undefined);
  });
}
