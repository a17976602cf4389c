// Renders many Mermaid diagrams to SVG with one browser page (Mermaid loaded once) and a content-addressed file cache.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../core/write-atomic.js';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'puppeteer-core';
import { isolatePage, type ServedFile } from '../../print/offline.js';
import { MERMAID_ENTRY, mermaidModule, mermaidVersion } from './bundle.js';

const require = createRequire(import.meta.url);

/** Raised when Mermaid rejects a diagram; `message` is Mermaid's own (parse position included). */
export class SopMermaidError extends Error {
  override name = 'SopMermaidError';
  constructor(
    message: string,
    readonly svgId: string,
  ) {
    super(message);
  }
}

/**
 * What Mermaid is initialised with. SVG `<text>` labels instead of HTML in `<foreignObject>`: the SVG
 * then renders outside a browser (rsvg, office suites) and host-page CSS cannot leak into labels.
 * Arimo is metric-compatible with Arial/Liberation Sans, the font of the printed document.
 */
export const DEFAULT_MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  htmlLabels: false,
  // labels arrive already broken into lines (source.ts wrapWords); Mermaid's own word-by-word wrapping is the slow part
  markdownAutoWrap: false,
  flowchart: { htmlLabels: false, wrappingWidth: 1000 },
  theme: 'neutral',
  fontFamily: 'Arimo, Arial, sans-serif',
} as const;

/** Bumped when the engine changes the SVG it stores, so old cache entries stop matching. */
const CACHE_FORMAT = 'sop-mermaid-engine/1';

export { mermaidVersion };

/** An id usable as an SVG element id and CSS selector (Mermaid scopes its styles by it). */
export function toSvgId(slug: string, prefix = 'mmd'): string {
  const cleaned = slug.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${prefix}-${cleaned || 'diagram'}`;
}

const SVG_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export interface MermaidEngineOptions {
  /** Where rendered SVGs are kept; default `<cwd>/.sop-cache/mermaid`; `false` turns the cache off. */
  cacheDir?: string | false;
  /** Base for the default cache dir; default process.cwd(). */
  cwd?: string;
  /** Reuse this browser (e.g. the build's); the engine then never closes it. */
  browser?: Browser;
  /** How to get a browser on the first cache miss when none was passed; default launchBrowser(). */
  launch?: () => Promise<Browser>;
  /** Merged over DEFAULT_MERMAID_CONFIG (one level deep for `flowchart`). */
  config?: Record<string, unknown>;
}

export interface MermaidRenderResult {
  svg: string;
  /** True when the SVG came from the cache and no rendering happened. */
  cached: boolean;
}

export interface MermaidEngineStats {
  /** Diagrams rendered in the browser. */
  renders: number;
  /** Diagrams served from the cache (file or an identical request in flight). */
  cacheHits: number;
  /** Time to get a browser and load Mermaid into the page (0 until the first miss). */
  setupMs: number;
  /** Time spent inside render calls in the browser, setup excluded. */
  renderMs: number;
  /** Requests the page tried to make and was refused (anything but `data:`): 0 unless a diagram tried. */
  blockedRequests: number;
}

export interface MermaidEngine {
  /** SVG for `source`; `svgId` becomes the root `<svg id>` and must be unique within one HTML page. */
  render(source: string, svgId: string): Promise<MermaidRenderResult>;
  /** The cache key of a diagram (sha256 hex). */
  cacheKey(source: string, svgId: string): string;
  readonly stats: Readonly<MermaidEngineStats>;
  /** Closes the page, and the browser if the engine launched it. */
  close(): Promise<void>;
}

/** The Mermaid page's origin: .invalid never resolves, and every request under it is answered by servePageFile. */
export const MERMAID_PAGE_ORIGIN = 'https://mermaid.sop.invalid/';
const PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';

/**
 * The empty page at MERMAID_PAGE_ORIGIN and the vendored Mermaid modules under it; nothing else (any other URL is refused).
 * Chromium asks an https: page for its favicon.ico: it gets an empty 404, so that it is not counted as blocked.
 */
function servePageFile(url: string): ServedFile | undefined {
  if (!url.startsWith(MERMAID_PAGE_ORIGIN)) return undefined;
  const name = url.slice(MERMAID_PAGE_ORIGIN.length);
  if (name === '') return { body: PAGE_HTML, contentType: 'text/html; charset=utf-8' };
  if (name === 'favicon.ico') return { status: 404, body: '', contentType: 'text/plain' };
  const module = mermaidModule(name);
  return module ? { body: module, contentType: 'text/javascript; charset=utf-8' } : undefined;
}

interface MermaidWindow {
  mermaid: {
    initialize(config: unknown): void;
    render(id: string, text: string): Promise<{ svg: string }>;
  };
}

function mergeConfig(extra: Record<string, unknown> | undefined): Record<string, unknown> {
  const base: Record<string, unknown> = { ...DEFAULT_MERMAID_CONFIG, flowchart: { ...DEFAULT_MERMAID_CONFIG.flowchart } };
  if (!extra) return base;
  const merged: Record<string, unknown> = { ...base, ...extra };
  if (extra.flowchart && typeof extra.flowchart === 'object') merged.flowchart = { ...(base.flowchart as object), ...extra.flowchart };
  return merged;
}

/** Arimo 400 (latin) as a data URL: the page measures label widths with the font the document prints with. */
async function arimoFontFace(): Promise<string | undefined> {
  try {
    const file = require.resolve('@fontsource/arimo/files/arimo-latin-400-normal.woff2');
    const data = await readFile(file);
    return `@font-face{font-family:Arimo;font-style:normal;font-weight:400;src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');}`;
  } catch {
    // The font package is optional here: without it Chromium falls back to Arial/Liberation Sans,
    // which has the same metrics.
    return undefined;
  }
}


