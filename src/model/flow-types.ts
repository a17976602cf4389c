// The flow model: what lint rules, renderers and the build read. Built once from an SOP by buildFlowModel().
//
// Two views of the same flow:
// - rows + edges: one entry per numbered row (the 1.0 view; every 1.0 file is fully described by it).
// - nodes + links: one entry per drawn symbol and per arrow (format 1.1: a chain row has one node
//   per `langkah` item, a joint step one node spanning several lanes, a fork several links).
// A renderer that draws 1.1 constructs reads nodes + links; rows give the text columns.

export type SymbolKind = 'terminator' | 'process' | 'decision';

/**
 * Where an arrow goes: a row (0-based index), the end of the procedure, or a target that names no row.
 * `item` is set only when the target names a chain item by its `id` (0-based position in `langkah`);
 * without it the arrow enters the row's first symbol.
 */
export type ResolvedTarget =
  | { kind: 'row'; index: number; item?: number }
  | { kind: 'end' }
  | { kind: 'unknown'; raw: unknown };

export interface FlowActor {
  id: string;
  title: string;
  /** 0-based column among the actor columns. */
  column: number;
}

/** One actor column a symbol is drawn in. `column` is -1 when `pelaksana` does not declare the actor. */
export interface FlowLane {
  actorId: string;
  column: number;
}

export interface Duration {
  /** Length in minutes (fractional for seconds), upper bound for a range. */
  minutes: number;
  /** True when any part used working units (hari kerja, minggu, bulan). */
  working: boolean;
}

/**
 * What a row's `waktu` says (spec §3, §7.2):
 * - `duration`: a time standard (`15 menit`, `1-2 hari kerja`), counted in Jumlah waktu;
 * - `rate`: a time per unit of work (`2 menit/berkas`, `15 menit per dokumen`), printed as written, not summed;
 * - `none`: no time standard (`-`, or a phrase of config `time.noStandard` such as `Sesuai kebutuhan`);
 * - `invalid`: none of these (lint `waktu-format` reports it as an error).
 */
export type WaktuKind = 'duration' | 'rate' | 'none' | 'invalid';

/** The two branches of a decision (a row's `keputusan` or a chain item's). */
export interface FlowDecision {
  yes: ResolvedTarget;
  no: ResolvedTarget;
  /** Branch words, `keputusan.label` or the defaults (Ya/Tidak, Yes/No); kept even when `unlabelled`. */
  labels: [string, string];
  /** `keputusan.label: false`: both branches are drawn without a label. */
  unlabelled?: true;
}

/**
 * One symbol of the flow. A row without `langkah` has exactly one node (item 0); a row with
 * `langkah` has one node per item, left to right in list order.
 */
export interface FlowNode {
  /** Position in `FlowModel.nodes` (row order, then chain order). */
  index: number;
  /** Stable name for hooks and tests: `r<row number>` for a plain row, `r<row number>.<item + 1>` for a chain item. */
  key: string;
  /** 0-based row index. */
  row: number;
  /** 0-based position in the row's chain; 0 for a row without `langkah`. */
  item: number;
  /** The `id` a target can name: the row's `id` for a plain row, the item's `id` for a chain item. */
  id?: string;
  /**
   * Columns that hold this symbol. One lane normally; a joint step (`pelaksana: [a, b]`) has one
   * lane per listed actor, in the order written: the same symbol is drawn in each, joined by a
   * horizontal line; arrows enter at the first lane and leave from the last.
   */
  lanes: FlowLane[];
  symbol: SymbolKind;
  /** Text printed inside the symbol: the row's `simbol_teks` or the chain item's `teks`. */
  text?: string;
  /** `opsional: true` on the row ("apabila diperlukan"): drawn with a dashed outline; still part of the flow. */
  optional: boolean;
  /** Drawn as a start terminator: row 1's first node, and the first node of every `mulai: true` row. */
  start: boolean;
  /** Set for a diamond. */
  decision?: FlowDecision;
  /** Where a non-decision node continues: one target, or several for a fork (`ke` list). */
  next?: ResolvedTarget[];
}

export type EdgeKind = 'next' | 'yes' | 'no';

/** One arrow between two nodes. */
export interface FlowLink {
  /** Index in `FlowModel.nodes`. */
  from: number;
  /** Index in `FlowModel.nodes`, or 'end' (the flow ends after `from`). */
  to: number | 'end';
  kind: EdgeKind;
  /** Branch label of a decision; '' when the decision is unlabelled; undefined for plain arrows. */
  label?: string;
  /** The arrow joins two items of the same chain (drawn left to right inside the row, or back for a loop). */
  inChain: boolean;
  /** One branch of a fork: `from` has a `ke` list and continues in parallel to every target. */
  fork: boolean;
}

