// Opens a run's workspace (config + discovered files) and streams its SOP documents in path order.
import path from 'node:path';
import { configForFiles, loadConfig } from '../config/load.js';
import type { LoadedConfig } from '../config/config-types.js';
import { discoverFiles, excludedByConfig, type DiscoveredFile, type MissingPath } from '../discovery/discover.js';
import { loadSop, outsideDocument, type SopDocument } from '../document/sop-document.js';

export interface WorkspaceOptions {
  cwd: string;
  /** Files, folders and globs; default: the working directory. */
  paths?: string[];
  /** `--config`. */
  configPath?: string;
  lang?: 'id' | 'en';
}

export interface Workspace {
  cwd: string;
  config: LoadedConfig;
  files: DiscoveredFile[];
  missing: MissingPath[];
  /** The config of one file (spec §7.4: the nearest above it, or `--config`); default `config`. */
  configOf?: (absPath: string) => LoadedConfig;
}

/** Finds the config and the candidate files. Throws SopConfigError for a broken config. */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Workspace> {
  const cwd = path.resolve(opts.cwd);
  const paths = opts.paths ?? [];
  const config = loadConfig({ cwd, configPath: opts.configPath, paths, lang: opts.lang });
  const discovery = await discoverFiles({ cwd, paths, config });
  const configOf = configForFiles({ cwd, configPath: opts.configPath, lang: opts.lang }, config);
  // each file's own config decides whether a folder walk takes it (its `exclude`, its output folder)
  const files = discovery.files.filter((f) => f.explicit || f.outside || !excludedByConfig(configOf(f.absPath), f.absPath));
  return { cwd, config, files, missing: discovery.missing, configOf };
}

/**
 * The workspace split by the config that applies to each file: one part per repository or
 * configured folder, each with its own config (rules, defaults, numbering, lifecycle records), in
 * the order of their first file. A run with one config gives the workspace itself.
 */
export function partsByConfig(ws: Workspace): Workspace[] {
  if (!ws.configOf) return [ws];
  const parts = new Map<LoadedConfig, DiscoveredFile[]>();
  for (const f of ws.files) {
    const c = ws.configOf(f.absPath);
    const list = parts.get(c);
    if (list) list.push(f);
    else parts.set(c, [f]);
  }
  if (parts.size === 0) return [{ ...ws, configOf: undefined }];
  if (parts.size === 1) {
    const [only] = parts.keys();
    return [{ ...ws, config: only, configOf: undefined }];
  }
  return [...parts].map(([config, files]) => ({ cwd: ws.cwd, config, files, missing: [] }));
}

/**
 * Reads the workspace's SOPs in path order, `concurrency` files ahead. Files found by walking a
 * folder that have no frontmatter are ordinary documentation and are skipped; an explicitly
 * selected file without frontmatter gets a `frontmatter-missing` problem.
 */
export async function* readSops(ws: Workspace, concurrency = 32): AsyncGenerator<SopDocument> {
  const queue: Promise<SopDocument>[] = [];
  let next = 0;
  const fill = () => {
    while (queue.length < concurrency && next < ws.files.length) {
      const f = ws.files[next++];
      const config = ws.configOf?.(f.absPath) ?? ws.config;
      queue.push(f.outside ? Promise.resolve(outsideDocument(f.file, f.absPath, f.outside.real, config)) : loadSop(f.absPath, f.file, config));
    }
  };
  fill();
  let i = 0;
  while (queue.length > 0) {
    const doc = admit(await queue.shift()!, ws.files[i++].explicit);
    fill();
    if (doc) yield doc;
  }
}

/**
 * Which read files count as SOPs: a file found by walking a folder that has no frontmatter (or is
 * binary) is ordinary documentation and is skipped (undefined); an explicitly selected file
 * without frontmatter gets a `frontmatter-missing` problem. Lint and every other command use this.
 */
export function admit(doc: SopDocument, explicit: boolean): SopDocument | undefined {
  if (!doc.hasFrontmatter && doc.problems.length === 0) {
    if (!explicit) return undefined;
    doc.problems.push({
      ruleId: 'frontmatter-missing',
      message: 'berkas ini dipilih sebagai SOP tetapi tidak diawali frontmatter YAML (baris `---`)',
      messageEn: 'this file was selected as an SOP but does not start with a YAML frontmatter (`---` line)',
      location: { file: doc.file, line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
  } else if (!doc.hasFrontmatter && !explicit && doc.problems.every((p) => p.ruleId === 'file-encoding')) {
    return undefined; // a binary or non-UTF-8 file found while walking is not an SOP
  }
  return doc;
}
