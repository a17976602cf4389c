// The lifecycle forms as content: Tabel 6 (identification), Tabel 7 (monitoring), the evaluation sheet, the Berita Acara
// Evaluasi and the roll-up. Texts ready to read, cells with their spans; no format, no file system.
import type { Lang } from '../core/types.js';
import { CRITERIA, CRITERIA_SOURCE } from '../lifecycle/criteria.js';
import { longDay, parseDay, periodLabel } from '../lifecycle/dates.js';
import { allYes, type Evaluation, type EvaluationEntry, type FollowUp, type Inventory, type MonitoringSheet, type Pejabat } from '../lifecycle/model.js';
import type { Rollup } from '../lifecycle/rollup.js';
import type { SopIndex } from '../lifecycle/sops.js';

export interface Signer {
  role: string;
  nama: string;
  jabatan: string;
  nip?: string;
}

/** A table cell; `span` > 1 merges it over the rows below, `null` marks a cell covered by a span. */
export type SpanCell = { text: string; span: number } | null;

export interface Tabel6Content {
  title: string;
  unit?: string;
  tahun?: string;
  /** Column headers in Tabel 6 order, with their numbers `(1)`..; the process-map column last. */
  columns: string[];
  rows: SpanCell[][];
}

export interface Tabel7Row {
  no: string;
  prosedur: string;
  nomor?: string;
  options: { label: string; checked: boolean }[];
  catatan: string;
  tindakan: string;
  paraf: string;
}

export interface Tabel7Content {
  title: string;
  fields: [string, string][];
  columns: string[];
  rows: Tabel7Row[];
  signer?: Signer;
  place: string;
}

export interface EvaluationSheetContent {
  title: string;
  fields: [string, string][];
  columns: string[];
  rows: { no: number; kriteria: string; ya: boolean; tidak: boolean; catatan: string }[];
  kesimpulan: string;
  /** The record's own notes and follow-up for the SOP as a whole (`sop[].catatan`, `sop[].tindak_lanjut`). */
  catatan?: string;
  tindakLanjut?: string;
  source: string;
  signers: Signer[];
}

export interface BeritaAcaraContent {
  title: string;
  nomor?: string;
  opening: string;
  dasar: string[];
  criteriaIntro: string;
  criteria: string[];
  columns: string[];
  rows: { no: number; nomor: string; nama: string; ya: number; tidak: number; hasil: string }[];
  closing: string;
  place: string;
  signers: Signer[];
}

/** A plain table page (the roll-up, the SOP list of the evidence pack). */
export interface TableContent {
  title: string;
  columns: string[];
  rows: string[][];
  note: string;
}
export type RollupContent = TableContent;

