// Finds sop.config.yaml (walking up), parses and validates it, and memoizes the result per file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SopConfigError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { splitFrontmatter } from '../document/frontmatter.js';
import { LineIndex, locateInYaml, type YamlSource } from '../document/positions.js';
import { parseYaml } from '../document/yaml.js';
import { getConfigValidator } from '../schema/validators.js';
import { translateAjvErrors } from '../schema/translate.js';
import type { LoadedConfig, SopConfig } from './config-types.js';

export const CONFIG_NAMES = ['sop.config.yaml', 'sop.config.yml'] as const;

const cache = new Map<string, LoadedConfig>();

/** Nearest config file in `dir` or one of its parents. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export interface ConfigLookup {
  cwd: string;
  /** `--config`: use exactly this file. */
  configPath?: string;
  /**
   * Paths the command works on. When the working directory and its parents hold no config,
   * the nearest config above these paths is used, so `sop lint examples` finds examples/sop.config.yaml.
   */
  paths?: string[];
  lang?: 'id' | 'en';
}

function existingDir(p: string): string {
  try {
    return statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return path.dirname(p);
  }
}

/** Loads the config that applies to a run. Throws SopConfigError for a broken config file. */
export function loadConfig(lookup: ConfigLookup): LoadedConfig {
  const cwd = path.resolve(lookup.cwd);
  let file: string | undefined;
  if (lookup.configPath) {
    file = path.resolve(cwd, lookup.configPath);
    if (!existsSync(file)) throw new SopConfigError(lookup.lang === 'en' ? `config file not found: ${lookup.configPath}` : `berkas konfigurasi tidak ditemukan: ${lookup.configPath}`);
  } else {
    file = findConfigFile(cwd);
    for (const p of lookup.paths ?? []) {
      if (file) break;
      file = findConfigFile(existingDir(path.resolve(cwd, p)));
    }
  }
  if (!file) return { dir: cwd, config: {} };
  return readConfigFile(file, cwd, lookup.lang ?? 'id');
}

/** Parses and validates one config file (memoized by absolute path and mtime). */
export function readConfigFile(file: string, cwd: string, lang: 'id' | 'en' = 'id'): LoadedConfig {
  const key = `${file}|${statSync(file).mtimeMs}|${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const shown = displayPath(file, cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new SopConfigError(`${lang === 'en' ? 'cannot read config' : 'konfigurasi tidak dapat dibaca'}: ${(err as Error).message}`, shown);
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
    throw new SopConfigError(`${lang === 'en' ? 'invalid YAML' : 'YAML tidak sah'}: ${p.message}`, shown, at.line, at.column);
  }
  const source: YamlSource = { file: shown, doc: parsed.doc, offset: yamlStart, lines, wholeRange: lines.range(0, 0) };
  const value = parsed.value ?? {};
  const validate = getConfigValidator();
  if (!validate(value)) {
    const problems = translateAjvErrors(validate.errors ?? []);
    const located = problems.map((p) => ({ p, at: locateInYaml(source, p.path, { key: p.atKey }) }));
    const first = located[0];
    const lines2 = located.map(({ p, at }) => `  ${shown}:${at.line}:${at.column}  ${lang === 'en' ? p.messageEn : p.message}`);
    throw new SopConfigError(
      `${lang === 'en' ? 'the config does not follow config.schema.json' : 'konfigurasi tidak sesuai config.schema.json'}:\n${lines2.join('\n')}`,
      shown, first?.at.line, first?.at.column,
    );
  }
  const loaded: LoadedConfig = { file, dir: path.dirname(file), config: value as SopConfig, source };
  cache.set(key, loaded);
  return loaded;
}
