// Finds `sop new` templates (repository folder first, then the built-ins) and fills their {{placeholders}}.
import path from 'node:path';
import { parse } from 'yaml';
import { SopUsageError } from '../core/errors.js';
import { displayPath, toPosix } from '../core/paths.js';
import { splitFrontmatter } from '../yaml/frontmatter.js';
import type { ScaffoldFs } from './fs.js';
import { resolveInside } from './paths.js';
import { PACKAGE_ROOT } from './schema-ref.js';
import { say, type Lang } from './text.js';

export const BUILTIN_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const DEFAULT_TEMPLATE = 'administratif';

export interface TemplateRef {
  name: string;
  source: 'builtin' | 'repository';
  absPath: string;
}

export interface LoadedTemplate extends TemplateRef {
  text: string;
}

export interface TemplateContext {
  fs: ScaffoldFs;
  /** Repository root: user templates and template paths must stay inside it. */
  root: string;
  /** Absolute folder of repository templates (config `templates`), if configured. */
  userDir?: string;
  cwd: string;
  lang: Lang;
}

const TEMPLATE_WHAT = {
  id: 'templat',
  en: 'template',
  fixId: 'sebut templat dengan namanya (mis. administratif), atau simpan templat sendiri di folder `templates` repositori',
  fixEn: 'name a template (e.g. administratif), or keep your own in the repository\'s `templates` folder',
};

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A template file is Markdown that starts with a frontmatter block (a README beside them is not one). */
async function templatesIn(fs: ScaffoldFs, dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names.sort()) {
    if (!n.endsWith('.md') || n.startsWith('.')) continue;
    try {
      const text = await fs.readFile(path.join(dir, n), 'utf8');
      if (splitFrontmatter(text.replace(/^\uFEFF/, '')).kind === 'ok') out.push(n.slice(0, -3));
    } catch {
      // unreadable entries (folders named *.md, broken links) are not templates
    }
  }
  return out;
}

/** Every template name available, repository templates overriding built-ins of the same name. */
export async function listTemplates(ctx: TemplateContext): Promise<TemplateRef[]> {
  const byName = new Map<string, TemplateRef>();
  for (const name of await templatesIn(ctx.fs, BUILTIN_TEMPLATES_DIR)) {
    byName.set(name, { name, source: 'builtin', absPath: path.join(BUILTIN_TEMPLATES_DIR, `${name}.md`) });
  }
  if (ctx.userDir) {
    for (const name of await templatesIn(ctx.fs, ctx.userDir)) {
      byName.set(name, { name, source: 'repository', absPath: path.join(ctx.userDir, `${name}.md`) });
    }
  }
  return [...byName.values()].sort((a, b) => (a.name === DEFAULT_TEMPLATE ? -1 : b.name === DEFAULT_TEMPLATE ? 1 : a.name.localeCompare(b.name)));
}

/**
 * Loads a template by name (`administratif`, `teknis`, or one in the repository's templates
 * folder), or by a path relative to the repository root. Anything that leads outside the
 * repository (`../x`, an absolute path elsewhere, a symlink pointing out) is refused.
 */
export async function loadTemplate(spec: string, ctx: TemplateContext): Promise<LoadedTemplate> {
  const { fs, lang } = ctx;
  const looksLikePath = /[\\/]/.test(spec) || spec.startsWith('.') || path.isAbsolute(spec);
  if (looksLikePath) {
    const abs = await resolveInside(fs, ctx.root, spec, TEMPLATE_WHAT, lang);
    let text: string;
    try {
      text = await fs.readFile(abs, 'utf8');
    } catch {
      throw new SopUsageError(say(lang, `templat tidak ditemukan: ${displayPath(abs, ctx.cwd)}`, `template not found: ${displayPath(abs, ctx.cwd)}`));
    }
    return { name: path.basename(abs, '.md'), source: 'repository', absPath: abs, text };
  }
  const name = spec.endsWith('.md') ? spec.slice(0, -3) : spec;
  if (!NAME.test(name) || name.includes('..')) {
    throw new SopUsageError(say(lang, `nama templat tidak sah: "${spec}"`, `invalid template name: "${spec}"`));
  }
  const all = await listTemplates(ctx);
  const hit = all.find((t) => t.name === name);
  if (!hit) {
    const names = all.map((t) => t.name).join(', ');
    const where = ctx.userDir ? say(lang, `; templat repositori dicari di ${toPosix(displayPath(ctx.userDir, ctx.cwd))}/`, `; repository templates are looked up in ${toPosix(displayPath(ctx.userDir, ctx.cwd))}/`) : '';
    throw new SopUsageError(say(lang, `templat "${name}" tidak ada. Pilihan: ${names}${where}`, `no template "${name}". Available: ${names}${where}`));
  }
  if (hit.source === 'repository') {
    // a repository template may be a symlink; where it really lives must be inside the repository
    await resolveInside(fs, ctx.root, hit.absPath, TEMPLATE_WHAT, lang);
  }
  return { ...hit, text: await fs.readFile(hit.absPath, 'utf8') };
}

