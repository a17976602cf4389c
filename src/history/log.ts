// Reads the repository's history of Markdown files with ONE `git log --raw -M -z` call and parses git's documented -z framing.
import { git } from './git.js';

export interface LogEntry {
  /** Status letter: A, M, D, R (rename), C (copy), T (type change). */
  status: string;
  oldOid: string;
  newOid: string;
  oldPath: string;
  /** Path after the commit (equals oldPath unless renamed or copied). */
  path: string;
}

export interface LogCommit {
  commit: string;
  parents: string[];
  /** Author date, ISO 8601 with the author's offset. */
  dateTime: string;
  author: string;
  email: string;
  subject: string;
  entries: LogEntry[];
}

const RS = '\x1e';
const US = '\x1f';
/** Header fields; the record separator starts each commit so the raw lines that follow stay with it. */
const FORMAT = `${RS}%H${US}%P${US}%aI${US}%an${US}%ae${US}%s`;

/** Commits newest first (topological order), each with the Markdown files it added, changed, renamed or deleted. */
export async function readLog(root: string, pathspec: string[] = ['*.md']): Promise<LogCommit[]> {
  let out: Buffer;
  try {
    out = await git(root, ['-c', 'core.quotePath=false', 'log', `--format=${FORMAT}`, '--raw', '--no-abbrev', '-M', '-z', '--topo-order', '--no-color', 'HEAD', '--', ...pathspec]);
  } catch (err) {
    // a repository without commits has no history yet
    if (/does not have any commits|unknown revision|bad revision/i.test((err as Error).message)) return [];
    throw err;
  }
  return parseLog(out.toString('utf8'));
}

export function parseLog(text: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const chunk of text.split(RS)) {
    if (chunk === '') continue;
    const headerEnd = chunk.indexOf('\0');
    const header = (headerEnd < 0 ? chunk : chunk.slice(0, headerEnd)).split(US);
    const [commit, parents, dateTime, author, email, ...subject] = header;
    const entries: LogEntry[] = [];
    if (headerEnd >= 0) {
      const tokens = chunk.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
      for (let i = 0; i < tokens.length; i++) {
        const meta = tokens[i];
        if (!meta.startsWith(':')) continue;
        // :<old mode> <new mode> <old oid> <new oid> <status>[score]
        const [, , oldOid, newOid, st] = meta.slice(1).split(' ');
        const status = st.charAt(0);
        const oldPath = tokens[++i];
        const path = status === 'R' || status === 'C' ? tokens[++i] : oldPath;
        entries.push({ status, oldOid, newOid, oldPath, path });
      }
    }
    commits.push({ commit, parents: parents ? parents.split(' ').filter(Boolean) : [], dateTime, author, email, subject: subject.join(US), entries });
  }
  return commits;
}
