// `init` API (`sop init`): turns a folder into a ready SOP repository; returns what it wrote, never prints.
import path from 'node:path';
import { CONFIG_NAMES } from '../config/load.js';
import type { Lang, LoadedConfig, Paper } from '../config/config-types.js';
import { SopUsageError } from '../core/errors.js';
import { PACKAGE_VERSION } from '../core/package-info.js';
import { contain, displayPath, toPosix } from '../core/paths.js';
import { discoverFiles } from '../discovery/discover.js';
import { isPlainObject } from '../yaml/parse.js';
import { exists, nodeFs, writeAtomic, type ScaffoldFs } from '../scaffold/fs.js';
import {
  configObject, configText, GITIGNORE_TEXT, mergeMissing, packageJsonWanted, penjelasanText, VSCODE_EXTENSIONS, vscodeSettings, workflowText,
  type RepoSettings,
} from '../scaffold/init-files.js';
import type { Prompter } from '../scaffold/prompt.js';
import { askInit } from '../scaffold/questions.js';
import { schemaRef } from '../scaffold/schema-ref.js';
import { planSop } from '../scaffold/sop-file.js';
import { loadTemplate } from '../scaffold/template.js';
import { abbreviate, nipProblem, say, titleCase } from '../scaffold/text.js';
import { readSops } from '../workspace/workspace.js';

export interface InitOptions {
  cwd: string;
  /** Folder to set up, relative to cwd; default cwd. Created when missing. */
  dir?: string;
  /** Agency lines, top-down (`--instansi "PEMERINTAH KABUPATEN X,DINAS Y"`). */
  instansi?: string[];
  /** Unit abbreviation used in the numbering pattern. */
  singkatan?: string;
  pejabat?: { jabatan?: string; nama?: string; nip?: string; pangkat?: string };
  paper?: Paper;
  /** Logo image, relative to the new repository's folder; must exist. */
  logo?: string;
  /** Language of the questions and messages, and config `lang`. */
  lang?: Lang;
  /** Take sample values for whatever is missing instead of asking or failing. */
  yes?: boolean;
  /** Set up a folder that already has a config: rewrite the files init makes, nothing else. */
  force?: boolean;
  now?: Date;
  fs?: ScaffoldFs;
  /** Asks for what the options leave open. Without it (and without `yes`) missing values are an error. */
  prompt?: Prompter;
}

export type InitFileStatus = 'created' | 'replaced' | 'merged' | 'kept' | 'skipped';

export interface InitFile {
  /** POSIX path relative to cwd where possible. */
  file: string;
  absPath: string;
  status: InitFileStatus;
  /** Why a file was kept or skipped, in `lang`. */
  note?: string;
}

export interface InitResult {
  /** False when the user answered no to the final question; nothing was written then. */
  done: boolean;
  dir: string;
  files: InitFile[];
  /** The example SOP and its number. */
  example?: { file: string; nomor: string };
  /** Config keys that still hold sample values (from --yes), to replace. */
  samples: string[];
  lang: Lang;
}

/** Sample values for `--yes`: obviously not real, and still valid so the example SOP lints clean. */
const SAMPLE = {
  instansi: ['PEMERINTAH KABUPATEN CONTOH', 'DINAS CONTOH'],
  jabatan: 'Kepala Dinas Contoh',
  nama: 'NAMA PEJABAT',
  nip: '19700101 199003 1 001',
};

const EXAMPLE_TITLE = 'Contoh Pelayanan Permohonan';
const EXAMPLE_DIR = 'contoh';

interface PlannedFile {
  rel: string;
  content: string;
  /**
   * owned: init's own file (kept unless --force); json: merged into an existing file; once: written
   * only if absent; content: the user's text once written (penjelasan, the example SOP): never
   * replaced, not even with --force.
   */
  kind: 'owned' | 'json' | 'once' | 'content';
  json?: Record<string, unknown>;
}

