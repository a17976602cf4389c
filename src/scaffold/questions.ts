// The questions `sop new` and `sop init` ask on a terminal, for whatever the flags left open.
import type { Paper } from '../config/config-types.js';
import type { Prompter } from './prompt.js';
import { abbreviate, nipProblem, say, splitList, titleCase, type Lang } from './text.js';

// ---------------------------------------------------------------------------
// sop new
// ---------------------------------------------------------------------------

export interface NewAnswers {
  title?: string;
  dir?: string;
  template?: string;
  pelaksana?: string[];
}

export interface NewQuestionContext {
  lang: Lang;
  /** Templates to choose from, default first. */
  templates: Array<{ name: string; description: string }>;
  /** Checks a title answer (one line, gives a file name); returns a message when it does not. */
  checkTitle: (title: string) => true | string;
  /** Checks the folder answer for this title: inside the repository, and no SOP of that name there yet (unless --force). */
  checkTarget: (dir: string, title: string) => Promise<true | string>;
  /** Checks an actor list for the chosen template; returns a message when it is wrong. */
  checkPelaksana: (given: string[], info: { jenis: string; rows: number } | undefined) => string | undefined;
  /** The actors and kind of a template, to hint and to check the answer. */
  templateInfo: (name: string) => Promise<{ jenis: string; pelaksana: string[]; rows: number } | undefined>;
}

/** Asks for each value `known` lacks and returns them all. */
export async function askNew(prompt: Prompter, known: NewAnswers, ctx: NewQuestionContext): Promise<Required<NewAnswers>> {
  const { lang } = ctx;
  const title =
    known.title ??
    (await prompt.input({
      name: 'judul',
      message: say(lang, 'Judul SOP (mis. Pelayanan Permohonan Cuti Tahunan):', 'SOP title (e.g. Annual Leave Request Service):'),
      validate: (v) => ctx.checkTitle(v.trim()),
    })).trim();
  const dir =
    known.dir ??
    ((await prompt.input({
      name: 'folder',
      message: say(lang, 'Folder unit, relatif terhadap akar repositori (mis. sekretariat/umum; "." untuk akar):', 'Unit folder, relative to the repository root (e.g. secretariat; "." for the root):'),
      default: '.',
      validate: (v) => ctx.checkTarget(v.trim() || '.', title),
    })).trim() || '.');
  const template =
    known.template ??
    (ctx.templates.length === 1
      ? ctx.templates[0].name
      : await prompt.select({
          name: 'templat',
          message: say(lang, 'Jenis SOP / templat:', 'SOP kind / template:'),
          choices: ctx.templates.map((t) => ({ value: t.name, name: t.name, description: t.description })),
          default: ctx.templates[0]?.name,
        }));
  let pelaksana = known.pelaksana;
  if (!pelaksana) {
    const info = await ctx.templateInfo(template);
    const single = info?.jenis === 'teknis';
    const answer = await prompt.input({
      name: 'pelaksana',
      message: single
        ? say(lang, `Pelaksana (satu jabatan; kosongkan untuk "${info?.pelaksana[0] ?? ''}"):`, `Actor (one position; leave empty for "${info?.pelaksana[0] ?? ''}"):`)
        : say(
            lang,
            `Pelaksana, dipisah koma, urut dari kiri ke kanan (kosongkan untuk: ${info?.pelaksana.join(', ') ?? '-'}):`,
            `Actors, comma-separated, left to right (leave empty for: ${info?.pelaksana.join(', ') ?? '-'}):`,
          ),
      default: '',
      // checked as typed (a title given twice, too many): refused at once and asked again, the other answers kept
      validate: (v) => ctx.checkPelaksana(splitList(v), info) ?? true,
    });
    pelaksana = splitList(answer);
  }
  return { title, dir, template, pelaksana };
}

// ---------------------------------------------------------------------------
// sop init
// ---------------------------------------------------------------------------

export interface InitAnswers {
  instansi?: string[];
  singkatan?: string;
  pejabatJabatan?: string;
  pejabatNama?: string;
  pejabatNip?: string;
  paper?: Paper;
}

/** Asks for each value `known` lacks, then whether to go ahead; undefined when the user says no. */
export async function askInit(prompt: Prompter, known: InitAnswers, ctx: { lang: Lang; dir: string }): Promise<Required<InitAnswers> | undefined> {
  const { lang } = ctx;
  const required = (v: string) => (v.trim() ? true : say(lang, 'wajib diisi', 'required'));
  let instansi = known.instansi;
  if (!instansi) {
    const top = await prompt.input({
      name: 'instansi',
      message: say(lang, 'Nama instansi (mis. PEMERINTAH KABUPATEN SUKAMAJU):', 'Agency (e.g. PEMERINTAH KABUPATEN SUKAMAJU):'),
      validate: required,
    });
    const unit = await prompt.input({
      name: 'unit',
      message: say(lang, 'Unit kerja (mis. DINAS KOMUNIKASI DAN INFORMATIKA; kosongkan bila tidak ada):', 'Work unit (e.g. DINAS KOMUNIKASI DAN INFORMATIKA; empty if none):'),
      default: '',
    });
    instansi = [top.trim(), unit.trim()].filter(Boolean);
  }
  const last = instansi[instansi.length - 1] ?? '';
  const singkatan =
    known.singkatan ??
    (await prompt.input({
      name: 'singkatan',
      message: say(lang, 'Singkatan unit untuk nomor SOP (mis. BKD):', 'Unit abbreviation for SOP numbers (e.g. BKD):'),
      default: abbreviate(last),
      validate: (v) => (/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(v.trim()) ? true : say(lang, 'hanya huruf, angka, titik, dan tanda hubung', 'letters, digits, dots and hyphens only')),
    })).trim().toUpperCase();
  const pejabatJabatan =
    known.pejabatJabatan ??
    (await prompt.input({
      name: 'pejabat_jabatan',
      message: say(lang, 'Jabatan pejabat yang mengesahkan SOP:', 'Position of the approving official:'),
      default: last ? `Kepala ${titleCase(last)}` : undefined,
      validate: required,
    })).trim();
  const pejabatNama =
    known.pejabatNama ??
    (await prompt.input({
      name: 'pejabat_nama',
      message: say(lang, 'Nama lengkap pejabat beserta gelar:', 'Full name of the official, with degrees:'),
      validate: required,
    })).trim();
  const pejabatNip =
    known.pejabatNip ??
    (await prompt.input({
      name: 'pejabat_nip',
      message: say(lang, 'NIP pejabat (18 digit):', 'NIP of the official (18 digits):'),
      validate: (v) => nipProblem(v.trim(), lang) ?? true,
    })).trim();
  const paper =
    known.paper ??
    (await prompt.select<Paper>({
      name: 'kertas',
      message: say(lang, 'Ukuran kertas:', 'Paper size:'),
      choices: [
        { value: 'A4', name: 'A4 (210 x 297 mm)' },
        { value: 'F4', name: 'F4 / folio (215 x 330 mm)' },
      ],
      default: 'A4',
    }));
  const go = await prompt.confirm({
    name: 'lanjut',
    message: say(lang, `Buat repositori SOP di ${ctx.dir}?`, `Create the SOP repository in ${ctx.dir}?`),
    default: true,
  });
  if (!go) return undefined;
  return { instansi, singkatan, pejabatJabatan, pejabatNama, pejabatNip, paper };
}
