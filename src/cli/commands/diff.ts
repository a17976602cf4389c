// `sop diff <rev-a> [<rev-b>] [paths...]`: one diff API call, the change list in the chosen format; exit 0 same, 1 changed.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { SopUsageError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/write-atomic.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';
import { decideColor } from './lint.js';

interface DiffFlags {
  format: 'stylish' | 'markdown' | 'json' | 'html' | 'pdf';
  paper?: 'A4' | 'F4';
  output?: string;
  force?: boolean;
  lang?: 'id' | 'en';
  config?: string;
  color?: boolean;
  exitCode?: boolean;
}

export function registerDiff(program: Command, io: CliIO, state: RunState): void {
  program
    .command('diff')
    .description('Perubahan isi SOP antara dua revisi git (SOP awal vs SOP perbaikan) / semantic SOP changes between two git revisions')
    .argument('<rev-a>', 'revisi lama: commit, tag atau cabang / older revision: commit, tag or branch')
    .argument('[rev-b-and-paths...]', 'revisi baru (bawaan: working tree), lalu berkas atau folder / newer revision (default: the working tree), then files or folders')
    .addOption(new Option('-f, --format <name>', 'format keluaran / output format').choices(['stylish', 'markdown', 'json', 'html', 'pdf']).default('stylish'))
    .addOption(new Option('--paper <paper>', 'ukuran kertas Perbandingan SOP (html, pdf) / paper of the Perbandingan SOP document').choices(['A4', 'F4']))
    .option('-o, --output <file>', 'tulis ke berkas, bukan stdout / write to a file instead of stdout')
    .option('--force', 'timpa berkas --output yang sudah ada / overwrite an existing --output file')
    .addOption(new Option('--lang <lang>', 'bahasa / language').choices(['id', 'en']))
    .option('-c, --config <file>', 'berkas konfigurasi / config file')
    .option('--color', 'paksa warna / force colour')
    .option('--no-color', 'tanpa warna / no colour')
    .option('--exit-code', 'exit 1 bila ada perubahan (seperti git diff --exit-code) / exit 1 when something changed')
    .addHelpText('after', '\nContoh / examples:\n  sop diff sop-2025            # tag sop-2025 vs working tree\n  sop diff HEAD~1 HEAD sop/     # dua commit, hanya folder sop/\n  sop diff main -f markdown     # komentar pull request\n  sop diff sop-2025 -f pdf -o perbandingan.pdf   # dokumen Perbandingan SOP (SOP awal vs SOP perbaikan)')
    .action(async (from: string, rest: string[], flags: DiffFlags) => {
      const { diff, formatDiff, isRevision } = await import('../../api/diff.js');
      let to: string | undefined;
      let paths = rest;
      if (rest.length > 0 && (await isRevision(io.cwd, rest[0]))) [to, ...paths] = rest;
      else if (rest.length > 0) {
        // neither a revision nor a file: a mistyped rev-b would otherwise compare nothing and say "no change"
        const { existsSync } = await import('node:fs');
        if (!existsSync(path.resolve(io.cwd, rest[0]))) throw new SopUsageError(`bukan revisi git dan bukan berkas atau folder / neither a git revision nor a file or folder: ${rest[0]}`);
      }
      if (flags.format === 'html' || flags.format === 'pdf') {
        // the Perbandingan SOP document: both versions' flow tables and the change list
        if (flags.format === 'pdf' && !flags.output) throw new SopUsageError('--format pdf butuh --output <berkas.pdf> / --format pdf needs --output <file.pdf>');
        const { perbandingan, perbandinganHtml, perbandinganPdf } = await import('../../api/perbandingan.js');
        const { result, content } = await perbandingan({ cwd: io.cwd, from, to, paths, configPath: flags.config, lang: flags.lang, paper: flags.paper });
        for (const n of result.notices) io.stderr(`sop diff: ${n[result.lang]}\n`);
        const file = flags.output ? path.resolve(io.cwd, flags.output) : undefined;
        if (file) {
          const { existsSync } = await import('node:fs');
          if (existsSync(file) && !flags.force) throw new SopUsageError(`${flags.output} sudah ada; pakai --force untuk menimpa / already exists; use --force to overwrite`);
        }
        const data = flags.format === 'pdf' ? await perbandinganPdf(content, { env: io.env }) : perbandinganHtml(content);
        if (file) await writeFileAtomic(file, data);
        else io.stdout(data as string);
        state.exitCode = flags.exitCode && result.diff.entries.length > 0 ? 1 : 0;
        return;
      }
      const result = await diff({ cwd: io.cwd, from, to, paths, configPath: flags.config, lang: flags.lang });
      for (const n of result.notices) io.stderr(`sop diff: ${n[result.lang]}\n`);
      if (flags.output) {
        const file = path.resolve(io.cwd, flags.output);
        const { existsSync } = await import('node:fs');
        if (existsSync(file) && !flags.force) throw new SopUsageError(`${flags.output} sudah ada; pakai --force untuk menimpa / already exists; use --force to overwrite`);
        await writeFileAtomic(file, formatDiff(result, flags.format, false));
      } else {
        io.stdout(formatDiff(result, flags.format, decideColor(flags.color, io.env, io.stdoutIsTTY) && flags.format === 'stylish'));
      }
      state.exitCode = flags.exitCode && result.diff.entries.length > 0 ? 1 : 0;
    });
}
