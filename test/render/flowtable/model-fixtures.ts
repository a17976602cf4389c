// Hand-built FlowModels for the flow table tests: symbols and edges derived the way the spec says.
import { buildFlowModel, nodeViewOf } from '../../../src/model/flow.js';
import type { FlowEdge, FlowModel, FlowRow, ResolvedTarget } from '../../../src/model/flow-types.js';

/** A target as an SOP author writes it: a 1-based row number or `selesai`. */
export type Target = number | 'selesai';

export interface RowSpec {
  kegiatan?: string;
  /** Actor id (a key of the actors map) or 0-based actor column. */
  actor: string | number;
  ke?: Target;
  keputusan?: { ya?: Target; tidak: Target; label?: [string, string] };
  kelengkapan?: string | string[];
  waktu?: string;
  output?: string | string[];
  keterangan?: string;
}

function resolve(t: Target, count: number): ResolvedTarget {
  if (t === 'selesai') return { kind: 'end' };
  if (t < 1 || t > count) return { kind: 'unknown', raw: t };
  return { kind: 'row', index: t - 1 };
}

function edgeTo(t: ResolvedTarget): number | 'end' | undefined {
  return t.kind === 'row' ? t.index : t.kind === 'end' ? 'end' : undefined;
}

const list = (v: string | string[] | undefined, fallback: string): string[] => (v === undefined ? [fallback] : Array.isArray(v) ? v : [v]);

/**
 * Builds a FlowModel: `ke` defaults to the next row (the last row ends), `ya` defaults to the next
 * row; the first row and rows whose next is selesai are terminators, rows with keputusan decisions.
 */
export function buildModel(actors: Record<string, string> | string[], specs: RowSpec[], totalText = '2 jam 30 menit'): FlowModel {
  const entries = Array.isArray(actors) ? actors.map((title, i) => [`a${i}`, title] as const) : Object.entries(actors);
  const flowActors = entries.map(([id, title], column) => ({ id, title, column }));
  const count = specs.length;
  const rows: FlowRow[] = specs.map((s, index) => {
    const actorId = typeof s.actor === 'number' ? (flowActors[s.actor]?.id ?? `x${s.actor}`) : s.actor;
    const column = flowActors.findIndex((a) => a.id === actorId);
    const nextDefault: Target = index === count - 1 ? 'selesai' : index + 2;
    const row: FlowRow = {
      index,
      number: index + 1,
      kegiatan: s.kegiatan ?? `Melaksanakan kegiatan nomor ${index + 1}`,
      actorId,
      column,
      kelengkapan: list(s.kelengkapan, 'Berkas permohonan'),
      output: list(s.output, 'Berkas terproses'),
      waktu: s.waktu ?? '15 menit',
      keterangan: s.keterangan,
      symbol: 'process',
      duration: { minutes: 15, working: false },
    };
    if (s.keputusan) {
      row.decision = {
        yes: resolve(s.keputusan.ya ?? nextDefault, count),
        no: resolve(s.keputusan.tidak, count),
        labels: s.keputusan.label ?? ['Ya', 'Tidak'],
      };
      row.symbol = 'decision';
    } else {
      row.next = resolve(s.ke ?? nextDefault, count);
      if (index === 0 || row.next.kind === 'end') row.symbol = 'terminator';
    }
    return row;
  });
  const edges: FlowEdge[] = [];
  for (const row of rows) {
    if (row.decision) {
      const yes = edgeTo(row.decision.yes);
      const no = edgeTo(row.decision.no);
      if (yes !== undefined) edges.push({ from: row.index, to: yes, kind: 'yes', label: row.decision.labels[0] });
      if (no !== undefined) edges.push({ from: row.index, to: no, kind: 'no', label: row.decision.labels[1] });
    } else if (row.next) {
      const to = edgeTo(row.next);
      if (to !== undefined) edges.push({ from: row.index, to, kind: 'next' });
    }
  }
  const mainPath: number[] = [];
  const seen = new Set<number>();
  let cur: number | 'end' | undefined = rows.length > 0 ? 0 : undefined;
  while (typeof cur === 'number' && !seen.has(cur)) {
    seen.add(cur);
    mainPath.push(cur);
    const r: FlowRow = rows[cur];
    cur = edgeTo(r.decision ? r.decision.yes : (r.next ?? { kind: 'end' }));
  }
  return { actors: flowActors, rows, edges, ...nodeViewOf(rows), mainPath, total: { minutes: 150, working: false }, totalUncounted: 0, totalText, totalNote: '' };
}

