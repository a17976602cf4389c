// The seven evaluation criteria of SOP AP (PermenPAN-RB 35/2012, annex, evaluation of SOP application), as data with their source.
import type { Localized } from './text.js';

export interface Criterion {
  /** Key written in evaluation records (`kriteria.<id>`); permanent. */
  id: string;
  /** Position in the annex's list (1-7). */
  no: number;
  /** The annex's wording, verbatim; printed on the evaluation sheet and the Berita Acara. */
  teks: string;
  /** An English gloss, for `--lang en` messages only (never printed on a form). */
  en: string;
}

/**
 * Where the list comes from. The annex copies we could read list these seven items after Tabel 7
 * (the table's own number is not verified); several independent evaluation apps and a 2025
 * provincial evaluation minute reproduce them identically (shared/domain/sop-ap-format.md §6.2,
 * source [S30]). Some public apps carry only six (without *sinergi*) or invent their own; this
 * list is the annex's.
 */
export const CRITERIA_SOURCE: Localized = {
  id: 'Lampiran Peraturan Menteri PAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan, bagian Monitoring dan Evaluasi Penerapan SOP AP (kriteria evaluasi penerapan SOP AP)',
  en: 'Annex of PermenPAN-RB Regulation No. 35 of 2012 (guideline for government-administration SOPs), section on monitoring and evaluating the application of SOP AP (evaluation criteria)',
};

export const CRITERIA: readonly Criterion[] = Object.freeze([
  { id: 'mendorong-kinerja', no: 1, teks: 'Mampu mendorong peningkatan kinerja', en: 'helps improve performance' },
  { id: 'mudah-dipahami', no: 2, teks: 'Mudah dipahami', en: 'easy to understand' },
  { id: 'mudah-dilaksanakan', no: 3, teks: 'Mudah dilaksanakan', en: 'easy to carry out' },
  { id: 'menjalankan-peran', no: 4, teks: 'Semua orang dapat menjalankan perannya masing-masing', en: 'everyone can play their role' },
  { id: 'mengatasi-permasalahan', no: 5, teks: 'Mampu mengatasi permasalahan yang berkaitan dengan proses', en: 'resolves problems related to the process' },
  { id: 'menjawab-kebutuhan', no: 6, teks: 'Mampu menjawab kebutuhan peningkatan kinerja organisasi', en: "meets the organisation's need for better performance" },
  { id: 'sinergi', no: 7, teks: 'Sinergi satu dengan lainnya', en: 'works in synergy with the others' },
].map((c) => Object.freeze(c)));

export const CRITERION_IDS: readonly string[] = CRITERIA.map((c) => c.id);

export function criterion(id: string): Criterion | undefined {
  return CRITERIA.find((c) => c.id === id);
}
