// The state one build carries from stage to stage (BuildContext), and the small helpers every stage shares.
import { configRoot } from '../workspace/references.js';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { SopBrowserMissingError } from '../core/errors.js';
import { flowArea, PAPER_LANDSCAPE, SOP_MARGINS } from '../core/paper.js';
import { flowTableProfile } from '../pages/flow-profile.js';
import { roomUnderIdentity } from '../pages/html/identity-fit.js';
import { identityContent } from '../pages/identity.js';
import { resolveProfile, type DocumentProfile } from '../core/profile.js';
import { labelsFor, type Labels } from '../pages/labels.js';
import type { PackInput } from '../pages/pack.js';
import type { Prose } from '../pages/prose.js';
import type { RelatedLink } from '../pages/identity.js';
import { browserMissingMessage, createBrowserSession, findBrowser, type BrowserSession } from '../print/browser.js';
import { createPrinter, type Printer } from '../print/pool.js';
import { renderFlowTable as defaultRenderFlowTable, type FlowTableResult } from '../render/flowtable/index.js';
import type { MermaidEngine } from '../render/mermaid/engine.js';
import { AssetRegistry } from './assets.js';
import { codeFingerprint } from './cache/fingerprint.js';
import { PACKAGE_VERSION } from '../core/package-info.js';
import { sha256 } from './cache/keys.js';
import type { Manifest, ManifestUnit } from './cache/manifest.js';
import { reuseFile } from './output.js';
import type { PackPlan, SopEntry } from './plan.js';
import type { BuildProgress, BuildStats, FlowTableRenderer, RunBuildOptions, SopFailure } from './types.js';

/** One SOP of the build: its site files, its content's keys, and how its notes resolve. */
export interface SopUnit {
  entry: SopEntry;
  index: number;
  htmlFile: string;
  pdfFile: string;
  root: string;
  logoSite?: string;
  /** The SOP's body, rendered on first use. */
  notes: Prose;
  /** Kept in the manifest: the text's key and the files its body uses. */
  meta: { textKey: string; files: [string, 'image' | 'doc'][] };
  related: RelatedLink[];
  /** Labels and layout of this SOP's page and PDF: from its nearest config (sopProfile). */
  look: SopLook;
  /** Hash of everything the page shows except what depends on the browser (Mermaid, PDF link). */
  baseKey: string;
  htmlKey: string;
  pdfKey: string;
}

/** What a config decides about how one SOP looks. */
export interface SopLook {
  labels: Labels;
  profile: DocumentProfile;
}

const looks = new WeakMap<object, SopLook>();

/**
 * An SOP's labels, layout and signature footer: from the config nearest to its file (spec §7.4, the
 * one lint uses for it; `--config` for all), else the build's. Catalogue, packs and output stay the build's.
 */
export function sopLook(ctx: BuildContext, entry: SopEntry): SopLook {
  const config = (entry.doc.config ?? ctx.req.config).config as BuildContext['req']['config']['config'];
  if (config === ctx.req.config.config) return { labels: ctx.labels, profile: ctx.profile };
  let look = looks.get(config);
  if (!look) {
    look = { labels: labelsFor(ctx.req.lang, config.labels), profile: resolveProfile(ctx.req.lang, config) };
    looks.set(config, look);
  }
  return look;
}

/** How long a front matter is and on which page (1-based) each of its parts starts. */
export interface FrontShape {
  pages: number;
  anchors: Record<string, number>;
}

/** A pack between its two parts: the content is ready, the probe of its front matter may still be running. */
export interface PackUnit {
  plan: PackPlan;
  base: PackInput;
  htmlFile: string;
  pdfFile: string;
  packEntries: SopEntry[];
  /** The decree as a PDF of its own, put into the pack as it is. */
  decree?: { pdf: Buffer; pages: number };
  probe?: Promise<{ shape: FrontShape; key: string }>;
}

/** What a printed SOP PDF is: its length and the page (0-based) of each named part. */
export interface PdfFacts {
  pages: number;
  /** SHA-256 (hex) of the PDF as written (shown in the catalogue). */
  sha256?: string;
  dests: Record<string, number>;
}

/** The browser of a build: decided once, launched on first need, its absence explained once known. */
export interface BrowserHandle {
  /** Why there is no browser (the how-to message), once that is known. */
  missing?: string;
  browser?: Browser;
  get(): Promise<Browser | undefined>;
  /** Closes the session this build opened itself (never the caller's). */
  close(): Promise<void>;
  /** True once Ctrl-C (SIGINT/SIGTERM) closed the browser: the signal is about to end the process. */
  interrupted(): boolean;
}