import { rng } from '../../helpers/random.js';

export { rng };

const WORDS = (
  'menerima memeriksa menyusun menandatangani mengarsipkan memverifikasi berkas permohonan surat ' +
  'keputusan kepala bidang pegawai data kelengkapan dokumen konsep nota dinas disposisi laporan ' +
  'pelayanan administrasi kepegawaian pengelola sesuai ketentuan peraturan perundang-undangan yang berlaku ' +
  'dan atau untuk kepada dari dalam aplikasi SIMPEG rekapitulasi anggaran'
).split(' ');

function sentence(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)]);
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const TITLES = ['Pemohon', 'Atasan Langsung', 'Pengelola Kepegawaian', 'Kepala Subbagian Umum', 'Kepala Badan', 'Sekretaris', 'Bendahara Pengeluaran', 'Petugas Arsip', 'Verifikator Keuangan', 'Pejabat Pembuat Komitmen'];

/** A random but valid-looking SOP: every actor used, some decisions looping back or jumping ahead. */
export function randomModel(seed: number, rowCount: number, actorCount: number, opts: { decisionRate?: number; endBranchRate?: number } = {}): FlowModel {
  const rand = rng(seed);
  const actors = TITLES.slice(0, actorCount);
  const specs: RowSpec[] = [];
  for (let i = 0; i < rowCount; i++) {
    const actor = i < actorCount ? i : Math.floor(rand() * actorCount);
    const spec: RowSpec = {
      actor,
      kegiatan: sentence(rand, 3, 16),
      kelengkapan: rand() < 0.3 ? [sentence(rand, 1, 4), sentence(rand, 1, 5)] : sentence(rand, 1, 6),
      output: sentence(rand, 1, 6),
      waktu: `${1 + Math.floor(rand() * 50)} menit`,
      keterangan: rand() < 0.4 ? sentence(rand, 2, 10) : undefined,
    };
    const isLast = i === rowCount - 1;
    if (!isLast && i > 0 && rand() < (opts.decisionRate ?? 0.25)) {
      // A decision: usually a loop back, sometimes a jump ahead, sometimes the end.
      const pick = rand();
      let tidak: Target;
      if (rand() < (opts.endBranchRate ?? 0.1)) tidak = 'selesai';
      else if (pick < 0.65) tidak = 1 + Math.floor(rand() * i); // back to an earlier row (1-based)
      else tidak = Math.min(rowCount, i + 3 + Math.floor(rand() * 3));
      if (tidak === i + 2) tidak = Math.min(rowCount, i + 3);
      if (tidak === i + 2) tidak = 1;
      spec.keputusan = { tidak };
    }
    specs.push(spec);
  }
  return buildModel(actors, specs);
}

/** A 6-row linear procedure (no decision). */
export function linear6(): FlowModel {
  return buildModel({ pemohon: 'Pemohon', petugas: 'Petugas Pelayanan', kasubbag: 'Kepala Subbagian Umum' }, [
    { actor: 'pemohon', kegiatan: 'Mengisi formulir permohonan dan menyerahkan berkas kepada petugas pelayanan', kelengkapan: 'Formulir permohonan', output: 'Berkas permohonan', waktu: '10 menit' },
    { actor: 'petugas', kegiatan: 'Menerima berkas dan mencatat dalam buku agenda', kelengkapan: 'Berkas permohonan', output: 'Berkas teragenda', waktu: '5 menit' },
    { actor: 'petugas', kegiatan: 'Menyusun konsep surat balasan', kelengkapan: 'Berkas teragenda', output: 'Konsep surat', waktu: '30 menit' },
    { actor: 'kasubbag', kegiatan: 'Memeriksa dan menandatangani surat balasan', kelengkapan: 'Konsep surat', output: 'Surat ditandatangani', waktu: '1 jam', keterangan: 'Tanda tangan elektronik diperbolehkan' },
    { actor: 'petugas', kegiatan: 'Memberi nomor, menggandakan dan mengarsipkan surat', kelengkapan: ['Surat ditandatangani', 'Buku agenda'], output: ['Surat bernomor', 'Arsip surat'], waktu: '15 menit' },
    { actor: 'pemohon', kegiatan: 'Menerima surat balasan', kelengkapan: 'Surat bernomor', output: 'Surat diterima', waktu: '5 menit' },
  ], '2 jam 5 menit');
}

