// Ctrl-C (SIGINT) during `sop lint` and `sop build`: the shell sees status 130 (128 + SIGINT), as for
// Ctrl-C in the prompts of init/new; a build leaves no half-written output and no Chromium behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../../src/print/browser.js';
import { tempDir, writeRepo } from '../helpers/build.js';
import { SOP } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)));

/** Runs the CLI, sends SIGINT once `ready(output)` holds (or after `ms`), returns the status a shell reports. */
function interrupted(args: string[], cwd: string, ready: (out: string) => boolean, ms: number): Promise<{ status: number; out: string; pids: number[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      child.kill('SIGINT');
    };
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready(out)) send();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(send, ms);
    // the Chromium this run started (children of the CLI process)
    const pids = new Set<number>();
    const watch = setInterval(() => childrenOf(child.pid!).forEach((p) => pids.add(p)), 100);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      // a process ended by SIGINT: the shell's $? is 128 + 2
      resolve({ status: code ?? 128 + constants.signals[signal as NodeJS.Signals], out, pids: [...pids] });
    });
  });
}

test('Ctrl-C during sop lint: status 130', { skip: built ? false : 'run `npm run build` first' }, async () => {
  const files: Record<string, string> = { 'sop.config.yaml': 'lang: id\n' };
  for (let i = 1; i <= 3000; i++) files[`u${i % 30}/s${i}.md`] = SOP(String(i).padStart(3, '0')).replace(/Cuti \d+/, `Cuti ${i}`);
  const root = tree(files);
  try {
    const r = await interrupted(['lint'], root, () => false, 700);
    assert.equal(r.status, 130, r.out);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('Ctrl-C during sop build: status 130, no output folder, no Chromium left', { skip: !built ? 'run `npm run build` first' : findBrowser(process.env) ? false : 'no Chromium on this machine' }, async () => {
  const { dir, cleanup } = tempDir('sop-interrupt-');
  try {
    // Enough SOPs that the signal, sent at the first progress line, lands well before the site is
    // published even on an idle machine (with 12 an idle CI machine finished first).
    writeRepo(dir, { sops: Array.from({ length: 48 }, (_, i) => ({ file: `u/s${i}.md`, nomor: `${String(i + 1).padStart(3, '0')}/SOP/A/2025`, nama: `Layanan ${i + 1}` })) });
    const r = await interrupted(['build'], dir, (out) => /PDF|pdf|\d+\/\d+/.test(out), 8000);
    assert.equal(r.status, 130, r.out);
    assert.ok(!existsSync(path.join(dir, '_site', 'index.html')), 'no half-built site published');
    await new Promise((res) => setTimeout(res, 500));
    assert.ok(r.pids.length > 0, `Chromium was running when interrupted:\n${r.out}`);
    assert.deepEqual(r.pids.filter(alive), [], 'Chromium closed');
  } finally {
    cleanup();
  }
});

/** Live Chromium processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      return ppid === pid && /chrom/i.test(readFileSync(`/proc/${p}/cmdline`, 'utf8')) ? [Number(p)] : [];
    } catch {
      return [];
    }
  });
}

/** True while the process exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
