// Finds the sop.config.yaml that applies (spec §7.4: the nearest one above each SOP file, up to the
// repository root), resolves its `extends` chain, validates the merged result, and memoizes it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SopConfigError } from '../core/errors.js';
import { contain, displayPath, isInside, repositoryRoot, toPosix } from '../core/paths.js';
import { splitFrontmatter } from '../yaml/frontmatter.js';
import { LineIndex, locateInYaml, type YamlPath, type YamlSource } from '../yaml/positions.js';
import { isPlainObject, parseYaml } from '../yaml/parse.js';
import { getConfigValidator } from '../schema/validators.js';
import { translateAjvErrors } from '../schema/translate.js';
import type { ConfigLayer, LoadedConfig, SopConfig } from './config-types.js';

export const CONFIG_NAMES = ['sop.config.yaml', 'sop.config.yml'] as const;

type Lang = 'id' | 'en';
const say = (lang: Lang, id: string, en: string) => (lang === 'en' ? en : id);

/**
 * Nearest config file in `dir` or one of its parents, up to the repository root (the folder that
 * holds `.git`): a config above the repository belongs to something else.
 */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current || existsSync(path.join(current, '.git'))) return undefined;
    current = parent;
  }
}

export interface ConfigLookup {
  cwd: string;
  /** `--config`: use exactly this file. */
  configPath?: string;
  /**
   * Paths the command works on. The run's config is the nearest one above the first of them, so
   * `sop build ../other` uses other's config; without paths (or none found there), the working directory's.
   */
  paths?: string[];
  lang?: Lang;
}

function existingDir(p: string): string {
  try {
    return statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return path.dirname(p);
  }
}

function forcedConfig(lookup: ConfigLookup): LoadedConfig {
  const cwd = path.resolve(lookup.cwd);
  const file = path.resolve(cwd, lookup.configPath!);
  if (!existsSync(file)) throw new SopConfigError(say(lookup.lang ?? 'id', `berkas konfigurasi tidak ditemukan: ${lookup.configPath}`, `config file not found: ${lookup.configPath}`));
  return readConfigFile(file, cwd, lookup.lang ?? 'id');
}

/**
 * The run's config: what applies to the first target path (sop build's output folder and packs,
 * the language of messages). Each file still gets its own (configForFiles). Throws SopConfigError.
 */
export function loadConfig(lookup: ConfigLookup): LoadedConfig {
  const cwd = path.resolve(lookup.cwd);
  if (lookup.configPath) return forcedConfig(lookup);
  let file: string | undefined;
  for (const p of lookup.paths ?? []) {
    if (file) break;
    if (p.startsWith('!')) continue;
    file = findConfigFile(existingDir(path.resolve(cwd, p)));
  }
  file ??= findConfigFile(cwd);
  if (!file) return { dir: cwd, config: {} };
  return readConfigFile(file, cwd, lookup.lang ?? 'id');
}

/**
 * The config of each SOP file: `--config` for all of them, else the nearest config above the file
 * (spec §7.4), so one run over two repositories uses each one's. Files with none share `none`.
 * Throws SopConfigError for a broken config.
 */
export function configForFiles(lookup: ConfigLookup, none: LoadedConfig): (absFile: string) => LoadedConfig {
  const cwd = path.resolve(lookup.cwd);
  if (lookup.configPath) {
    const forced = forcedConfig(lookup);
    return () => forced;
  }
  const byDir = new Map<string, LoadedConfig>();
  return (absFile) => {
    const dir = path.dirname(path.resolve(cwd, absFile));
    let hit = byDir.get(dir);
    if (!hit) {
      const file = findConfigFile(dir);
      hit = file ? (file === none.file ? none : readConfigFile(file, cwd, lookup.lang ?? 'id')) : none.file ? { dir: cwd, config: {} } : none;
      byDir.set(dir, hit);
    }
    return hit;
  };
}

