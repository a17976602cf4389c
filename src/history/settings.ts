// The `history` block of sop.config.yaml (revision history, release tags, the Riwayat Revisi table) with its defaults.
import type { SopConfig } from '../config/config-types.js';

/** The `history` block of sop.config.yaml with its defaults. */
export interface HistorySettings {
  /** Read revision history from git (default true). */
  enabled: boolean;
  /** Glob of release tag names that mark enacted versions (e.g. `sop-*`); none by default. */
  releaseTags?: string;
  /** Riwayat Revisi table in documents: every revision, only tagged releases, or none. */
  table: 'all' | 'releases' | 'off';
}

export function historyConfig(config: SopConfig): HistorySettings {
  const h = config.history ?? {};
  return { enabled: h.enabled !== false, table: h.table ?? 'all', ...(h.releaseTags ? { releaseTags: h.releaseTags } : {}) };
}