/** A 12-row procedure with two loops back, a forward jump and a decision that may end the procedure. */
export function loops12(): FlowModel {
  return buildModel(
    { pemohon: 'Pemohon', atasan: 'Atasan Langsung', pengelola: 'Pengelola Kepegawaian', kasubbid: 'Kepala Subbidang', kepala: 'Kepala Badan' },
    [
      { actor: 'pemohon', kegiatan: 'Mengisi formulir permohonan cuti tahunan dan menyampaikannya kepada atasan langsung', kelengkapan: 'Blangko permohonan cuti', output: 'Formulir permohonan terisi', waktu: '15 menit' },
      { actor: 'atasan', kegiatan: 'Memberikan pertimbangan atas permohonan cuti', kelengkapan: 'Formulir permohonan terisi', output: 'Formulir berisi pertimbangan', waktu: '1 hari', keputusan: { tidak: 'selesai', label: ['Setuju', 'Tolak'] }, keterangan: 'Jika ditolak, permohonan selesai dan pemohon diberi tahu' },
      { actor: 'pengelola', kegiatan: 'Menerima dan mencatat berkas permohonan dalam buku agenda cuti', kelengkapan: 'Formulir berisi pertimbangan', output: 'Berkas teragenda', waktu: '15 menit' },
      { actor: 'pengelola', kegiatan: 'Memverifikasi kelengkapan berkas dan sisa hak cuti', kelengkapan: ['Berkas teragenda', 'Data sisa cuti (SIMPEG)'], output: 'Berkas terverifikasi', waktu: '30 menit', keputusan: { tidak: 1 }, keterangan: 'Tidak lengkap: berkas dikembalikan kepada pemohon (kegiatan 1)' },
      { actor: 'pengelola', kegiatan: 'Menyusun konsep surat izin cuti tahunan', kelengkapan: 'Berkas terverifikasi', output: 'Konsep surat izin cuti', waktu: '1 jam' },
      { actor: 'kasubbid', kegiatan: 'Memaraf konsep surat izin cuti', kelengkapan: 'Konsep surat izin cuti', output: 'Konsep diparaf', waktu: '30 menit', keputusan: { tidak: 5 }, keterangan: 'Perlu perbaikan: kembali ke kegiatan 5' },
      { actor: 'kepala', kegiatan: 'Memeriksa dan menandatangani surat izin cuti', kelengkapan: 'Konsep diparaf', output: 'Surat izin cuti ditandatangani', waktu: '1 hari', keputusan: { tidak: 5 }, keterangan: 'Perlu perbaikan: kembali ke kegiatan 5' },
      { actor: 'pengelola', kegiatan: 'Memberi nomor dan tanggal serta menggandakan surat izin cuti', kelengkapan: 'Surat izin cuti ditandatangani', output: 'Surat izin cuti bernomor', waktu: '15 menit', ke: 10 },
      { actor: 'pengelola', kegiatan: 'Menyampaikan tembusan kepada instansi terkait', kelengkapan: 'Surat izin cuti bernomor', output: 'Tembusan terkirim', waktu: '15 menit' },
      { actor: 'pengelola', kegiatan: 'Memutakhirkan data cuti pada SIMPEG dan mengarsipkan salinan surat', kelengkapan: 'Surat izin cuti bernomor', output: ['Data cuti mutakhir', 'Arsip salinan surat'], waktu: '15 menit' },
      { actor: 'atasan', kegiatan: 'Menerima salinan surat izin cuti untuk pengaturan tugas', kelengkapan: 'Salinan surat izin cuti', output: 'Pengaturan tugas', waktu: '10 menit' },
      { actor: 'pemohon', kegiatan: 'Menerima surat izin cuti tahunan', kelengkapan: 'Surat izin cuti bernomor', output: 'Surat izin cuti diterima pemohon', waktu: '5 menit' },
    ],
    '2 hari 3 jam 10 menit',
  );
}

