// Shapes of a semantic SOP diff: what changed between two versions of one SOP, and between two revisions of a repository.

/** The parts of an SOP a change can touch (also the "bagian yang berubah" of a revision). */
export type ChangedPart = 'identitas' | 'status' | 'pelaksana' | 'prosedur' | 'mutu_baku' | 'alur' | 'catatan';

export const PART_ORDER: readonly ChangedPart[] = ['identitas', 'status', 'pelaksana', 'prosedur', 'mutu_baku', 'alur', 'catatan'];

/** A value that changed; `old`/`new` undefined = the key was absent. Keys are YAML paths joined by dots (`disahkan_oleh.nama`). */
export interface ValueChange {
  key: string;
  old?: unknown;
  new?: unknown;
}

export interface ActorChange {
  kind: 'added' | 'removed' | 'renamed' | 'moved';
  /** Actor id in the new version (old version for `removed`). */
  id: string;
  oldId?: string;
  title: string;
  oldTitle?: string;
  /** 1-based column in the new version (old version for `removed`). */
  column: number;
  oldColumn?: number;
}

/** A row as people name it: its printed number, id and activity. */
export interface RowRef {
  number: number;
  id?: string;
  kegiatan: string;
}

export interface RowChange {
  kind: 'added' | 'removed' | 'changed';
  old?: RowRef;
  new?: RowRef;
  /** The row's position relative to the other kept rows changed. */
  moved: boolean;
  /** How the old row was paired with the new one. */
  matchedBy?: 'id' | 'text' | 'similarity';
  /** Changed cells other than Mutu Baku (kegiatan, pelaksana, keterangan, ...). */
  fields: ValueChange[];
}

export interface MutuBakuChange {
  row: RowRef;
  field: 'kelengkapan' | 'waktu' | 'output';
  old?: unknown;
  new?: unknown;
}

/** A branch that now leads elsewhere. Targets are described as rows of their own version, or `selesai`. */
export interface FlowChange {
  row: RowRef;
  branch: 'ke' | 'ya' | 'tidak';
  old: string;
  new: string;
}

export interface SopChanges {
  identity: ValueChange[];
  status?: { old: string; new: string };
  actors: ActorChange[];
  rows: RowChange[];
  mutuBaku: MutuBakuChange[];
  flow: FlowChange[];
  /** The body (*Catatan*) changed. */
  body: boolean;
  /** Which parts changed, in PART_ORDER. */
  parts: ChangedPart[];
}

/** One SOP on one side of a repository diff. */
export interface SopSide {
  path: string;
  nomor?: string;
  nama?: string;
  status?: string;
}

export interface SopDiffEntry {
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  old?: SopSide;
  new?: SopSide;
  /** Content changes (for `changed`, and for `renamed` when the content changed too). */
  changes?: SopChanges;
}

export interface RevisionLabel {
  /** What the user asked for (`HEAD~1`, `sop-2025`), or `working tree`. */
  name: string;
  /** Full commit id; undefined for the working tree. */
  commit?: string;
  date?: string;
  subject?: string;
  /** Release tags pointing at this commit. */
  tags?: string[];
}

export interface TreeDiff {
  from: RevisionLabel;
  to: RevisionLabel;
  /** Added, removed, renamed and changed SOPs, by new path (old path for removed). */
  entries: SopDiffEntry[];
  /** SOPs present on both sides with the same content. */
  unchanged: number;
}
