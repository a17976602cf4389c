// Rebuilds a LoadedConfig (with its YAML positions) from config text: in worker threads and for lintText().
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigLayer, LoadedConfig, SopConfig } from '../config/config-types.js';
import { SopConfigError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { splitFrontmatter } from '../yaml/frontmatter.js';
import { LineIndex, locateInYaml, type YamlSource } from '../yaml/positions.js';
import { isPlainObject, parseYaml } from '../yaml/parse.js';

/**
 * Parses config text the way src/config/load.ts does (optional `---` fences, BOM dropped) without
 * validating it. `shown` is the path diagnostics print.
 */
export function parseConfigText(text: string, shown: string): { value: unknown; source: YamlSource; problem?: { message: string; line: number; column: number } } {
  const clean = text.replace(/^\uFEFF/, '');
  const split = splitFrontmatter(clean);
  const yamlStart = split.kind === 'ok' ? split.yamlStart : 0;
  const yamlText = split.kind === 'ok' ? clean.slice(split.yamlStart, split.yamlEnd) : clean;
  const lines = new LineIndex(clean);
  const parsed = parseYaml(yamlText);
  const source: YamlSource = { file: shown, doc: parsed.doc, offset: yamlStart, lines, wholeRange: lines.range(0, 0) };
  const p = parsed.problems[0];
  const problem = p ? { message: p.message, ...lines.position(yamlStart + p.start) } : undefined;
  return { value: parsed.value ?? {}, source, problem };
}

/**
 * The config a worker thread uses: the main thread already loaded and validated this file and the
 * files it `extends` (`chainFiles`, the nearest first), so they are only parsed again for positions
 * (YAML documents do not cross threads); a default is then located in the file of the chain that sets it.
 */
export function trustedConfig(file: string | undefined, config: SopConfig, dir: string, cwd: string, chainFiles: string[] = file ? [file] : []): LoadedConfig {
  if (!file) return { dir, config };
  const chain: ConfigLayer[] = (chainFiles[0] === file ? chainFiles : [file]).map((f) => {
    const { value, source } = parseConfigText(readFileSync(f, 'utf8'), displayPath(f, cwd));
    return { file: f, dir: path.dirname(f), config: isPlainObject(value) ? value : {}, source };
  });
  return { file, dir, config, source: chain[0].source, chain };
}

/** A config given as text (editors, tests): parsed and validated against config.schema.json. */
export async function configFromText(text: string, file: string, cwd: string): Promise<LoadedConfig> {
  const abs = path.resolve(cwd, file);
  const shown = displayPath(abs, cwd);
  const { value, source, problem } = parseConfigText(text, shown);
  if (problem) throw new SopConfigError(`YAML tidak sah / invalid YAML: ${problem.message}`, shown, problem.line, problem.column);
  const [{ getConfigValidator }, { translateAjvErrors }] = await Promise.all([import('../schema/validators.js'), import('../schema/translate.js')]);
  const validate = getConfigValidator();
  if (!validate(value)) {
    const problems = translateAjvErrors(validate.errors ?? []);
    const first = problems[0];
    const at = first ? locateInYaml(source, first.path, { key: first.atKey }) : undefined;
    throw new SopConfigError(problems.map((p) => p.message).join('; '), shown, at?.line, at?.column);
  }
  return { file: abs, dir: path.dirname(abs), config: value as SopConfig, source };
}
