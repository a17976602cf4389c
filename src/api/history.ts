// `history` API: the Riwayat Revisi of the SOPs under `paths` as plain data (JSON-ready); never prints, never exits.
import path from 'node:path';
import { readHistory, type FileHistory } from '../history/history.js';
import type { Notice } from '../history/repo.js';
import { historyConfig } from '../history/settings.js';
import { openWorkspace } from '../workspace/workspace.js';

export interface HistoryApiOptions {
  cwd: string;
  paths?: string[];
  configPath?: string;
}

export interface HistoryApiResult {
  /** False outside git (or with config `history.enabled: false`); `notices` says why. */
  available: boolean;
  shallow: boolean;
  notices: Notice[];
  releaseTags?: string;
  /** Per SOP file, keyed by path relative to cwd (POSIX). */
  files: Record<string, FileHistory>;
}

export async function history(options: HistoryApiOptions): Promise<HistoryApiResult> {
  const cwd = path.resolve(options.cwd);
  const ws = await openWorkspace({ cwd, paths: options.paths, configPath: options.configPath });
  const settings = historyConfig(ws.config.config);
  if (!settings.enabled) {
    return { available: false, shallow: false, notices: [{ id: 'riwayat revisi dimatikan oleh konfigurasi (history.enabled: false)', en: 'revision history is turned off by the config (history.enabled: false)' }], files: {} };
  }
  const h = await readHistory({ cwd, files: ws.files.map((f) => f.absPath), releaseTags: settings.releaseTags });
  const files: Record<string, FileHistory> = {};
  for (const f of ws.files) {
    const fh = h.files.get(f.absPath);
    if (fh) files[f.file] = fh;
  }
  return { available: h.available, shallow: h.available && h.shallow, notices: h.notices, ...(settings.releaseTags ? { releaseTags: settings.releaseTags } : {}), files };
}
