// Lifecycle API: `sop monev new` (Tabel 7 sheets), `sop new --from-inventaris` (stubs from Tabel 6) and the CSV/XLSX import; never prints.
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Lang, LoadedConfig } from '../config/config-types.js';
import { SopUsageError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { collectSops } from '../lifecycle/collect.js';
import { compareDays, dayOf, formatDay, parsePeriod, PERIOD_PATTERN } from '../lifecycle/dates.js';
import { ImportError, inventoryFromTable, readTable } from '../lifecycle/import.js';
import { monevFormText } from '../lifecycle/monev-form.js';
import { inventoryOf, type InventoryRow } from '../lifecycle/model.js';
import { parseRecord } from '../lifecycle/records.js';
import { lifecyclePaths, loadLifecycle } from '../lifecycle/repository.js';
import { inForce, SopIndex, unitName } from '../lifecycle/sops.js';
import { exists, FileExistsError, nodeFs, writeAtomic } from '../scaffold/fs.js';
import { schemaRef } from '../scaffold/schema-ref.js';
import { say } from '../scaffold/text.js';
import { scaffold, type ScaffoldResult } from './scaffold.js';

interface Common {
  cwd: string;
  configPath?: string;
  lang?: Lang;
  /** Today; default the clock. */
  now?: Date;
}

function setup(opts: Common): { config: LoadedConfig; lang: Lang; now: Date } {
  const config = loadConfig({ cwd: opts.cwd, configPath: opts.configPath, lang: opts.lang });
  return { config, lang: opts.lang ?? config.config.lang ?? 'id', now: opts.now ?? new Date() };
}

export interface MonevNewOptions extends Common {
  /** `2026-S1` or `2026-S2`. */
  periode: string;
  /** Only this unit (an SOP folder); default every unit with SOPs in force. */
  unit?: string;
  dryRun?: boolean;
}

export interface MonevSheetResult {
  unit: string;
  file: string;
  absPath: string;
  /** SOPs listed. */
  rows: number;
  content: string;
  /** created, or skipped because the file exists (never overwritten), or not written (dry run). */
  status: 'created' | 'exists' | 'dry-run';
}

/**
 * Writes `monev/<periode>/<unit>.yaml` for every SOP in force in the unit during the period,
 * pre-filled; an existing sheet is left as it is. Throws SopUsageError for a bad period or unit.
 */
export async function monevNew(opts: MonevNewOptions): Promise<{ sheets: MonevSheetResult[]; lang: Lang }> {
  const { config, lang, now } = setup(opts);
  const period = parsePeriod(opts.periode);
  if (!period || !PERIOD_PATTERN.test(opts.periode.trim())) {
    throw new SopUsageError(say(lang, `--periode "${opts.periode}" tidak sah; tulis tahun dan semester, mis. 2026-S1 (Januari-Juni) atau 2026-S2 (Juli-Desember)`, `--periode "${opts.periode}" is not valid; write year and half, e.g. 2026-S1 (January-June) or 2026-S2 (July-December)`));
  }
  const cwd = path.resolve(opts.cwd);
  const sops = await collectSops(config, cwd);
  const inPeriod = sops.filter((s) => inForce(s, period.end));
  const units = [...new Set(inPeriod.map((s) => s.unit))].sort();
  if (opts.unit !== undefined && !units.includes(opts.unit)) {
    const all = [...new Set(sops.map((s) => s.unit))].sort();
    throw new SopUsageError(
      all.includes(opts.unit)
        ? say(lang, `unit "${opts.unit}" tidak mempunyai SOP yang berlaku pada periode ${period.id}`, `unit "${opts.unit}" has no SOP in force in ${period.id}`)
        : say(lang, `unit "${opts.unit}" tidak dikenal; unit (folder SOP): ${all.join(', ') || '(tidak ada)'}`, `unknown unit "${opts.unit}"; units (SOP folders): ${all.join(', ') || '(none)'}`),
    );
  }
  const records = loadLifecycle(config, cwd);
  const today = dayOf(now);
  // the sheet is dated today while the period runs; an earlier or later period gets its last day
  const tanggal = compareDays(today, period.start) >= 0 && compareDays(today, period.end) <= 0 ? formatDay(today) : formatDay(period.end);
  const sheets: MonevSheetResult[] = [];
  for (const unit of opts.unit ? [opts.unit] : units) {
    const dir = path.join(records.paths.monitoring, period.id);
    const absPath = path.join(dir, `${unit}.yaml`);
    const previous = records.monitoring
      .filter((m) => m.unit === unit && m.periode && compareDays(m.periode.end, period.start) < 0)
      .sort((a, b) => compareDays(a.periode!.start, b.periode!.start))
      .at(-1);
    const unitSops = inPeriod.filter((s) => s.unit === unit);
    const content = monevFormText({
      schema: await schemaRef(nodeFs, dir, config.dir, 'monev.schema.json'),
      period, unit, namaUnit: previous?.namaUnit ?? unitName(unit, config.config, unitSops[0]?.rel), tanggal, sops: unitSops, previous,
    });
    const file = displayPath(absPath, cwd);
    let status: MonevSheetResult['status'] = 'dry-run';
    if (!opts.dryRun) {
      if (await exists(nodeFs, absPath)) status = 'exists';
      else {
        await nodeFs.mkdir(dir, { recursive: true });
        try {
          await writeAtomic(nodeFs, absPath, content, { overwrite: false });
          status = 'created';
        } catch (err) {
          if (!(err instanceof FileExistsError)) throw err;
          status = 'exists';
        }
      }
    }
    sheets.push({ unit, file, absPath, rows: unitSops.length, content, status });
  }
  return { sheets, lang };
}

export interface ImportInventoryOptions extends Common {
  /** The CSV or XLSX file, relative to cwd. */
  input: string;
  /** Where to write; default config `lifecycle.inventory` (inventaris.yaml beside the config). */
  output?: string;
  force?: boolean;
  dryRun?: boolean;
  unit?: string;
  tahun?: string;
}

/** Converts a Tabel 6 CSV/XLSX into inventaris.yaml. Throws SopUsageError for bad input (naming the cell) or an existing file without --force. */
export async function importInventory(opts: ImportInventoryOptions): Promise<{ file: string; rows: number; content: string; written: boolean; replaced: boolean; lang: Lang }> {
  const { config, lang } = setup(opts);
  const cwd = path.resolve(opts.cwd);
  const inputAbs = path.resolve(cwd, opts.input);
  const target = opts.output ? path.resolve(cwd, opts.output) : lifecyclePaths(config).inventory;
  let imported;
  try {
    const table = await readTable(inputAbs, displayPath(inputAbs, cwd), lang);
    imported = inventoryFromTable(table, { unit: opts.unit, tahun: opts.tahun, source: path.basename(inputAbs) }, lang);
  } catch (err) {
    if (err instanceof ImportError) throw new SopUsageError(err.message);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new SopUsageError(say(lang, `berkas tidak ditemukan: ${opts.input}`, `file not found: ${opts.input}`));
    throw err;
  }
  const ref = await schemaRef(nodeFs, path.dirname(target), config.dir, 'inventaris.schema.json');
  const content = imported.yaml.replace(/^# yaml-language-server: \$schema=\S+/, `# yaml-language-server: $schema=${ref}`);
  // the result must be a valid inventory: check it with the schema before writing
  const check = parseRecord('inventaris', Buffer.from(content), displayPath(target, cwd), target);
  if (check.problems.length > 0) {
    const p = check.problems[0];
    throw new SopUsageError(`${displayPath(inputAbs, cwd)}: ${lang === 'en' ? p.messageEn : p.message}`);
  }
  const file = displayPath(target, cwd);
  if (opts.dryRun) return { file, rows: imported.rows.length, content, written: false, replaced: false, lang };
  const existed = await exists(nodeFs, target);
  if (existed && !opts.force) {
    throw new SopUsageError(say(lang, `berkas sudah ada: ${file}. Pakai --output untuk berkas lain, atau --force untuk menggantinya`, `file already exists: ${file}. Use --output for another file, or --force to replace it`));
  }
  await nodeFs.mkdir(path.dirname(target), { recursive: true });
  try {
    await writeAtomic(nodeFs, target, content, { overwrite: Boolean(opts.force) });
  } catch (err) {
    if (err instanceof FileExistsError) throw new SopUsageError(say(lang, `berkas sudah ada: ${file}`, `file already exists: ${file}`));
    throw err;
  }
  return { file, rows: imported.rows.length, content, written: true, replaced: existed, lang };
}

export interface NewFromInventoryOptions extends Common {
  /** Row numbers (`no`) to create, e.g. `1,3-5`; default every row that has no SOP yet. */
  rows?: string;
  /** An inventory file to read instead of the configured one (YAML, CSV or XLSX). */
  inventory?: string;
  dryRun?: boolean;
}

export interface NewFromInventoryItem {
  no: string;
  judul: string;
  /** The SOP created (or planned, on a dry run). */
  created?: ScaffoldResult;
  /** Why nothing was written for this row. */
  skipped?: string;
}

/** Parses `1,3-5` into row numbers; throws SopUsageError for anything else. */
function rowSelection(spec: string, lang: Lang): Set<string> {
  const out = new Set<string>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) {
      out.add(part); // a printed number like `5a`
      continue;
    }
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b < a || b - a > 10000) throw new SopUsageError(say(lang, `baris "${part}" tidak sah`, `rows "${part}" are not valid`));
    for (let i = a; i <= b; i++) out.add(String(i));
  }
  return out;
}