interface OneFile {
  value: Record<string, unknown>;
  source: YamlSource;
}

const parsedCache = new Map<string, OneFile>();
const resolvedCache = new Map<string, { loaded: LoadedConfig; stamps: [string, number][] }>();

function mtime(file: string): number {
  return statSync(file).mtimeMs;
}

/** One config file parsed (YAML errors are config errors with position), not yet validated. */
function parseOne(file: string, cwd: string, lang: Lang): OneFile {
  const shown = displayPath(file, cwd);
  const key = `${file}|${mtime(file)}|${lang}|${shown}`;
  const hit = parsedCache.get(key);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new SopConfigError(`${say(lang, 'konfigurasi tidak dapat dibaca', 'cannot read config')}: ${(err as Error).message}`, shown);
  }
  // a config file may also be written with `---` fences; accept both
  const split = splitFrontmatter(text);
  const yamlStart = split.kind === 'ok' ? split.yamlStart : 0;
  const yamlText = split.kind === 'ok' ? text.slice(split.yamlStart, split.yamlEnd) : text;
  const lines = new LineIndex(text);
  const parsed = parseYaml(yamlText);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    const at = lines.position(yamlStart + p.start);
    throw new SopConfigError(`${say(lang, 'YAML tidak sah', 'invalid YAML')}: ${p.message}`, shown, at.line, at.column);
  }
  const source: YamlSource = { file: shown, doc: parsed.doc, offset: yamlStart, lines, wholeRange: lines.range(0, 0) };
  const raw = parsed.value ?? {};
  if (!isPlainObject(raw)) {
    throw new SopConfigError(say(lang, 'konfigurasi harus berupa pemetaan (kunci: nilai)', 'the config must be a mapping (key: value)'), shown, 1, 1);
  }
  const one = { value: raw, source };
  parsedCache.set(key, one);
  return one;
}

/** Keys of the config that hold a file or folder path relative to the config that writes them. */
const PATH_KEYS: YamlPath[] = [['defaults', 'logo'], ['templates'], ['lifecycle', 'inventory'], ['lifecycle', 'monitoring'], ['lifecycle', 'evaluation']];
const PACK_PATH_KEYS: YamlPath[] = [['penjelasan'], ['keputusan', 'file']];

/**
 * An inherited config's file paths, rewritten relative to the config that inherits them, so
 * `defaults.logo: logo.png` in ../sop.config.yaml still means ../logo.png. Globs (`include`,
 * `exclude`, pack sections) and `output` stay as written: they apply to the inheriting config's folder.
 */
function rebasePaths(config: Record<string, unknown>, fromDir: string, toDir: string): Record<string, unknown> {
  if (fromDir === toDir) return config;
  const copy = structuredClone(config);
  const move = (obj: unknown, keys: YamlPath) => {
    let o = obj;
    for (const k of keys.slice(0, -1)) o = isPlainObject(o) ? o[String(k)] : undefined;
    const last = String(keys.at(-1));
    if (!isPlainObject(o) || typeof o[last] !== 'string' || o[last] === '' || path.isAbsolute(o[last] as string)) return;
    o[last] = toPosix(path.relative(toDir, path.resolve(fromDir, o[last] as string))) || '.';
  };
  for (const k of PATH_KEYS) move(copy, k);
  const packs = Array.isArray(copy.pack) ? copy.pack : [copy.pack];
  for (const p of packs) for (const k of PACK_PATH_KEYS) move(p, k);
  return copy;
}

/** Spec §7.4: objects merge key by key, lists and scalars replace. */
export function mergeConfig(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? mergeConfig(out[k] as Record<string, unknown>, v) : v;
  }
  return out;
}

/** Where a path of the merged config is written: the first file of the chain that sets it (else the first file). */
export function locateInChain(chain: ConfigLayer[], at: YamlPath, opts: { key?: boolean } = {}) {
  const layer = chain.find((l) => l.source.doc.hasIn(at)) ?? chain[0];
  return locateInYaml(layer.source, at, opts);
}

