// The programmatic API of sop: every function returns data and never prints or exits. Importing it loads no
// heavy package (browser, PDF, fonts, XLSX, Markdown, SVG): the functions that need one load it when called.
export { lint, lintText, lintTexts, rulesMetaFor, type LintOptions, type LintResult, type LintTextOptions, type RuleInfo } from './lint.js';
import type { BuildOptions, BuildResult } from './build.js';
export type { BuildOptions, BuildResult };
export { OUTPUT_FORMATS } from '../core/formats.js';
/** `sop build`. Its modules (pages, print, PDF assembly, SVG cleaning, Markdown) load on the first call: importing `sop` stays light. */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  return (await import('./build.js')).build(opts);
}
export { renderSop, RENDER_FORMATS, type RenderOptions, type RenderResult, type RenderFormat } from './render.js';
export { scaffold, type ScaffoldOptions, type ScaffoldResult } from './scaffold.js';
export { init, type InitOptions, type InitResult } from './init.js';
export { loadConfig, findConfigFile } from '../config/load.js';
export { effectiveConfig, type EffectiveConfig, type EffectiveConfigOptions } from './config.js';
export type { SopConfig, LoadedConfig } from '../config/config-types.js';
export { loadSop, parseSop, locate, type SopDocument } from '../document/sop-document.js';
export { buildFlowModel, resolveTarget } from '../model/flow.js';
export { parseDuration, formatDuration } from '../model/duration.js';
export type { FlowModel, FlowRow, FlowEdge, FlowActor } from '../model/flow-types.js';
export type { SopData } from '../model/sop-types.js';
export { renderFlowTable, measureText } from '../render/flowtable/index.js';
export { toMermaid } from '../render/mermaid/source.js';
export { formatters, formatNames, type FormatName } from '../report/index.js';
export type { Diagnostic, FileResult, LintRunResult, Range, Location, Severity } from '../core/types.js';
export { SopUsageError, SopConfigError, SopBrowserMissingError } from '../core/errors.js';
// lifecycle (issue #15): Tabel 6 inventory, Tabel 7 monitoring, evaluation on the seven criteria
export { monevNew, importInventory, newFromInventory, type MonevNewOptions, type MonevSheetResult, type ImportInventoryOptions, type NewFromInventoryOptions, type NewFromInventoryItem } from './lifecycle.js';
export { CRITERIA, CRITERIA_SOURCE, type Criterion } from '../lifecycle/criteria.js';
export { loadLifecycle, type LifecycleRecords } from '../lifecycle/repository.js';
// document control from git (issue #14)
export { diff, formatDiff, DIFF_FORMATS, type DiffOptions, type DiffResult, type DiffFormat } from './diff.js';
export { perbandingan, perbandinganHtml, perbandinganPdf, type PerbandinganOptions, type PerbandinganResult } from './perbandingan.js';
export { history, type HistoryApiOptions, type HistoryApiResult } from './history.js';
export type { TreeDiff, SopChanges, SopDiffEntry, ChangedPart } from '../diff/types.js';
export type { Revision, FileHistory } from '../history/history.js';