/** A value for one placeholder: how it is written inside the YAML frontmatter and in the body. */
export interface PlaceholderValue {
  yaml: string;
  text: string;
}

const INLINE = /\{\{\s*([a-z_]+)\s*\}\}/g;
const BLOCK_LINE = /^([ \t]*)\{\{\s*([a-z_]+)\s*\}\}[ \t]*$/;

/**
 * Fills `{{name}}` placeholders. `values` are inline values; `blocks` are multi-line YAML that
 * replace a line holding only their placeholder (indented like it; an empty block removes the
 * line). An unknown placeholder throws, naming the template and line, so typos never pass.
 */
export function fillTemplate(
  text: string,
  values: Record<string, PlaceholderValue>,
  blocks: Record<string, string>,
  where: { file: string; lang: Lang },
): string {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const split = splitFrontmatter(clean);
  const yamlEnd = split.kind === 'ok' ? split.bodyStart : 0;
  const out: string[] = [];
  let offset = 0;
  clean.split('\n').forEach((line, i) => {
    const inYaml = offset < yamlEnd;
    offset += line.length + 1;
    const block = BLOCK_LINE.exec(line);
    if (block && inYaml && block[2] in blocks) {
      const body = blocks[block[2]];
      if (body) for (const l of body.replace(/\n$/, '').split('\n')) out.push(l ? block[1] + l : l);
      return;
    }
    out.push(
      line.replace(INLINE, (_m, name: string) => {
        const v = values[name];
        if (!v && name in blocks) {
          throw new SopUsageError(
            say(where.lang, `tempat isian {{${name}}} harus berdiri sendiri pada satu baris frontmatter (templat ${where.file}:${i + 1})`, `placeholder {{${name}}} must stand alone on a frontmatter line (template ${where.file}:${i + 1})`),
          );
        }
        if (!v) {
          throw new SopUsageError(
            say(where.lang, `tempat isian tidak dikenal {{${name}}} di templat ${where.file}:${i + 1}`, `unknown placeholder {{${name}}} in template ${where.file}:${i + 1}`),
          );
        }
        return inYaml ? v.yaml : v.text;
      }),
    );
  });
  return out.join('\n');
}

export interface TemplateSummary {
  jenis: string;
  /** Column titles, left to right. */
  pelaksana: string[];
  rows: number;
}

/** What a template holds (kind, actors, number of rows), for menus and hints; undefined if unreadable. */
export function summarizeTemplate(text: string): TemplateSummary | undefined {
  const dummy: PlaceholderValue = { yaml: '"x"', text: 'x' };
  try {
    const filled = fillTemplate(text, new Proxy({}, { get: () => dummy, has: () => true }) as Record<string, PlaceholderValue>, { identitas: '' }, { file: '', lang: 'id' });
    const split = splitFrontmatter(filled);
    if (split.kind !== 'ok') return undefined;
    const data = (parse(filled.slice(split.yamlStart, split.yamlEnd), { version: '1.2' }) ?? {}) as Record<string, unknown>;
    const pelaksana = typeof data.pelaksana === 'object' && data.pelaksana ? Object.values(data.pelaksana as Record<string, unknown>).map(String) : [];
    return { jenis: String(data.jenis ?? 'administratif'), pelaksana, rows: Array.isArray(data.prosedur) ? data.prosedur.length : 0 };
  } catch {
    return undefined;
  }
}
