// Opens a run's workspace (config + discovered files) and streams its SOP documents in path order.
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { LoadedConfig } from '../config/config-types.js';
import { discoverFiles, type DiscoveredFile, type MissingPath } from '../discovery/discover.js';
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
}

/** Finds the config and the candidate files. Throws SopConfigError for a broken config. */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Workspace> {
  const cwd = path.resolve(opts.cwd);
  const paths = opts.paths ?? [];
  const config = loadConfig({ cwd, configPath: opts.configPath, paths, lang: opts.lang });
  const discovery = await discoverFiles({ cwd, paths, config });
  return { cwd, config, files: discovery.files, missing: discovery.missing };
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
      queue.push(f.outside ? Promise.resolve(outsideDocument(f.file, f.absPath, f.outside.real, ws.config)) : loadSop(f.absPath, f.file, ws.config));
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