/** A 25-row procedure long enough for two A4 pages, with loops that cross the page break. */
export function long25(): FlowModel {
  const specs: RowSpec[] = [];
  const actors = { pemohon: 'Pemohon', loket: 'Petugas Loket', verifikator: 'Verifikator', kasi: 'Kepala Seksi', kabid: 'Kepala Bidang', kadis: 'Kepala Dinas' };
  const ids = Object.keys(actors);
  const acts = [
    'Mengajukan permohonan izin melalui loket pelayanan',
    'Menerima berkas permohonan dan memberikan tanda terima',
    'Memeriksa kelengkapan administrasi berkas permohonan',
    'Mencatat permohonan dalam register pelayanan',
    'Meneruskan berkas kepada verifikator',
    'Memverifikasi keabsahan dokumen persyaratan',
    'Menjadwalkan peninjauan lapangan',
    'Melaksanakan peninjauan lapangan bersama pemohon',
    'Menyusun berita acara peninjauan lapangan',
    'Menilai hasil peninjauan lapangan',
    'Menyusun konsep rekomendasi teknis',
    'Memeriksa konsep rekomendasi teknis',
    'Memaraf konsep rekomendasi teknis',
    'Menyusun konsep surat izin',
    'Memeriksa konsep surat izin',
    'Menandatangani surat izin',
    'Memberi nomor dan tanggal surat izin',
    'Menggandakan surat izin',
    'Mengarsipkan salinan surat izin',
    'Memutakhirkan basis data perizinan',
    'Menyiapkan surat izin untuk diserahkan',
    'Memberitahukan kepada pemohon bahwa surat izin telah terbit',
    'Membayar retribusi sesuai ketentuan',
    'Menyerahkan surat izin kepada pemohon',
    'Menerima surat izin',
  ];
  const who = [0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 2, 3, 4, 2, 4, 5, 1, 1, 1, 2, 1, 1, 0, 1, 0];
  acts.forEach((kegiatan, i) => {
    const spec: RowSpec = { actor: ids[who[i]], kegiatan, kelengkapan: i === 0 ? 'Formulir permohonan' : `Hasil kegiatan ${i}`, output: `Hasil kegiatan ${i + 1}`, waktu: i % 3 === 0 ? '1 jam' : '30 menit' };
    if (i === 2) spec.keputusan = { tidak: 1, label: ['Lengkap', 'Tidak'] };
    if (i === 9) spec.keputusan = { tidak: 7 };
    if (i === 11) spec.keputusan = { tidak: 11 };
    if (i === 14) spec.keputusan = { tidak: 6 };
    if (i === 15) spec.keputusan = { tidak: 14 };
    specs.push(spec);
  });
  return buildModel(actors, specs, '3 hari 4 jam');
}

const BRANCH_WORDS: [string, string][] = [['Ya', 'Tidak'], ['Lengkap', 'Tidak lengkap'], ['Setuju', 'Perbaikan'], ['Sesuai', 'Tidak sesuai'], ['Memenuhi syarat', 'Tidak memenuhi syarat']];
const SYMBOL_TEXTS = ['Lengkap?', 'Via email', 'Telepon/medsos', 'Setuju?', 'Paraf', 'TTE'];

/**
 * A random SOP that uses the format 1.1 constructs (spec §7.1), written as an SOP file's data and
 * read through buildFlowModel: joint steps, symbol chains (with diamonds looping back inside the row
 * or to an earlier row), extra starts, forks (and so joins), unlabelled and multi-word branches,
 * simbol_teks, opsional and display numbers, next to plain rows and decisions like `randomModel`'s.
 */