async function inventoryRows(opts: NewFromInventoryOptions, config: LoadedConfig, cwd: string, lang: Lang): Promise<{ rows: InventoryRow[]; file: string }> {
  const abs = opts.inventory ? path.resolve(cwd, opts.inventory) : lifecyclePaths(config).inventory;
  const file = displayPath(abs, cwd);
  if (/\.(csv|txt|xlsx)$/i.test(abs)) {
    try {
      const imported = inventoryFromTable(await readTable(abs, file, lang), {}, lang);
      const rec = parseRecord('inventaris', Buffer.from(imported.yaml), file, abs);
      return { rows: inventoryOf(rec)?.rows ?? [], file };
    } catch (err) {
      if (err instanceof ImportError) throw new SopUsageError(err.message);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new SopUsageError(say(lang, `berkas inventaris tidak ditemukan: ${file}`, `inventory file not found: ${file}`));
      throw err;
    }
  }
  const records = loadLifecycle(opts.inventory ? { ...config, config: { ...config.config, lifecycle: { ...config.config.lifecycle, inventory: path.relative(config.dir, abs) } } } : config, cwd);
  const rec = records.records.find((r) => r.kind === 'inventaris');
  if (!rec) throw new SopUsageError(say(lang, `berkas inventaris tidak ditemukan: ${file} (buat dari CSV/XLSX dengan \`sop inventaris import\`)`, `inventory file not found: ${file} (create it from CSV/XLSX with \`sop inventaris import\`)`));
  const bad = rec.problems[0];
  if (bad) {
    throw new SopUsageError(`${bad.location.file}:${bad.location.line}:${bad.location.column}: ${lang === 'en' ? bad.messageEn : bad.message}`);
  }
  return { rows: records.inventory?.rows ?? [], file };
}

