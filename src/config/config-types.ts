// Types of `sop.config.yaml` (schemas/config.schema.json). Keys are the tool's, in English; values the user's.
import type { Lang, RuleLevel } from '../core/types.js';
import type { Paper } from '../core/paper.js';
import type { TimeConfig } from '../model/flow-types.js';
import type { LabelKey } from '../core/labels.js';
import type { LayoutConfig, SignatureConfig } from '../core/profile.js';
import type { YamlSource } from '../yaml/positions.js';

export type { Lang } from '../core/types.js';
export type { Paper } from '../core/paper.js';

/** A rule setting: a level, or `[level, options]`. */
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>];

export interface PackSection {
  /** Heading of the section (e.g. the unit's name). */
  title: string;
  /** Globs (relative to the config file) of the SOPs in this section. */
  include: string[];
}

export interface PackKeputusan {
  /** e.g. `Keputusan Kepala Badan Kepegawaian Daerah Kabupaten Sukamaju` */
  jenis?: string;
  nomor: string;
  tentang: string;
  tanggal: string;
  /** Who enacts it; default: config defaults.disahkan_oleh */
  pejabat?: { jabatan: string; nama: string; nip: string; pangkat?: string };
  /** Markdown file (relative to the config) with the decree's body: menimbang, mengingat, memutuskan. */
  file?: string;
}

export interface PackConfig {
  /** Output name of the pack files (slug); default `pack`. */
  id?: string;
  title: string;
  subtitle?: string;
  year: number | string;
  address?: string;
  keputusan?: PackKeputusan;
  /** Markdown file (relative to the config) with the usage notes: ruang lingkup, ringkasan, definisi. */
  penjelasan?: string;
  /** Groups of SOPs; default: one section per top folder of the SOPs. */
  sections?: PackSection[];
  /** Also print replaced and revoked SOPs (`status: diganti|dicabut`) in this pack; default false (issue #14). */
  includeSuperseded?: boolean;
}

export interface SopConfig {
  lang?: Lang;
  paper?: Paper;
  include?: string[];
  exclude?: string[];
  /** Build output folder, relative to the config; default `_site`. */
  output?: string;
  /** Identity keys merged into every SOP that does not set them. */
  defaults?: Record<string, unknown>;
  /** Pattern for `nomor`, e.g. `800/{seq:3}/SOP/BKD/{year}`. */
  numbering?: string;
  /** Folder (relative to the config) with extra templates for `sop new`. */
  templates?: string;
  /** Unit conversions and (1.1) `noStandard`: the phrases that mean "no time standard". */
  time?: TimeConfig;
  /** Format 1.1 (spec §7.4): overrides of printed labels, by key (src/core/labels.ts LABEL_KEYS). */
  labels?: Partial<Record<LabelKey, string>>;
  /** Format 1.1: flowOnIdentityPage, columnNumbers, case, listStyle, totalRow. */
  layout?: LayoutConfig;
  /** Format 1.1: `footer` printed on SOPs with `disahkan_oleh.tte: true`. */
  signature?: SignatureConfig;
  /** Format 1.1: a config file (relative to this one) to inherit and override; resolved by config/load.ts. */
  extends?: string;
  /** Active-verb prefixes and allowed first words for the `active-verb` rule live in rules options. */
  rules?: Record<string, RuleSetting>;
  pack?: PackConfig | PackConfig[];
  /** Where the lifecycle records live (inventory, monitoring, evaluation) and extra Tabel 7 assessment values. */
  lifecycle?: LifecycleConfig;
  /** The evidence pack (`sop build --bukti`). */
  evidence?: EvidenceConfig;
  /** Revision history from git (issue #14): release tags, the Riwayat Revisi table. */
  history?: HistoryConfig;
}

export interface LifecycleConfig {
  /** Inventory file (Tabel 6), relative to the config; default `inventaris.yaml`. */
  inventory?: string;
  /** Folder of monitoring sheets `<periode>/<unit>.yaml`; default `monev`. */
  monitoring?: string;
  /** Folder of evaluation records; default `evaluasi`. */
  evaluation?: string;
  /** Extra Tabel 7 assessment values: key -> printed label. */
  assessments?: Record<string, string>;
}

export interface EvidenceConfig {
  /** Monitoring period included; default the latest that has sheets. */
  periode?: string;
  /** Folder inside the build output; default `bukti-zi`. */
  output?: string;
}

/** A loaded config with where it came from. */
export interface LoadedConfig {
  /** Absolute path of the config file, or undefined when none was found. */
  file?: string;
  /** Folder that relative paths in the config resolve against (the config's folder, or cwd). */
  dir: string;
  config: SopConfig;
  /** The parsed config file, to point diagnostics at values that came from `defaults`. */
  source?: YamlSource;
  /** The file itself, then each file it `extends` (spec §7.4), as written: `sop lint --print-config`, positions. */
  chain?: ConfigLayer[];
}

/** One file of an `extends` chain. */
export interface ConfigLayer {
  file: string;
  dir: string;
  /** What this file itself says (before merging). */
  config: Record<string, unknown>;
  source: YamlSource;
}

export interface HistoryConfig {
  enabled?: boolean;
  releaseTags?: string;
  table?: 'all' | 'releases' | 'off';
}
