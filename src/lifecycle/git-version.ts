// The text an SOP file had before a date, from git (the "SOP awal" of an evaluation follow-up); git through its command line.
import { execFile } from 'node:child_process';
import path from 'node:path';

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (err, stdout) => resolve(err ? undefined : stdout));
  });
}

/**
 * The file's content in the last commit dated on or before `date` (YYYY-MM-DD), with that commit;
 * undefined outside git, without git, in a shallow history that lacks it, or when the file is newer.
 */
export async function versionBefore(absPath: string, date: string): Promise<{ commit: string; text: string } | undefined> {
  const dir = path.dirname(absPath);
  const commit = (await git(dir, ['log', '-1', '--format=%H', `--before=${date}T23:59:59`, '--', path.basename(absPath)]))?.trim();
  if (!commit) return undefined;
  const top = (await git(dir, ['rev-parse', '--show-toplevel']))?.trim();
  if (!top) return undefined;
  const rel = path.relative(top, absPath).split(path.sep).join('/');
  const text = await git(top, ['show', `${commit}:${rel}`]);
  return text === undefined ? undefined : { commit, text };
}
