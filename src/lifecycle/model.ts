// Typed views of the lifecycle records (Tabel 6 inventory, Tabel 7 monitoring sheets, evaluations), built tolerantly:
// a malformed row is skipped here (the schema already reports it), so one bad row never hides the rest of a file.
import type { YamlPath } from '../yaml/positions.js';
import { CRITERIA, type Criterion } from './criteria.js';
import { parseDay, parsePeriod, type Day, type Period } from './dates.js';
import type { RecordFile } from './records.js';

export interface Pejabat {
  nama: string;
  jabatan: string;
  nip?: string;
  peran?: string;
}

export interface InventoryRow {
  /** 0-based position in `baris`. */
  index: number;
  /** Printed number: `no`, or the position 1..n. */
  no: string;
  tugas: string;
  fungsi: string;
  uraianTugas: string;
  kegiatan: string;
  output: string;
  aspekKegiatan: string;
  judulSop: string;
  petaProses?: string;
  folder?: string;
  jenis?: string;
  at: YamlPath;
}

export interface Inventory {
  record: RecordFile;
  unit?: string;
  tahun?: string;
  rows: InventoryRow[];
}

export interface MonitoringRow {
  index: number;
  prosedur: string;
  /** `baik`, `tidak-baik`, a configured extra value, or null while not yet assessed. */
  penilaian: string | null;
  catatan?: string;
  tindakan?: string;
  paraf?: string;
  at: YamlPath;
}

export interface MonitoringSheet {
  record: RecordFile;
  periode?: Period;
  periodeText: string;
  unit: string;
  namaUnit?: string;
  tanggal?: Day;
  tanggalText: string;
  penilai?: Pejabat;
  metode: string[];
  rows: MonitoringRow[];
}

export interface FollowUp {
  uraian: string;
  batasWaktu?: Day;
  batasWaktuText: string;
  penanggungJawab?: string;
  at: YamlPath;
}

export interface EvaluationAnswer {
  criterion: Criterion;
  hasil?: 'ya' | 'tidak';
  catatan?: string;
  tindakLanjut?: FollowUp;
  at: YamlPath;
}

export interface EvaluationEntry {
  index: number;
  prosedur: string;
  answers: EvaluationAnswer[];
  catatan?: string;
  kesimpulan?: string;
  tindakLanjut?: FollowUp;
  at: YamlPath;
}

export interface Evaluation {
  record: RecordFile;
  tanggal?: Day;
  tanggalText: string;
  unit?: string;
  namaUnit?: string;
  tempat?: string;
  nomorBeritaAcara?: string;
  dasar: string[];
  tim: Pejabat[];
  entries: EvaluationEntry[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).flatMap((x) => (str(x) ? [str(x)!] : []));

function pejabat(v: unknown): Pejabat | undefined {
  if (!isObj(v) || !str(v.nama) || !str(v.jabatan)) return undefined;
  return { nama: str(v.nama)!, jabatan: str(v.jabatan)!, nip: str(v.nip), peran: str(v.peran) };
}

export function inventoryOf(record: RecordFile): Inventory | undefined {
  const d = record.data;
  if (!isObj(d)) return undefined;
  const rows: InventoryRow[] = [];
  list(d.baris).forEach((r, index) => {
    if (!isObj(r)) return;
    const judulSop = str(r.judul_sop);
    if (!judulSop) return;
    rows.push({
      index, no: str(r.no) ?? String(index + 1),
      tugas: str(r.tugas) ?? '', fungsi: str(r.fungsi) ?? '', uraianTugas: str(r.uraian_tugas) ?? '', kegiatan: str(r.kegiatan) ?? '',
      output: str(r.output) ?? '', aspekKegiatan: str(r.aspek_kegiatan) ?? '', judulSop,
      petaProses: str(r.peta_proses), folder: str(r.folder), jenis: str(r.jenis), at: ['baris', index],
    });
  });
  return { record, unit: str(d.unit), tahun: str(d.tahun), rows };
}

export function monitoringOf(record: RecordFile): MonitoringSheet | undefined {
  const d = record.data;
  if (!isObj(d)) return undefined;
  const rows: MonitoringRow[] = [];
  list(d.baris).forEach((r, index) => {
    if (!isObj(r) || !str(r.prosedur)) return;
    rows.push({
      index, prosedur: str(r.prosedur)!, penilaian: typeof r.penilaian === 'string' && r.penilaian.trim() !== '' ? r.penilaian.trim() : null,
      catatan: str(r.catatan), tindakan: str(r.tindakan), paraf: str(r.paraf), at: ['baris', index],
    });
  });
  const periodeText = str(d.periode) ?? '';
  const tanggalText = str(d.tanggal) ?? '';
  return {
    record, periode: parsePeriod(periodeText), periodeText, unit: str(d.unit) ?? '', namaUnit: str(d.nama_unit),
    tanggal: parseDay(tanggalText), tanggalText, penilai: pejabat(d.penilai), metode: strings(d.metode), rows,
  };
}

function followUp(v: unknown, at: YamlPath): FollowUp | undefined {
  if (!isObj(v) || !str(v.uraian)) return undefined;
  const batasWaktuText = str(v.batas_waktu) ?? '';
  return { uraian: str(v.uraian)!, batasWaktu: parseDay(batasWaktuText), batasWaktuText, penanggungJawab: str(v.penanggung_jawab), at };
}

export function evaluationOf(record: RecordFile): Evaluation | undefined {
  const d = record.data;
  if (!isObj(d)) return undefined;
  const entries: EvaluationEntry[] = [];
  list(d.sop).forEach((e, index) => {
    if (!isObj(e) || !str(e.prosedur)) return;
    const at: YamlPath = ['sop', index];
    const kriteria = isObj(e.kriteria) ? e.kriteria : {};
    const answers: EvaluationAnswer[] = CRITERIA.map((criterion) => {
      const v = kriteria[criterion.id];
      const cat: YamlPath = [...at, 'kriteria', criterion.id];
      if (v === 'ya' || v === 'tidak') return { criterion, hasil: v, at: cat };
      if (isObj(v)) {
        const hasil = v.hasil === 'ya' || v.hasil === 'tidak' ? v.hasil : undefined;
        return { criterion, hasil, catatan: str(v.catatan), tindakLanjut: followUp(v.tindak_lanjut, [...cat, 'tindak_lanjut']), at: cat };
      }
      return { criterion, at: cat };
    });
    entries.push({
      index, prosedur: str(e.prosedur)!, answers, catatan: str(e.catatan), kesimpulan: str(e.kesimpulan),
      tindakLanjut: followUp(e.tindak_lanjut, [...at, 'tindak_lanjut']), at,
    });
  });
  const tanggalText = str(d.tanggal) ?? '';
  return {
    record, tanggal: parseDay(tanggalText), tanggalText, unit: str(d.unit), namaUnit: str(d.nama_unit), tempat: str(d.tempat),
    nomorBeritaAcara: str(d.nomor_berita_acara), dasar: strings(d.dasar),
    tim: list(d.tim).flatMap((t) => (pejabat(t) ? [pejabat(t)!] : [])), entries,
  };
}

/** True when every criterion was answered `ya`; false when one is `tidak`; undefined while answers are missing. */
export function allYes(entry: EvaluationEntry): boolean | undefined {
  if (entry.answers.some((a) => a.hasil === 'tidak')) return false;
  return entry.answers.every((a) => a.hasil === 'ya') ? true : undefined;
}