const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const T = {
  id: {
    tabel6: 'FORMULIR IDENTIFIKASI SOP AP BERDASARKAN TUGAS DAN FUNGSI',
    tabel6Cols: ['No.', 'Tugas', 'Fungsi', 'Uraian Tugas', 'Kegiatan', 'Output', 'Aspek Kegiatan', 'Judul SOP', 'Peta Proses Bisnis'],
    tabel7: 'MONITORING PELAKSANAAN SOP AP',
    tabel7Cols: ['No.', 'Prosedur', 'Penilaian terhadap penerapan', 'Catatan hasil penilaian', 'Tindakan yang harus diambil', 'Paraf penilai'],
    unit: 'Unit Kerja', periode: 'Periode', tanggal: 'Tanggal Monitoring', penilai: 'Penilai', jabatan: 'Jabatan', metode: 'Metode',
    evalTitle: 'LEMBAR EVALUASI PENERAPAN SOP AP',
    namaSop: 'Nama SOP', nomorSop: 'Nomor SOP', tanggalEval: 'Tanggal Evaluasi',
    evalCols: ['No.', 'Kriteria Evaluasi', 'Ya', 'Tidak', 'Catatan / Tindak Lanjut'],
    kesimpulanYa: 'SOP dapat terus diterapkan.', kesimpulanTidak: 'SOP perlu direvisi.', kesimpulanBelum: 'Evaluasi belum lengkap.',
    kesimpulan: 'Kesimpulan', sumber: 'Sumber kriteria',
    ba: 'BERITA ACARA EVALUASI PENERAPAN STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN',
    baCols: ['No.', 'Nomor SOP', 'Nama SOP', 'Ya', 'Tidak', 'Hasil Evaluasi'],
    baCriteria: 'Evaluasi dilakukan terhadap tujuh kriteria penerapan SOP AP sebagaimana Lampiran Peraturan Menteri PAN-RB Nomor 35 Tahun 2012:',
    baClosing: 'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya. Setiap kriteria yang dijawab Tidak ditindaklanjuti dengan revisi SOP.',
    dasar: 'Dasar',
    hasilYa: 'Dapat terus diterapkan', hasilTidak: 'Perlu direvisi', hasilBelum: 'Belum lengkap',
    ketua: 'Ketua Tim Evaluasi', anggota: 'Anggota', penilaiRole: 'Penilai',
    rollup: 'REKAPITULASI MONITORING DAN EVALUASI SOP AP',
    rollupCols: ['Periode', 'Unit Kerja', 'SOP berlaku', 'Dimonitor', 'Dievaluasi', 'Direvisi', 'Terlambat dimonitor'],
    rollupNote: 'Terlambat dimonitor: SOP berlaku yang monitoring terakhirnya (atau tanggal efektifnya) lebih dari 6 bulan sebelum akhir periode, atau sebelum hari ini untuk periode yang sedang berjalan.',
  },
  en: {
    tabel6: 'SOP AP IDENTIFICATION FORM BY DUTIES AND FUNCTIONS',
    tabel6Cols: ['No.', 'Duty (Tugas)', 'Function (Fungsi)', 'Duty description (Uraian Tugas)', 'Activity (Kegiatan)', 'Output', 'Aspect (Aspek Kegiatan)', 'SOP title (Judul SOP)', 'Process map'],
    tabel7: 'MONITORING OF SOP AP APPLICATION',
    tabel7Cols: ['No.', 'Procedure (Prosedur)', 'Assessment of application', 'Findings', 'Action to take', "Assessor's initials"],
    unit: 'Unit', periode: 'Period', tanggal: 'Monitoring date', penilai: 'Assessor', jabatan: 'Position', metode: 'Methods',
    evalTitle: 'SOP AP EVALUATION SHEET',
    namaSop: 'SOP name', nomorSop: 'SOP number', tanggalEval: 'Evaluation date',
    evalCols: ['No.', 'Evaluation criterion', 'Yes', 'No', 'Notes / follow-up'],
    kesimpulanYa: 'The SOP can stay in use.', kesimpulanTidak: 'The SOP needs revision.', kesimpulanBelum: 'The evaluation is incomplete.',
    kesimpulan: 'Conclusion', sumber: 'Source of the criteria',
    ba: 'MINUTES OF THE EVALUATION OF GOVERNMENT-ADMINISTRATION STANDARD OPERATING PROCEDURES',
    baCols: ['No.', 'SOP number', 'SOP name', 'Yes', 'No', 'Result'],
    baCriteria: 'The evaluation used the seven criteria of the annex of PermenPAN-RB Regulation No. 35 of 2012:',
    baClosing: 'These minutes are made truthfully for proper use. Every criterion answered No is followed up by a revision of the SOP.',
    dasar: 'Basis',
    hasilYa: 'Can stay in use', hasilTidak: 'Needs revision', hasilBelum: 'Incomplete',
    ketua: 'Head of the evaluation team', anggota: 'Member', penilaiRole: 'Assessor',
    rollup: 'SOP AP MONITORING AND EVALUATION SUMMARY',
    rollupCols: ['Period', 'Unit', 'SOPs in force', 'Monitored', 'Evaluated', 'Revised', 'Monitoring overdue'],
    rollupNote: 'Monitoring overdue: SOPs in force whose last monitoring (or effective date) is more than 6 months before the end of the period, or before today for the running period.',
  },
};

const numbered = (cols: string[]) => cols.map((c, i) => `${c} (${i + 1})`);

/** Tabel 6, with equal consecutive Tugas / Fungsi / Uraian Tugas cells merged as on the printed form. */
export function tabel6Content(inv: Inventory, lang: Lang): Tabel6Content {
  const t = T[lang];
  const hasMap = inv.rows.some((r) => r.petaProses);
  const columns = numbered(hasMap ? t.tabel6Cols : t.tabel6Cols.slice(0, 8));
  const raw = inv.rows.map((r) => [r.no, r.tugas, r.fungsi, r.uraianTugas, r.kegiatan, r.output, r.aspekKegiatan, r.judulSop, ...(hasMap ? [r.petaProses ?? '-'] : [])]);
  const rows: SpanCell[][] = raw.map((r) => r.map((text) => ({ text, span: 1 })));
  // a merge in column c also needs the columns left of it (from 1) to agree: a Fungsi never spans two Tugas
  for (let c = 1; c <= 3; c++) {
    let start = 0;
    for (let i = 1; i <= raw.length; i++) {
      const same = i < raw.length && Array.from({ length: c }, (_, k) => k + 1).every((k) => raw[i][k] === raw[start][k]);
      if (!same) {
        const cell = rows[start][c];
        if (cell) cell.span = i - start;
        for (let j = start + 1; j < i; j++) rows[j][c] = null;
        start = i;
      }
    }
  }
  return { title: t.tabel6, unit: inv.unit, tahun: inv.tahun, columns, rows };
}