/**
 * With SVG-text labels Mermaid 11 escapes the `&` of the entities it decoded from `#quot;` and `#35;`
 * once more, so the label would print `&quot;` literally. Undo that one extra escape.
 */
export function repairLabelEntities(svg: string): string {
  return svg.replace(/&amp;(quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '&$1;');
}

/** Creates an engine. Nothing starts until the first render that misses the cache. */
export function createMermaidEngine(opts: MermaidEngineOptions = {}): MermaidEngine {
  const config = mergeConfig(opts.config);
  const configJson = JSON.stringify(config);
  const version = mermaidVersion();
  const cacheDir = opts.cacheDir === false ? undefined : resolve(opts.cwd ?? process.cwd(), opts.cacheDir ?? join('.sop-cache', 'mermaid'));
  const stats: MermaidEngineStats = { renders: 0, cacheHits: 0, setupMs: 0, renderMs: 0, blockedRequests: 0 };
  const inflight = new Map<string, Promise<string>>();

  let ownBrowser: Browser | undefined;
  let pageReady: Promise<Page> | undefined;
  // Mermaid keeps global state per page: calls are serialised through this tail.
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const cacheKey = (source: string, svgId: string): string =>
    createHash('sha256').update([CACHE_FORMAT, version, configJson, svgId, source].join('\u0000')).digest('hex');

  const setup = async (): Promise<Page> => {
    const t0 = performance.now();
    let browser = opts.browser;
    if (!browser) {
      const launch = opts.launch ?? (async () => (await import('../../print/browser.js')).launchBrowser());
      browser = ownBrowser = await launch();
    }
    const page = await browser.newPage();
    // offline: the page and Mermaid's modules are answered from memory under an origin that resolves nowhere
    // (.invalid), the font is inlined; any other request is refused, so a URL that slipped through reaches nothing
    await isolatePage(page, { onBlocked: () => stats.blockedRequests++, serve: servePageFile });
    await page.goto(MERMAID_PAGE_ORIGIN, { waitUntil: 'load' });
    const fontFace = await arimoFontFace();
    if (fontFace) {
      await page.addStyleTag({ content: fontFace });
      await page.evaluate(async () => {
        await document.fonts.load('16px Arimo');
      });
    }
    // the vendored ES modules (bundle.ts): Chromium fetches the entry and only the chunks a diagram needs
    await page.evaluate(async (entry) => {
      (window as unknown as MermaidWindow).mermaid = ((await import(entry)) as { default: MermaidWindow['mermaid'] }).default;
    }, MERMAID_PAGE_ORIGIN + MERMAID_ENTRY);
    await page.evaluate((cfg) => (window as unknown as MermaidWindow).mermaid.initialize(cfg), config);
    stats.setupMs = performance.now() - t0;
    return page;
  };

  const renderInPage = async (source: string, svgId: string): Promise<string> => {
    pageReady ??= setup();
    const page = await pageReady;
    const run = queue.then(async () => {
      const t0 = performance.now();
      const out = await page.evaluate(
        async (text, id) => {
          const m = (window as unknown as MermaidWindow).mermaid;
          try {
            // A syntax error rejects with Mermaid's "Parse error on line N: ..." text.
            const { svg } = await m.render(id, text);
            return { svg };
          } catch (e) {
            return { error: e instanceof Error ? e.message : String(e) };
          } finally {
            // Mermaid may leave its scratch container behind after an error.
            for (const el of [document.getElementById(id), document.getElementById(`d${id}`)]) el?.remove();
          }
        },
        source,
        svgId,
      );
      stats.renderMs += performance.now() - t0;
      if ('error' in out) throw new SopMermaidError(out.error ?? 'Mermaid error', svgId);
      stats.renders++;
      return repairLabelEntities(out.svg);
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const render = async (source: string, svgId: string): Promise<MermaidRenderResult> => {
    if (closed) throw new Error('Mermaid engine is closed');
    if (!SVG_ID.test(svgId)) throw new TypeError(`invalid svgId ${JSON.stringify(svgId)}: use letters, digits, - and _ (see toSvgId)`);
    const key = cacheKey(source, svgId);
    const file = cacheDir ? join(cacheDir, `${key}.svg`) : undefined;
    if (file) {
      const hit = await readFile(file, 'utf8').catch(() => undefined);
      // A truncated or foreign file is treated as a miss and overwritten.
      if (hit?.startsWith('<svg') && hit.trimEnd().endsWith('</svg>')) {
        stats.cacheHits++;
        return { svg: hit, cached: true };
      }
    }
    const pending = inflight.get(key);
    if (pending) {
      const svg = await pending;
      stats.cacheHits++;
      return { svg, cached: true };
    }
    const job = (async () => {
      const svg = await renderInPage(source, svgId);
      if (file && cacheDir) {
        await mkdir(cacheDir, { recursive: true });
        await writeFileAtomic(file, svg);
      }
      return svg;
    })();
    inflight.set(key, job);
    try {
      return { svg: await job, cached: false };
    } finally {
      inflight.delete(key);
    }
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    const ready = pageReady;
    if (ready) {
      await queue;
      const page = await ready.catch(() => undefined);
      await page?.close().catch(() => undefined);
    }
    if (ownBrowser) await ownBrowser.close();
  };

  return { render, cacheKey, close, stats };
}
