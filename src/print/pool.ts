// Prints built pages to PDF with a bounded pool of browser pages; each keeps one loaded print document and only swaps its content.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { isolatePage } from './offline.js';
import { absolutizeUrls } from './urls.js';

/** A document to print, in the parts the HTML writer makes (pages/html PageParts has this shape). */
export interface PrintDocument {
  lang: string;
  title: string;
  /** The page's own CSS (@page rule, sizes); the shared stylesheet comes on top. */
  css: string;
  bodyClass: string;
  body: string;
}

export interface PrintJob {
  parts: PrintDocument;
  /** The file: URL the page has on the site; its relative links and images resolve against it. */
  url: string;
  /**
   * A paper format for Chromium (A4 prints as 841.92 x 595.92 pt, the size every PDF tool expects);
   * without it the page's CSS @page size is used (F4). Margins come from CSS either way.
   */
  format?: { format: 'A4'; landscape: boolean };
}

export interface Printer {
  /** PDF bytes of one page; paper and margins come from its CSS @page rule. */
  print(job: PrintJob): Promise<Buffer>;
  /**
   * Heights (mm) of the elements with these ids when the page is laid out for print at `widthMm`:
   * enough to foresee how many pages each part takes, without printing.
   */
  measure(job: PrintJob, ids: readonly string[], widthMm: number): Promise<Record<string, number>>;
  /** Opens every page of the pool now (in parallel), so the first jobs do not wait for them one by one. */
  warm(): Promise<void>;
  /** Number of documents printed so far. */
  readonly printed: number;
  /** Requests the print pages refused (anything but data: and the site's own files), in order. */
  readonly blocked: readonly string[];
  /** Closes the pages and removes the print document; safe to call twice. */
  close(): Promise<void>;
}

const SHELL_DIR = '.sop-print';

/** One document's print; a page that takes longer fails that document only (see discard). */
const PRINT_TIMEOUT_MS = 120_000;

/** Blank start-up tabs already taken by a printer. */
const claimed = new WeakSet<Page>();

/**
 * The print page's Content-Security-Policy, a second wall behind the escaping as on the published
 * pages (pages/html/shell.ts): every job's body goes in by innerHTML, so an event handler that got
 * past the escaping would run here, during the build. No script of the page runs (the pool's own
 * code comes through the DevTools protocol, which the policy does not govern), and only file: and
 * data: styles, images and fonts load (isolatePage keeps file: to the site).
 */
export const PRINT_CSP = "default-src 'none'; style-src file: 'unsafe-inline'; img-src file: data:; font-src file: data:; script-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * `size` pages at most. A page loads the stylesheet and fonts once; every job then only replaces the
 * body and the page's own CSS, which halves the time per document compared with loading a new one.
 * Pages share the default browser context: measured, separate contexts open twice as slowly and
 * print a third slower (each starts with cold font and style caches).
 */
