// Runs one build: plans the pages, reuses what the previous output already holds, renders and prints the rest, publishes at once.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import type { LoadedConfig, PackConfig } from '../config/config-types.js';
import { SopBrowserMissingError } from '../core/errors.js';
import { isInside, toPosix } from '../core/paths.js';
import type { SopDocument } from '../document/sop-document.js';
import { browserMissingMessage, createBrowserSession, findBrowser, type BrowserSession } from '../render/browser.js';
import { renderFlowTable as defaultRenderFlowTable, type FlowTableOptions, type FlowTableResult } from '../render/flowtable/index.js';
import { createMermaidEngine, SopMermaidError, toSvgId, type MermaidEngine } from '../render/mermaid/engine.js';
import { toMermaid } from '../render/mermaid/source.js';
import type { FlowModel } from '../model/flow-types.js';
import { AssetRegistry, fontFiles, localTarget, sha256, STYLESHEET } from './assets.js';
import { cataloguePage } from './catalogue.js';
import { codeFingerprint, toolVersion } from './fingerprint.js';
import { labelsFor, type Lang } from './labels.js';
import { flowArea, PORTRAIT_MARGINS, portrait, type PageParts, type Paper } from './layout.js';
import { renderMarkdown } from './markdown.js';
import { FRONT_ANCHORS, packPage, packPageParts, type PackPageInput, type PackPageNumbers, type Pejabat } from './pack-page.js';
import { mergePdfs, relinkPdf, type LinkAction, type LinkTarget, type OutlineItem } from './pdf/document.js';
import { createPrinter, type Printer } from './pdf/print.js';
import { logoPath, planEntries, planPacks, relUrl, rootOf, type PackPlan, type SopEntry } from './plan.js';
import { createTempDir, listFiles, MANIFEST_NAME, readManifest, recoverOutput, reuseFile, swapIn, type Manifest, type ManifestUnit } from './output.js';
import { sopPage, sopPageParts, type RelatedLink, type SopPageInput } from './sop-page.js';
import { asTextList } from './text.js';

export type OutputFormat = 'html' | 'pdf';

export interface BuildProgress {
  phase: 'html' | 'pdf' | 'pack';
  /** Work items finished so far over all phases, and how many there are. */
  done: number;
  total: number;
  /** What was just finished (a site path). */
  item: string;
}

export type FlowTableRenderer = (model: FlowModel, options?: FlowTableOptions) => FlowTableResult;

export interface RunBuildOptions {
  cwd: string;
  config: LoadedConfig;
  /** SOPs to build, already read (and checked by the caller). */
  docs: SopDocument[];
  lang: Lang;
  paper: Paper;
  /** Absolute output folder (already checked by the caller). */
  outDir: string;
  formats: OutputFormat[];
  /** Also write `<sop>.mmd` and `<sop>.svg` (Mermaid). */
  mermaidFiles: boolean;
  env: NodeJS.ProcessEnv;
  /** How to start the browser; default launchBrowser({env}). */
  launch?: () => Promise<Browser>;
  /** The caller's browser session (maybe already launching); it is used, never closed, here. */
  session?: BrowserSession;
  renderFlowTable?: FlowTableRenderer;
  /** Pages printed at once; default os.availableParallelism(). */
  concurrency?: number;
  /** Rendering caches (Mermaid SVGs, pack front matter PDFs); default `<config dir>/.sop-cache`. */
  cacheDir?: string;
  onProgress?: (p: BuildProgress) => void;
}

export interface BuiltSop {
  file: string;
  rel: string;
  nomor: string;
  nama: string;
  /** Site paths, when made. */
  html?: string;
  pdf?: string;
  /** Pages of the SOP's PDF. */
  pages?: number;
}

export interface BuiltPack {
  id: string;
  title: string;
  html?: string;
  pdf?: string;
  pages?: number;
  /** 1-based page of the pack PDF where each SOP starts, by SOP site path (without extension). */
  starts: Record<string, number>;
}

export interface BuildStats {
  htmlRendered: number;
  htmlReused: number;
  pdfPrinted: number;
  pdfReused: number;
  frontPrinted: number;
  packsMerged: number;
  packsReused: number;
  mermaidRendered: number;
  ms: number;
}

export interface RunBuildResult {
  outDir: string;
  /** Nothing changed: the previous output was left exactly as it was. */
  upToDate: boolean;
  sops: BuiltSop[];
  packs: BuiltPack[];
  /** Why no PDF was made (no browser), with how to get one. */
  pdfSkipped?: string;
  warnings: string[];
  stats: BuildStats;
  /** Every file of the output (site paths). */
  files: string[];
}

type MermaidMode = 'svg' | 'source';

interface Prepared {
  entry: SopEntry;
  index: number;
  htmlFile: string;
  pdfFile: string;
  root: string;
  logoSite?: string;
  /** The body as HTML, rendered on first use. */
  body: () => string;
  /** Kept in the manifest: the text's key and the files its body uses. */
  meta: { textKey: string; files: [string, 'image' | 'doc'][] };
  related: RelatedLink[];
  /** Hash of everything the page shows except what depends on the browser (Mermaid, PDF link). */
  baseKey: string;
  htmlKey: string;
  pdfKey: string;
}

const FRONT_CACHE_FORMAT = 'sop-pack-front/1';