export function randomModel11(seed: number, rowCount: number, actorCount: number, opts: { decisionRate?: number; jointDecisions?: boolean } = {}): FlowModel {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const ids = TITLES.slice(0, actorCount).map((_, i) => `a${i}`);
  const pelaksana = Object.fromEntries(ids.map((id, i) => [id, TITLES[i]]));
  const other = (id: string) => ids.filter((x) => x !== id);
  const prosedur: Record<string, unknown>[] = [];
  for (let i = 0; i < rowCount; i++) {
    const actor = i < actorCount ? ids[i] : pick(ids);
    const row: Record<string, unknown> = {
      kegiatan: sentence(rand, 3, 16),
      kelengkapan: rand() < 0.3 ? [sentence(rand, 1, 4), sentence(rand, 1, 5)] : sentence(rand, 1, 6),
      waktu: rand() < 0.1 ? pick(['-', 'Sesuai kebutuhan', '2 menit/berkas']) : `${1 + Math.floor(rand() * 50)} menit`,
      output: sentence(rand, 1, 6),
    };
    if (rand() < 0.4) row.keterangan = sentence(rand, 2, 10);
    const last = i === rowCount - 1;
    const decisionOf = (): Record<string, unknown> => {
      const r = rand();
      const tidak = rand() < 0.1 ? 'selesai' : r < 0.65 ? 1 + Math.floor(rand() * i) : Math.min(rowCount, i + 3 + Math.floor(rand() * 3));
      const k: Record<string, unknown> = { tidak: tidak === i + 2 ? 1 : tidak };
      const labels = rand();
      if (labels < 0.25) k.label = false;
      else if (labels < 0.6) k.label = pick(BRANCH_WORDS);
      return k;
    };
    const kind = rand();
    if (!last && i > 0 && actorCount >= 2 && kind < 0.12) {
      // A symbol chain of 2-3 items in different columns; a diamond among them loops back in the row or to an earlier row.
      const n = 2 + Math.floor(rand() * Math.min(2, actorCount - 1));
      // Left to right in list order, as the spec draws a chain.
      const cols = [actor, ...other(actor).sort(() => rand() - 0.5)].slice(0, n).sort((x, y) => ids.indexOf(x) - ids.indexOf(y));
      const items: Record<string, unknown>[] = cols.map((c, k) => ({ pelaksana: c, id: `r${i + 1}i${k + 1}` }));
      const d = 1 + Math.floor(rand() * (n - 1));
      const back = rand() < 0.5 ? `r${i + 1}i${d}` : 1 + Math.floor(rand() * i);
      items[d].keputusan = rand() < 0.3 ? { tidak: back, label: false } : { tidak: back };
      if (rand() < 0.5) items[d].teks = pick(SYMBOL_TEXTS);
      if (rand() < 0.3) items[0].teks = pick(SYMBOL_TEXTS);
      row.langkah = items;
    } else if (actorCount >= 2 && kind < 0.24) {
      // A joint step: the same symbol in two or three columns.
      row.pelaksana = [actor, ...other(actor).sort(() => rand() - 0.5).slice(0, rand() < 0.7 ? 1 : Math.min(2, actorCount - 1))];
    } else row.pelaksana = actor;
    const joint = Array.isArray(row.pelaksana);
    if (row.langkah === undefined && !last && i > 0 && rand() < (opts.decisionRate ?? 0.25) && !(joint && opts.jointDecisions === false)) row.keputusan = decisionOf();
    else if (row.langkah === undefined && !last && i + 3 < rowCount && rand() < 0.08) row.ke = [i + 2, i + 3 + Math.floor(rand() * Math.min(2, rowCount - i - 3))];
    if (i > 0 && rand() < 0.06) row.mulai = true;
    if (rand() < 0.08) row.opsional = true;
    if (row.langkah === undefined && rand() < 0.1) row.simbol_teks = pick(SYMBOL_TEXTS);
    if (rand() < 0.06) row.no = rand() < 0.5 ? `${i + 1}a` : '-';
    prosedur.push(row);
  }
  return buildFlowModel({ pelaksana, prosedur });
}
