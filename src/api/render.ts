// `render` API: one SOP to flow-table SVG/PNG pages or Mermaid source; returns what it made and wrote, never prints.
import { mkdir, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../core/write-atomic.js';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { loadConfig } from '../config/load.js';
import type { Lang, LoadedConfig, Paper } from '../config/config-types.js';
import { SopUsageError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import type { Location } from '../core/types.js';
import { loadSop, locate, type SopDocument } from '../document/sop-document.js';
import { buildFlowModel } from '../model/flow.js';
import type { FlowModel } from '../model/flow-types.js';
// Types only (erased): the renderer itself is imported lazily below.
import type { FlowTableOptions, FlowTablePage } from '../render/flowtable/index.js';
import { toMermaid } from '../render/mermaid/source.js';
import { getSopValidator } from '../schema/validators.js';
import { translateAjvErrors } from '../schema/translate.js';

export type RenderFormat = 'svg' | 'mermaid' | 'png';
export const RENDER_FORMATS: readonly RenderFormat[] = ['svg', 'mermaid', 'png'];

export type { FlowTableOptions, FlowTablePage };

/** Signature of `renderFlowTable` in src/render/flowtable; injectable so tests can stub the layout. */
export type FlowTableRenderer = (
  model: FlowModel,
  options?: FlowTableOptions,
) => { pages: FlowTablePage[] } | Promise<{ pages: FlowTablePage[] }>;

export interface RenderOptions {
  cwd: string;
  /** The SOP file (relative to cwd or absolute). */
  file: string;
  /** Default `svg`. */
  format?: RenderFormat;
  /** Folder to write into; without it nothing is written and `outputs` carries the content. */
  outDir?: string;
  /** Default: config `paper`, else A4. */
  paper?: Paper;
  /** Default: config `lang`, else id. */
  lang?: Lang;
  /** Overwrite files that already exist in outDir. */
  force?: boolean;
  /** Use exactly this config file. */
  configPath?: string;
  /** Where to look for Chromium (PNG only); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Reuse a browser (PNG only); it is not closed. */
  browser?: Browser;
  /** How to start a browser (PNG only); default launchBrowser({env}). */
  launch?: () => Promise<Browser>;
  /** Flow-table renderer; default the one in src/render/flowtable. */
  renderFlowTable?: FlowTableRenderer;
}

/** Why an SOP was not drawn: the first problems of its file, each with its place. */
export interface RenderProblem {
  ruleId: string;
  message: string;
  messageEn: string;
  location: Location;
}

export interface RenderOutput {
  /** File name, e.g. `cuti-tahunan-1.svg`. */
  name: string;
  data: string | Uint8Array;
}

export interface WrittenFile {
  /** As reported: POSIX, relative to cwd when inside it. */
  file: string;
  absPath: string;
  bytes: number;
}

export type RenderResult =
  | { ok: false; file: string; slug: string; problems: RenderProblem[] }
  | {
      ok: true;
      file: string;
      slug: string;
      format: RenderFormat;
      outputs: RenderOutput[];
      /** Empty when no outDir was given. */
      written: WrittenFile[];
      /** Mermaid text (format `mermaid`). */
      mermaid?: string;
      /** Number of flow-table pages (formats `svg`, `png`). */
      pages?: number;
    };

/** The SOP's slug: its file name without `.md`; output files are named after it. */
export function slugOf(file: string): string {
  return path.basename(file).replace(/\.md$/i, '');
}

/**
 * Problems that make drawing pointless: an unreadable file, broken YAML, no frontmatter, schema
 * errors, rows whose pelaksana is not declared. The full list is `sop lint`'s job.
 */
export function renderBlockers(doc: SopDocument, model?: FlowModel): RenderProblem[] {
  const at1 = (): Location => ({ file: doc.file, line: 1, column: 1, endLine: 1, endColumn: 1 });
  if (doc.problems.length > 0) return doc.problems.map((p) => ({ ruleId: p.ruleId, message: p.message, messageEn: p.messageEn, location: p.location }));
  if (!doc.hasFrontmatter) {
    return [{
      ruleId: 'frontmatter-missing',
      message: 'berkas tidak diawali frontmatter YAML (`---`), jadi bukan SOP',
      messageEn: 'the file does not start with a YAML frontmatter (`---`), so it is not an SOP',
      location: at1(),
    }];
  }
  const validate = getSopValidator();
  if (!validate(doc.data)) {
    return translateAjvErrors(validate.errors ?? []).map((p) => ({
      ruleId: p.ruleId ?? 'schema',
      message: p.message,
      messageEn: p.messageEn,
      location: locate(doc, p.path, { key: p.atKey }),
    }));
  }
  const out: RenderProblem[] = [];
  // every symbol's columns: a joint step lists several actors, a chain item names its own
  for (const node of model?.nodes ?? []) {
    node.lanes.forEach((lane, li) => {
      if (lane.column >= 0) return;
      const chain = model?.rows[node.row]?.chain !== undefined;
      const at = chain ? ['prosedur', node.row, 'langkah', node.item, 'pelaksana'] : ['prosedur', node.row, 'pelaksana'];
      if (node.lanes.length > 1) at.push(li);
      out.push({
        ruleId: 'unknown-pelaksana',
        message: `pelaksana \`${lane.actorId}\` tidak dideklarasikan di \`pelaksana\``,
        messageEn: `pelaksana \`${lane.actorId}\` is not declared in \`pelaksana\``,
        location: locate(doc, at),
      });
    });
  }
  return out;
}

/** The real renderer, imported lazily so `sop render --format mermaid` never loads the layout code and fonts. */
async function defaultFlowTableRenderer(): Promise<FlowTableRenderer> {
  const { renderFlowTable } = await import('../render/flowtable/index.js');
  return renderFlowTable;
}


async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Loads, checks and draws one SOP. Throws only for usage/config problems (SopUsageError, SopConfigError, SopBrowserMissingError). */
export async function renderSop(opts: RenderOptions): Promise<RenderResult> {
  const cwd = path.resolve(opts.cwd);
  const format = opts.format ?? 'svg';
  if (!RENDER_FORMATS.includes(format)) throw new SopUsageError(`format tidak dikenal / unknown format: ${String(format)}`);
  const absPath = path.resolve(cwd, opts.file);
  const shown = displayPath(absPath, cwd);
  const slug = slugOf(absPath);

  const config: LoadedConfig = loadConfig({ cwd, configPath: opts.configPath, paths: [absPath], lang: opts.lang });
  const lang: Lang = opts.lang ?? config.config.lang ?? 'id';
  const paper: Paper = opts.paper ?? config.config.paper ?? 'A4';
  const doc = await loadSop(absPath, shown, config);
  // buildFlowModel never throws, whatever the data: check after building, in one pass.
  const model = buildFlowModel(doc.data, { time: config.config.time, lang });
  const blockers = renderBlockers(doc, model);
  if (blockers.length > 0) return { ok: false, file: shown, slug, problems: blockers };

  let outputs: RenderOutput[];
  let mermaid: string | undefined;
  let pages: number | undefined;
  if (format === 'mermaid') {
    mermaid = toMermaid(model, { lang });
    outputs = [{ name: `${slug}.mmd`, data: mermaid }];
  } else {
    const renderFlowTable = opts.renderFlowTable ?? (await defaultFlowTableRenderer());
    // Standalone files carry their font so they look the same on machines without Arimo.
    let table: Awaited<ReturnType<FlowTableRenderer>>;
    try {
      table = await renderFlowTable(model, { paper, lang, embedFont: true });
    } catch (err) {
      // column headers taller than a page: the SOP's problem, located at its actors
      if ((err as Error).name !== 'SopHeaderTooTallError') throw err;
      const { messageId, messageEn } = err as { messageId: string; messageEn: string };
      return { ok: false, file: shown, slug, problems: [{ ruleId: 'flow-header-too-tall', message: messageId, messageEn, location: locate(doc, ['pelaksana'], { key: true }) }] };
    }
    pages = table.pages.length;
    if (format === 'svg') {
      outputs = table.pages.map((p, i) => ({ name: `${slug}-${i + 1}.svg`, data: p.svg }));
    } else {
      outputs = await rasterise(table.pages, slug, opts);
    }
  }

  const written: WrittenFile[] = [];
  if (opts.outDir !== undefined) {
    const outAbs = path.resolve(cwd, opts.outDir);
    const targets = outputs.map((o) => path.join(outAbs, o.name));
    if (!opts.force) {
      const taken = (await Promise.all(targets.map(async (t) => ((await exists(t)) ? t : undefined)))).filter((t): t is string => t !== undefined);
      if (taken.length > 0) {
        const list = taken.map((t) => `  ${displayPath(t, cwd)}`).join('\n');
        throw new SopUsageError(
          lang === 'en'
            ? `refusing to overwrite existing files (use --force to replace them):\n${list}`
            : `berkas sudah ada dan tidak ditimpa (pakai --force untuk menggantinya):\n${list}`,
        );
      }
    }
    await mkdir(outAbs, { recursive: true });
    for (let i = 0; i < outputs.length; i++) {
      const data = outputs[i].data;
      await writeFileAtomic(targets[i], data);
      written.push({ file: displayPath(targets[i], cwd), absPath: targets[i], bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength });
    }
  }
  return { ok: true, file: shown, slug, format, outputs, written, mermaid, pages };
}

async function rasterise(pages: FlowTablePage[], slug: string, opts: RenderOptions): Promise<RenderOutput[]> {
  const { createBrowserSession, svgToPng } = await import('../print/browser.js');
  const session = opts.browser ? undefined : createBrowserSession({ env: opts.env, launch: opts.launch });
  try {
    const browser = opts.browser ?? (await session!.get());
    const out: RenderOutput[] = [];
    for (let i = 0; i < pages.length; i++) {
      const p = pages[i];
      out.push({ name: `${slug}-${i + 1}.png`, data: await svgToPng(browser, p.svg, p.widthMm, p.heightMm) });
    }
    return out;
  } finally {
    await session?.close();
  }
}
