// The Riwayat Revisi table (revision history) and the DRAF mark of one SOP as content: facts from git, formatted for reading.
import type { Lang } from '../core/types.js';
import { formatDate } from './text.js';

/** One revision as the publisher hands it over (plain values; where they come from is not the page's business). */
export interface RevisionFact {
  /** 0 = the first version. */
  number: number;
  /** `YYYY-MM-DD`. */
  date: string;
  author: string;
  subject: string;
  /** Short commit id. */
  commit: string;
  /** Changed parts (`identitas`, `pelaksana`, `prosedur`, `mutu_baku`, `alur`, `catatan`, `status`). */
  parts: string[];
  /** Release tags that hold this version. */
  tags: string[];
}

/** What the publisher knows about an SOP's document control. */
export interface SopControl {
  revisions?: RevisionFact[];
  /** The history starts at a shallow clone's cut-off: older revisions are not shown. */
  incomplete?: boolean;
  /** Why the document is a draft (empty or absent: it is not). */
  draft?: DraftReason[];
}

export type DraftReason = 'uncommitted' | 'unreleased' | 'status';

export interface RiwayatContent {
  title: string;
  columns: { no: string; tanggal: string; uraian: string; bagian: string; oleh: string; versi: string };
  rows: { no: string; tanggal: string; uraian: string; bagian: string; oleh: string; versi: string }[];
  note?: string;
}

const WORDS = {
  id: {
    title: 'Riwayat Revisi', no: 'Revisi', tanggal: 'Tanggal', uraian: 'Uraian Perubahan', bagian: 'Bagian yang Berubah', oleh: 'Oleh', versi: 'Versi',
    first: 'Terbit pertama', incomplete: 'Riwayat sebelum revisi tertua tidak tersedia (klon git dangkal).',
    parts: { identitas: 'Identitas', status: 'Status', pelaksana: 'Pelaksana', prosedur: 'Kegiatan', mutu_baku: 'Mutu Baku', alur: 'Alur', catatan: 'Catatan' } as Record<string, string>,
  },
  en: {
    title: 'Revision History', no: 'Revision', tanggal: 'Date', uraian: 'Description of Change', bagian: 'Parts Changed', oleh: 'By', versi: 'Version',
    first: 'First issue', incomplete: 'History before the oldest revision is not available (shallow git clone).',
    parts: { identitas: 'Identity', status: 'Status', pelaksana: 'Actors', prosedur: 'Activities', mutu_baku: 'Mutu Baku', alur: 'Flow', catatan: 'Notes' } as Record<string, string>,
  },
};

/** The table, oldest revision first; `releasesOnly` keeps the versions a release tag holds. */
export function riwayatContent(control: SopControl, lang: Lang, releasesOnly = false): RiwayatContent | undefined {
  const revs = (control.revisions ?? []).filter((r) => !releasesOnly || r.tags.length > 0);
  if (revs.length === 0) return undefined;
  const w = WORDS[lang];
  return {
    title: w.title,
    columns: { no: w.no, tanggal: w.tanggal, uraian: w.uraian, bagian: w.bagian, oleh: w.oleh, versi: w.versi },
    rows: revs.map((r) => ({
      no: String(r.number),
      tanggal: formatDate(r.date, lang),
      uraian: r.subject,
      bagian: r.number === 0 ? w.first : r.parts.map((p) => w.parts[p] ?? p).join(', ') || '-',
      oleh: r.author,
      versi: [r.commit, ...r.tags].join(' '),
    })),
    ...(control.incomplete ? { note: w.incomplete } : {}),
  };
}

/** The word printed across a draft's pages. */
export function draftMark(control: SopControl | undefined): string | undefined {
  return control?.draft && control.draft.length > 0 ? 'DRAF' : undefined;
}
