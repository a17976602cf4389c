// `scaffold` API (`sop new`): a new SOP file from a template, numbered and dated; returns what it did, never prints.
import { refuseControlChars } from '../scaffold/flag-check.js';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Lang, LoadedConfig } from '../config/config-types.js';
import { SopUsageError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { isPlainObject } from '../yaml/parse.js';
import { nodeFs, exists, FileExistsError, writeAtomic, type ScaffoldFs } from '../scaffold/fs.js';
import { resolveInside } from '../scaffold/paths.js';
import type { Prompter } from '../scaffold/prompt.js';
import { askNew } from '../scaffold/questions.js';
import { actorListProblem } from '../scaffold/pelaksana.js';
import { planSop, titleSlug } from '../scaffold/sop-file.js';
import { DEFAULT_TEMPLATE, listTemplates, loadTemplate, summarizeTemplate, type TemplateContext } from '../scaffold/template.js';
import { say } from '../scaffold/text.js';
import { openWorkspace, readSops } from '../workspace/workspace.js';

export interface ScaffoldOptions {
  cwd: string;
  /** The SOP title (`nama`), kept as typed. Asked when missing and `prompt` is given. */
  title?: string;
  /** Template name or a path inside the repository; default `administratif`. */
  template?: string;
  /** Folder for the file, relative to the repository root (the config's folder); default the root. */
  dir?: string;
  /** Column titles (`--pelaksana`); empty or missing keeps the template's actors. */
  pelaksana?: string[];
  /** Replace a file that already exists (atomically). */
  force?: boolean;
  /** Build the text but write nothing. */
  dryRun?: boolean;
  /**
   * SOPs planned earlier in the same run but not on disk (a dry run over several inventory rows):
   * their numbers count as used and their files as existing, so each plan gets its own.
   */
  planned?: { nomor: string[]; files: string[] };
  /** `--config`. */
  configPath?: string;
  /** Messages language; default config `lang`, else id. */
  lang?: Lang;
  /** Today; default the clock. */
  now?: Date;
  fs?: ScaffoldFs;
  /** Asks for values the options leave open (title, folder, template, actors). */
  prompt?: Prompter;
}

export interface ScaffoldResult {
  /** Path of the SOP file (POSIX, relative to cwd where possible). */
  file: string;
  absPath: string;
  nomor: string;
  /** The numbering pattern used; `fromConfig` false means the fallback `{seq:3}/SOP/{year}`. */
  numbering: { pattern: string; fromConfig: boolean };
  template: { name: string; source: 'builtin' | 'repository' };
  jenis: string;
  pelaksana: Array<[string, string]>;
  content: string;
  /** False on a dry run. */
  written: boolean;
  /** True when --force replaced an existing file. */
  replaced: boolean;
  /** Things the author still has to fill in or check, in `lang`. */
  notes: string[];
  lang: Lang;
}

/** Numbers already used in the repository, except the file about to be replaced. */
async function usedNumbers(root: string, config: LoadedConfig, skip: string): Promise<{ others: string[]; replaced?: string }> {
  const ws = await openWorkspace({ cwd: root, configPath: config.file });
  const out: string[] = [];
  let replaced: string | undefined;
  for await (const doc of readSops(ws)) {
    const nomor = isPlainObject(doc.raw) && typeof doc.raw.nomor === 'string' ? doc.raw.nomor : undefined;
    if (path.resolve(doc.absPath) === skip) replaced = nomor;
    else if (nomor !== undefined) out.push(nomor);
  }
  return { others: out, replaced };
}

/** Creates one SOP file. Throws SopUsageError (exit 2) for a bad title, folder or template, or an existing file. */
/** A check that throws as a prompt answer check: true, or the message. */
function messageOf(check: () => void): true | string {
  try {
    check();
    return true;
  } catch (err) {
    return (err as Error).message;
  }
}

export async function scaffold(opts: ScaffoldOptions): Promise<ScaffoldResult> {
  const fs = opts.fs ?? nodeFs;
  const cwd = path.resolve(opts.cwd);
  const config = loadConfig({ cwd, configPath: opts.configPath, lang: opts.lang });
  const lang: Lang = opts.lang ?? config.config.lang ?? 'id';
  const root = config.file ? config.dir : cwd;
  const now = opts.now ?? new Date();

  let userDir: string | undefined;
  if (config.config.templates) {
    userDir = await resolveInside(fs, root, path.resolve(config.dir, config.config.templates), { id: 'folder templat (templates)', en: 'templates folder (templates)' }, lang);
  }
  const tctx: TemplateContext = { fs, root, userDir, cwd, lang };

  let { title, dir, template, pelaksana } = opts;
  refuseControlChars('judul', title, lang);
  refuseControlChars('--dir', dir, lang);
  refuseControlChars('--template', template, lang);
  for (const p of pelaksana ?? []) refuseControlChars('--pelaksana', p, lang);
  if (opts.prompt && (title === undefined || dir === undefined || template === undefined || pelaksana === undefined)) {
    const templates = await listTemplates(tctx);
    const described = await Promise.all(
      templates.map(async (t) => {
        const s = summarizeTemplate(await fs.readFile(t.absPath, 'utf8'));
        const origin = t.source === 'builtin' ? say(lang, 'bawaan', 'built-in') : say(lang, 'repositori', 'repository');
        const what = s ? say(lang, `${s.jenis}, ${s.pelaksana.length} pelaksana, ${s.rows} kegiatan`, `${s.jenis}, ${s.pelaksana.length} actor(s), ${s.rows} rows`) : '';
        return { name: t.name, description: [what, origin].filter(Boolean).join(' · ') };
      }),
    );
    const answers = await askNew(
      opts.prompt,
      { title, dir, template, pelaksana },
      {
        lang,
        templates: described,
        checkTitle: (t) => messageOf(() => {
          refuseControlChars(say(lang, 'judul', 'title'), t, lang);
          titleSlug(t, lang);
        }),
        checkTarget: async (d, t) => {
          try {
            const abs = path.join(await targetDir(fs, root, d, lang), `${titleSlug(t, lang)}.md`);
            if (!opts.force && (await exists(fs, abs))) return existsError(displayPath(abs, cwd), lang).message;
            return true;
          } catch (err) {
            return (err as Error).message;
          }
        },
        checkPelaksana: (given, info) => {
          const control = messageOf(() => given.forEach((p) => refuseControlChars(say(lang, 'pelaksana', 'actor'), p, lang)));
          if (control !== true) return control;
          return actorListProblem(given, info?.jenis ?? 'administratif', info?.rows, lang);
        },
        templateInfo: async (name) => {
          try {
            return summarizeTemplate((await loadTemplate(name, tctx)).text);
          } catch {
            return undefined;
          }
        },
      },
    );
    ({ title, dir, template, pelaksana } = answers);
  }
  if (title === undefined) {
    throw new SopUsageError(say(lang, 'judul SOP belum diberikan: sop new "<judul>"', 'no SOP title given: sop new "<title>"'));
  }
  titleSlug(title, lang);

  const dirAbs = await targetDir(fs, root, dir ?? '.', lang);
  const loaded = await loadTemplate(template ?? DEFAULT_TEMPLATE, tctx);
  const target = path.join(dirAbs, `${titleSlug(title, lang)}.md`);
  const shown = displayPath(target, cwd);
  const existed = (await exists(fs, target)) || (opts.planned?.files.includes(target) ?? false);
  if (existed && !opts.force) throw existsError(shown, lang);
  if (existed && (await fs.lstat(target)).isDirectory()) {
    throw new SopUsageError(say(lang, `${shown} adalah folder; pilih judul lain`, `${shown} is a folder; choose another title`));
  }

  const used = await usedNumbers(root, config, target);
  const plan = await planSop({
    fs, cwd, root, config, title, template: loaded, dir: dirAbs,
    pelaksana: pelaksana ?? [],
    existingNomor: [...used.others, ...(opts.planned?.nomor ?? [])],
    replacedNomor: used.replaced,
    now, lang,
  });

  let written = false;
  let replaced = false;
  if (!opts.dryRun) {
    await fs.mkdir(dirAbs, { recursive: true });
    try {
      replaced = (await writeAtomic(fs, plan.absPath, plan.content, { overwrite: Boolean(opts.force) })) === 'replaced';
    } catch (err) {
      if (err instanceof FileExistsError) throw existsError(shown, lang);
      throw err;
    }
    written = true;
  }
  return {
    file: shown, absPath: plan.absPath, nomor: plan.nomor, numbering: plan.numbering,
    template: { name: loaded.name, source: loaded.source }, jenis: plan.jenis, pelaksana: plan.pelaksana,
    content: plan.content, written, replaced, notes: plan.notes, lang,
  };
}

/** The folder a new SOP goes to: inside the repository, and not an existing file. */
async function targetDir(fs: ScaffoldFs, root: string, dir: string, lang: Lang): Promise<string> {
  const abs = await resolveInside(fs, root, dir, { id: 'folder', en: 'folder' }, lang);
  if ((await exists(fs, abs)) && !(await fs.stat(abs)).isDirectory()) {
    throw new SopUsageError(say(lang, `"${dir}" adalah berkas, bukan folder`, `"${dir}" is a file, not a folder`));
  }
  return abs;
}

function existsError(shown: string, lang: Lang): SopUsageError {
  return new SopUsageError(
    say(
      lang,
      `berkas sudah ada: ${shown}. Pakai judul lain, atau --force untuk menggantinya`,
      `file already exists: ${shown}. Use another title, or --force to replace it`,
    ),
  );
}