export function createPrinter(browser: Browser, size: number, siteDir: string): Printer {
  const idle: Page[] = [];
  const waiting: { resolve: (p: Page) => void; reject: (err: unknown) => void }[] = [];
  const pages: Page[] = [];
  const shellFile = path.join(siteDir, SHELL_DIR, 'print.html');
  let shellReady: Promise<void> | undefined;
  let created = 0;
  let printed = 0;
  let closed = false;
  const blocked: string[] = [];

  const shell = (): Promise<void> =>
    (shellReady ??= (async () => {
      await mkdir(path.dirname(shellFile), { recursive: true });
      const css = pathToFileURL(path.join(siteDir, 'assets', 'sop.css')).href;
      await writeFile(
        shellFile,
        `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}"><link rel="stylesheet" href="${css}"><style id="page-css"></style></head><body></body></html>`,
      );
    })());

  const acquire = async (): Promise<Page> => {
    const free = idle.pop();
    if (free) return free;
    if (created < size) {
      created++;
      let page: Page | undefined;
      try {
        // The blank tab Chromium opens at start is the first worker: one page less to create.
        const blank = created === 1 ? (await browser.pages()).find((p) => p.url() === 'about:blank' && !claimed.has(p)) : undefined;
        if (blank) claimed.add(blank);
        page = blank ?? (await browser.newPage());
        pages.push(page);
        // offline: the site's own files and data: only; a URL in an SOP reaches neither the network nor other files
        await isolatePage(page, { fileRoots: [siteDir], onBlocked: (url) => blocked.push(url) });
        await shell();
        await page.goto(pathToFileURL(shellFile).href, { waitUntil: 'load' });
        // page.pdf() lays out for print anyway; measure() needs the same styles.
        await page.emulateMediaType('print');
        return page;
      } catch (err) {
        // the slot is given back (a full disk while writing the print document must not leave every
        // later job waiting for a page that will never come); whoever waits tries again and fails the same way
        created--;
        if (page) {
          pages.splice(pages.indexOf(page), 1);
          await page.close().catch(() => undefined);
        }
        if (created === 0) for (const w of waiting.splice(0)) w.reject(err);
        throw err;
      }
    }
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (page: Page): void => {
    const next = waiting.shift();
    if (next) next.resolve(page);
    else idle.push(page);
  };
  /**
   * A page whose job failed (a print that timed out may still be laying out) is closed, not reused:
   * its slot goes to a fresh page, so one bad document never slows or breaks the jobs after it.
   */
  const discard = (page: Page): void => {
    pages.splice(pages.indexOf(page), 1);
    created--;
    void page.close().catch(() => undefined);
    if (waiting.length > 0 && !closed) {
      acquire().then(release, (err: unknown) => {
        for (const w of waiting.splice(0)) w.reject(err);
      });
    }
  };

  /** Puts the job's content into the page and waits for its images and fonts. */
  const load = (page: Page, job: PrintJob): Promise<void> => {
    const { parts } = job;
    return page.evaluate(
      async (p, body) => {
        document.documentElement.lang = p.lang;
        document.title = p.title;
        document.getElementById('page-css')!.textContent = p.css;
        document.body.className = p.bodyClass;
        document.body.innerHTML = body;
        // Images and web fonts load on first use; printing earlier would leave them out.
        const pending = [...document.images].filter((img) => !img.complete);
        await Promise.all(
          pending.map(
            (img) =>
              new Promise((resolve) => {
                img.addEventListener('load', resolve, { once: true });
                img.addEventListener('error', resolve, { once: true });
              }),
          ),
        );
        await document.fonts.ready;
      },
      { lang: parts.lang, title: parts.title, css: parts.css, bodyClass: parts.bodyClass },
      absolutizeUrls(parts.body, job.url),
    );
  };

  return {
    get printed() {
      return printed;
    },
    get blocked() {
      return blocked;
    },
    async warm(): Promise<void> {
      const pages = await Promise.all(Array.from({ length: size - created }, () => acquire()));
      for (const p of pages) release(p);
    },
    async measure(job: PrintJob, ids: readonly string[], widthMm: number): Promise<Record<string, number>> {
      if (closed) throw new Error('printer closed');
      const page = await acquire();
      try {
        await page.setViewport({ width: Math.round((widthMm * 96) / 25.4), height: 800 });
        await load(page, job);
        return await page.evaluate((list: string[]) => {
          const out: Record<string, number> = {};
          for (const id of list) {
            const el = document.getElementById(id);
            if (el) out[id] = (el.getBoundingClientRect().height * 25.4) / 96;
          }
          return out;
        }, [...ids]);
      } finally {
        release(page);
      }
    },
    async print(job: PrintJob): Promise<Buffer> {
      if (closed) throw new Error('printer closed');
      const page = await acquire();
      let pdf: Uint8Array;
      try {
        await load(page, job);
        const size = job.format ? { format: job.format.format, landscape: job.format.landscape } : { preferCSSPageSize: true };
        pdf = await page.pdf({ ...size, printBackground: true, tagged: true, outline: false, timeout: PRINT_TIMEOUT_MS });
      } catch (err) {
        discard(page);
        throw err;
      }
      printed++;
      release(page);
      return Buffer.from(pdf);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
      await rm(path.dirname(shellFile), { recursive: true, force: true });
    },
  };
}
