// Reads a repository's SOPs into their lifecycle view (outside lint: monev new, new --from-inventaris, forms, roll-up).
import type { LoadedConfig } from '../config/config-types.js';
import { isPlainObject } from '../yaml/parse.js';
import { openWorkspace, readSops } from '../workspace/workspace.js';
import { lifecycleSop, type LifecycleSop } from './sops.js';

export interface CollectedSop extends LifecycleSop {
  /** The SOP's frontmatter merged with config defaults (for printing forms). */
  data: Record<string, unknown>;
}

/** Every SOP of the repository (the config's folder), in path order; files that do not parse are left out. */
export async function collectSops(config: LoadedConfig, cwd: string): Promise<CollectedSop[]> {
  const ws = await openWorkspace({ cwd, paths: [config.dir], configPath: config.file });
  const out: CollectedSop[] = [];
  for await (const doc of readSops(ws)) {
    if (doc.problems.length > 0 || !isPlainObject(doc.data)) continue;
    const d = doc.data;
    out.push({
      ...lifecycleSop({ file: doc.file, absPath: doc.absPath, root: config.dir, nomor: d.nomor, nama: d.nama, tanggalEfektif: d.tanggal_efektif, tanggalRevisi: d.tanggal_revisi, status: d.status }),
      data: d,
    });
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
