// The printed labels of an SOP (format §7.4): one list of keys, Indonesian and English defaults, and config overrides.
//
// This is the only list of label keys: the config schema's `labels` properties, the identity table,
// the flow table header and the page footer all read it (a test keeps the schema equal to it).

export type LabelLang = 'id' | 'en';

/** Every key `labels` in sop.config.yaml may override, in the order the documents print them. */
export const LABEL_KEYS = [
  // Identity keys of §2.
  'nomor',
  'tanggal_pembuatan',
  'tanggal_revisi',
  'tanggal_efektif',
  'disahkan_oleh',
  'nama',
  'jenis',
  'instansi',
  'logo',
  'dasar_hukum',
  'kualifikasi_pelaksana',
  'keterkaitan',
  'peralatan_perlengkapan',
  'peringatan',
  'pencatatan_pendataan',
  'cakupan',
  'sifat',
  // The flow table, the approval block, the footer and the notes.
  'no',
  'kegiatan',
  'pelaksana',
  'mutu_baku',
  'kelengkapan',
  'waktu',
  'output',
  'keterangan',
  'jumlah_waktu',
  'nip',
  'halaman',
  'catatan',
] as const;

export type LabelKey = (typeof LABEL_KEYS)[number];

export type DocumentLabels = Record<LabelKey, string>;

/**
 * `halaman` is a pattern: `{x}` is the page number, `{y}` the page count (left out where the
 * count is not known, e.g. a single page printed on its own).
 */
const ID: DocumentLabels = {
  nomor: 'Nomor SOP',
  tanggal_pembuatan: 'Tgl. Pembuatan',
  tanggal_revisi: 'Tgl. Revisi',
  tanggal_efektif: 'Tgl. Efektif',
  disahkan_oleh: 'Disahkan Oleh',
  nama: 'Nama SOP',
  jenis: 'Jenis SOP',
  instansi: 'Instansi',
  logo: 'Logo',
  dasar_hukum: 'Dasar Hukum',
  kualifikasi_pelaksana: 'Kualifikasi Pelaksana',
  keterkaitan: 'Keterkaitan',
  peralatan_perlengkapan: 'Peralatan/Perlengkapan',
  peringatan: 'Peringatan',
  pencatatan_pendataan: 'Pencatatan dan Pendataan',
  cakupan: 'Cakupan',
  sifat: 'Sifat',
  no: 'No',
  kegiatan: 'Kegiatan',
  pelaksana: 'Pelaksana',
  mutu_baku: 'Mutu Baku',
  kelengkapan: 'Kelengkapan',
  waktu: 'Waktu',
  output: 'Output',
  keterangan: 'Keterangan',
  jumlah_waktu: 'Jumlah waktu',
  nip: 'NIP.',
  halaman: 'Halaman {x} dari {y}',
  catatan: 'Catatan',
};

const EN: DocumentLabels = {
  nomor: 'SOP Number',
  tanggal_pembuatan: 'Date Made',
  tanggal_revisi: 'Date Revised',
  tanggal_efektif: 'Effective Date',
  disahkan_oleh: 'Approved By',
  nama: 'SOP Name',
  jenis: 'Kind of SOP',
  instansi: 'Agency',
  logo: 'Logo',
  dasar_hukum: 'Legal Basis',
  kualifikasi_pelaksana: 'Qualifications of Actors',
  keterkaitan: 'Related SOPs',
  peralatan_perlengkapan: 'Equipment/Supplies',
  peringatan: 'Warning',
  pencatatan_pendataan: 'Records and Data',
  cakupan: 'Scope',
  sifat: 'Nature',
  no: 'No',
  kegiatan: 'Activity',
  pelaksana: 'Actors',
  mutu_baku: 'Quality standard',
  kelengkapan: 'Requirements',
  waktu: 'Time',
  output: 'Output',
  keterangan: 'Remarks',
  jumlah_waktu: 'Total time',
  nip: 'NIP.',
  halaman: 'Page {x} of {y}',
  catatan: 'Notes',
};

export function defaultLabels(lang: LabelLang): DocumentLabels {
  return lang === 'en' ? EN : ID;
}

export function isLabelKey(key: string): key is LabelKey {
  return (LABEL_KEYS as readonly string[]).includes(key);
}

/** Keys of a `labels` config value that name no label (a config error that lists the known keys). */
export function unknownLabelKeys(overrides: Record<string, unknown> | undefined): string[] {
  return Object.keys(overrides ?? {}).filter((k) => !isLabelKey(k));
}

/**
 * The labels a document prints: the language's defaults with the config's overrides on top.
 * Unknown keys and values that are not non-empty strings are left out here (the config check reports them).
 */
export function resolveLabels(lang: LabelLang, overrides?: Record<string, unknown>): DocumentLabels {
  const out: DocumentLabels = { ...defaultLabels(lang) };
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (isLabelKey(k) && typeof v === 'string' && v.trim() !== '') out[k] = v;
  }
  return out;
}

/** `Halaman {x} dari {y}` filled in; without a total, the `{y}` part and the words before it up to `{x}` go. */
export function pageLabel(pattern: string, page: number | string, total?: number | string): string {
  if (total === undefined) {
    const cut = pattern.replace(/(\{x\})[^{}]*\{y\}/, '$1');
    return cut.replace(/\{x\}/g, String(page)).replace(/\{y\}/g, '');
  }
  return pattern.replace(/\{x\}/g, String(page)).replace(/\{y\}/g, String(total));
}

/**
 * The pattern split around its placeholders, for CSS `content:` in @page margin boxes, where the
 * numbers are counters: `[{text:'Halaman '}, {counter:'page'}, {text:' dari '}, {counter:'pages'}]`.
 */
export function pageLabelParts(pattern: string): ({ text: string } | { counter: 'page' | 'pages' })[] {
  const parts: ({ text: string } | { counter: 'page' | 'pages' })[] = [];
  for (const piece of pattern.split(/(\{[xy]\})/)) {
    if (piece === '{x}') parts.push({ counter: 'page' });
    else if (piece === '{y}') parts.push({ counter: 'pages' });
    else if (piece !== '') parts.push({ text: piece });
  }
  return parts;
}
