// `sop new [judul]`: flags (or questions on a terminal) to scaffold() options; reports the file, its nomor and the next step.
import { Option, type Command } from 'commander';
import type { Lang } from '../../config/config-types.js';
import { inquirerPrompter, isPromptCancelled, type Prompter } from '../../scaffold/prompt.js';
import { splitList } from '../../scaffold/text.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

interface NewFlags {
  template?: string;
  dir?: string;
  pelaksana?: string;
  force?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  config?: string;
  lang?: Lang;
  fromInventaris?: string | true;
  inventaris?: string;
}

export interface NewDeps {
  /** Questions on a terminal; default @inquirer/prompts. Tests pass scripted answers. */
  prompter?: () => Prompter;
  /** Today; default the clock. */
  now?: () => Date;
}

export function registerNew(program: Command, io: CliIO, state: RunState, deps: NewDeps = {}): void {
  program
    .command('new')
    .summary('buat berkas SOP baru dari templat')
    .description(
      'Membuat berkas SOP baru dari templat: nomor berikutnya menurut `numbering`, tanggal hari ini, nama berkas dari judul. ' +
        'Di terminal, pertanyaan diajukan untuk isian yang belum diberikan. Berkas yang sudah ada tidak pernah ditimpa tanpa --force.\n' +
        'Creates a new SOP file from a template (next number, today, file name from the title); never overwrites without --force.',
    )
    .argument('[judul]', 'judul SOP / SOP title (mis. "Pelayanan Permohonan Cuti Tahunan")')
    .option('-t, --template <nama>', 'templat / template: administratif, teknis, atau templat repositori (bawaan: administratif)')
    .option('-d, --dir <folder>', 'folder tujuan, relatif terhadap akar repositori / target folder, relative to the repository root')
    .option('-p, --pelaksana <daftar>', 'pelaksana dipisah koma / comma-separated actors, mis. "Pemohon,Kepala Subbagian Umum"')
    .option('--dry-run', 'tampilkan isi berkas tanpa menulisnya / print the file instead of writing it')
    .option('--force', 'ganti berkas yang sudah ada / replace an existing file')
    .option('-y, --yes', 'jangan bertanya; pakai nilai bawaan / ask nothing, use defaults')
    .option('-c, --config <file>', 'berkas konfigurasi / config file (bawaan: sop.config.yaml terdekat)')
    .addOption(new Option('--lang <lang>', 'bahasa pesan / message language').choices(['id', 'en']))
    .option('--from-inventaris [baris]', 'buat SOP yang disebut baris inventaris (Tabel 6), mis. 1,3-5; bawaan: semua yang belum ada / create the SOPs inventory rows name (default: all missing)')
    .option('--inventaris <file>', 'berkas inventaris lain (.yaml, .csv, .xlsx) untuk --from-inventaris / another inventory file for --from-inventaris')
    .action(async (title: string | undefined, flags: NewFlags) => {
      if (flags.fromInventaris !== undefined) {
        const { newFromInventoryCommand } = await import('./lifecycle.js');
        await newFromInventoryCommand(io, { ...flags, fromInventaris: flags.fromInventaris }, deps.now?.());
        return;
      }
      const interactive = io.stdinIsTTY && io.stdoutIsTTY && !flags.yes;
      const { scaffold } = await import('../../api/scaffold.js');
      let result;
      try {
        result = await scaffold({
          cwd: io.cwd,
          title,
          template: flags.template,
          dir: flags.dir,
          pelaksana: flags.pelaksana === undefined ? (interactive ? undefined : []) : splitList(flags.pelaksana),
          force: Boolean(flags.force),
          dryRun: Boolean(flags.dryRun),
          configPath: flags.config,
          lang: flags.lang,
          now: deps.now?.(),
          prompt: interactive ? (deps.prompter ?? (() => inquirerPrompter(flags.lang)))() : undefined,
        });
      } catch (err) {
        if (!isPromptCancelled(err)) throw err;
        io.stderr(flags.lang === 'en' ? 'sop new: cancelled, nothing was written\n' : 'sop new: dibatalkan, tidak ada berkas yang ditulis\n');
        state.exitCode = 130;
        return;
      }
      const en = result.lang === 'en';
      if (!result.written) {
        // the file itself goes to stdout, so `sop new ... --dry-run > x.md` works; the rest to stderr
        io.stdout(result.content);
        io.stderr(en ? `(dry run: nothing written; would create ${result.file}, nomor ${result.nomor})\n` : `(uji coba: tidak ada yang ditulis; akan membuat ${result.file}, nomor ${result.nomor})\n`);
      } else {
        io.stdout(`${en ? (result.replaced ? 'Replaced' : 'Created') : result.replaced ? 'Diganti' : 'Dibuat'}: ${result.file}\n`);
        io.stdout(`${en ? 'Number' : 'Nomor'}:  ${result.nomor}\n`);
      }
      for (const n of result.notes) io.stderr(`${en ? 'Note' : 'Catatan'}: ${n}\n`);
      if (result.written) io.stdout(`${en ? 'Next' : 'Berikutnya'}: ${en ? 'edit the file, then check it with' : 'sunting berkasnya, lalu periksa dengan'} \`sop lint ${quoteArg(result.file)}\`\n`);
    });
}

/** Quotes a path for the hint only when a shell would split it. */
function quoteArg(p: string): string {
  return /^[\w./@%+=:,-]+$/.test(p) ? p : `"${p.replace(/(["\\$`])/g, '\\$1')}"`;
}
