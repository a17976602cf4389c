// Document control for a build: each SOP's Riwayat Revisi rows and DRAF reasons, from git history and `status`.
import type { SopDocument } from '../document/sop-document.js';
import { readHistory, type FileHistory, type RepositoryHistory } from '../history/history.js';
import type { Notice } from '../history/repo.js';
import { historyConfig } from '../history/settings.js';
import type { LoadedConfig } from '../config/config-types.js';
import type { DraftReason, SopControl } from '../pages/riwayat.js';

export interface BuildControl {
  control: Map<string, SopControl>;
  history?: RepositoryHistory;
  /** Lines worth saying once (shallow clone; history asked for in the config but no git). */
  notices: Notice[];
  releasesOnly: boolean;
}

function draftReasons(doc: SopDocument, fh: FileHistory | undefined): DraftReason[] {
  const reasons: DraftReason[] = [];
  if (fh?.uncommitted) reasons.push('uncommitted');
  if (fh?.released === false) reasons.push('unreleased');
  const data = doc.data as Record<string, unknown> | undefined;
  if (data?.status === 'draf') reasons.push('status');
  return reasons;
}

/**
 * Reads the repository's history once for a build (every Markdown file), when the config wants it.
 * Which SOPs differ from their last commit is settled later (settleWorkingTree) from the documents lint read.
 */
/**
 * The history a build needs: of the SOPs it builds (`files`) and of every SOP under the config's folder
 * (the lifecycle forms and the evidence pack look at those); other Markdown files of the repository
 * (READMEs, docs, other projects) are never read or compared.
 */
export function readBuildHistory(cwd: string, config: LoadedConfig, files: string[]): Promise<RepositoryHistory> | undefined {
  const settings = historyConfig(config.config);
  return settings.enabled ? readHistory({ cwd, files, within: [config.dir], releaseTags: settings.releaseTags, deferWorkingTree: true }) : undefined;
}

export function buildControl(config: LoadedConfig, docs: SopDocument[], history: RepositoryHistory | undefined): BuildControl {
  const settings = historyConfig(config.config);
  const notices: Notice[] = [];
  if (history?.available && history.shallow) notices.push(...history.notices);
  // outside git say so once, when the config asks for history features (else a plain folder stays quiet)
  if (history && !history.available && config.config.history) notices.push(...history.notices);
  const control = new Map<string, SopControl>();
  for (const doc of docs) {
    const fh = history?.files.get(doc.absPath);
    const revisions = settings.table === 'off' || !fh ? undefined : fh.revisions.map((r) => ({ number: r.number, date: r.date, author: r.author, subject: r.subject, commit: r.commit.slice(0, 7), parts: r.parts, tags: r.tags }));
    const draft = draftReasons(doc, fh);
    control.set(doc.absPath, { ...(revisions ? { revisions } : {}), ...(fh?.incomplete ? { incomplete: true } : {}), ...(draft.length ? { draft } : {}) });
  }
  return { control, history, notices, releasesOnly: settings.table === 'releases' };
}

/** Why each draft is one, in words, for `--final`. */
export function draftMessage(file: string, reasons: DraftReason[], lang: 'id' | 'en'): string {
  const words = {
    id: { uncommitted: 'ada perubahan yang belum di-commit', unreleased: 'revisi terakhir belum masuk tag rilis', status: '`status: draf`' },
    en: { uncommitted: 'it has uncommitted changes', unreleased: 'its last revision is in no release tag', status: '`status: draf`' },
  }[lang];
  return `${file}: ${reasons.map((r) => words[r]).join('; ')}`;
}