export interface BuildContext {
  readonly req: RunBuildOptions;
  readonly labels: Labels;
  /** Labels, layout and signature settings of the config (format §7.4), with defaults. */
  readonly profile: DocumentProfile;
  readonly wantHtml: boolean;
  readonly wantPdf: boolean;
  readonly renderFlowTable: FlowTableRenderer;
  readonly cacheDir: string;
  readonly concurrency: number;
  readonly fingerprint: string;
  readonly version: string;
  /** Hash of everything every page depends on: code, tool version, config, lang, paper. */
  readonly settingsKey: string;
  /** The previous output's manifest. */
  readonly old?: Manifest;
  /** The temp folder the new output is written into. */
  readonly tmp: string;
  readonly units: Record<string, ManifestUnit>;
  readonly warnings: string[];
  /** SOPs that failed (by site path), left out of the output: see failures.ts. */
  readonly failed: Map<string, SopFailure>;
  /** Files of failed SOPs (site paths) removed from the output before it is published. */
  readonly dropFiles: string[];
  readonly stats: BuildStats;
  /** Units made (not reused) by this build. */
  rebuilt: number;
  /** Cache files this build read or wrote; the others are pruned at the end. */
  readonly usedCache: Set<string>;
  /** Running work (prints, pages); every job is settled before packs merge and before cleanup. */
  readonly jobs: Promise<void>[];
  readonly browser: BrowserHandle;
  /** Mermaid diagrams as SVG (a browser draws them) or as source text. */
  mode: 'svg' | 'source';
  pdfOn: boolean;
  pdfSkipped?: string;
  printer?: Printer;
  engines: MermaidEngine[];
  readonly assets: AssetRegistry;
  entries: SopEntry[];
  packPlans: PackPlan[];
  sops: SopUnit[];
  packs: PackUnit[];
  byHtml: Map<string, SopEntry>;
  byAbs: Map<string, SopEntry>;
  /** Agency lines common to the SOPs (cover, catalogue). */
  agency: string[];
  packNav: { id: string; title: string }[];
  readonly tables: Map<SopUnit, FlowTableResult>;
  readonly pdfPages: Map<string, PdfFacts>;
  /** Which units must be made (the others are reused), decided by the keys stage. */
  todo: { html: Set<SopUnit>; pdf: Set<SopUnit>; mmd: Set<SopUnit> };
  progress: { done: number; total: number };
}

function browserHandle(req: RunBuildOptions): BrowserHandle {
  let session: BrowserSession | undefined;
  let own: BrowserSession | undefined;
  const handle: BrowserHandle = {
    missing: findBrowser(req.env) || req.launch || req.session ? undefined : browserMissingMessage(req.env),
    async get() {
      if (handle.missing) return undefined;
      session ??= req.session ?? (own = createBrowserSession({ env: req.env, launch: req.launch }));
      try {
        return await session.get();
      } catch (err) {
        if (!(err instanceof SopBrowserMissingError)) throw err;
        handle.missing = err.message;
        return undefined;
      }
    },
    async close() {
      await own?.close();
    },
    interrupted: () => (session ?? req.session)?.interrupted ?? false,
  };
  return handle;
}

export function createContext(req: RunBuildOptions, tmp: string, old: Manifest | undefined): BuildContext {
  const fingerprint = codeFingerprint();
  const version = PACKAGE_VERSION;
  const browser = browserHandle(req);
  const cfg = req.config.config;
  const cacheDir = req.cacheDir ?? path.join(req.config.dir, '.sop-cache');
  const usedCache = new Set<string>();
  return {
    req,
    labels: labelsFor(req.lang, cfg.labels),
    profile: resolveProfile(req.lang, cfg),
    wantHtml: req.formats.includes('html'),
    wantPdf: req.formats.includes('pdf'),
    renderFlowTable: req.renderFlowTable ?? defaultRenderFlowTable,
    cacheDir,
    concurrency: Math.max(1, req.concurrency ?? os.availableParallelism()),
    fingerprint,
    version,
    // Not the formats: a page does not change with them (its PDF link is part of its own key).
    settingsKey: sha256(JSON.stringify({ fp: fingerprint, VERSION: version, config: req.config.config, lang: req.lang, paper: req.paper })),
    old,
    tmp,
    units: {},
    warnings: [],
    failed: new Map(),
    dropFiles: [],
    stats: { htmlRendered: 0, htmlReused: 0, pdfPrinted: 0, pdfReused: 0, frontPrinted: 0, packsMerged: 0, packsReused: 0, mermaidRendered: 0, ms: 0 },
    rebuilt: 0,
    usedCache,
    jobs: [],
    browser,
    mode: browser.missing ? 'source' : 'svg',
    pdfOn: req.formats.includes('pdf') && !browser.missing,
    engines: [],
    assets: new AssetRegistry(configRoot(req.config), { dir: path.join(cacheDir, 'build'), salt: fingerprint, used: usedCache }),
    entries: [],
    packPlans: [],
    sops: [],
    packs: [],
    byHtml: new Map(),
    byAbs: new Map(),
    agency: [],
    packNav: [],
    tables: new Map(),
    pdfPages: new Map(),
    todo: { html: new Set(), pdf: new Set(), mmd: new Set() },
    progress: { done: 0, total: 0 },
  };
}

