// `sop monev new`, `sop inventaris import` and `sop new --from-inventaris`: flags to one lifecycle API call, then a short report.
import { Option, type Command } from 'commander';
import type { Lang } from '../../config/config-types.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

const say = (lang: Lang, id: string, en: string) => (lang === 'en' ? en : id);

export interface LifecycleDeps {
  now?: () => Date;
}

export function registerMonev(program: Command, io: CliIO, _state: RunState, deps: LifecycleDeps = {}): void {
  const monev = program
    .command('monev')
    .summary('lembar monitoring pelaksanaan SOP (Tabel 7)')
    .description('Monitoring pelaksanaan SOP AP (Tabel 7 PermenPAN-RB 35/2012), setiap 6 bulan.\nMonitoring sheets of SOP application (Tabel 7), every six months.');
  monev
    .command('new')
    .description(
      'Membuat monev/<periode>/<unit>.yaml untuk setiap SOP yang berlaku di unit itu, terisi nomor SOP, penilai dan metode dari lembar sebelumnya; lembar yang sudah ada tidak pernah ditimpa.\n' +
        'Writes monev/<period>/<unit>.yaml for every SOP in force in the unit, pre-filled; an existing sheet is never overwritten.',
    )
    .requiredOption('--periode <periode>', 'periode / period: 2026-S1 (Januari-Juni) atau 2026-S2 (Juli-Desember)')
    .option('--unit <unit>', 'hanya unit ini (folder SOP) / only this unit (SOP folder)')
    .option('--dry-run', 'tampilkan tanpa menulis / print instead of writing')
    .option('-c, --config <file>', 'berkas konfigurasi / config file')
    .addOption(new Option('--lang <lang>', 'bahasa pesan / message language').choices(['id', 'en']))
    .action(async (flags: { periode: string; unit?: string; dryRun?: boolean; config?: string; lang?: Lang }) => {
      const { monevNew } = await import('../../api/lifecycle.js');
      const r = await monevNew({ cwd: io.cwd, periode: flags.periode, unit: flags.unit, dryRun: flags.dryRun, configPath: flags.config, lang: flags.lang, now: deps.now?.() });
      for (const s of r.sheets) {
        if (s.status === 'dry-run') io.stdout(`# ${s.file}\n${s.content}\n`);
        else if (s.status === 'created') io.stdout(`${say(r.lang, 'Dibuat', 'Created')}: ${s.file} (${s.rows} SOP)\n`);
        else io.stderr(`${say(r.lang, 'Sudah ada, tidak ditimpa', 'Exists, not overwritten')}: ${s.file}\n`);
      }
      if (r.sheets.some((s) => s.status === 'created')) {
        io.stdout(`${say(r.lang, 'Berikutnya: isi `penilaian` setiap baris, lalu periksa dengan `sop lint`', 'Next: fill in `penilaian` on every row, then check with `sop lint`')}\n`);
      }
    });
}

export function registerInventaris(program: Command, io: CliIO, _state: RunState): void {
  const inv = program
    .command('inventaris')
    .summary('inventaris SOP (Tabel 6: identifikasi berdasarkan tugas dan fungsi)')
    .description('Inventaris SOP AP (Tabel 6 PermenPAN-RB 35/2012).\nThe SOP inventory (Tabel 6).');
  inv
    .command('import')
    .description(
      'Mengubah Tabel 6 dari CSV atau XLSX (kolom No, Tugas, Fungsi, Uraian Tugas, Kegiatan, Output, Aspek Kegiatan, Judul SOP, dan Peta Proses bila ada) menjadi inventaris.yaml.\n' +
        'Converts a Tabel 6 CSV or XLSX (same columns, plus an optional process-map column) into inventaris.yaml.',
    )
    .argument('<berkas>', 'berkas .csv atau .xlsx / the .csv or .xlsx file')
    .option('-o, --output <file>', 'berkas tujuan / target file (bawaan: lifecycle.inventory atau inventaris.yaml)')
    .option('--unit <nama>', 'nama unit kerja di kepala formulir / unit name in the form header')
    .option('--tahun <tahun>', 'tahun / year')
    .option('--force', 'ganti berkas yang sudah ada / replace an existing file')
    .option('--dry-run', 'tampilkan tanpa menulis / print instead of writing')
    .option('-c, --config <file>', 'berkas konfigurasi / config file')
    .addOption(new Option('--lang <lang>', 'bahasa pesan / message language').choices(['id', 'en']))
    .action(async (input: string, flags: { output?: string; unit?: string; tahun?: string; force?: boolean; dryRun?: boolean; config?: string; lang?: Lang }) => {
      const { importInventory } = await import('../../api/lifecycle.js');
      const r = await importInventory({ cwd: io.cwd, input, output: flags.output, unit: flags.unit, tahun: flags.tahun, force: flags.force, dryRun: flags.dryRun, configPath: flags.config, lang: flags.lang });
      if (!r.written) {
        io.stdout(r.content);
        return;
      }
      io.stdout(`${say(r.lang, r.replaced ? 'Diganti' : 'Dibuat', r.replaced ? 'Replaced' : 'Created')}: ${r.file} (${r.rows} ${say(r.lang, 'baris', 'rows')})\n`);
      io.stdout(`${say(r.lang, 'Berikutnya: `sop new --from-inventaris` membuat SOP yang belum ada', 'Next: `sop new --from-inventaris` creates the SOPs that do not exist yet')}\n`);
    });
}

/** `sop new --from-inventaris [baris]`: called by `sop new` when the flag is given. */
export async function newFromInventoryCommand(io: CliIO, flags: { fromInventaris: string | true; inventaris?: string; dryRun?: boolean; config?: string; lang?: Lang }, now?: Date): Promise<void> {
  const { newFromInventory } = await import('../../api/lifecycle.js');
  const r = await newFromInventory({
    cwd: io.cwd, rows: flags.fromInventaris === true ? undefined : flags.fromInventaris, inventory: flags.inventaris,
    dryRun: flags.dryRun, configPath: flags.config, lang: flags.lang, now,
  });
  let created = 0;
  for (const item of r.items) {
    if (item.created) {
      created++;
      if (item.created.written) io.stdout(`${say(r.lang, 'Dibuat', 'Created')}: ${item.created.file}  ${item.created.nomor}  (${say(r.lang, 'baris', 'row')} ${item.no})\n`);
      else io.stdout(`${say(r.lang, 'Akan dibuat', 'Would create')}: ${item.created.file}  ${item.created.nomor}  (${say(r.lang, 'baris', 'row')} ${item.no})\n`);
    } else io.stderr(`${say(r.lang, 'Dilewati', 'Skipped')} ${say(r.lang, 'baris', 'row')} ${item.no} (${item.judul}): ${item.skipped}\n`);
  }
  if (r.items.length === 0) io.stderr(say(r.lang, `tidak ada baris yang dipilih di ${r.inventory}\n`, `no rows selected in ${r.inventory}\n`));
  else if (created > 0 && !flags.dryRun) io.stdout(say(r.lang, 'Berikutnya: lengkapi berkasnya, lalu periksa dengan `sop lint`\n', 'Next: complete the files, then check them with `sop lint`\n'));
}
