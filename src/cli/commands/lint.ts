// `sop lint [paths...]`: declares the flags, calls the lint API once, writes the report(s) and decides the exit code.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { SopUsageError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/write-atomic.js';
import type { FileResult } from '../../core/types.js';
import { formatNames, formatters, type FormatName } from '../../report/index.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';
import { VERSION } from '../version.js';

interface LintFlags {
  format: FormatName;
  outputFile?: string;
  outputFormat?: FormatName;
  maxWarnings?: string;
  quiet?: boolean;
  lang?: 'id' | 'en';
  config?: string;
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: string;
  cache?: boolean;
}

/** `--color`/`--no-color` win; then FORCE_COLOR (Node's rule: it overrides NO_COLOR), NO_COLOR, and whether stdout is a terminal. */
export function decideColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

function parseMaxWarnings(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new SopUsageError(`--max-warnings: bukan bilangan bulat / not an integer: ${v}`);
  const n = Number(v);
  // -1 is ESLint's spelling of "no limit"
  return n < 0 ? undefined : n;
}

/** Writes the report atomically, so CI never picks up half a report. */
async function writeReport(cwd: string, file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path.resolve(cwd, file), text);
  } catch (err) {
    throw new SopUsageError(`--output-file ${file}: ${(err as Error).message}`);
  }
}

/** Errors only: warnings dropped from every result. */
function errorsOnly(results: FileResult[]): FileResult[] {
  return results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 }));
}

/** `--stdin` (with `--stdin-filename`, default `stdin.md`): the text to lint instead of files. */
async function stdinText(flags: LintFlags, paths: string[], io: CliIO): Promise<{ file: string; text: Uint8Array } | undefined> {
  if (!flags.stdin) {
    if (flags.stdinFilename !== undefined) throw new SopUsageError('--stdin-filename hanya bersama --stdin / --stdin-filename needs --stdin');
    return undefined;
  }
  if (paths.length > 0) throw new SopUsageError('--stdin: jangan sebut berkas lain / name no other paths with --stdin');
  if (!io.readStdin) throw new SopUsageError('--stdin: stdin tidak tersedia / stdin is not available');
  return { file: flags.stdinFilename ?? 'stdin.md', text: await io.readStdin() };
}

export function registerLint(program: Command, io: CliIO, state: RunState): void {
  program
    .command('lint')
    .description('Periksa berkas SOP (PermenPAN-RB 35/2012) / check SOP files')
    .argument('[paths...]', 'berkas, folder atau glob / files, folders or globs (default: .)')
    .addOption(new Option('-f, --format <name>', 'format laporan di stdout / report format on stdout').choices(formatNames).default('stylish'))
    .option('-o, --output-file <path>', 'tulis laporan juga ke berkas ini / also write a report to this file')
    .addOption(new Option('--output-format <name>', 'format --output-file (default: --format) / format of --output-file').choices(formatNames))
    .option('--max-warnings <n>', 'gagal (exit 1) bila peringatan lebih dari n / fail when there are more than n warnings')
    .option('-q, --quiet', 'hanya error, tanpa peringatan / report errors only')
    .addOption(new Option('--lang <lang>', 'bahasa pesan / message language').choices(['id', 'en']))
    .option('-c, --config <file>', 'satu berkas konfigurasi untuk semua berkas / one config file for every file (default: the nearest sop.config.yaml above each file)')
    .option('--stdin', 'periksa teks dari stdin / lint the text piped into stdin')
    .option('--stdin-filename <file>', 'nama berkas teks stdin (konfigurasi dan laporan) / the file name of the stdin text (config and report)')
    .option('--print-config <file>', 'tampilkan konfigurasi yang berlaku untuk berkas ini dan asalnya, lalu selesai / print the config that applies to this file and where it came from, then exit')
    .option('--cache', 'lewati berkas yang tidak berubah sejak pemeriksaan terakhir (.sop-cache/) / skip files unchanged since the last run (.sop-cache/)')
    .option('--color', 'paksa warna / force colour')
    .option('--no-color', 'tanpa warna / no colour')
    .addHelpText('after', '\nExit: 0 tanpa error (peringatan boleh) / no errors; 1 ada error atau peringatan > --max-warnings / errors or too many warnings; 2 kesalahan pemakaian (juga path yang tidak ada), konfigurasi atau internal / usage (also a path that does not exist), config or internal failure; 130 dihentikan dengan Ctrl-C / interrupted.')
    .action(async (paths: string[], flags: LintFlags) => {
      const maxWarnings = parseMaxWarnings(flags.maxWarnings);
      if (flags.printConfig !== undefined) {
        const { effectiveConfig } = await import('../../api/config.js');
        io.stdout(`${JSON.stringify(effectiveConfig({ cwd: io.cwd, file: flags.printConfig, configPath: flags.config, lang: flags.lang }), null, 2)}\n`);
        state.exitCode = 0;
        return;
      }
      const stdin = await stdinText(flags, paths, io);
      // heavy modules (yaml, the validator, the rules) load only when lint actually runs
      const { lint } = await import('../../api/lint.js');
      const run = await lint({ cwd: io.cwd, paths, configPath: flags.config, lang: flags.lang, stdin, cache: flags.cache && !stdin });
      for (const n of run.notices) io.stderr(`sop lint: ${n[run.lang]}\n`);
      const results = flags.quiet ? errorsOnly(run.results) : run.results;
      const warningCount = flags.quiet ? 0 : run.warningCount;
      const { HOMEPAGE } = await import('../../core/package-info.js');
      const ctx = { cwd: io.cwd, version: VERSION, lang: run.lang, rules: run.rulesMeta, informationUri: HOMEPAGE };
      if (flags.outputFile) {
        const fileFormat = flags.outputFormat ?? flags.format;
        // files never get colour codes, whatever the terminal does
        await writeReport(io.cwd, flags.outputFile, formatters[fileFormat](results, { ...ctx, color: false }));
      }
      io.stdout(formatters[flags.format](results, { ...ctx, color: decideColor(flags.color, io.env, io.stdoutIsTTY) }));
      const tooManyWarnings = maxWarnings !== undefined && warningCount > maxWarnings;
      if (tooManyWarnings) {
        io.stderr(
          run.lang === 'en'
            ? `sop lint: too many warnings (${warningCount}, at most ${maxWarnings} allowed by --max-warnings)\n`
            : `sop lint: terlalu banyak peringatan (${warningCount}, paling banyak ${maxWarnings} menurut --max-warnings)\n`,
        );
      }
      // a path that names nothing is a usage error (ESLint: "No files matching the pattern"), after the rest was linted
      for (const m of run.missing) io.stderr(`sop lint: ${m.message}\n`);
      state.exitCode = run.missing.length > 0 ? 2 : run.errorCount > 0 || tooManyWarnings ? 1 : 0;
    });
}