/**
 * Creates the SOP stubs that inventory rows name (through `sop new`: numbering, folder, template),
 * skipping rows whose SOP exists already; an existing file is never overwritten.
 */
export async function newFromInventory(opts: NewFromInventoryOptions): Promise<{ items: NewFromInventoryItem[]; inventory: string; lang: Lang }> {
  const { config, lang, now } = setup(opts);
  const cwd = path.resolve(opts.cwd);
  const { rows, file } = await inventoryRows(opts, config, cwd, lang);
  const wanted = opts.rows ? rowSelection(opts.rows, lang) : undefined;
  if (wanted) {
    const unknown = [...wanted].filter((n) => !rows.some((r) => r.no === n));
    if (unknown.length > 0) throw new SopUsageError(say(lang, `baris ${unknown.join(', ')} tidak ada di ${file} (baris: ${rows.map((r) => r.no).join(', ')})`, `row(s) ${unknown.join(', ')} not in ${file} (rows: ${rows.map((r) => r.no).join(', ')})`));
  }
  const index = new SopIndex(await collectSops(config, cwd));
  const items: NewFromInventoryItem[] = [];
  // a dry run writes nothing, so the stubs planned so far must count as taken (numbers and files)
  const planned = { nomor: [] as string[], files: [] as string[] };
  for (const row of rows) {
    if (wanted && !wanted.has(row.no)) continue;
    const existing = index.resolve(row.judulSop);
    if (existing) {
      items.push({ no: row.no, judul: row.judulSop, skipped: say(lang, `SOP-nya sudah ada: ${existing.file}`, `its SOP exists: ${existing.file}`) });
      continue;
    }
    try {
      const created = await scaffold({
        cwd, title: row.judulSop, dir: row.folder, template: row.jenis, pelaksana: [], force: false,
        dryRun: opts.dryRun, configPath: config.file, lang, now, planned,
      });
      planned.nomor.push(created.nomor);
      planned.files.push(created.absPath);
      items.push({ no: row.no, judul: row.judulSop, created });
    } catch (err) {
      if (!(err instanceof SopUsageError)) throw err;
      items.push({ no: row.no, judul: row.judulSop, skipped: err.message });
    }
  }
  return { items, inventory: file, lang };
}