/**
 * Reads a config file and the files it `extends` (each relative to the one naming it, inside the
 * repository), merges them and validates the result against config.schema.json. Memoized by the
 * absolute paths and mtimes of the whole chain.
 */
export function readConfigFile(file: string, cwd: string, lang: Lang = 'id'): LoadedConfig {
  const abs = path.resolve(file);
  const key = `${abs}|${lang}|${path.resolve(cwd)}`;
  const hit = resolvedCache.get(key);
  if (hit && hit.stamps.every(([f, m]) => existsSync(f) && mtime(f) === m)) return hit.loaded;

  const chain: ConfigLayer[] = [];
  for (let current = abs; ;) {
    const one = parseOne(current, cwd, lang);
    chain.push({ file: current, dir: path.dirname(current), config: one.value, source: one.source });
    const ext = one.value.extends;
    if (ext === undefined) break;
    const at = locateInYaml(one.source, ['extends']);
    const shown = one.source.file;
    if (typeof ext !== 'string' || ext === '') {
      throw new SopConfigError(say(lang, '`extends` harus berupa path berkas konfigurasi', '`extends` must be the path of a config file'), shown, at.line, at.column);
    }
    const target = path.resolve(path.dirname(current), ext);
    // the containment rule: a config inherits only from inside its repository (without git: from a folder above it)
    // (a config at the repository root may extend any file inside it, e.g. bersama/dasar.yaml)
    const root = repositoryRoot(path.dirname(current));
    const inRepository = existsSync(path.join(root, '.git'));
    const allowed = inRepository ? contain(root, target).inside : isInside(path.dirname(current), path.dirname(target));
    if (!allowed) {
      throw new SopConfigError(say(lang, `extends: ${ext} berada di luar repositori; konfigurasi hanya mewarisi dari dalam repositori`, `extends: ${ext} is outside the repository; a config inherits only from inside it`), shown, at.line, at.column);
    }
    if (!existsSync(target) || !statSync(target).isFile()) {
      throw new SopConfigError(say(lang, `extends: berkas konfigurasi tidak ditemukan: ${ext}`, `extends: config file not found: ${ext}`), shown, at.line, at.column);
    }
    if (chain.some((l) => l.file === target)) {
      const loop = [...chain.map((l) => l.source.file), displayPath(target, cwd)].join(' -> ');
      throw new SopConfigError(say(lang, `extends berputar: ${loop}`, `extends goes round in a circle: ${loop}`), shown, at.line, at.column);
    }
    current = target;
  }

  // the outermost config first, each inheriting one over it
  let merged: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) {
    const own = { ...chain[i].config };
    delete own.extends;
    merged = mergeConfig(rebasePaths(merged, i + 1 < chain.length ? chain[i + 1].dir : chain[i].dir, chain[i].dir), own);
  }
  const validate = getConfigValidator();
  if (!validate(merged)) {
    const problems = translateAjvErrors(validate.errors ?? []);
    const located = problems.map((p) => ({ p, at: locateInChain(chain, p.path, { key: p.atKey }) }));
    const first = located[0];
    const lines = located.map(({ p, at }) => `  ${at.file}:${at.line}:${at.column}  ${lang === 'en' ? p.messageEn : p.message}`);
    throw new SopConfigError(
      `${say(lang, 'konfigurasi tidak sesuai config.schema.json', 'the config does not follow config.schema.json')}:\n${lines.join('\n')}`,
      first?.at.file ?? chain[0].source.file, first?.at.line, first?.at.column,
    );
  }
  const loaded: LoadedConfig = { file: abs, dir: path.dirname(abs), config: merged as SopConfig, source: chain[0].source, chain };
  resolvedCache.set(key, { loaded, stamps: chain.map((l) => [l.file, mtime(l.file)]) });
  return loaded;
}