export interface FlowRow {
  /** 0-based index in `prosedur`. */
  index: number;
  /** 1-based number (the row's position). */
  number: number;
  id?: string;
  kegiatan: string;
  /** The row's actor; for a joint step the first listed, for a chain the first item's. */
  actorId: string;
  /** Column of `actorId`, or -1 when `pelaksana` does not declare it. */
  column: number;
  kelengkapan: string[];
  output: string[];
  waktu: string;
  keterangan?: string;
  /** The row's symbol; for a chain row, the first item's. */
  symbol: SymbolKind;
  /** Parsed `waktu` when it is a duration, else null (a rate, no standard, or not readable: see `waktuKind`). */
  duration: Duration | null;
  /** Next row for a non-decision row (default: the row below; last row: end). For a fork: the first target. */
  next?: ResolvedTarget;
  /** Both branches of a decision row, with their labels. */
  decision?: FlowDecision;

  // ---- format 1.1 (absent on 1.0 rows; buildFlowModel sets `waktuKind` always) ----
  /** What `waktu` is: a duration, a rate, no standard, or unreadable. */
  waktuKind?: WaktuKind;
  /** The number printed in column No. when the file writes `no` (`5a`, `-`); absent: print `number`. */
  no?: string;
  /** `mulai: true`: an extra start; the row needs no incoming arrow. */
  start?: true;
  /** `opsional: true`: done only when needed; drawn dashed and noted in Keterangan. */
  optional?: true;
  /** For an optional row: the note Keterangan carries (`Apabila diperlukan`, English `When needed`). */
  optionalNote?: string;
  /** `simbol_teks`: text printed inside the row's symbol. */
  symbolText?: string;
  /** A joint step: every listed actor (2 or more), in the order written; `actorId`/`column` are the first. */
  lanes?: FlowLane[];
  /** A fork: every target of a `ke` list (2 or more); `next` is the first. */
  fork?: ResolvedTarget[];
  /** A symbol chain (`langkah`): the row's nodes, left to right (the same objects as in `FlowModel.nodes`). */
  chain?: FlowNode[];
}

/**
 * One arrow of the row view. `to` is a row index or 'end' (a decision branch that ends the procedure).
 * Arrows inside one chain are not in this view (see FlowModel.links); an arrow leaving a chain
 * item appears as an arrow from its row.
 */
export interface FlowEdge {
  from: number;
  to: number | 'end';
  kind: EdgeKind;
  /** Branch label for decisions (e.g. Ya / Tidak; '' when unlabelled); undefined for plain arrows. */
  label?: string;
}

export interface FlowModel {
  actors: FlowActor[];
  rows: FlowRow[];
  /** Every row-to-row arrow, in row order; targets that name no row are left out (lint reports them). */
  edges: FlowEdge[];
  /** Every symbol (rows in order; a chain row contributes one node per item). */
  nodes: FlowNode[];
  /** Every arrow between symbols, in node order; unknown targets are left out. */
  links: FlowLink[];
  /**
   * Row indexes on the counted path: from row 1, every decision answering yes; at a fork the
   * branch whose time is longest is followed (parallel work takes as long as its longest branch).
   * Ends at `selesai` or where a row would repeat.
   */
  mainPath: number[];
  /**
   * Sum of the durations of the rows on mainPath that have one (rows with a rate or no time
   * standard add nothing and are counted in `totalUncounted`); null only when there are no rows.
   */
  total: Duration | null;
  /** Rows on mainPath whose `waktu` is not a duration (a rate, `-`, "Sesuai kebutuhan", unreadable). */
  totalUncounted: number;
  /** `total` in words, e.g. `2 hari 2 jam 35 menit` (empty when total is null). */
  totalText: string;
  /** Note printed with the total when `totalUncounted` > 0 (`tidak termasuk 2 kegiatan tanpa baku waktu`), else ''. */
  totalNote: string;
}

/** Unit conversions for durations (config `time`). */
export interface TimeSettings {
  workingDayHours: number;
  dayHours: number;
  weekWorkingDays: number;
  monthWorkingDays: number;
}

/** Config `time`: unit conversions plus the phrases that mean "no time standard" (spec §7.2). */
export interface TimeConfig extends Partial<TimeSettings> {
  noStandard?: string[];
}

export const DEFAULT_TIME: TimeSettings = { workingDayHours: 8, dayHours: 24, weekWorkingDays: 5, monthWorkingDays: 22 };

/** Phrases that mean "no time standard" when config `time.noStandard` is not set (compared case-insensitively). */
export const DEFAULT_NO_STANDARD: readonly string[] = ['sesuai kebutuhan', 'menyesuaikan', 'tentatif'];
