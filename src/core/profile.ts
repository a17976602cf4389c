// A document profile: the labels, layout and signature settings of `sop.config.yaml` (format §7.3-7.4), resolved with defaults.
import { resolveLabels, type DocumentLabels, type LabelLang } from './labels.js';

export type ListStyle = 'number' | 'dash';

/** `layout` in sop.config.yaml, as written (every key optional). */
export interface LayoutConfig {
  /** Start the flow table under the identity table when it fits (default false: the flow starts a new page). */
  flowOnIdentityPage?: boolean;
  /** A row `(1) (2) ...` under the flow table's header (default false). */
  columnNumbers?: boolean;
  /** Nama SOP and jabatan as written (`asis`, default) or in capitals (`upper`). */
  case?: 'asis' | 'upper';
  /** Identity lists numbered (default) or dashed; list cells of the flow table dashed (default) or numbered. */
  listStyle?: { identity?: ListStyle; cells?: ListStyle };
  /** The *Jumlah waktu* row under the flow table (default true). */
  totalRow?: boolean;
}

/** `signature` in sop.config.yaml. */
export interface SignatureConfig {
  /** Footer text of every page of an SOP signed with `disahkan_oleh.tte: true` (e.g. the BSrE statement). */
  footer?: string;
}

export interface LayoutSettings {
  flowOnIdentityPage: boolean;
  columnNumbers: boolean;
  case: 'asis' | 'upper';
  listStyle: { identity: ListStyle; cells: ListStyle };
  totalRow: boolean;
}

export interface DocumentProfile {
  labels: DocumentLabels;
  layout: LayoutSettings;
  /** Footer statement for e-signed SOPs; undefined when the config gives none. */
  signatureFooter?: string;
}

export const DEFAULT_LAYOUT: LayoutSettings = {
  flowOnIdentityPage: false,
  columnNumbers: false,
  case: 'asis',
  listStyle: { identity: 'number', cells: 'dash' },
  totalRow: true,
};

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function listStyle(v: unknown, fallback: ListStyle): ListStyle {
  return v === 'number' || v === 'dash' ? v : fallback;
}

/** Layout settings with defaults for anything missing or malformed (the config schema reports those). */
export function resolveLayout(layout?: LayoutConfig): LayoutSettings {
  const l = (layout ?? {}) as Record<string, unknown>;
  const ls = (typeof l.listStyle === 'object' && l.listStyle !== null ? l.listStyle : {}) as Record<string, unknown>;
  return {
    flowOnIdentityPage: bool(l.flowOnIdentityPage, DEFAULT_LAYOUT.flowOnIdentityPage),
    columnNumbers: bool(l.columnNumbers, DEFAULT_LAYOUT.columnNumbers),
    case: l.case === 'upper' ? 'upper' : 'asis',
    listStyle: { identity: listStyle(ls.identity, DEFAULT_LAYOUT.listStyle.identity), cells: listStyle(ls.cells, DEFAULT_LAYOUT.listStyle.cells) },
    totalRow: bool(l.totalRow, DEFAULT_LAYOUT.totalRow),
  };
}

export function resolveProfile(lang: LabelLang, config: { labels?: Record<string, unknown>; layout?: LayoutConfig; signature?: SignatureConfig }): DocumentProfile {
  const footer = typeof config.signature?.footer === 'string' && config.signature.footer.trim() !== '' ? config.signature.footer : undefined;
  return { labels: resolveLabels(lang, config.labels), layout: resolveLayout(config.layout), signatureFooter: footer };
}

/** Nama SOP and jabatan in the profile's case. */
export function applyCase(text: string, layout: Pick<LayoutSettings, 'case'>): string {
  return layout.case === 'upper' ? text.toLocaleUpperCase('id') : text;
}