/** How long a front matter is and on which page (1-based) each of its parts starts. */
interface FrontShape {
  pages: number;
  anchors: Record<string, number>;
}

/** A pack between its two parts: the texts are ready, the probe of its front matter may still be running. */
interface PackPrep {
  plan: PackPlan;
  base: PackPageInput;
  htmlFile: string;
  pdfFile: string;
  packEntries: SopEntry[];
  probe?: Promise<{ shape: FrontShape; key: string }>;
}

/** A printed front matter: its PDF, length, the page of each part (1-based) and its cache key. */
interface FrontPdf {
  pdf: Buffer;
  pages: number;
  anchors: Record<string, number>;
  key: string;
}

function fileUrl(p: string): string {
  return pathToFileURL(p).href;
}

/** Agency lines shared by every SOP (the common head of their `instansi`), else the config default. */
function commonAgency(entries: SopEntry[], config: LoadedConfig): string[] {
  const lists = entries.map((e) => asTextList(e.data.instansi)).filter((l) => l.length > 0);
  if (lists.length === 0) return asTextList(config.config.defaults?.instansi);
  const head: string[] = [];
  for (let i = 0; i < lists[0].length; i++) {
    if (lists.every((l) => l[i] === lists[0][i])) head.push(lists[0][i]);
    else break;
  }
  return head.length > 0 ? head : asTextList(config.config.defaults?.instansi);
}

function pejabatOf(pack: PackConfig, config: LoadedConfig): Pejabat | undefined {
  const p = pack.keputusan?.pejabat ?? config.config.defaults?.disahkan_oleh;
  return typeof p === 'object' && p !== null ? (p as Pejabat) : undefined;
}

