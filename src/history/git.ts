// Runs git through its command line (execFile, never a shell): one call per question, plus one cat-file --batch for blobs.
import { execFile, spawn } from 'node:child_process';

export class GitError extends Error {
  override name = 'GitError';
  constructor(message: string, readonly code?: string | number, readonly stderr = '') {
    super(message);
  }
}

/** Runs `git <args>` in `cwd` and returns stdout as a Buffer. */
export function git(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (err, stdout, stderr) => {
      if (err) {
        const e = err as NodeJS.ErrnoException;
        reject(new GitError(stderr.toString('utf8').trim() || e.message, e.code, stderr.toString('utf8')));
      } else resolve(stdout);
    });
  });
}

/** Like git() but returns text. */
export async function gitText(cwd: string, args: string[]): Promise<string> {
  return (await git(cwd, args)).toString('utf8');
}

/**
 * Reads many objects with one `git cat-file --batch` process. Git frames each answer as
 * `<oid> <type> <size>\n<bytes>\n` (or `<name> missing\n`); only that framing is read here.
 */
export function readBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(oids)];
  const out = new Map<string, Buffer>();
  if (wanted.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (err) => reject(new GitError(err.message, (err as NodeJS.ErrnoException).code)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError(stderr.trim() || `git cat-file exited with ${code}`, code ?? undefined, stderr));
      const all = Buffer.concat(chunks);
      let pos = 0;
      for (const oid of wanted) {
        const nl = all.indexOf(0x0a, pos);
        if (nl < 0) break;
        const header = all.subarray(pos, nl).toString('utf8').split(' ');
        pos = nl + 1;
        if (header[1] === 'missing' || header.length < 3) continue;
        const size = Number(header[2]);
        out.set(oid, all.subarray(pos, pos + size));
        pos += size + 1;
      }
      resolve(out);
    });
    child.stdin.end(wanted.join('\n') + '\n');
  });
}