export async function init(opts: InitOptions): Promise<InitResult> {
  const fs = opts.fs ?? nodeFs;
  const lang: Lang = opts.lang ?? 'id';
  const cwd = path.resolve(opts.cwd);
  const dir = path.resolve(cwd, opts.dir ?? '.');
  const shownDir = dir === cwd ? '.' : displayPath(dir, cwd);
  const now = opts.now ?? new Date();

  if ((await exists(fs, dir)) && !(await fs.stat(dir)).isDirectory()) {
    throw new SopUsageError(say(lang, `${shownDir} bukan folder`, `${shownDir} is not a folder`));
  }
  // refuse before asking anything: answering questions for nothing is the worst start
  let configName: string = CONFIG_NAMES[0];
  for (const name of CONFIG_NAMES) {
    if (await exists(fs, path.join(dir, name))) {
      if (!opts.force) {
        const shown = displayPath(path.join(dir, name), cwd);
        throw new SopUsageError(
          say(
            lang,
            `${shown} sudah ada: folder ini sudah menjadi repositori SOP. Pakai --force untuk menulis ulang berkas buatan sop init (berkas lain tidak disentuh)`,
            `${shown} already exists: this folder is already an SOP repository. Use --force to rewrite the files sop init makes (nothing else is touched)`,
          ),
        );
      }
      configName = name;
      break;
    }
  }

  const settings = await gatherSettings(opts, lang, shownDir, now);
  if (!settings) return { done: false, dir: shownDir, files: [], samples: [], lang };
  if (settings.logo) {
    try {
      if (!(await fs.stat(path.resolve(dir, settings.logo))).isFile()) throw new Error('not a file');
    } catch {
      throw new SopUsageError(say(lang, `berkas logo tidak ditemukan: ${settings.logo} (path relatif terhadap ${shownDir})`, `logo file not found: ${settings.logo} (path relative to ${shownDir})`));
    }
  }

  // the example SOP is made by the same code as `sop new`, against the config about to be written
  const config: LoadedConfig = { file: path.join(dir, configName), dir, config: configObject(settings) };
  const exampleDir = path.join(dir, EXAMPLE_DIR);
  const template = await loadTemplate('administratif', { fs, root: dir, cwd, lang });
  const exampleTarget = path.join(exampleDir, 'contoh-pelayanan-permohonan.md');
  const used = await usedNumbers(dir, config, exampleTarget);
  const example = await planSop({
    fs, cwd, root: dir, config, title: EXAMPLE_TITLE, template, dir: exampleDir, pelaksana: [],
    existingNomor: used.others, replacedNomor: used.replaced, now, lang,
  });

  const configRef = await schemaRef(fs, dir, dir, 'config.schema.json');
  const planned: PlannedFile[] = [
    { rel: configName, content: configText(settings, configRef), kind: 'owned' },
    { rel: 'penjelasan.md', content: penjelasanText(settings), kind: 'content' },
    { rel: toPosix(path.relative(dir, example.absPath)), content: example.content, kind: 'content' },
    { rel: '.github/workflows/sop-lint.yml', content: workflowText(lang), kind: 'owned' },
    { rel: '.vscode/settings.json', content: '', kind: 'json', json: vscodeSettings(configRef) },
    { rel: '.vscode/extensions.json', content: '', kind: 'json', json: VSCODE_EXTENSIONS },
    { rel: '.gitignore', content: GITIGNORE_TEXT, kind: 'once' },
  ];
  // sop pinned in package.json: the workflow installs exactly it, and the $schema paths above resolve
  const pkgJson = packageJsonWanted(await readJsonObject(fs, path.join(dir, 'package.json')), npmName(path.basename(dir)), PACKAGE_VERSION);
  if (pkgJson) planned.push({ rel: 'package.json', content: '', kind: 'json', json: pkgJson });

  const files: InitFile[] = [];
  for (const p of planned) {
    const abs = path.join(dir, ...p.rel.split('/'));
    // the containment rule: a symlinked `.github` or `contoh` must not carry a write out of the folder
    if (!contain(dir, abs).inside) {
      files.push({
        file: displayPath(abs, cwd), absPath: abs, status: 'skipped',
        note: say(lang, 'lewat tautan simbolik ke luar folder ini; tidak ditulis', 'reached through a symlink out of this folder; not written'),
      });
      continue;
    }
    await fs.mkdir(path.dirname(abs), { recursive: true });
    files.push({ file: displayPath(abs, cwd), absPath: abs, ...(await writePlanned(fs, abs, p, Boolean(opts.force), lang)) });
  }
  return {
    done: true,
    dir: shownDir,
    files,
    example: { file: displayPath(example.absPath, cwd), nomor: example.nomor },
    samples: [...settings.samples],
    lang,
  };
}

async function writePlanned(fs: ScaffoldFs, abs: string, p: PlannedFile, force: boolean, lang: Lang): Promise<{ status: InitFileStatus; note?: string }> {
  const present = await exists(fs, abs);
  if (p.kind === 'json') {
    const wanted = p.json ?? {};
    if (!present) {
      await writeAtomic(fs, abs, `${JSON.stringify(wanted, null, 2)}\n`, { overwrite: false });
      return { status: 'created' };
    }
    let current: unknown;
    try {
      current = JSON.parse(await fs.readFile(abs, 'utf8'));
    } catch {
      // JSON with comments is common in VS Code settings; rewriting it would drop them
      return {
        status: 'skipped',
        note: say(lang, `tidak diubah (bukan JSON murni); tambahkan sendiri: ${JSON.stringify(wanted)}`, `left alone (not plain JSON); add yourself: ${JSON.stringify(wanted)}`),
      };
    }
    if (!isPlainObject(current)) return { status: 'skipped', note: say(lang, 'tidak diubah (isinya bukan objek JSON)', 'left alone (not a JSON object)') };
    const merged = mergeMissing(current, wanted);
    if (!merged) return { status: 'kept', note: say(lang, 'sudah berisi pengaturan yang diperlukan', 'already has the needed settings') };
    await writeAtomic(fs, abs, `${JSON.stringify(merged, null, 2)}\n`, { overwrite: true });
    return { status: 'merged' };
  }
  if (present && p.kind === 'content') {
    return { status: 'kept', note: say(lang, 'isi milik pengguna, tidak ditimpa (juga dengan --force)', "the user's own content, never replaced (also with --force)") };
  }
  if (present && (p.kind === 'once' || !force)) {
    return { status: 'kept', note: say(lang, 'sudah ada, tidak diubah', 'exists, left as it is') };
  }
  if (present && (await fs.lstat(abs)).isDirectory()) {
    return { status: 'skipped', note: say(lang, 'ada folder dengan nama ini', 'a folder has this name') };
  }
  return { status: await writeAtomic(fs, abs, p.content, { overwrite: force }) };
}

