// What `sop build` takes and returns: the request, progress events, and the result with what was built or reused.
import type { Browser } from 'puppeteer-core';
import type { LoadedConfig } from '../config/config-types.js';
import type { Paper } from '../core/paper.js';
import type { Lang } from '../core/types.js';
import type { SopDocument } from '../document/sop-document.js';
import type { FlowModel } from '../model/flow-types.js';
import type { BrowserSession } from '../print/browser.js';
import type { FlowTableOptions, FlowTableResult } from '../render/flowtable/index.js';
import type { SopControl } from '../pages/riwayat.js';
import type { OutputFormat } from '../core/formats.js';

export type { OutputFormat };

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
  /** FlowModels already built from those documents (by lint, with the same time settings and language); the rest are built here. */
  models?: ReadonlyMap<SopDocument, FlowModel>;
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
  /**
   * Called once everything the build prints is printed (its print pool and Mermaid pages are closed),
   * before the packs merge: a caller that needs the browser no more can let it close meanwhile.
   */
  browserDone?: () => void;
  renderFlowTable?: FlowTableRenderer;
  /** Pages printed at once; default os.availableParallelism(). */
  concurrency?: number;
  /** Rendering caches (Mermaid SVGs, pack front matter PDFs); default `<config dir>/.sop-cache`. */
  cacheDir?: string;
  onProgress?: (p: BuildProgress) => void;
  /** Other parts of the site written beside the SOPs (lifecycle forms, evidence pack), linked from the catalogue. */
  siteLinks?: { title: string; href: string }[];
  /** Document control per SOP (absolute path): Riwayat Revisi rows and why it is a draft (issue #14). */
  control?: Map<string, SopControl>;
  /** The Riwayat Revisi table keeps only versions a release tag holds. */
  riwayatReleasesOnly?: boolean;
  /** Print replaced and revoked SOPs in every pack too (`--include-superseded`); default: each pack's `includeSuperseded`. */
  includeSuperseded?: boolean;
  /** "Today" (`YYYY-MM-DD`): an SOP whose tanggal_efektif is later shows as *belum berlaku* in the catalogue. */
  today?: string;
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
  /** Printed with the DRAF mark, and why. */
  draft?: SopControl['draft'];
}

/** An SOP that could not be drawn or printed: left out of the output, the others built. */
export interface SopFailure {
  file: string;
  line: number;
  column: number;
  /** In the run's language. */
  message: string;
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
  /** SOPs left out because drawing or printing them failed (each with its file and line). */
  failed: SopFailure[];
  stats: BuildStats;
  /** Every file of the output (site paths). */
  files: string[];
}
