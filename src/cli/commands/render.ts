// `sop render <file>`: flags to renderSop() options, results to stdout/stderr and an exit code.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SopUsageError } from '../../core/errors.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';

interface RenderFlags {
  format: 'svg' | 'mermaid' | 'png';
  out?: string;
  paper?: 'A4' | 'F4';
  lang?: 'id' | 'en';
  force?: boolean;
}

/** How many problems to show before pointing at `sop lint`. */
const MAX_PROBLEMS = 5;

function parsePaper(value: string): 'A4' | 'F4' {
  const v = value.toUpperCase();
  if (v === 'A4' || v === 'F4') return v;
  throw new InvalidArgumentError('pilih / choose A4 atau/or F4.');
}

export function registerRender(program: Command, io: CliIO, state: RunState): void {
  program
    .command('render')
    .summary('gambar tabel alir satu SOP (SVG/PNG) atau sumber Mermaid-nya')
    .description(
      'Menggambar tabel alir satu SOP sebagai halaman SVG atau PNG (<slug>-1.svg, <slug>-2.svg, ...), ' +
        'atau menulis sumber Mermaid-nya (<slug>.mmd).\n' +
        "Renders one SOP's flow table as SVG or PNG pages, or writes its Mermaid source.",
    )
    .argument('<file>', 'berkas SOP / SOP file (.md)')
    .addOption(new Option('-f, --format <format>', 'keluaran / output format').choices(['svg', 'mermaid', 'png']).default('svg'))
    .option('-o, --out <dir>', 'folder keluaran / output folder (tanpa ini: ke stdout / without it: stdout)')
    .addOption(new Option('--paper <paper>', 'ukuran kertas / paper size (A4, F4); default: config atau A4').argParser(parsePaper))
    .addOption(new Option('--lang <lang>', 'bahasa label / label language').choices(['id', 'en']))
    .option('--force', 'timpa berkas yang sudah ada / overwrite existing files')
    .action(async (file: string, flags: RenderFlags) => {
      const en = flags.lang === 'en';
      // PNG is binary and usually several pages: never to the terminal.
      if (flags.format === 'png' && flags.out === undefined) {
        throw new SopUsageError(en ? '--format png needs --out <dir>' : '--format png memerlukan --out <folder>');
      }
      const { renderSop } = await import('../../api/render.js');
      const result = await renderSop({
        cwd: io.cwd,
        env: io.env,
        file,
        format: flags.format,
        outDir: flags.out,
        paper: flags.paper,
        lang: flags.lang,
        force: Boolean(flags.force),
      });

      if (!result.ok) {
        io.stderr(
          en
            ? `sop render: ${result.file} has problems, nothing was drawn:\n`
            : `sop render: ${result.file} bermasalah, tidak ada yang digambar:\n`,
        );
        for (const p of result.problems.slice(0, MAX_PROBLEMS)) {
          const l = p.location;
          io.stderr(`  ${l.file}:${l.line}:${l.column}  ${en ? p.messageEn : p.message}  [${p.ruleId}]\n`);
        }
        const more = result.problems.length - MAX_PROBLEMS;
        if (more > 0) io.stderr(en ? `  ... and ${more} more\n` : `  ... dan ${more} lagi\n`);
        io.stderr(en ? `Run \`sop lint ${result.file}\` for the full list.\n` : `Jalankan \`sop lint ${result.file}\` untuk daftar lengkap.\n`);
        state.exitCode = 1;
        return;
      }

      if (flags.out !== undefined) {
        for (const w of result.written) io.stdout(`${w.file}\n`);
        return;
      }
      if (result.outputs.length !== 1) {
        throw new SopUsageError(
          en
            ? `the flow table of ${result.file} has ${result.outputs.length} pages; write them to a folder with --out <dir>`
            : `tabel alir ${result.file} terdiri atas ${result.outputs.length} halaman; tulis ke folder dengan --out <folder>`,
        );
      }
      const data = result.outputs[0].data;
      io.stdout(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    });
}
