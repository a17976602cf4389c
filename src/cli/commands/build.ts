// `sop build [paths...]`: declares the flags, calls the build API once, shows progress and the outcome, decides the exit code.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { FileResult } from '../../core/types.js';
import { formatters } from '../../report/index.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../main.js';
import { VERSION } from '../version.js';
import { progressWriter } from '../progress.js';
import { decideColor } from './lint.js';

type Format = 'html' | 'pdf';

interface BuildFlags {
  out?: string;
  format: Format[];
  mermaid?: boolean;
  force?: boolean;
  final?: boolean;
  paper?: 'A4' | 'F4';
  lang?: 'id' | 'en';
  config?: string;
  quiet?: boolean;
  color?: boolean;
  bukti?: 'zi';
  includeSuperseded?: boolean;
}

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => f !== 'html' && f !== 'pdf');
  if (list.length === 0 || bad.length > 0) throw new InvalidArgumentError('pilih / choose html, pdf atau/or html,pdf.');
  return list as Format[];
}

function parsePaper(value: string): 'A4' | 'F4' {
  const v = value.toUpperCase();
  if (v === 'A4' || v === 'F4') return v;
  throw new InvalidArgumentError('pilih / choose A4 atau/or F4.');
}

function errorsOnly(results: FileResult[]): FileResult[] {
  return results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 }));
}

function seconds(ms: number, en: boolean): string {
  const s = (ms / 1000).toFixed(1);
  return en ? `${s} s` : `${s.replace('.', ',')} dtk`;
}