/** Writes a file of the new output (a site path). */
export async function write(ctx: BuildContext, site: string, data: string | Buffer): Promise<void> {
  const abs = path.join(ctx.tmp, site);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, data);
}

/** Keeps a running job; an early failure is reported when the jobs are settled, not as unhandled. */
export function track(ctx: BuildContext, job: Promise<void>): void {
  job.catch(() => undefined);
  ctx.jobs.push(job);
}

/** A unit of the previous output, when its key matches and its files are all there. */
export function reusable(ctx: BuildContext, name: string, key: string): ManifestUnit | undefined {
  const u = ctx.old?.units[name];
  if (!u || u.key !== key) return undefined;
  return u.files.every((f) => existsSync(path.join(ctx.req.outDir, f))) ? u : undefined;
}

/** Puts a unit of the previous output into the new one. */
export async function reuse(ctx: BuildContext, name: string, u: ManifestUnit): Promise<void> {
  for (const f of u.files) await reuseFile(path.join(ctx.req.outDir, f), path.join(ctx.tmp, f));
  ctx.units[name] = u;
}

/** Records a unit this build made. */
export function made(ctx: BuildContext, name: string, unit: ManifestUnit): void {
  ctx.units[name] = unit;
  ctx.rebuilt++;
}

export async function writeCache(ctx: BuildContext, name: string, data: string | Buffer): Promise<void> {
  ctx.usedCache.add(name);
  await mkdir(path.join(ctx.cacheDir, 'build'), { recursive: true });
  await writeFile(path.join(ctx.cacheDir, 'build', name), data);
}

/** The print pool, opened on first use; throws when there is no browser. */
export async function printerOf(ctx: BuildContext): Promise<Printer> {
  if (ctx.printer) return ctx.printer;
  const b = ctx.browser.browser ?? (await ctx.browser.get());
  if (!b) throw new SopBrowserMissingError(ctx.browser.missing ?? 'browser missing');
  ctx.browser.browser = b;
  ctx.printer ??= createPrinter(b, ctx.concurrency, ctx.tmp);
  return ctx.printer;
}

/** The flow table of an SOP: drawn by the draw stage, or now when a late decision needs one more. */
export function tableOf(ctx: BuildContext, unit: SopUnit): FlowTableResult {
  let t = ctx.tables.get(unit);
  if (!t) {
    const area = flowArea(ctx.req.paper);
    const { layout } = unit.look.profile;
    // The flow table under the identity table: page 1 gets the room the identity table leaves.
    const firstPageAvailableHeight = layout.flowOnIdentityPage ? identityRoom(ctx, unit) : undefined;
    t = ctx.renderFlowTable(unit.entry.model, {
      paper: ctx.req.paper,
      margins: area.margins,
      lang: ctx.req.lang,
      embedFont: false,
      idPrefix: 'ft-',
      firstPageAvailableHeight,
      ...flowTableProfile(unit.look.labels.doc, layout),
    });
    ctx.tables.set(unit, t);
  }
  return t;
}

/** Room (mm) under an SOP's identity table on its first page, as the page writer lays it out. */
function identityRoom(ctx: BuildContext, unit: SopUnit): number {
  const paper = PAPER_LANDSCAPE[ctx.req.paper];
  const id = identityContent(unit.entry, { lang: ctx.req.lang, logo: unit.logoSite, related: unit.related, layout: unit.look.profile.layout });
  return roomUnderIdentity(id, paper.width - SOP_MARGINS.left - SOP_MARGINS.right, paper.height - SOP_MARGINS.top - SOP_MARGINS.bottom);
}

/** Copies the files pages use (logos, images) that are not in the new output yet. */
export async function writeAssets(ctx: BuildContext): Promise<void> {
  for (const [site, file] of ctx.assets.files) if (!existsSync(path.join(ctx.tmp, site))) await write(ctx, site, ctx.assets.bytesOf(file) ?? (await readFile(file)));
}

export function tick(ctx: BuildContext, phase: BuildProgress['phase'], item: string): void {
  ctx.progress.done++;
  ctx.req.onProgress?.({ phase, done: ctx.progress.done, total: Math.max(ctx.progress.total, ctx.progress.done), item });
}

export function say(ctx: BuildContext, id: string, en: string): string {
  return ctx.req.lang === 'en' ? en : id;
}
