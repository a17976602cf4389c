// Files the config names (the pack's decree and usage notes): each must stay inside the repository.
// (`defaults.logo` is checked per SOP by rule path-outside; `templates` by scaffold/paths.)
import path from 'node:path';
import type { LoadedConfig } from '../config/config-types.js';
import { contain, repositoryRoot, type Containment } from '../core/paths.js';
import type { YamlPath } from '../yaml/positions.js';

export interface ConfigReference {
  /** Where the value is written in the config file. */
  at: YamlPath;
  /** The value as written. */
  value: string;
  abs: string;
  containment: Containment;
}

/** The repository a config belongs to (its git top, else its own folder): the containment root. */
export function configRoot(config: LoadedConfig): string {
  return repositoryRoot(config.dir);
}

/**
 * Resolves a path the config names, relative to the config's folder, under the containment rule.
 * Build reads the file only when `containment.inside`; lint reports the others as `path-outside`.
 */
export function resolveConfigPath(config: LoadedConfig, value: string): { abs: string; containment: Containment } {
  const abs = path.resolve(config.dir, value);
  return { abs, containment: contain(configRoot(config), abs) };
}

/** Every file path the config names. */
export function configReferences(config: LoadedConfig): ConfigReference[] {
  const out: ConfigReference[] = [];
  const take = (at: YamlPath, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    out.push({ at, value, ...resolveConfigPath(config, value) });
  };
  const c = config.config;
  const packs = c.pack === undefined ? [] : Array.isArray(c.pack) ? c.pack : [c.pack];
  packs.forEach((p, i) => {
    const at = Array.isArray(c.pack) ? ['pack', i] : ['pack'];
    take([...at, 'keputusan', 'file'], p?.keputusan?.file);
    take([...at, 'penjelasan'], p?.penjelasan);
  });
  return out;
}