function signer(p: Pejabat | undefined, role: string): Signer | undefined {
  return p ? { role, nama: p.nama, jabatan: p.jabatan, nip: p.nip } : undefined;
}

/** Tabel 7 for one sheet; each row names the SOP by its nama (with its nomor) when the repository knows it. */
export function tabel7Content(sheet: MonitoringSheet, o: { index: SopIndex; assessments: Record<string, string>; unitName: string; lang: Lang }): Tabel7Content {
  const t = T[o.lang];
  const fields: [string, string][] = [
    [t.unit, sheet.namaUnit ?? o.unitName],
    [t.periode, sheet.periode ? periodLabel(sheet.periode, o.lang) : sheet.periodeText],
    [t.tanggal, sheet.tanggal ? longDay(sheet.tanggal, o.lang) : sheet.tanggalText],
    [t.penilai, sheet.penilai ? `${sheet.penilai.nama}, ${sheet.penilai.jabatan}` : '-'],
  ];
  if (sheet.metode.length) fields.push([t.metode, sheet.metode.join('; ')]);
  const rows = sheet.rows.map((r, i): Tabel7Row => {
    const sop = o.index.resolve(r.prosedur);
    return {
      no: String(i + 1),
      prosedur: sop?.nama ?? r.prosedur,
      nomor: sop?.nomor,
      options: Object.entries(o.assessments).map(([key, label]) => ({ label, checked: r.penilaian === key })),
      catatan: r.catatan ?? '-',
      tindakan: r.tindakan ?? '-',
      paraf: r.paraf ?? '',
    };
  });
  return { title: t.tabel7, fields, columns: numbered(t.tabel7Cols), rows, signer: signer(sheet.penilai, t.penilaiRole), place: sheet.tanggal ? longDay(sheet.tanggal, o.lang) : '' };
}

function teamSigners(ev: Evaluation, lang: Lang): Signer[] {
  const t = T[lang];
  return ev.tim.map((p, i) => ({ role: p.peran ?? (i === 0 ? t.ketua : t.anggota), nama: p.nama, jabatan: p.jabatan, nip: p.nip }));
}

function conclusion(entry: EvaluationEntry, lang: Lang): string {
  const t = T[lang];
  if (entry.kesimpulan) return entry.kesimpulan;
  const ok = allYes(entry);
  return ok === true ? t.kesimpulanYa : ok === false ? t.kesimpulanTidak : t.kesimpulanBelum;
}

/** A follow-up as the sheet prints it: what, by when, and who is responsible (each part the record has). */
function followUpText(f: FollowUp, lang: Lang): string {
  const by = f.batasWaktu ? longDay(f.batasWaktu, lang) : f.batasWaktuText;
  const parts = [by ? `${lang === 'en' ? 'by' : 'batas waktu'} ${by}` : '', f.penanggungJawab ? `${lang === 'en' ? 'responsible' : 'penanggung jawab'}: ${f.penanggungJawab}` : ''].filter(Boolean);
  return parts.length > 0 ? `${f.uraian} (${parts.join('; ')})` : f.uraian;
}

/** The evaluation sheet of one SOP: the seven criteria in the annex's wording, Ya/Tidak, notes and follow-up. */
export function evaluationSheetContent(ev: Evaluation, entry: EvaluationEntry, o: { index: SopIndex; unitName?: string; lang: Lang }): EvaluationSheetContent {
  const t = T[o.lang];
  const sop = o.index.resolve(entry.prosedur);
  return {
    title: t.evalTitle,
    fields: [
      [t.namaSop, sop?.nama ?? entry.prosedur],
      [t.nomorSop, sop?.nomor ?? '-'],
      [t.unit, ev.namaUnit ?? o.unitName ?? '-'],
      [t.tanggalEval, ev.tanggal ? longDay(ev.tanggal, o.lang) : ev.tanggalText],
    ],
    columns: t.evalCols,
    rows: entry.answers.map((a) => ({
      no: a.criterion.no,
      kriteria: a.criterion.teks,
      ya: a.hasil === 'ya',
      tidak: a.hasil === 'tidak',
      catatan: [a.catatan, a.tindakLanjut ? `${o.lang === 'en' ? 'Follow-up' : 'Tindak lanjut'}: ${followUpText(a.tindakLanjut, o.lang)}` : ''].filter(Boolean).join(' '),
    })),
    kesimpulan: conclusion(entry, o.lang),
    ...(entry.catatan ? { catatan: entry.catatan } : {}),
    ...(entry.tindakLanjut ? { tindakLanjut: followUpText(entry.tindakLanjut, o.lang) } : {}),
    source: CRITERIA_SOURCE[o.lang],
    signers: teamSigners(ev, o.lang),
  };
}

