// Contracts of the lint engine: what a rule module declares, what it may read, and how it reports.
import type { SopConfig } from '../config/config-types.js';
import type { Location, RuleLevel } from '../core/types.js';
import type { LoadProblem } from '../document/sop-document.js';
import type { YamlPath } from '../yaml/positions.js';
import type { FlowModel } from '../model/flow-types.js';
import type { SchemaProblem } from '../schema/translate.js';
import type { LifecycleRecords } from '../lifecycle/repository.js';
import type { LifecycleSop, SopIndex } from '../lifecycle/sops.js';

export type Lang = 'id' | 'en';

/** A text in both languages; message data may hold one, the engine picks the run's language. */
export interface Localized {
  id: string;
  en: string;
}

export type MessageData = Record<string, string | number | Localized>;

export interface RuleMeta {
  /** One line: what the rule checks (shown in SARIF and the docs). */
  description: Localized;
  /** Level used when the config does not set one (spec §6). */
  defaultLevel: RuleLevel;
  /** Relative to the package root; the engine stamps its absolute URL (core/package-info.ts) on every diagnostic. */
  docsUrl: string;
  /** Templates keyed by messageId; `{{name}}` is replaced by `data.name`. */
  messages: Record<string, Localized>;
  /** JSON Schema (draft 2020-12) of the options object, when the rule has options. */
  optionsSchema?: Record<string, unknown>;
  /** Options used when the config gives none (merged under the configured ones). */
  defaultOptions?: Record<string, unknown>;
  /**
   * `file`: runs on one SOP at a time. `project`: runs after every file, on the facts the engine
   * kept (nomor, nama, keterkaitan). `loader`: reports problems found while reading the file;
   * its level cannot be changed (file-read, file-encoding) unless the spec lists its id.
   * `lifecycle`: runs after every file, on the repository's SOPs and its lifecycle records
   * (inventory, monitoring sheets, evaluations); reports in SOP files or in record files.
   */
  scope: 'file' | 'project' | 'loader' | 'lifecycle';
  /**
   * A file rule that reads `ctx.history` names here the top-level keys of the data it reads. A run
   * can then lint every file while git is still being read and run this rule afterwards on those
   * keys alone (engine `runDeferredHistoryRules`), instead of waiting for git before the first file.
   */
  historyKeys?: readonly string[];
}

/** Where a report points: a YAML path of the merged data (located by the engine), or a location already computed. */
export interface Target {
  at?: YamlPath;
  /** Point at the key of the last path segment instead of its value. */
  key?: boolean;
  location?: Location;
}

export interface RelatedReport extends Target {
  messageId: string;
  data?: MessageData;
}

export interface ReportDescriptor extends Target {
  messageId: string;
  data?: MessageData;
  related?: RelatedReport[];
  /**
   * `warning`: this report is milder than the rule's level (waktu-format: "no time standard" is a
   * warning, an unreadable time an error). It never raises the level, and `off` stays off.
   */
  severity?: 'warning';
}

/** What a file rule sees: the merged frontmatter and lazily built views of it. Read-only. */
export interface RuleContext<O = Record<string, unknown>> {
  /** The SOP as reported (POSIX path). */
  readonly file: string;
  /** Merged frontmatter (config defaults applied); any shape, the schema rule judges it. */
  readonly data: unknown;
  /** The merged options (defaultOptions + config). */
  readonly options: O;
  readonly lang: Lang;
  /** The config of the run (numbering, time, ...). */
  readonly config: SopConfig;
  /** "Today", injectable for tests (NIP appointment dates may not be in the future). */
  readonly now: Date;
  /** Problems found while reading the file (loader rules report these). */
  readonly loadProblems: readonly LoadProblem[];
  /** What git knows about this file (undefined outside git, or when no rule needs it). */
  readonly history?: HistoryFacts;
  /** Where the SOP lives, to resolve the files it names (`logo`): the file, its config folder, keys from `defaults`. */
  readonly source: { readonly absPath: string; readonly configDir?: string; readonly fromDefaults: ReadonlySet<string> };
  /** Translated schema problems of `data`, computed once per file. */
  schemaProblems(): readonly SchemaProblem[];
  /** The flow model of `data`, built once per file. */
  flow(): FlowModel;
  report(descriptor: ReportDescriptor): void;
}

