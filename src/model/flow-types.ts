// The flow model: what lint rules, renderers and the build read. Built once from an SOP by buildFlowModel().

export type SymbolKind = 'terminator' | 'process' | 'decision';

/** Where an arrow goes: a row (0-based index), the end of the procedure, or a target that names no row. */
export type ResolvedTarget =
  | { kind: 'row'; index: number }
  | { kind: 'end' }
  | { kind: 'unknown'; raw: unknown };

export interface FlowActor {
  id: string;
  title: string;
  /** 0-based column among the actor columns. */
  column: number;
}

export interface Duration {
  /** Length in minutes (fractional for seconds), upper bound for a range. */
  minutes: number;
  /** True when any part used working units (hari kerja, minggu, bulan). */
  working: boolean;
}

export interface FlowRow {
  /** 0-based index in `prosedur`. */
  index: number;
  /** 1-based number printed in column No. */
  number: number;
  id?: string;
  kegiatan: string;
  actorId: string;
  /** Column of the actor, or -1 when `pelaksana` does not declare it. */
  column: number;
  kelengkapan: string[];
  output: string[];
  waktu: string;
  keterangan?: string;
  symbol: SymbolKind;
  /** Parsed `waktu`, or null when it is not a duration. */
  duration: Duration | null;
  /** Next row for a non-decision row (default: the row below; last row: end). */
  next?: ResolvedTarget;
  /** Both branches of a decision row, with their labels. */
  decision?: { yes: ResolvedTarget; no: ResolvedTarget; labels: [string, string] };
}

export type EdgeKind = 'next' | 'yes' | 'no';

/** One arrow of the flow. `to` is a row index or 'end' (a decision branch that ends the procedure). */
export interface FlowEdge {
  from: number;
  to: number | 'end';
  kind: EdgeKind;
  /** Branch label for decisions (e.g. Ya / Tidak); undefined for plain arrows. */
  label?: string;
}

export interface FlowModel {
  actors: FlowActor[];
  rows: FlowRow[];
  /** Every arrow, in row order; targets that name no row are left out (lint reports them). */
  edges: FlowEdge[];
  /** Row indexes on the path taken when every decision answers yes, from row 1 to the end or a repeat. */
  mainPath: number[];
  /** Sum of the durations on mainPath, or null when a row on it has no parsable waktu. */
  total: Duration | null;
  /** `total` in words, e.g. `2 hari 2 jam 35 menit` (empty when total is null). */
  totalText: string;
}

/** Unit conversions for durations (config `time`). */
export interface TimeSettings {
  workingDayHours: number;
  dayHours: number;
  weekWorkingDays: number;
  monthWorkingDays: number;
}

export const DEFAULT_TIME: TimeSettings = { workingDayHours: 8, dayHours: 24, weekWorkingDays: 5, monthWorkingDays: 22 };