/** Numbers used by SOPs already in the folder (init may run in a folder that has some). */
async function usedNumbers(dir: string, config: LoadedConfig, skip: string): Promise<{ others: string[]; replaced?: string }> {
  const discovery = await discoverFiles({ cwd: dir, paths: [], config });
  const out: string[] = [];
  let replaced: string | undefined;
  for await (const doc of readSops({ cwd: dir, config, files: discovery.files, missing: discovery.missing })) {
    const nomor = isPlainObject(doc.raw) && typeof doc.raw.nomor === 'string' ? doc.raw.nomor : undefined;
    if (path.resolve(doc.absPath) === skip) replaced = nomor;
    else if (nomor !== undefined) out.push(nomor);
  }
  return { others: out, replaced };
}

/** Flags first, then questions (when a prompter is given), then samples (--yes); undefined when the user declines. */
async function gatherSettings(opts: InitOptions, lang: Lang, shownDir: string, now: Date): Promise<RepoSettings | undefined> {
  const samples = new Set<string>();
  const instansi = opts.instansi?.map((s) => s.trim()).filter(Boolean);
  let known = {
    instansi: instansi && instansi.length > 0 ? instansi : undefined,
    singkatan: opts.singkatan?.trim() || undefined,
    pejabatJabatan: opts.pejabat?.jabatan?.trim() || undefined,
    pejabatNama: opts.pejabat?.nama?.trim() || undefined,
    pejabatNip: opts.pejabat?.nip?.trim() || undefined,
    paper: opts.paper,
  };
  if (known.pejabatNip) {
    const problem = nipProblem(known.pejabatNip, lang);
    if (problem) throw new SopUsageError(`--pejabat-nip "${known.pejabatNip}": ${problem}`);
  }
  if (known.singkatan && !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(known.singkatan)) {
    throw new SopUsageError(say(lang, `--singkatan "${known.singkatan}": hanya huruf, angka, titik, dan tanda hubung`, `--singkatan "${known.singkatan}": letters, digits, dots and hyphens only`));
  }
  if (opts.prompt && !opts.yes) {
    const answers = await askInit(opts.prompt, known, { lang, dir: shownDir });
    if (!answers) return undefined;
    known = answers;
  } else if (!opts.yes) {
    const missing = [
      !known.instansi && '--instansi',
      !known.pejabatJabatan && '--pejabat-jabatan',
      !known.pejabatNama && '--pejabat-nama',
      !known.pejabatNip && '--pejabat-nip',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new SopUsageError(
        say(
          lang,
          `tanpa terminal interaktif, berikan ${missing.join(', ')} (atau --yes untuk memakai nilai contoh yang diganti kemudian)`,
          `without an interactive terminal, give ${missing.join(', ')} (or --yes to use sample values you replace later)`,
        ),
      );
    }
  }
  const take = <T>(value: T | undefined, sample: T, key: string): T => {
    if (value !== undefined) return value;
    samples.add(key);
    return sample;
  };
  const lines = take(known.instansi, SAMPLE.instansi, 'instansi');
  const last = lines[lines.length - 1];
  const singkatan = (known.singkatan ?? abbreviate(last)).toUpperCase();
  if (!known.singkatan && samples.has('instansi')) samples.add('singkatan');
  return {
    instansi: lines,
    singkatan,
    pejabat: {
      jabatan: take(known.pejabatJabatan, known.instansi ? `Kepala ${titleCase(last)}` : SAMPLE.jabatan, 'pejabat.jabatan'),
      nama: take(known.pejabatNama, SAMPLE.nama, 'pejabat.nama'),
      nip: take(known.pejabatNip, SAMPLE.nip, 'pejabat.nip'),
      ...(opts.pejabat?.pangkat?.trim() ? { pangkat: opts.pejabat.pangkat.trim() } : {}),
    },
    paper: known.paper ?? 'A4',
    lang,
    logo: opts.logo ? toPosix(opts.logo) : undefined,
    year: now.getFullYear(),
    samples,
  };
}

/** package.json as an object, or undefined when it is missing or not a JSON object (then it is left alone). */
async function readJsonObject(fs: ScaffoldFs, abs: string): Promise<Record<string, unknown> | undefined> {
  try {
    const v = JSON.parse(await fs.readFile(abs, 'utf8'));
    return isPlainObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A folder name as an npm package name: lower case, URL-safe characters only. */
function npmName(folder: string): string {
  return folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '') || 'sop-repositori';
}