export async function runBuild(o: RunBuildOptions): Promise<RunBuildResult> {
  const t0 = performance.now();
  const labels = labelsFor(o.lang);
  const wantHtml = o.formats.includes('html');
  const wantPdf = o.formats.includes('pdf');
  const renderFT = o.renderFlowTable ?? defaultRenderFlowTable;
  const cacheDir = o.cacheDir ?? path.join(o.config.dir, '.sop-cache');
  const concurrency = Math.max(1, o.concurrency ?? os.availableParallelism());
  const fp = codeFingerprint();
  const VERSION = toolVersion();
  const settingsKey = sha256(
    // Not the formats: a page does not change with them (its PDF link is part of its own key).
    JSON.stringify({ fp, VERSION, config: o.config.config, lang: o.lang, paper: o.paper }),
  );
  const warnings: string[] = [];
  const stats: BuildStats = { htmlRendered: 0, htmlReused: 0, pdfPrinted: 0, pdfReused: 0, frontPrinted: 0, packsMerged: 0, packsReused: 0, mermaidRendered: 0, ms: 0 };

  await recoverOutput(o.outDir);
  const old: Manifest | undefined = await readManifest(o.outDir);
  const units: Record<string, ManifestUnit> = {};
  const tmp = await createTempDir(o.outDir);
  let session: BrowserSession | undefined;
  let ownSession: BrowserSession | undefined;
  let engines: MermaidEngine[] = [];
  let printer: Printer | undefined;
  let rebuilt = 0;
  const prints: Promise<void>[] = [];
  const pageJobs: Promise<void>[] = [];
  /** Cache files this build read or wrote; the others are pruned at the end. */
  const usedCache = new Set<string>();

  try {
    const entries = planEntries(o.docs, o.config, o.lang);
    const packPlans = planPacks(entries, o.config, o.lang);
    const packIds = new Set(packPlans.map((p) => p.id));
    for (const e of entries) {
      // A page named like a pack or the catalogue would be overwritten by it.
      if (e.rel === 'index' || packIds.has(e.rel)) e.rel = `${e.rel}-sop`;
    }
    const assets = new AssetRegistry(o.config.dir);
    const byHtml = new Map(entries.map((e) => [`${e.rel}.html`, e]));
    const byAbs = new Map(entries.map((e) => [e.doc.absPath, e]));

    // ---- browser: decided once, lazily launched ----
    /** Why there is no browser (the how-to message), once that is known. */
    let browserMissing: string | undefined = findBrowser(o.env) || o.launch || o.session ? undefined : browserMissingMessage(o.env);
    const getBrowser = async (): Promise<Browser | undefined> => {
      if (browserMissing) return undefined;
      session ??= o.session ?? (ownSession = createBrowserSession({ env: o.env, launch: o.launch }));
      try {
        return await session.get();
      } catch (err) {
        if (!(err instanceof SopBrowserMissingError)) throw err;
        browserMissing = err.message;
        return undefined;
      }
    };
    let mode: MermaidMode = browserMissing ? 'source' : 'svg';
    let pdfOn = wantPdf && !browserMissing;

    /** Reuses a unit of the previous output when its key matches and its files are all there. */
    const reusable = (name: string, key: string): ManifestUnit | undefined => {
      const u = old?.units[name];
      if (!u || u.key !== key) return undefined;
      return u.files.every((f) => existsSync(path.join(o.outDir, f))) ? u : undefined;
    };
    const reuse = async (name: string, u: ManifestUnit): Promise<void> => {
      for (const f of u.files) await reuseFile(path.join(o.outDir, f), path.join(tmp, f));
      units[name] = u;
    };
    const write = async (site: string, data: string | Buffer): Promise<void> => {
      const abs = path.join(tmp, site);
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, data);
    };

    const track = (job: Promise<void>, list: Promise<void>[]): void => {
      // Awaited below (allSettled); this only keeps an early failure from being reported as unhandled.
      job.catch(() => undefined);
      list.push(job);
    };

    // ---- prepare every SOP page: cheap work that decides the cache keys ----
    const packNav = packPlans.map((p) => ({ id: p.id, title: p.config.title }));
    const prepared: Prepared[] = entries.map((entry, index) => {
      const htmlFile = `${entry.rel}.html`;
      const pdfFile = `${entry.rel}.pdf`;
      const dir = path.dirname(entry.doc.absPath);
      const siteUrl = (site: string): string => relUrl(htmlFile, site);
      let logoSite: string | undefined;
      let logoHash: string | undefined;
      const logo = logoPath(entry, o.config.dir);
      if (logo) {
        logoSite = assets.add(logo);
        if (logoSite) logoHash = assets.hashOf(logo);
        else warnings.push(`${entry.doc.file}: logo ${String(entry.data.logo)} ${o.lang === 'en' ? 'not found or not an image; left out' : 'tidak ditemukan atau bukan gambar; tidak dicetak'}`);
      }
      const related: RelatedLink[] = entry.related.map((r) =>
        r.target
          ? { text: r.text, href: relUrl(htmlFile, `${r.target.rel}.html`), note: r.byNomor ? r.target.nama : r.target.nomor }
          : { text: r.text },
      );
      const textKey = sha256(
        JSON.stringify({
          settingsKey,
          text: entry.doc.text,
          defaults: [...entry.doc.fromDefaults].sort(),
          rel: entry.rel,
          logoSite,
          logoHash,
          related: related.map((r) => [r.text, r.href, r.note]),
          packs: packNav,
        }),
      );
      const local = (href: string) => localTarget(dir, href);
      // Files the body shows or links to, in order, with their kind: part of the key.
      const used: [string, 'image' | 'doc'][] = [];
      let keyed = false;
      const addFile = (abs: string, kind: 'image' | 'doc'): string | undefined => {
        if (!keyed) used.push([toPosix(path.relative(o.config.dir, abs)), kind]);
        return assets.add(abs, kind);
      };
      let bodyHtml: string | undefined;
      const body = (): string =>
        (bodyHtml ??= renderMarkdown(entry.doc.body, {
          topHeading: 3,
          image: (src) => {
            const site = addFile(local(src).abs, 'image');
            return site ? siteUrl(site) : undefined;
          },
          link: (href) => {
            const { abs, hash } = local(href);
            const target = byAbs.get(abs);
            if (target) return `${relUrl(htmlFile, `${target.rel}.html`)}${hash}`;
            const site = addFile(abs, 'doc');
            return site ? siteUrl(site) : undefined;
          },
        }));
      // An unchanged text refers to the same files as last time: the previous build's list spares
      // rendering the Markdown just to learn which files to hash.
      const prevMeta = (old?.units[`html:${entry.rel}`] ?? old?.units[`pdf:${entry.rel}`])?.meta as { textKey?: string; files?: [string, 'image' | 'doc'][] } | undefined;
      if (prevMeta?.textKey === textKey && Array.isArray(prevMeta.files)) {
        for (const [rel, kind] of prevMeta.files) {
          used.push([rel, kind]);
          assets.add(path.resolve(o.config.dir, rel), kind);
        }
      } else body();
      keyed = true;
      const fileHashes = used.map(([rel]) => assets.hashOf(path.resolve(o.config.dir, rel)) ?? 'missing');
      const baseKey = sha256(`${textKey}|${fileHashes.join(',')}`);
      const meta = { textKey, files: used };
      return { entry, index, htmlFile, pdfFile, root: rootOf(htmlFile), logoSite, body, meta, related, baseKey, htmlKey: '', pdfKey: '' };
    });

    const computeKeys = (): void => {
      for (const p of prepared) {
        p.htmlKey = sha256(`${p.baseKey}|html|${mode}|${pdfOn}`);
        // The PDF does not show the Mermaid diagram or the PDF link: it keys on the page's content only.
        p.pdfKey = sha256(`${p.baseKey}|pdf`);
      }
    };
    computeKeys();
    const mmdKey = (p: Prepared): string => sha256(`${settingsKey}|mmd|${mode}|${toMermaid(p.entry.model, { lang: o.lang })}|${p.entry.rel}`);
    const htmlTodo = (): Prepared[] => (wantHtml ? prepared.filter((p) => !reusable(`html:${p.entry.rel}`, p.htmlKey)) : []);
    const pdfTodo = (): Prepared[] => (pdfOn ? prepared.filter((p) => !reusable(`pdf:${p.entry.rel}`, p.pdfKey)) : []);
    const mmdTodo = (): Prepared[] => (o.mermaidFiles ? prepared.filter((p) => !reusable(`mmd:${p.entry.rel}`, mmdKey(p))) : []);

    // Mermaid needs the browser only for pages (or .svg files) to draw; PDFs always do.
    let htmlCount = htmlTodo().length;
    const needsBrowser = (mode === 'svg' && htmlCount + mmdTodo().length > 0) || pdfTodo().length > 0;
    // Chromium takes ~0.5 s to start: draw the flow tables meanwhile, yielding between SOPs so the
    // launch can make progress. Tables do not depend on the browser; which SOPs need one might.
    const launching = needsBrowser ? getBrowser() : undefined;
    const area = flowArea(o.paper);
    const tables = new Map<Prepared, FlowTableResult>();
    const needTable = new Set([...htmlTodo(), ...pdfTodo()]);
    for (const p of prepared) {
      if (!needTable.has(p)) continue;
      tables.set(p, renderFT(p.entry.model, { paper: o.paper, margins: area.margins, lang: o.lang, embedFont: false, idPrefix: 'ft-' }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    let browser: Browser | undefined;
    if (launching) {
      browser = await launching;
      if (!browser) {
        mode = 'source';
        pdfOn = false;
        computeKeys();
        htmlCount = htmlTodo().length;
      }
    }
    const pdfSkipped = wantPdf && !pdfOn ? browserMissing : undefined;
    if (browser && pdfOn) {
      // Every page of the pool opened at once rather than when the first jobs queue up.
      printer = createPrinter(browser, concurrency, tmp);
      track(printer.warm(), prints);
    }
    if (browser && mode === 'svg') {
      // One Mermaid page draws ~5-10 diagrams a second; big builds get a second page (its setup costs ~1 s).
      const count = Math.max(1, Math.min(concurrency, Math.ceil(htmlCount / 25)));
      engines = Array.from({ length: count }, () => createMermaidEngine({ browser: browser!, cacheDir: path.join(cacheDir, 'mermaid') }));
    }

    // ---- progress ----
    let done = 0;
    // Packs count as work only when pages change; an up-to-date build shows no progress at all.
    const pageWork = htmlCount + pdfTodo().length;
    const total = pageWork + (pageWork > 0 ? packPlans.length : 0);
    const tick = (phase: BuildProgress['phase'], item: string): void => {
      done++;
      o.onProgress?.({ phase, done, total: Math.max(total, done), item });
    };

    // ---- shared assets: always fresh copies, they are small ----
    await mkdir(path.join(tmp, 'assets'), { recursive: true });
    await copyFile(STYLESHEET, path.join(tmp, 'assets/sop.css'));
    for (const [site, file] of fontFiles()) await write(site, await readFile(file));
    const writeAssets = async (): Promise<void> => {
      for (const [site, file] of assets.files) if (!existsSync(path.join(tmp, site))) await write(site, await readFile(file));
    };
    await writeAssets();

    // ---- SOP pages and their PDFs ----
    const mermaidSvg = async (p: Prepared, source: string): Promise<{ svg?: string; failed?: boolean }> => {
      if (mode !== 'svg' || engines.length === 0) return {};
      try {
        const r = await engines[p.index % engines.length].render(source, toSvgId(p.entry.rel));
        if (!r.cached) stats.mermaidRendered++;
        return { svg: r.svg };
      } catch (err) {
        if (!(err instanceof SopMermaidError)) throw err;
        warnings.push(`${p.entry.doc.file}: Mermaid: ${err.message.split('\n')[0]}`);
        return { failed: true };
      }
    };
    const pdfPages = new Map<string, { pages: number; dests: Record<string, number> }>();
    const sopLinkTarget = (fromSite: string, uri: string): LinkTarget | undefined => {
      if (!uri.startsWith('file:')) return undefined;
      let abs: string;
      try {
        abs = fileURLToPath(uri.split('#')[0]);
      } catch {
        return null;
      }
      // A link into the build folder: make it relative, so it survives the swap and any later move.
      if (!isInside(abs, tmp)) return null;
      const site = toPosix(path.relative(tmp, abs));
      const target = byHtml.get(site);
      if (target && pdfOn) return { file: path.posix.relative(path.posix.dirname(fromSite), `${target.rel}.pdf`) };
      return { uri: relUrl(fromSite, site) };
    };
    const printSop = async (p: Prepared, parts: PageParts): Promise<void> => {
      printer ??= createPrinter(browser!, concurrency, tmp);
      const raw = await printer.print({ parts, url: fileUrl(path.join(tmp, p.htmlFile)), format: o.paper === 'A4' ? { format: 'A4', landscape: true } : undefined });
      const partTitles: [string, string][] = [['identitas', labels.identitas], ['prosedur-1', labels.prosedur], ['catatan', labels.catatan]];
      const out = relinkPdf(raw, {
        mapLink: (a: LinkAction) => (a.kind === 'uri' ? sopLinkTarget(p.pdfFile, a.uri) : undefined),
        outline: (dests) => partTitles.filter(([id]) => dests.has(id)).map(([id, title]) => ({ title, page: dests.get(id)! })),
        title: `${p.entry.nomor} — ${p.entry.nama}`,
      });
      await write(p.pdfFile, out.pdf);
      stats.pdfPrinted++;
      const meta = { pages: out.pages, dests: Object.fromEntries(out.dests), ...p.meta };
      pdfPages.set(p.entry.rel, meta);
      units[`pdf:${p.entry.rel}`] = { key: p.pdfKey, files: [p.pdfFile], meta };
      rebuilt++;
      tick('pdf', p.pdfFile);
    };


    // ---- packs, first part: texts, and a probe of the front matter's length that runs beside the SOPs ----
    const agency = commonAgency(entries, o.config);
    const packPreps: PackPrep[] = [];
    for (const plan of packPlans) {
      const pack = plan.config;
      const htmlFile = `${plan.id}.html`;
      const pdfFile = `${plan.id}.pdf`;
      const packEntries = plan.sections.flatMap((x) => x.entries);
      const textOf = async (rel: string | undefined): Promise<string | undefined> => {
        if (!rel) return undefined;
        const abs = path.resolve(o.config.dir, rel);
        try {
          return await readFile(abs, 'utf8');
        } catch {
          warnings.push(`${toPosix(path.relative(o.cwd, abs))}: ${o.lang === 'en' ? 'cannot be read; left out of the pack' : 'tidak dapat dibaca; tidak dimuat dalam paket'}`);
          return undefined;
        }
      };
      const mdOpts = (file: string | undefined) => {
        const dir = file ? path.dirname(path.resolve(o.config.dir, file)) : o.config.dir;
        return {
          topHeading: 3,
          image: (src: string) => {
            const site = assets.add(localTarget(dir, src).abs);
            return site ? relUrl(htmlFile, site) : undefined;
          },
          link: (href: string) => {
            const { abs, hash } = localTarget(dir, href);
            const target = byAbs.get(abs);
            return target ? `${relUrl(htmlFile, `${target.rel}.html`)}${hash}` : undefined;
          },
        };
      };
      const kepText = await textOf(pack.keputusan?.file);
      const penText = await textOf(pack.penjelasan);
      // The cover shows the agency's logo: the config default, else the first SOP's.
      const defaultLogo = typeof o.config.config.defaults?.logo === 'string' ? path.resolve(o.config.dir, o.config.config.defaults.logo) : undefined;
      const logoAbs = defaultLogo ?? packEntries.map((e) => logoPath(e, o.config.dir)).find((l) => l !== undefined);
      const logoSite = logoAbs ? assets.add(logoAbs) : undefined;
      const base: PackPageInput = {
        plan,
        labels,
        paper: o.paper,
        agency,
        logoSrc: logoSite ? relUrl(htmlFile, logoSite) : undefined,
        pejabat: pejabatOf(pack, o.config),
        keputusanHtml: kepText !== undefined ? renderMarkdown(kepText, mdOpts(pack.keputusan?.file)) : undefined,
        penjelasanHtml: penText !== undefined ? renderMarkdown(penText, mdOpts(pack.penjelasan)) : undefined,
        sopHref: (rel: string) => relUrl(htmlFile, `${rel}.html`),
      };
      packPreps.push({ plan, base, htmlFile, pdfFile, packEntries });
    }
    // The front matter shows the logo and the images of its texts: they must be in place before it prints.
    await writeAssets();
    if (pdfOn) {
      for (const prep of packPreps) {
        // Same layout as the real one (page numbers sit in fixed-width cells), placeholder numbers.
        const placeholders = new Map(prep.packEntries.map((e) => [e.rel, 888]));
        const input = { ...prep.base, pdfHref: prep.pdfFile, pages: { keputusan: 888, daftarIsi: 888, penjelasan: 888, sops: placeholders } };
        const html = packPage(input);
        prep.probe = frontShape(prep.htmlFile, packPageParts(input), sha256(`${FRONT_CACHE_FORMAT}|probe|${o.paper}|${fp}|${html}`));
        track(prep.probe.then(() => undefined), prints);
      }
    }

    const pageInput = (p: Prepared, table: FlowTableResult, mermaid?: SopPageInput['mermaid']): SopPageInput => ({
      entry: p.entry,
      labels,
      paper: o.paper,
      root: p.root,
      logoSrc: p.logoSite ? relUrl(p.htmlFile, p.logoSite) : undefined,
      related: p.related,
      flowPages: table.pages,
      mermaid,
      bodyHtml: p.body(),
      pdfHref: pdfOn ? path.posix.basename(p.pdfFile) : undefined,
      packs: packNav.map((n) => ({ title: n.title, href: `${p.root}${n.id}.html` })),
    });
    // Site pages wait for their Mermaid diagram; PDFs never show it, so they print from a page without
    // it, written at once: printing (other renderer processes) runs while Mermaid draws (its own page).
    for (const p of prepared) {
      const { entry } = p;
      const source = toMermaid(entry.model, { lang: o.lang });
      const reuseHtml = wantHtml ? reusable(`html:${entry.rel}`, p.htmlKey) : undefined;
      const reusedPdf = pdfOn ? reusable(`pdf:${entry.rel}`, p.pdfKey) : undefined;
      const needHtml = wantHtml && !reuseHtml;
      const needPdf = pdfOn && !reusedPdf;
      const table = needHtml || needPdf ? (tables.get(p) ?? renderFT(entry.model, { paper: o.paper, margins: area.margins, lang: o.lang, embedFont: false, idPrefix: 'ft-' })) : undefined;
      if (needPdf) track(printSop(p, sopPageParts(pageInput(p, table!))), prints); else if (reusedPdf) {
        await reuse(`pdf:${entry.rel}`, reusedPdf);
        pdfPages.set(entry.rel, reusedPdf.meta as { pages: number; dests: Record<string, number> });
        stats.pdfReused++;
      }
      if (reuseHtml) {
        await reuse(`html:${entry.rel}`, reuseHtml);
        stats.htmlReused++;
      }
      const mmdName = `mmd:${entry.rel}`;
      const reusedMmd = o.mermaidFiles ? reusable(mmdName, mmdKey(p)) : undefined;
      if (reusedMmd) await reuse(mmdName, reusedMmd);
      if (!needHtml && !(o.mermaidFiles && !reusedMmd)) continue;
      track(
        (async () => {
          const { svg, failed } = await mermaidSvg(p, source);
          if (needHtml) {
            await write(p.htmlFile, sopPage(pageInput(p, table!, { svg, source, failed })));
            units[`html:${entry.rel}`] = { key: p.htmlKey, files: [p.htmlFile], meta: p.meta };
            stats.htmlRendered++;
            rebuilt++;
            tick('html', p.htmlFile);
          }
          if (o.mermaidFiles && !reusedMmd) {
            const files = [`${entry.rel}.mmd`];
            await write(files[0], source);
            if (svg) {
              files.push(`${entry.rel}.svg`);
              await write(files[1], svg);
            }
            units[mmdName] = { key: mmdKey(p), files };
            rebuilt++;
          }
        })(),
        pageJobs,
      );
    }

    // ---- packs, second part: page numbers and the merge, once every SOP PDF is there ----
    // Every job finishes (or fails) first, so no page is still printing when the browser closes.
    const settled = await Promise.allSettled([...prints, ...pageJobs]);
    const failed = settled.find((x): x is PromiseRejectedResult => x.status === 'rejected');
    if (failed) throw failed.reason;
    const builtPacks: BuiltPack[] = [];
    for (const prep of packPreps) {
      builtPacks.push(await finishPack(prep));
      if (pageWork > 0) tick('pack', `${prep.plan.id}.pdf`);
    }

    async function finishPack(prep: PackPrep): Promise<BuiltPack> {
      const { plan, base, htmlFile, pdfFile, packEntries } = prep;
      const pack = plan.config;
      const allPdfs = pdfOn && packEntries.every((e) => pdfPages.has(e.rel));
      const result: BuiltPack = { id: plan.id, title: pack.title, starts: {} };
      const probe = prep.probe ? await prep.probe : undefined;
      if (!allPdfs || !probe) {
        if (wantHtml) {
          await write(htmlFile, packPage(base));
          result.html = htmlFile;
        }
        return result;
      }

      // Page numbers: the probe foresaw how long the front matter is and where its parts start; print
      // it with the numbers that follow, and again when the print shows the foresight was wrong.
      // Page numbers: the probe foresaw how long the front matter is and where its parts start; it is
      // printed with the numbers that follow, and again when the print shows the foresight was wrong.
      let shape = probe.shape;
      const layout = (assumed: FrontShape) => {
        const input = { ...base, pdfHref: pdfFile, pages: pageNumbers(plan, assumed).pages };
        const page = packPage(input);
        return { input, html: page, key: sha256(`${FRONT_CACHE_FORMAT}|${fp}|${page}`) };
      };
      const packKeyOf = (frontKey: string): string =>
        sha256(JSON.stringify({ front: frontKey, parts: packEntries.map((e) => [e.rel, units[`pdf:${e.rel}`]?.key, pdfPages.get(e.rel)]), sections: plan.sections.map((x) => x.title) }));
      let { input, html, key } = layout(shape);
      const reused = reusable(`pack:${plan.id}`, packKeyOf(key));
      if (reused) {
        // The previous build printed and checked this very front matter: nothing to print or merge.
        await reuse(`pack:${plan.id}`, reused);
        await writeCache(`shape-${probe.key}.json`, JSON.stringify(shape));
        stats.packsReused++;
        if (wantHtml) {
          await write(htmlFile, html);
          result.html = htmlFile;
        }
        for (const [rel, page] of pageNumbers(plan, shape).pages.sops) result.starts[rel] = page;
        result.pdf = pdfFile;
        result.pages = (reused.meta as { pages?: number } | undefined)?.pages;
        return result;
      }
      let front = await frontPdf(htmlFile, packPageParts(input), key);
      for (let attempt = 0; attempt < 3 && !sameShape(front, shape); attempt++) {
        shape = { pages: front.pages, anchors: front.anchors };
        ({ input, html, key } = layout(shape));
        front = await frontPdf(htmlFile, packPageParts(input), key);
      }
      // The printed shape is the truth for this layout: the next build needs no probe.
      await writeCache(`shape-${probe.key}.json`, JSON.stringify(shape));
      if (wantHtml) {
        await write(htmlFile, html);
        result.html = htmlFile;
      }
      const numbers = pageNumbers(plan, shape);
      for (const [rel, page] of numbers.pages.sops) result.starts[rel] = page;
      const packKey = packKeyOf(front.key);
      const parts = [front.pdf, ...(await Promise.all(packEntries.map((e) => readFile(path.join(tmp, `${e.rel}.pdf`)))))];
      const startOf = new Map(packEntries.map((e) => [e.rel, numbers.pages.sops.get(e.rel)! - 1]));
      const packRels = new Set(packEntries.map((e) => e.rel));
      const mapLink = (part: number, a: LinkAction): LinkTarget | undefined => {
        // Part 0 is the front matter (links relative to the pack); the others are SOP PDFs (relative to their folder).
        const fromDir = part === 0 ? '' : path.posix.dirname(packEntries[part - 1].rel);
        const raw = a.kind === 'uri' ? a.uri : a.file;
        if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return undefined;
        const site = path.posix.normalize(path.posix.join(fromDir, decodeURIComponent(raw.split('#')[0])));
        const rel = site.replace(/\.(html|pdf)$/, '');
        if (packRels.has(rel)) return { page: startOf.get(rel)! };
        const target = byHtml.get(`${rel}.html`);
        if (target) return { file: `${target.rel}.pdf` };
        return part === 0 ? null : { uri: site };
      };
      const frontOutline: OutlineItem[] = [{ title: labels.cover, page: 0 }];
      if (front.anchors.keputusan) frontOutline.push({ title: labels.keputusan, page: front.anchors.keputusan - 1 });
      frontOutline.push({ title: labels.daftarIsi, page: (front.anchors['daftar-isi'] ?? 1) - 1 });
      if (front.anchors.penjelasan) frontOutline.push({ title: labels.penjelasan, page: front.anchors.penjelasan - 1 });
      const sopOutline = (e: SopEntry): OutlineItem => {
        const start = startOf.get(e.rel)!;
        const dests = pdfPages.get(e.rel)?.dests ?? {};
        const children = ([['identitas', labels.identitas], ['prosedur-1', labels.prosedur], ['catatan', labels.catatan]] as const)
          .filter(([id]) => dests[id] !== undefined)
          .map(([id, title]) => ({ title, page: start + dests[id] }));
        return { title: `${e.nomor} ${e.nama}`, page: start, children, closed: true };
      };
      const outline = [
        ...frontOutline,
        ...plan.sections.map((x) => ({ title: x.title, page: startOf.get(x.entries[0].rel)!, children: x.entries.map(sopOutline) })),
      ];
      const merged = mergePdfs(parts, { mapLink, outline, title: pack.title, producer: `sop ${VERSION}` });
      await write(pdfFile, merged.pdf);
      units[`pack:${plan.id}`] = { key: packKey, files: [pdfFile], meta: { pages: merged.pages } };
      stats.packsMerged++;
      rebuilt++;
      result.pdf = pdfFile;
      result.pages = merged.pages;
      return result;
    }

    /**
     * The front matter's shape: from the cache (a previous print of the same layout), else foreseen by
     * laying it out for print and dividing each part's height by the page height.
     */
    async function frontShape(htmlFile: string, parts: PageParts, key: string): Promise<{ shape: FrontShape; key: string }> {
      try {
        const shape = JSON.parse(await readFile(path.join(cacheDir, 'build', `shape-${key}.json`), 'utf8')) as FrontShape;
        usedCache.add(`shape-${key}.json`);
        return { shape, key };
      } catch {
        // not seen before
      }
      const b = browser ?? (await getBrowser());
      if (!b) throw new SopBrowserMissingError(browserMissing ?? 'browser missing');
      browser = b;
      printer ??= createPrinter(b, concurrency, tmp);
      const size = portrait(o.paper);
      const height = size.height - PORTRAIT_MARGINS.top - PORTRAIT_MARGINS.bottom;
      const ids = ['sampul', ...FRONT_ANCHORS];
      const heights = await printer.measure({ parts, url: fileUrl(path.join(tmp, htmlFile)) }, ids, size.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right);
      const anchors: Record<string, number> = {};
      let at = 1;
      for (const id of ids) {
        if (heights[id] === undefined) continue;
        if (id !== 'sampul') anchors[id] = at;
        // Each part starts a new page; 0.5 mm of slack for rounding.
        at += Math.max(1, Math.ceil((heights[id] - 0.5) / height));
      }
      return { shape: { pages: at - 1, anchors }, key };
    }

    async function writeCache(name: string, data: string | Buffer): Promise<void> {
      usedCache.add(name);
      await mkdir(path.join(cacheDir, 'build'), { recursive: true });
      await writeFile(path.join(cacheDir, 'build', name), data);
    }

    /** 1-based page numbers of the pack for a front matter of `front.pages` pages. */
    function pageNumbers(plan: PackPlan, front: FrontShape): { pages: PackPageNumbers } {
      const sops = new Map<string, number>();
      let at = front.pages + 1;
      for (const e of plan.sections.flatMap((s) => s.entries)) {
        sops.set(e.rel, at);
        at += pdfPages.get(e.rel)?.pages ?? 1;
      }
      return { pages: { keputusan: front.anchors.keputusan, daftarIsi: front.anchors['daftar-isi'], penjelasan: front.anchors.penjelasan, sops } };
    }

    /** The front matter PDF for this exact HTML: from the cache, else printed (its links made relative first). */
    async function frontPdf(htmlFile: string, parts: PageParts, key: string): Promise<FrontPdf> {
      const cacheFile = path.join(cacheDir, 'build', `front-${key}.pdf`);
      const metaFile = `${cacheFile}.json`;
      try {
        const meta = JSON.parse(await readFile(metaFile, 'utf8')) as { pages: number; anchors: Record<string, number> };
        const pdf = await readFile(cacheFile);
        usedCache.add(path.basename(cacheFile)).add(path.basename(metaFile));
        return { pdf, ...meta, key };
      } catch {
        // not cached yet
      }
      const b = browser ?? (await getBrowser());
      if (!b) throw new SopBrowserMissingError(browserMissing ?? 'browser missing');
      browser = b;
      printer ??= createPrinter(b, concurrency, tmp);
      const raw = await printer.print({ parts, url: fileUrl(path.join(tmp, htmlFile)), format: o.paper === 'A4' ? { format: 'A4', landscape: false } : undefined });
      stats.frontPrinted++;
      const out = relinkPdf(raw, { mapLink: (a) => (a.kind === 'uri' ? sopLinkTarget(htmlFile, a.uri) : undefined) });
      const anchors = Object.fromEntries([...out.dests].filter(([k]) => (FRONT_ANCHORS as readonly string[]).includes(k)).map(([k, v]) => [k, v + 1]));
      await writeCache(path.basename(cacheFile), out.pdf);
      await writeCache(path.basename(metaFile), JSON.stringify({ pages: out.pages, anchors }));
      return { pdf: out.pdf, pages: out.pages, anchors, key };
    }

    // ---- catalogue ----
    if (wantHtml) {
      const pdfs = new Set(entries.filter((e) => pdfPages.has(e.rel)).map((e) => e.rel));
      await write(
        'index.html',
        cataloguePage({
          entries,
          labels,
          agency,
          packs: builtPacks.map((b) => ({ title: b.title, htmlHref: b.html ?? `${b.id}.html`, pdfHref: b.pdf })),
          pdfs,
        }),
      );
    }
    if (!wantHtml) {
      // The pack page was only the print source of the front matter.
      for (const plan of packPlans) await rm(path.join(tmp, `${plan.id}.html`), { force: true });
    }

    await writeAssets();
    // Closing the printer also removes its print document from the folder.
    await printer?.close();
    const sources = [...o.docs.map((d) => d.absPath), ...(o.config.file ? [o.config.file] : []), ...assets.files.values()];
    for (const plan of packPlans) for (const f of [plan.config.keputusan?.file, plan.config.penjelasan]) if (f) sources.push(path.resolve(o.config.dir, f));
    const manifest: Manifest = { format: 1, tool: VERSION, units, sources };
    await writeFile(path.join(tmp, MANIFEST_NAME), `${JSON.stringify(manifest, null, 1)}\n`);
    const files = (await listFiles(tmp)).filter((f) => f !== MANIFEST_NAME);

    // Same units, same files, nothing rebuilt: keep the old output untouched.
    const oldFiles = existsSync(o.outDir) ? (await listFiles(o.outDir)).filter((f) => f !== MANIFEST_NAME) : [];
    const sameUnits = old !== undefined && JSON.stringify(Object.keys(old.units).sort()) === JSON.stringify(Object.keys(units).sort());
    const upToDate = rebuilt === 0 && sameUnits && JSON.stringify(oldFiles) === JSON.stringify(files) && (await sameContent(files, tmp, o.outDir));
    if (upToDate) {
      await rm(tmp, { recursive: true, force: true });
      // Inputs touched without a change: the manifest's date keeps the next build from starting Chromium early.
      const now = new Date();
      await utimes(path.join(o.outDir, MANIFEST_NAME), now, now);
    } else await swapIn(tmp, o.outDir);
    if (pdfOn) await pruneCache(path.join(cacheDir, 'build'), usedCache);

    stats.ms = performance.now() - t0;
    return {
      outDir: o.outDir,
      upToDate,
      sops: prepared.map((p) => ({
        file: p.entry.doc.file,
        rel: p.entry.rel,
        nomor: p.entry.nomor,
        nama: p.entry.nama,
        html: wantHtml ? p.htmlFile : undefined,
        pdf: pdfPages.has(p.entry.rel) ? p.pdfFile : undefined,
        pages: pdfPages.get(p.entry.rel)?.pages,
      })),
      packs: builtPacks,
      pdfSkipped,
      warnings,
      stats,
      files,
    };
  } catch (err) {
    // Jobs still running would write into the folder being removed.
    await Promise.allSettled([...prints, ...pageJobs]);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  } finally {
    await printer?.close();
    await Promise.all(engines.map((e) => e.close()));
    await ownSession?.close();
  }
}

/** Removes front matter PDFs and shapes this build did not use: they belong to layouts that are gone. */
async function pruneCache(dir: string, used: Set<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const n of names) if (/^(front|shape)-[0-9a-f]{64}\./.test(n) && !used.has(n)) await rm(path.join(dir, n), { force: true });
}

function sameShape(a: FrontShape, b: FrontShape): boolean {
  return a.pages === b.pages && FRONT_ANCHORS.every((k) => a.anchors[k] === b.anchors[k]);
}

/** Reused files are hard links (same inode); the ones written fresh (catalogue, pack pages, assets) are compared byte for byte. */
async function sameContent(files: string[], a: string, b: string): Promise<boolean> {
  for (const f of files) {
    const [sa, sb] = await Promise.all([stat(path.join(a, f)), stat(path.join(b, f))]);
    if (sa.ino === sb.ino && sa.dev === sb.dev) continue;
    if (sa.size !== sb.size) return false;
    const [x, y] = await Promise.all([readFile(path.join(a, f)), readFile(path.join(b, f))]);
    if (!x.equals(y)) return false;
  }
  return true;
}
