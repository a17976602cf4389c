// The *Perbandingan SOP* document as content (issue #14): the change list between two revisions, then each changed SOP's
// flow table as it was (SOP awal) and as it is (SOP perbaikan) — the evidence an evaluation meeting needs.
import type { Paper } from '../core/paper.js';
import { sections, type Section } from '../diff/format/sections.js';
import { revisionText, sopTitle, summaryText, words } from '../diff/format/words.js';
import type { SopDiffEntry, TreeDiff } from '../diff/types.js';
import type { FlowTablePage } from '../render/flowtable/index.js';
import type { Labels } from './labels.js';

/** One version of an SOP as the document shows it: which revision, and its flow table pages. */
export interface PerbandinganVersion {
  /** `SOP awal` / `SOP perbaikan`. */
  heading: string;
  /** The revision it comes from (`sop-2025 (1be9d56, 2025-01-20)`). */
  revision: string;
  path: string;
  flowPages: FlowTablePage[];
}

export interface PerbandinganSop {
  /** `800/001/SOP/BKPSDM/2024 Penanganan Surat Masuk`. */
  title: string;
  /** `diubah`, `ditambah`, `dihapus`, `dipindah`. */
  kind: string;
  /** Where it lives (and, moved, where it was). */
  path: string;
  movedFrom?: string;
  changes: Section[];
  before?: PerbandinganVersion;
  after?: PerbandinganVersion;
}

export interface PerbandinganContent {
  labels: Labels;
  paper: Paper;
  title: string;
  from: string;
  to: string;
  summary: string;
  /** Said when nothing changed. */
  empty?: string;
  sops: PerbandinganSop[];
  /** Column headings of the overview table. */
  columns: { sop: string; kind: string; parts: string };
}

export interface PerbandinganInput {
  diff: TreeDiff;
  labels: Labels;
  paper: Paper;
  /** Flow table pages of each entry's old and new version (absent: the version has none, or could not be drawn). */
  pagesOf: (entry: SopDiffEntry) => { before?: FlowTablePage[]; after?: FlowTablePage[] };
}

const HEADINGS = {
  id: { before: 'SOP awal', after: 'SOP perbaikan', sop: 'SOP', kind: 'Perubahan', parts: 'Bagian yang berubah' },
  en: { before: 'SOP before revision', after: 'Revised SOP', sop: 'SOP', kind: 'Change', parts: 'Parts changed' },
};

export function perbandinganContent(input: PerbandinganInput): PerbandinganContent {
  const lang = input.labels.htmlLang === 'en' ? 'en' : 'id';
  const w = words(lang);
  const h = HEADINGS[lang];
  const from = revisionText(input.diff.from, lang);
  const to = revisionText(input.diff.to, lang);
  const sops = input.diff.entries.map((e): PerbandinganSop => {
    const pages = input.pagesOf(e);
    const at = (e.new ?? e.old)!;
    return {
      title: sopTitle(e) || at.path,
      kind: w[e.kind],
      path: at.path,
      ...(e.kind === 'renamed' ? { movedFrom: e.old!.path } : {}),
      changes: e.changes ? sections(e.changes, lang) : [],
      ...(e.old && pages.before ? { before: { heading: h.before, revision: from, path: e.old.path, flowPages: pages.before } } : {}),
      ...(e.new && pages.after ? { after: { heading: h.after, revision: to, path: e.new.path, flowPages: pages.after } } : {}),
    };
  });
  return {
    labels: input.labels,
    paper: input.paper,
    title: w.title,
    from,
    to,
    summary: summaryText(input.diff, lang),
    ...(sops.length === 0 ? { empty: w.noChanges } : {}),
    sops,
    columns: { sop: h.sop, kind: h.kind, parts: h.parts },
  };
}
