// `sop lint --print-config <file>`: the config that applies to one file, merged, and which files it came from.
import path from 'node:path';
import { configForFiles, loadConfig } from '../config/load.js';
import type { SopConfig } from '../config/config-types.js';
import { displayPath } from '../core/paths.js';

export interface EffectiveConfigOptions {
  cwd: string;
  /** The SOP file (it need not exist: the config is found from its folder). */
  file: string;
  /** `--config`: the one config for every file. */
  configPath?: string;
  lang?: 'id' | 'en';
}

export interface EffectiveConfig {
  /** The file asked about, relative to cwd. */
  file: string;
  /** The config files that make it up, the nearest first, then each one it `extends` (relative to cwd); empty when none applies. */
  configFiles: string[];
  /** The merged config (spec §7.4: objects merge key by key, lists and scalars replace). */
  config: SopConfig;
  /** For each top-level key: the file of the chain that sets it (for objects, the nearest that sets any part). */
  origins: Record<string, string>;
}

/** Throws SopConfigError for a broken config. */
export function effectiveConfig(opts: EffectiveConfigOptions): EffectiveConfig {
  const cwd = path.resolve(opts.cwd);
  const abs = path.resolve(cwd, opts.file);
  const none = { dir: cwd, config: {} };
  const loaded = configForFiles({ cwd, configPath: opts.configPath, lang: opts.lang }, opts.configPath ? loadConfig({ cwd, configPath: opts.configPath, lang: opts.lang }) : none)(abs);
  const chain = loaded.chain ?? [];
  const origins: Record<string, string> = {};
  for (const key of Object.keys(loaded.config)) {
    const layer = chain.find((l) => key in l.config);
    if (layer) origins[key] = displayPath(layer.file, cwd);
  }
  return { file: displayPath(abs, cwd), configFiles: chain.map((l) => displayPath(l.file, cwd)), config: loaded.config, origins };
}
