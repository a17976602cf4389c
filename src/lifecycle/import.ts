// Imports a Tabel 6 inventory from CSV (csv-parse) or XLSX (read-excel-file) with the form's columns, into inventaris.yaml text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { letters } from '../core/letters.js';
import { say, type Lang } from './text.js';

/** One cell of a table, with where it is written (for messages). */
export interface Cell {
  text: string;
  /** `inventaris.csv:5:12` or `inventaris.xlsx, Sheet1!H5`. */
  where: string;
}

export interface Table {
  file: string;
  rows: Cell[][];
}

/** The Tabel 6 columns (keys of inventaris.yaml) and the header spellings that name them. */
export const INVENTORY_COLUMNS: ReadonlyArray<{ key: string; header: string; aliases: string[]; required: boolean }> = [
  { key: 'no', header: 'No', aliases: ['no', 'nomor', 'nourut'], required: false },
  { key: 'tugas', header: 'Tugas', aliases: ['tugas'], required: true },
  { key: 'fungsi', header: 'Fungsi', aliases: ['fungsi'], required: true },
  { key: 'uraian_tugas', header: 'Uraian Tugas', aliases: ['uraiantugas'], required: true },
  { key: 'kegiatan', header: 'Kegiatan', aliases: ['kegiatan'], required: true },
  { key: 'output', header: 'Output', aliases: ['output', 'keluaran'], required: true },
  { key: 'aspek_kegiatan', header: 'Aspek Kegiatan', aliases: ['aspekkegiatan', 'aspek'], required: true },
  { key: 'judul_sop', header: 'Judul SOP', aliases: ['judulsop', 'judul', 'namasop'], required: true },
  { key: 'peta_proses', header: 'Peta Proses', aliases: ['petaproses', 'petaprosesbisnis', 'rujukanpetaproses', 'rujukanpetaprosesbisnis', 'prosesbisnis', 'kodepetaproses'], required: false },
  { key: 'folder', header: 'Folder', aliases: ['folder', 'foldersop'], required: false },
  { key: 'jenis', header: 'Jenis', aliases: ['jenis', 'jenissop'], required: false },
];

/**
 * Columns a printed Tabel 6 merges over several rows: an empty cell repeats the value above. Kegiatan and Output are
 * merged too where one kegiatan has several aspects, each its own SOP. A CSV export and the XLSX reader both leave
 * every cell of a merged range but the first one empty, so this is what makes a merge read as the form shows it.
 */
const FILL_DOWN = new Set(['tugas', 'fungsi', 'uraian_tugas', 'kegiatan', 'output']);

const normHeader = (s: string) => s.normalize('NFKD').toLowerCase().replace(/\(\d+\)/g, '').replace(/[^a-z]/g, '');

export class ImportError extends Error {
  override name = 'ImportError';
}

async function readCsv(abs: string, file: string): Promise<Table> {
  const { parse } = await import('csv-parse/sync');
  const text = (await readFile(abs, 'utf8')).replace(/^\uFEFF/, '');
  // spreadsheets set to Indonesian regional settings export CSV with semicolons; a title line may come first
  const head = text.split('\n').slice(0, 10).join('\n');
  const delimiter = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: false, bom: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ImportError(`${file}${e.lines ? `:${e.lines}` : ''}: ${e.message}`);
  }
  return {
    file,
    rows: records.map(({ record, info }) => {
      // info.lines is the line where the record ends; fields with line breaks started earlier
      const line = info.lines - record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      let col = 1;
      return record.map((text) => {
        const cell = { text: text.trim(), where: `${file}:${line}:${col}` };
        col += text.length + 1;
        return cell;
      });
    }),
  };
}

async function readXlsx(abs: string, file: string, lang: Lang): Promise<Table> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    // numbers as the file stores them (no float rounding of what the user typed), strings untrimmed here (trimmed below)
    sheets = await readXlsxFile(abs, { trim: false, parseNumber: (text: string) => text });
  } catch (err) {
    throw new ImportError(`${file}: ${say(lang, 'bukan berkas XLSX yang dapat dibaca', 'not a readable XLSX file')} (${(err as Error).message})`);
  }
  // the sheet holding the Tabel 6 header (the first one when none does); rows and columns start at A1, so the
  // indices give the cell's address
  const tables = sheets.map(({ sheet, data }) => ({
    file,
    rows: data.map((row, r) => row.map((value, c) => ({ text: cellText(value).trim(), where: `${file}, ${sheet}!${letters(c)}${r + 1}` }))),
  }));
  return tables.find((t) => headerIndex(t) !== -1) ?? tables[0] ?? { file, rows: [] };
}

