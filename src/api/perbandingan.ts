// The *Perbandingan SOP* document (`sop diff --format html|pdf`): the change list between two revisions and both versions'
// flow tables, as one HTML file (assets inlined) or a PDF printed by Chromium; never prints, never exits.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang, LoadedConfig, Paper } from '../config/config-types.js';
import { flowArea } from '../core/paper.js';
import { resolveProfile } from '../core/profile.js';
import type { SopContent as DiffVersion } from '../diff/content.js';
import type { SopDiffEntry, TreeDiff } from '../diff/types.js';
import { mergeDefaults } from '../document/sop-document.js';
import { buildFlowModel } from '../model/flow.js';
import { flowTableProfile } from '../pages/flow-profile.js';
import { fontFiles, STYLESHEET } from '../pages/html/assets.js';
import { perbandinganPage, perbandinganParts, VERSION_HEADING_MM } from '../pages/html/perbandingan.js';
import { htmlShell } from '../pages/html/shell.js';
import { labelsFor } from '../pages/labels.js';
import { perbandinganContent, type PerbandinganContent } from '../pages/perbandingan.js';
import { browserMissingMessage, createBrowserSession, findBrowser, type Browser } from '../print/browser.js';
import { createPrinter } from '../print/pool.js';
import { renderFlowTable, type FlowTablePage } from '../render/flowtable/index.js';
import { SopBrowserMissingError } from '../core/errors.js';
import { compareRevisions, type DiffOptions, type DiffResult } from './diff.js';

export interface PerbandinganOptions extends DiffOptions {
  /** Default: config `paper`, else A4. */
  paper?: Paper;
  /** Where to look for Chromium (PDF); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** A browser to print with (PDF); it is not closed. Without one, a browser is started and closed. */
  browser?: Browser;
}

export interface PerbandinganResult {
  result: DiffResult;
  content: PerbandinganContent;
}

/** The comparison and its document content (no browser needed). */
export async function perbandingan(options: PerbandinganOptions): Promise<PerbandinganResult> {
  const { result, before, after, config } = await compareRevisions(options);
  const content = perbandinganOfVersions({ diff: result.diff, before, after, config, lang: result.lang, paper: options.paper });
  return { result, content };
}

export interface VersionsInput {
  diff: TreeDiff;
  /** The files the diff compared (both sides, parsed): their flow tables are drawn. */
  before: readonly DiffVersion[];
  after: readonly DiffVersion[];
  config: LoadedConfig;
  lang: Lang;
  /** Default: config `paper`, else A4. */
  paper?: Paper;
}

/** The document content of a diff already made (`sop diff`, or the evidence pack's SOP awal vs SOP perbaikan). */
export function perbandinganOfVersions(input: VersionsInput): PerbandinganContent {
  const { config, lang } = input;
  const paper: Paper = input.paper ?? config.config.paper ?? 'A4';
  const profile = resolveProfile(lang, config.config);
  const labels = labelsFor(lang, config.config.labels);
  const area = flowArea(paper);
  let n = 0;
  // the version's flow table, drawn as the SOP's own PDF draws it, minus room for the heading on page 1
  const draw = (v: DiffVersion | undefined): FlowTablePage[] | undefined => {
    if (!v?.data) return undefined;
    try {
      const data = mergeDefaults(v.data, config).data;
      const model = buildFlowModel(data, { time: config.config.time, lang });
      if (model.rows.length === 0) return undefined;
      n++;
      return renderFlowTable(model, {
        paper, margins: area.margins, lang, embedFont: false, idPrefix: `v${n}-`,
        firstPageAvailableHeight: area.height - VERSION_HEADING_MM,
        ...flowTableProfile(profile.labels, profile.layout),
      }).pages;
    } catch {
      return undefined; // a version too broken to draw is still in the change list
    }
  };
  const byPath = (list: readonly DiffVersion[], p: string | undefined) => (p === undefined ? undefined : list.find((f) => f.path === p));
  return perbandinganContent({
    diff: input.diff, labels, paper,
    pagesOf: (e: SopDiffEntry) => ({ before: draw(byPath(input.before, e.old?.path)), after: draw(byPath(input.after, e.new?.path)) }),
  });
}

/** The document as one self-contained HTML file (stylesheet and fonts inlined: no request of any kind). */
export function perbandinganHtml(content: PerbandinganContent): string {
  return perbandinganPage(content);
}

export interface PdfOptions {
  env?: NodeJS.ProcessEnv;
  /** A browser to print with; it is not closed. Without one, a browser is started and closed. */
  browser?: Browser;
  /** Where to look for Chromium after the env variables (default: the usual system paths). */
  browserPaths?: readonly string[];
}

/**
 * The document as PDF. Prints in a temporary folder that holds the stylesheet and fonts (removed
 * afterwards). Throws SopBrowserMissingError when no Chromium can be found, saying how to get one.
 */
export async function perbandinganPdf(content: PerbandinganContent, options: PdfOptions = {}): Promise<Buffer> {
  const env = options.env ?? process.env;
  if (!options.browser && !findBrowser(env, options.browserPaths ? { paths: options.browserPaths } : {})) throw new SopBrowserMissingError(`sop diff --format pdf: ${browserMissingMessage(env)}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'sop-perbandingan-'));
  const session = options.browser ? undefined : createBrowserSession({ env });
  try {
    await mkdir(path.join(dir, 'assets/fonts'), { recursive: true });
    await copyFile(STYLESHEET, path.join(dir, 'assets/sop.css'));
    for (const [site, file] of fontFiles()) await copyFile(file, path.join(dir, site));
    const parts = perbandinganParts(content);
    const page = path.join(dir, 'perbandingan.html');
    await writeFile(page, htmlShell({ ...parts, root: '' }));
    const browser = options.browser ?? (await session!.get());
    const printer = createPrinter(browser, 1, dir);
    try {
      return await printer.print({ parts, url: pathToFileURL(page).href, format: content.paper === 'A4' ? { format: 'A4', landscape: true } : undefined });
    } finally {
      await printer.close();
    }
  } finally {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
