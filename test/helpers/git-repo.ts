// Throwaway git repositories for history tests: local user.name/email, fixed dates, removed by cleanup().
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestRepo {
  root: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): void;
  /** Writes the files, stages everything and commits with author date `date` (YYYY-MM-DD). */
  commit(message: string, date: string, files?: Record<string, string>, author?: string): string;
  move(from: string, to: string): void;
  cleanup(): void;
}

export function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function makeRepo(prefix = 'sop-git-'): TestRepo {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Penyusun SOP');
  git('config', 'user.email', 'penyusun@example.go.id');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'tag.gpgsign', 'false');
  const write = (files: Record<string, string>) => {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
  };
  return {
    root,
    git,
    write,
    commit(message, date, files = {}, author) {
      write(files);
      git('add', '-A');
      const stamp = `${date}T10:00:00+07:00`;
      execFileSync('git', ['commit', '-q', '-m', message, ...(author ? ['--author', author] : [])], { cwd: root, env: { ...env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp } });
      return git('rev-parse', 'HEAD').trim();
    },
    move(from, to) {
      mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
      renameSync(path.join(root, from), path.join(root, to));
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
