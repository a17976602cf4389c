// Words and value rendering shared by the diff formatters, in Indonesian and English.
import type { ChangedPart, RevisionLabel, SopDiffEntry, TreeDiff } from '../types.js';

export type Lang = 'id' | 'en';

const WORDS = {
  id: {
    title: 'Perbandingan SOP', workingTree: 'working tree (belum di-commit)', added: 'ditambah', removed: 'dihapus', changed: 'diubah', renamed: 'dipindah',
    movedFrom: 'dipindah dari', identitas: 'Identitas', status: 'Status', pelaksana: 'Pelaksana', prosedur: 'Kegiatan', mutu_baku: 'Mutu Baku', alur: 'Alur', catatan: 'Catatan',
    bodyChanged: 'teks Catatan diubah', column: 'kolom', rowMoved: 'urutan berubah, dahulu', branch: 'cabang', none: '(tidak ada)', noChanges: 'tidak ada perubahan isi SOP',
    summary: (c: number, a: number, r: number, m: number, u: number) => `${c} SOP diubah, ${a} ditambah, ${r} dihapus, ${m} dipindah, ${u} tidak berubah`,
    actorAdded: 'kolom baru', actorRemoved: 'kolom dihapus', actorRenamed: 'kolom diganti nama', actorMoved: 'kolom pindah', by: { id: 'id', text: 'teks sama', similarity: 'teks mirip' },
    field: 'bagian', from: 'dari', to: 'menjadi', row: 'baris',
  },
  en: {
    title: 'SOP comparison', workingTree: 'working tree (uncommitted)', added: 'added', removed: 'removed', changed: 'changed', renamed: 'moved',
    movedFrom: 'moved from', identitas: 'Identity', status: 'Status', pelaksana: 'Actors', prosedur: 'Activities', mutu_baku: 'Mutu Baku', alur: 'Flow', catatan: 'Catatan',
    bodyChanged: 'Catatan text changed', column: 'column', rowMoved: 'order changed, was', branch: 'branch', none: '(none)', noChanges: 'no change to the SOP content',
    summary: (c: number, a: number, r: number, m: number, u: number) => `${c} SOP(s) changed, ${a} added, ${r} removed, ${m} moved, ${u} unchanged`,
    actorAdded: 'new column', actorRemoved: 'column removed', actorRenamed: 'column renamed', actorMoved: 'column moved', by: { id: 'id', text: 'same text', similarity: 'similar text' },
    field: 'part', from: 'from', to: 'to', row: 'row',
  },
};

export function words(lang: Lang) {
  return WORDS[lang];
}

export function partName(part: ChangedPart, lang: Lang): string {
  return WORDS[lang][part];
}

/** A YAML value as one line of text. */
export function showValue(v: unknown, lang: Lang): string {
  if (v === undefined || v === null) return WORDS[lang].none;
  if (Array.isArray(v)) return v.map((x) => showValue(x, lang)).join('; ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${showValue(x, lang)}`).join(', ');
  return String(v).replace(/\s+/g, ' ').trim();
}

export function revisionText(r: RevisionLabel, lang: Lang): string {
  if (!r.commit) return WORDS[lang].workingTree;
  const extra = [r.commit.slice(0, 7), r.date, ...(r.tags ?? [])].filter(Boolean).join(', ');
  return `${r.name} (${extra})`;
}

export function summaryText(d: TreeDiff, lang: Lang): string {
  const n = (k: SopDiffEntry['kind']) => d.entries.filter((e) => e.kind === k).length;
  return WORDS[lang].summary(n('changed'), n('added'), n('removed'), n('renamed'), d.unchanged);
}

export function sopTitle(e: SopDiffEntry): string {
  const s = e.new ?? e.old!;
  return [s.nomor, s.nama].filter(Boolean).join(' ');
}
