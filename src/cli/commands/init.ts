// `sop init [dir]`: flags (or questions on a terminal) to init() options; lists the files and the next steps.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Lang, Paper } from '../../config/config-types.js';
import { inquirerPrompter, isPromptCancelled, type Prompter } from '../../scaffold/prompt.js';
import { splitList } from '../../scaffold/text.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

interface InitFlags {
  instansi?: string;
  singkatan?: string;
  pejabatJabatan?: string;
  pejabatNama?: string;
  pejabatNip?: string;
  pejabatPangkat?: string;
  paper?: Paper;
  logo?: string;
  lang?: Lang;
  yes?: boolean;
  force?: boolean;
}

export interface InitDeps {
  /** Questions on a terminal; default @inquirer/prompts. Tests pass scripted answers. */
  prompter?: () => Prompter;
  now?: () => Date;
}

function parsePaper(value: string): Paper {
  const v = value.toUpperCase();
  if (v === 'A4' || v === 'F4') return v;
  throw new InvalidArgumentError('pilih / choose A4 atau/or F4.');
}

const STATUS = {
  id: { created: 'dibuat', replaced: 'diganti', merged: 'ditambah', kept: 'tetap', skipped: 'dilewati' },
  en: { created: 'created', replaced: 'replaced', merged: 'merged', kept: 'kept', skipped: 'skipped' },
} as const;

export function registerInit(program: Command, io: CliIO, state: RunState, deps: InitDeps = {}): void {
  program
    .command('init')
    .summary('siapkan repositori SOP baru')
    .description(
      'Menyiapkan folder sebagai repositori SOP: sop.config.yaml, penjelasan.md, satu contoh SOP, pengaturan VS Code, dan alur kerja CI `sop lint`. ' +
        'Di terminal, pertanyaan diajukan untuk isian yang belum diberikan. Folder yang sudah berisi konfigurasi ditolak kecuali dengan --force.\n' +
        'Sets up a folder as an SOP repository; refuses a folder that already has a config unless --force.',
    )
    .argument('[dir]', 'folder repositori / repository folder (bawaan: folder kerja)')
    .option('--instansi <daftar>', 'instansi dari atas ke bawah, dipisah koma / agency lines, comma-separated, mis. "PEMERINTAH KABUPATEN X,DINAS Y"')
    .option('--singkatan <teks>', 'singkatan unit untuk nomor SOP / unit abbreviation for SOP numbers')
    .option('--pejabat-jabatan <teks>', 'jabatan pejabat yang mengesahkan / approving official position')
    .option('--pejabat-nama <teks>', 'nama pejabat / official name')
    .option('--pejabat-nip <nip>', 'NIP pejabat (18 digit)')
    .option('--pejabat-pangkat <teks>', 'pangkat dan golongan pejabat (opsional) / rank (optional)')
    .addOption(new Option('--paper <paper>', 'ukuran kertas / paper size (A4, F4)').argParser(parsePaper))
    .option('--logo <path>', 'berkas logo, relatif terhadap folder repositori / logo file, relative to the repository folder')
    .addOption(new Option('--lang <lang>', 'bahasa pertanyaan, pesan, dan label dokumen / language').choices(['id', 'en']))
    .option('-y, --yes', 'jangan bertanya; pakai nilai contoh untuk yang belum diberikan / ask nothing, use sample values')
    .option('--force', 'tulis ulang berkas buatan sop init walau konfigurasi sudah ada / rewrite init files even if a config exists')
    .action(async (dir: string | undefined, flags: InitFlags) => {
      const en = flags.lang === 'en';
      const interactive = io.stdinIsTTY && io.stdoutIsTTY && !flags.yes;
      const { init } = await import('../../api/init.js');
      let result;
      try {
        result = await init({
          cwd: io.cwd,
          dir,
          instansi: flags.instansi === undefined ? undefined : splitList(flags.instansi),
          singkatan: flags.singkatan,
          pejabat: { jabatan: flags.pejabatJabatan, nama: flags.pejabatNama, nip: flags.pejabatNip, pangkat: flags.pejabatPangkat },
          paper: flags.paper,
          logo: flags.logo,
          lang: flags.lang,
          yes: Boolean(flags.yes),
          force: Boolean(flags.force),
          now: deps.now?.(),
          prompt: interactive ? (deps.prompter ?? (() => inquirerPrompter(flags.lang)))() : undefined,
        });
      } catch (err) {
        if (!isPromptCancelled(err)) throw err;
        io.stderr(en ? 'sop init: cancelled, nothing was written\n' : 'sop init: dibatalkan, tidak ada berkas yang ditulis\n');
        state.exitCode = 130;
        return;
      }
      if (!result.done) {
        io.stdout(en ? 'Cancelled; nothing was written.\n' : 'Dibatalkan; tidak ada berkas yang ditulis.\n');
        return;
      }
      const words = STATUS[en ? 'en' : 'id'];
      io.stdout(en ? `SOP repository ready in ${result.dir}:\n` : `Repositori SOP siap di ${result.dir}:\n`);
      const width = Math.max(...Object.values(words).map((w) => w.length));
      for (const f of result.files) io.stdout(`  ${words[f.status].padEnd(width)}  ${f.file}${f.note ? `  (${f.note})` : ''}\n`);
      if (result.example) io.stdout(en ? `Example SOP: ${result.example.file} (nomor ${result.example.nomor})\n` : `Contoh SOP: ${result.example.file} (nomor ${result.example.nomor})\n`);
      if (result.samples.length > 0) {
        io.stderr(
          en
            ? `Sample values to replace in sop.config.yaml (marked "GANTI"): ${result.samples.join(', ')}\n`
            : `Nilai contoh yang harus diganti di sop.config.yaml (bertanda "GANTI"): ${result.samples.join(', ')}\n`,
        );
      }
      const cd = result.dir === '.' ? '' : `  cd ${result.dir}\n`;
      io.stdout(
        en
          ? `Next:\n${cd}  sop new "SOP title" --dir <unit-folder>\n  sop lint\n`
          : `Langkah berikutnya:\n${cd}  sop new "Judul SOP" --dir <folder-unit>\n  sop lint\n`,
      );
    });
}