/** The Berita Acara Evaluasi of one evaluation record: who evaluated, when and where, and the result per SOP. */
export function beritaAcaraContent(ev: Evaluation, o: { index: SopIndex; unitName?: string; lang: Lang }): BeritaAcaraContent {
  const t = T[o.lang];
  const d = ev.tanggal ?? parseDay(ev.tanggalText);
  const weekday = d ? new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() : undefined;
  const unit = ev.namaUnit ?? o.unitName;
  const opening =
    o.lang === 'en'
      ? `On ${weekday !== undefined ? `${DAYS_EN[weekday]}, ` : ''}${d ? longDay(d, 'en') : ev.tanggalText}${ev.tempat ? `, at ${ev.tempat}` : ''}, the undersigned evaluation team evaluated the application of ${ev.entries.length} standard operating procedure(s)${unit ? ` of ${unit}` : ''}, with the following result.`
      : `Pada hari ini ${weekday !== undefined ? `${HARI[weekday]} ` : ''}tanggal ${d ? longDay(d, 'id') : ev.tanggalText}${ev.tempat ? `, bertempat di ${ev.tempat}` : ''}, kami tim evaluasi yang bertanda tangan di bawah ini telah melaksanakan evaluasi penerapan ${ev.entries.length} Standar Operasional Prosedur Administrasi Pemerintahan${unit ? ` pada ${unit}` : ''}, dengan hasil sebagai berikut.`;
  return {
    title: t.ba,
    nomor: ev.nomorBeritaAcara,
    opening,
    dasar: ev.dasar,
    criteriaIntro: t.baCriteria,
    criteria: CRITERIA.map((c) => `${c.no}. ${c.teks}`),
    columns: t.baCols,
    rows: ev.entries.map((e, i) => {
      const sop = o.index.resolve(e.prosedur);
      const ok = allYes(e);
      return {
        no: i + 1, nomor: sop?.nomor ?? e.prosedur, nama: sop?.nama ?? e.prosedur,
        ya: e.answers.filter((a) => a.hasil === 'ya').length, tidak: e.answers.filter((a) => a.hasil === 'tidak').length,
        hasil: ok === true ? t.hasilYa : ok === false ? t.hasilTidak : t.hasilBelum,
      };
    }),
    closing: t.baClosing,
    place: d ? longDay(d, o.lang) : ev.tanggalText,
    signers: teamSigners(ev, o.lang),
  };
}

export function rollupContent(r: Rollup, unitName: (unit: string) => string, lang: Lang): RollupContent {
  const t = T[lang];
  return {
    title: t.rollup,
    columns: t.rollupCols,
    rows: r.rows.map((x) => [x.periode, unitName(x.unit), String(x.inForce), String(x.monitored), String(x.evaluated), String(x.revised), String(x.overdue)]),
    note: t.rollupNote,
  };
}

/**
 * The SOP list of evidence item (a): every SOP with its Tabel 6 row and process-map reference,
 * and the coverage (SOPs whose row carries a reference).
 */
export function daftarSopContent(sops: readonly { nomor?: string; nama?: string; unit: string }[], mapOf: (s: { nomor?: string; nama?: string }) => { no?: string; peta?: string }, unitName: (u: string) => string, lang: Lang): TableContent {
  const rows = sops.map((s, i) => {
    const m = mapOf(s);
    return [String(i + 1), s.nomor ?? '-', s.nama ?? '-', unitName(s.unit), m.no ?? '-', m.peta ?? '-'];
  });
  const withMap = rows.filter((r) => r[5] !== '-').length;
  const listed = rows.filter((r) => r[4] !== '-').length;
  const pct = (n: number) => (sops.length ? Math.round((n / sops.length) * 100) : 0);
  return lang === 'en'
    ? { title: 'LIST OF SOPs WITH THEIR BUSINESS-PROCESS-MAP REFERENCES', columns: ['No.', 'SOP number', 'SOP name', 'Unit', 'Tabel 6 row', 'Process map'], rows, note: `${listed} of ${sops.length} SOPs (${pct(listed)}%) are named in the Tabel 6 inventory; ${withMap} (${pct(withMap)}%) carry a process-map reference.` }
    : { title: 'DAFTAR SOP DAN RUJUKAN PETA PROSES BISNIS', columns: ['No.', 'Nomor SOP', 'Nama SOP', 'Unit Kerja', 'Baris Tabel 6', 'Peta Proses Bisnis'], rows, note: `${listed} dari ${sops.length} SOP (${pct(listed)}%) tercantum dalam inventaris Tabel 6; ${withMap} SOP (${pct(withMap)}%) memiliki rujukan peta proses bisnis.` };
}