export function registerBuild(program: Command, io: CliIO, state: RunState): void {
  program
    .command('build')
    .summary('bangun situs HTML dan PDF SOP serta paket dokumennya')
    .description(
      'Membangun halaman HTML dan PDF setiap SOP, paket dokumen SOP (sampul, keputusan, daftar isi, penjelasan, SOP per unit) ' +
        'dan katalog Daftar SOP. Hanya yang berubah yang dibangun ulang.\n' +
        'Builds each SOP as HTML and PDF, the document pack and the catalogue; only what changed is rebuilt.',
    )
    .argument('[paths...]', 'berkas, folder atau glob / files, folders or globs (default: .)')
    .option('-o, --out <dir>', 'folder keluaran / output folder (default: config `output`, else _site)')
    .addOption(new Option('-f, --format <list>', 'html, pdf atau/or html,pdf').argParser(parseFormats).default(['html', 'pdf'], 'html,pdf'))
    .option('--mermaid', 'tulis juga .mmd dan .svg Mermaid per SOP / also write Mermaid .mmd and .svg per SOP')
    .option('--force', 'bangun walau ada error lint / build despite lint errors')
    .option('--final', 'tolak membangun bila ada SOP yang akan tercetak DRAF / refuse to build when an SOP would print as DRAF')
    .option('--include-superseded', 'muat juga SOP yang diganti atau dicabut dalam paket PDF / also put replaced and revoked SOPs in the PDF packs')
    .addOption(new Option('--bukti <jenis>', 'buat juga paket bukti dukung / also build the evidence pack (zi: Zona Integritas)').choices(['zi']))
    .addOption(new Option('--paper <paper>', 'ukuran kertas / paper size (A4, F4); default: config atau A4').argParser(parsePaper))
    .addOption(new Option('--lang <lang>', 'bahasa label dan pesan / label and message language').choices(['id', 'en']))
    .option('-c, --config <file>', 'satu berkas konfigurasi untuk semua berkas / one config file for every file (default: the nearest sop.config.yaml above each file)')
    .option('-q, --quiet', 'tanpa kemajuan / no progress output')
    .option('--color', 'paksa warna / force colour')
    .option('--no-color', 'tanpa warna / no colour')
    .addHelpText('after', '\nExit: 0 selesai (juga bila PDF dilewati karena tidak ada Chromium) / done (also when PDFs were skipped for lack of Chromium); 1 error lint, atau SOP yang gagal dibangun / lint errors, or SOPs that failed to build; 2 kesalahan pemakaian, konfigurasi atau internal / usage, config or internal failure.')
    .action(async (paths: string[], flags: BuildFlags) => {
      const { build, prelaunchBrowser } = await import('../../api/build.js');
      // Chromium starts first, while build() loads lint and the publisher (a rebuild with nothing to print starts none)
      const session = prelaunchBrowser({ cwd: io.cwd, paths, configPath: flags.config, outDir: flags.out, formats: flags.format, env: io.env });
      const progress = progressWriter(io, { quiet: Boolean(flags.quiet), label: 'sop build' });
      let result;
      try {
        result = await build({
          cwd: io.cwd,
          paths,
          configPath: flags.config,
          lang: flags.lang,
          paper: flags.paper,
          outDir: flags.out,
          formats: flags.format,
          mermaid: Boolean(flags.mermaid),
          force: Boolean(flags.force),
          final: Boolean(flags.final),
          evidence: flags.bukti,
          includeSuperseded: flags.includeSuperseded ? true : undefined,
          env: io.env,
          session,
          onProgress: (p) => progress.update(p),
        });
      } finally {
        progress.end();
      }
      const en = (flags.lang ?? result.lint.lang) === 'en';
      const color = decideColor(flags.color, io.env, io.stdoutIsTTY);
      const ctx = { cwd: io.cwd, version: VERSION, lang: result.lint.lang, rules: result.lint.rulesMeta, color };

      // a path that names nothing is a usage error, as in `sop lint`; what was found is still built
      for (const m of result.lint.missing ?? []) io.stderr(`sop build: ${m.message}\n`);
      const usage = (result.lint.missing ?? []).length > 0;
      if (!result.ok) {
        io.stderr(formatters.stylish(errorsOnly(result.blocked), ctx));
        io.stderr(
          en
            ? `sop build: ${result.blocked.length} file(s) have lint errors; nothing was built. Fix them, or build anyway with --force.\n`
            : `sop build: ${result.blocked.length} berkas memiliki error lint; tidak ada yang dibangun. Perbaiki, atau tetap bangun dengan --force.\n`,
        );
        state.exitCode = usage ? 2 : 1;
        return;
      }
      if (result.forced.length > 0) {
        io.stderr(en ? `sop build: building despite lint errors in ${result.forced.length} file(s) (--force)\n` : `sop build: tetap membangun walau ${result.forced.length} berkas memiliki error lint (--force)\n`);
      }
      for (const f of result.skipped) io.stderr(en ? `sop build: ${f} skipped: it cannot be read as an SOP\n` : `sop build: ${f} dilewati: tidak dapat dibaca sebagai SOP\n`);
      for (const n of result.notices) io.stderr(`sop build: ${n}\n`);
      for (const w of result.warnings) io.stderr(`sop build: ${w}\n`);
      // an SOP that could not be drawn or printed: its file and line, the others were built; exit 1
      for (const f of result.failed) io.stderr(`sop build: ${f.file}:${f.line}:${f.column}: error: ${f.message}\n`);
      if (result.pdfSkipped) {
        io.stderr(en ? `sop build: HTML built, PDFs skipped.\n${result.pdfSkipped}\n` : `sop build: HTML dibangun, PDF dilewati.\n${result.pdfSkipped}\n`);
      }

      if (usage) state.exitCode = 2;
      else if (result.failed.length > 0) state.exitCode = 1;
      const out = result.outDir;
      const { displayPath } = await import('../../core/paths.js');
      const shown = displayPath(out, io.cwd);
      const s = result.stats;
      const time = seconds(s.ms, en);
      if (result.lifecycle) {
        io.stdout(en ? `sop build: lifecycle forms and roll-up -> ${shown}/siklus/index.html\n` : `sop build: formulir siklus SOP dan rekap -> ${shown}/siklus/index.html\n`);
        if (result.lifecycle.evidence) io.stdout(en ? `sop build: evidence pack -> ${shown}/${result.lifecycle.evidence.dir}/index.html\n` : `sop build: paket bukti dukung -> ${shown}/${result.lifecycle.evidence.dir}/index.html\n`);
        for (const n of result.lifecycle.notes) io.stderr(`sop build: ${n}\n`);
      }
      if (result.upToDate) {
        io.stdout(en ? `sop build: nothing changed; ${shown} is up to date (${time})\n` : `sop build: tidak ada perubahan; ${shown} sudah mutakhir (${time})\n`);
        return;
      }
      const pdfs = result.sops.filter((x) => x.pdf).length;
      io.stdout(
        en
          ? `sop build: ${result.sops.length} SOPs -> ${shown} in ${time} (pages drawn ${s.htmlRendered}, reused ${s.htmlReused}; PDFs printed ${s.pdfPrinted}, reused ${s.pdfReused}; ${pdfs} PDFs)\n`
          : `sop build: ${result.sops.length} SOP -> ${shown} dalam ${time} (halaman digambar ${s.htmlRendered}, dipakai ulang ${s.htmlReused}; PDF dicetak ${s.pdfPrinted}, dipakai ulang ${s.pdfReused}; ${pdfs} PDF)\n`,
      );
      if (result.files.includes('index.html')) io.stdout(`  ${shown}/index.html\n`);
      for (const p of result.packs) {
        if (p.pdf) io.stdout(`  ${shown}/${p.pdf} (${p.pages} ${en ? 'pages' : 'halaman'})\n`);
        else if (p.html) io.stdout(`  ${shown}/${p.html}\n`);
      }
    });
}
