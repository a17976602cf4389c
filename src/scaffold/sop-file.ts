// Builds the text of a new SOP file from a template: number, title, dates, schema line, identity stubs, actors.
import path from 'node:path';
import { parse } from 'yaml';
import type { LoadedConfig } from '../config/config-types.js';
import { SopUsageError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { splitFrontmatter } from '../yaml/frontmatter.js';
import type { ScaffoldFs } from './fs.js';
import { FALLBACK_NUMBERING, fitsPattern, nextNomor } from './numbering.js';
import { actorListProblem, swapActors } from './pelaksana.js';
import { schemaRef } from './schema-ref.js';
import { fillTemplate, type LoadedTemplate } from './template.js';
import { isoDate, say, slugify, yamlQuoted, yamlString, type Lang } from './text.js';

export interface SopPlanInput {
  fs: ScaffoldFs;
  cwd: string;
  /** Repository root (the config's folder, or the working directory without a config). */
  root: string;
  config: LoadedConfig;
  title: string;
  template: LoadedTemplate;
  /** Absolute folder the file goes to (already checked to be inside the repository). */
  dir: string;
  /** Column titles from --pelaksana; empty keeps the template's. */
  pelaksana: string[];
  /** `nomor` of the SOPs already in the repository (not counting the file being replaced). */
  existingNomor: string[];
  /** `nomor` of the file being replaced (--force): kept when it fits the pattern and is not taken. */
  replacedNomor?: string;
  now: Date;
  lang: Lang;
}

export interface SopPlan {
  absPath: string;
  slug: string;
  content: string;
  nomor: string;
  /** The numbering pattern used; `fromConfig` false means the fallback pattern. */
  numbering: { pattern: string; fromConfig: boolean };
  jenis: string;
  /** id -> title of the columns written. */
  pelaksana: Array<[string, string]>;
  /** What the author still has to fill in or check. */
  notes: string[];
}

/** Checks a title and returns its file-name slug; throws SopUsageError when it cannot be one. */
export function titleSlug(title: string, lang: Lang): string {
  if (!title.trim()) throw new SopUsageError(say(lang, 'judul SOP tidak boleh kosong', 'the SOP title cannot be empty'));
  if (/[\r\n]/.test(title)) throw new SopUsageError(say(lang, 'judul SOP harus satu baris', 'the SOP title must be a single line'));
  const slug = slugify(title);
  if (!slug) {
    throw new SopUsageError(say(lang, `judul "${title}" tidak menghasilkan nama berkas; pakai huruf atau angka`, `the title "${title}" gives no file name; use letters or digits`));
  }
  return slug;
}

/** The stubs `{{identitas}}` expands to for identity keys the config `defaults` do not supply. */
function identityStubs(config: LoadedConfig): { yaml: string; missing: string[] } {
  const d = config.config.defaults ?? {};
  const lines: string[] = [];
  const missing: string[] = [];
  if (d.instansi === undefined) {
    missing.push('instansi');
    lines.push('# ISI: nama instansi dari atas ke bawah (atau isi `defaults.instansi` di sop.config.yaml)', 'instansi:', '  - ISI NAMA INSTANSI', '  - ISI NAMA UNIT KERJA');
  }
  if (d.disahkan_oleh === undefined) {
    missing.push('disahkan_oleh');
    lines.push(
      '# ISI: pejabat yang mengesahkan (atau isi `defaults.disahkan_oleh` di sop.config.yaml)',
      'disahkan_oleh:',
      '  jabatan: ISI JABATAN PEJABAT',
      '  nama: ISI NAMA PEJABAT',
      '  nip: "ISI NIP 18 DIGIT"',
    );
  }
  return { yaml: lines.join('\n'), missing };
}

/** Fills the template and returns the new file's text and facts; writes nothing. */
export async function planSop(input: SopPlanInput): Promise<SopPlan> {
  const { lang, config, template } = input;
  const title = input.title.trim();
  const slug = titleSlug(title, lang);
  const absPath = path.join(input.dir, `${slug}.md`);
  const notes: string[] = [];

  const fromConfig = typeof config.config.numbering === 'string' && config.config.numbering.length > 0;
  const pattern = fromConfig ? (config.config.numbering as string) : FALLBACK_NUMBERING;
  // a replaced SOP keeps its number (numbers once issued stay with their procedure), as long as it
  // fits the pattern for this year: the year in a nomor is the year the SOP was made
  const keep = input.replacedNomor?.trim();
  const nomor =
    keep && fitsPattern(pattern, keep, input.now) && !input.existingNomor.some((n) => n.trim() === keep)
      ? keep
      : nextNomor(pattern, input.existingNomor, input.now).nomor;
  if (!fromConfig) {
    notes.push(
      say(
        lang,
        `nomor ${nomor} bersifat sementara: sesuaikan dengan tata naskah dinas, atau tulis pola \`numbering\` di sop.config.yaml`,
        `number ${nomor} is provisional: adapt it to the agency's numbering rules, or set \`numbering\` in sop.config.yaml`,
      ),
    );
  } else if (!/\{seq(?::[1-9])?\}/.test(pattern)) {
    notes.push(say(lang, `pola numbering "${pattern}" tidak memuat {seq}; nomor ini bisa kembar dengan SOP lain`, `numbering "${pattern}" has no {seq}; this number may repeat another SOP's`));
  }

  const today = isoDate(input.now);
  const schema = await schemaRef(input.fs, input.dir, input.root, 'sop.schema.json');
  const stubs = identityStubs(config);
  if (stubs.missing.length > 0) {
    notes.push(
      say(
        lang,
        `lengkapi ${stubs.missing.join(' dan ')} di berkas ini (isian "ISI ..."), atau jalankan \`sop init\` agar nilainya diambil dari sop.config.yaml`,
        `fill in ${stubs.missing.join(' and ')} in this file (the "ISI ..." values), or run \`sop init\` so they come from sop.config.yaml`,
      ),
    );
  }
  const templateFile = template.source === 'builtin' ? `${template.name}.md` : displayPath(template.absPath, input.cwd);
  let text = fillTemplate(
    template.text,
    {
      nomor: { yaml: yamlQuoted(nomor), text: nomor },
      nama: { yaml: yamlString(title), text: title },
      tanggal: { yaml: today, text: today },
      tahun: { yaml: today.slice(0, 4), text: today.slice(0, 4) },
      schema: { yaml: schema, text: schema },
    },
    { identitas: stubs.yaml },
    { file: templateFile, lang },
  );

  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') {
    throw new SopUsageError(say(lang, `templat ${templateFile} tidak diawali frontmatter YAML (baris \`---\`)`, `template ${templateFile} does not start with a YAML frontmatter (\`---\` line)`));
  }
  let yamlText = text.slice(split.yamlStart, split.yamlEnd);
  let data: Record<string, unknown>;
  try {
    data = (parse(yamlText, { version: '1.2', uniqueKeys: true }) ?? {}) as Record<string, unknown>;
  } catch (err) {
    throw new SopUsageError(say(lang, `templat ${templateFile} menghasilkan YAML yang tidak sah: ${(err as Error).message}`, `template ${templateFile} gives invalid YAML: ${(err as Error).message}`));
  }
  const defaults = config.config.defaults ?? {};
  const jenis = String(data.jenis ?? defaults.jenis ?? 'administratif');
  let pelaksana = Object.entries((data.pelaksana ?? defaults.pelaksana ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)] as [string, string]);

  if (input.pelaksana.length > 0) {
    const given = input.pelaksana.map((p) => p.trim()).filter(Boolean);
    const problem = actorListProblem(given, jenis, undefined, lang);
    if (problem) throw new SopUsageError(problem);
    const swapped = swapActors(yamlText, given);
    if ('kind' in swapped) {
      throw new SopUsageError(
        swapped.kind === 'too-many'
          ? say(lang, `templat ${templateFile} hanya memuat ${swapped.rows} kegiatan, jadi paling banyak ${swapped.rows} pelaksana; tambahkan kolom lain setelah berkas dibuat`, `template ${templateFile} has only ${swapped.rows} rows, so at most ${swapped.rows} actors; add more columns after the file is created`)
          : say(lang, `templat ${templateFile} tidak memuat \`pelaksana\` dan \`prosedur\`, jadi --pelaksana tidak dapat diterapkan`, `template ${templateFile} has no \`pelaksana\` and \`prosedur\`, so --pelaksana cannot be applied`),
      );
    }
    yamlText = swapped.yaml;
    pelaksana = swapped.actors;
    text = text.slice(0, split.yamlStart) + yamlText + text.slice(split.yamlEnd);
  }
  if (!text.endsWith('\n')) text += '\n';
  return { absPath, slug, content: text, nomor, numbering: { pattern, fromConfig }, jenis, pelaksana, notes };
}