/** A cell's value as text: a date as YYYY-MM-DD (with the time when it has one), anything else as written. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  return String(value);
}

/** Reads a CSV or XLSX file into cells. Throws ImportError for a file it cannot read. */
export async function readTable(abs: string, file: string, lang: Lang = 'id'): Promise<Table> {
  const ext = path.extname(abs).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return readCsv(abs, file);
  if (ext === '.xlsx') return readXlsx(abs, file, lang);
  throw new ImportError(say(lang, `${file}: format tidak didukung; pakai .csv atau .xlsx`, `${file}: unsupported format; use .csv or .xlsx`));
}

function headerIndex(t: Table): number {
  return t.rows.findIndex((r) => r.some((c) => normHeader(c.text) === 'judulsop'));
}

export interface ImportedInventory {
  rows: Record<string, string>[];
  /** inventaris.yaml text. */
  yaml: string;
}

/**
 * Maps a table with the Tabel 6 header to inventory rows. The header may sit below a title; a
 * column-number row `(1) (2) ...` under it is skipped; empty tugas/fungsi/uraian tugas cells
 * repeat the value above (merged cells in the printed form). Throws ImportError naming the cell.
 */
export function inventoryFromTable(t: Table, meta: { unit?: string; tahun?: string; source?: string }, lang: Lang = 'id'): ImportedInventory {
  const h = headerIndex(t);
  if (h === -1) {
    throw new ImportError(say(lang, `${t.file}: tidak ada baris judul kolom Tabel 6 (kolom "Judul SOP" tidak ditemukan)`, `${t.file}: no Tabel 6 header row (no "Judul SOP" column)`));
  }
  const header = t.rows[h];
  const colOf = new Map<string, number>();
  header.forEach((c, i) => {
    const n = normHeader(c.text);
    const col = INVENTORY_COLUMNS.find((k) => k.aliases.includes(n));
    if (col && !colOf.has(col.key)) colOf.set(col.key, i);
  });
  const missing = INVENTORY_COLUMNS.filter((k) => k.required && !colOf.has(k.key)).map((k) => `"${k.header}"`);
  if (missing.length > 0) {
    throw new ImportError(say(lang, `${header[0]?.where ?? t.file}: kolom ${missing.join(', ')} tidak ada pada baris judul kolom`, `${header[0]?.where ?? t.file}: the header row lacks ${missing.join(', ')}`));
  }
  const rows: Record<string, string>[] = [];
  const above: Record<string, string> = {};
  for (const r of t.rows.slice(h + 1)) {
    const texts = r.map((c) => c.text);
    if (texts.every((x) => x === '')) continue;
    if (texts.every((x) => x === '' || /^\(?\d+\)?$/.test(x)) && rows.length === 0) continue; // (1) (2) ... under the header
    const row: Record<string, string> = {};
    for (const col of INVENTORY_COLUMNS) {
      const i = colOf.get(col.key);
      if (i === undefined) continue;
      let v = r[i]?.text ?? '';
      if (v === '' && FILL_DOWN.has(col.key)) v = above[col.key] ?? '';
      if (v === '' && col.required) {
        const where = r[i]?.where ?? r[0]?.where ?? t.file;
        throw new ImportError(say(lang, `${where}: kolom "${col.header}" kosong`, `${where}: column "${col.header}" is empty`));
      }
      if (v !== '') row[col.key] = v;
      if (FILL_DOWN.has(col.key)) above[col.key] = v;
    }
    if (row.jenis !== undefined && !['administratif', 'teknis'].includes(row.jenis.toLowerCase())) {
      throw new ImportError(say(lang, `${r[colOf.get('jenis')!]?.where}: jenis harus administratif atau teknis`, `${r[colOf.get('jenis')!]?.where}: jenis must be administratif or teknis`));
    }
    if (row.jenis) row.jenis = row.jenis.toLowerCase();
    // a printed number that merely repeats the position adds nothing to the YAML
    if (row.no !== undefined && row.no === String(rows.length + 1)) delete row.no;
    rows.push(row);
  }
  if (rows.length === 0) throw new ImportError(say(lang, `${t.file}: tidak ada baris di bawah judul kolom`, `${t.file}: no rows under the header`));
  const doc: Record<string, unknown> = {};
  if (meta.unit) doc.unit = meta.unit;
  if (meta.tahun) doc.tahun = /^\d+$/.test(meta.tahun) ? Number(meta.tahun) : meta.tahun;
  doc.baris = rows;
  const head = [
    '# yaml-language-server: $schema=https://sop-ap.id/schemas/sop-ap/1/inventaris.schema.json',
    `# ${say(lang, 'Diimpor dari', 'Imported from')} ${meta.source ?? t.file} (Tabel 6: Formulir Identifikasi SOP AP Berdasarkan Tugas dan Fungsi).`,
  ];
  return { rows, yaml: `${head.join('\n')}\n${stringify(doc, { version: '1.1', lineWidth: 0 })}` };
}
