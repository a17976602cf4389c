// Reads a repository's SOPs into their lifecycle view (outside lint: monev new, new --from-inventaris, forms, roll-up).
import type { LoadedConfig } from '../config/config-types.js';
import { isPlainObject } from '../yaml/parse.js';
import type { SopDocument } from '../document/sop-document.js';
import { openWorkspace, readSops } from '../workspace/workspace.js';
import { lifecycleSop, type LifecycleSop } from './sops.js';

export interface CollectedSop extends LifecycleSop {
  /** The SOP's frontmatter merged with config defaults (for printing forms). */
  data: Record<string, unknown>;
}

/**
 * Every SOP of the repository (the config's folder), in path order; files that do not parse are left out.
 * `documents`: what the command already read under this config (by absolute path), used as it is; the files it
 * lacks are read and added to it.
 */
export async function collectSops(config: LoadedConfig, cwd: string, documents?: Map<string, SopDocument>): Promise<CollectedSop[]> {
  const ws = await openWorkspace({ cwd, paths: [config.dir], configPath: config.file });
  const known = (f: { absPath: string }) => documents?.get(f.absPath)?.config === config;
  const read: SopDocument[] = ws.files.filter(known).map((f) => documents!.get(f.absPath)!);
  for await (const doc of readSops({ ...ws, files: ws.files.filter((f) => !known(f)) })) {
    documents?.set(doc.absPath, doc);
    read.push(doc);
  }
  const out: CollectedSop[] = [];
  for (const doc of read) {
    if (doc.problems.length > 0 || !isPlainObject(doc.data)) continue;
    const d = doc.data;
    out.push({
      ...lifecycleSop({ file: doc.file, absPath: doc.absPath, root: config.dir, nomor: d.nomor, nama: d.nama, tanggalEfektif: d.tanggal_efektif, tanggalRevisi: d.tanggal_revisi, status: d.status }),
      data: d,
    });
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