/** The file's revision history as far as rules need it (computed by the caller from git; plain data for workers). */
export interface HistoryFacts {
  /** The latest commit that changed the SOP's content, other than its first version and changes of only `tanggal_revisi` or status keys. */
  lastChange?: { date: string; commit: string; subject: string; author: string };
}

/** A value of one SOP kept for cross-file rules, with the YAML path it is written at. */
export interface Fact {
  value: string;
  at: YamlPath;
}

/** The little each file leaves behind for the project rules (the YAML itself is not kept). */
export interface FileFacts {
  /** The SOP as reported; its FileResult receives the diagnostics. */
  file: string;
  nomor?: Fact;
  nama?: Fact;
  keterkaitan: Fact[];
  /** Dates and status the lifecycle rules need (monitoring due, revision after evaluation, in force). */
  tanggalEfektif?: Fact;
  tanggalRevisi?: Fact;
  status?: Fact;
  /** Links between versions (status-links): the successor and the SOPs replaced. */
  digantiOleh?: Fact;
  menggantikan?: Fact[];
}

/** A place in one of the run's SOPs; the engine locates it (reading the file again if need be). */
export interface FactPlace {
  file: string;
  at: YamlPath;
  /** Point at the key of the last path segment instead of its value. */
  key?: boolean;
}

export interface ProjectReportDescriptor {
  /** The SOP whose result receives the diagnostic, and where in it. */
  file: string;
  at: YamlPath;
  messageId: string;
  data?: MessageData;
  related?: (FactPlace & { messageId: string; data?: MessageData })[];
}

export interface ProjectContext<O = Record<string, unknown>> {
  /** Every linted SOP with facts, in path order. */
  readonly files: readonly FileFacts[];
  readonly options: O;
  readonly lang: Lang;
  report(descriptor: ProjectReportDescriptor): void;
}

/** A report of a lifecycle rule: in an SOP file (located through the run) or in a record file. */
export interface LifecycleReportDescriptor {
  file: string;
  at: YamlPath;
  key?: boolean;
  messageId: string;
  data?: MessageData;
  /**
   * `error`: this report is an error whatever level the rule runs at (while it is not off): a
   * record that names an SOP which does not exist is broken data, not a reminder.
   */
  severity?: 'error';
  related?: { file: string; at: YamlPath; key?: boolean; messageId: string; data?: MessageData }[];
}

export interface LifecycleContext<O = Record<string, unknown>> {
  /** Every SOP of the repository, in path order (not only those linted in this run). */
  readonly sops: readonly LifecycleSop[];
  readonly index: SopIndex;
  readonly records: LifecycleRecords;
  readonly options: O;
  readonly lang: Lang;
  readonly config: SopConfig;
  readonly now: Date;
  /** Git facts by SOP file (as `LifecycleSop.file`); absent outside git or with history off. */
  readonly history?: Readonly<Record<string, HistoryFacts>>;
  report(descriptor: LifecycleReportDescriptor): void;
}

export interface RuleModule<O = Record<string, unknown>> {
  /** Kebab-case, permanent: the file name, the docs slug and the diagnostic's ruleId. */
  id: string;
  meta: RuleMeta;
  /** File and loader rules. Never throws on user content, never reads files or prints. */
  check?(ctx: RuleContext<O>): void;
  /**
   * Optional, for a file rule that needs a heavy module for a few files only: looks at the data
   * before the file is linted and returns a promise (loading that module) when `check` will need it.
   * The engine awaits it (prepareDocument) so `check` stays synchronous.
   */
  prepare?(ctx: Pick<RuleContext<O>, 'data' | 'lang' | 'config'>): Promise<void> | undefined;
  /** Project rules. */
  checkProject?(ctx: ProjectContext<O>): void;
  /** Lifecycle rules. */
  checkLifecycle?(ctx: LifecycleContext<O>): void;
}

/** A rule's effective setting for a run. */
export interface RuleSettings {
  severity: 'error' | 'warning' | 'off';
  options: Record<string, unknown>;
}

export type RunRuleSettings = Record<string, RuleSettings>;

/** Identity function that keeps a rule module's option type while checking its shape. */
export function defineRule<O = Record<string, unknown>>(rule: RuleModule<O>): RuleModule<O> {
  return rule;
}
