// Build API on a small A4/English repository: rebuilds only what a change touches, keeps the old output when killed half way.
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/api/build.js';
import { pageSizes, pdfInfo, pdfText, tempDir, writeRepo, sopText, type SopSpec } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));

let dir: string;
let cleanup: () => void;
let site: string;
const ALPHA: SopSpec = { file: 'unit-a/alpha.md', nomor: 'A/001/2025', nama: 'Alpha Service' };
const BETA: SopSpec = { file: 'unit-a/beta.md', nomor: 'A/002/2025', nama: 'Beta Service', keterkaitan: ['Alpha Service'] };
const GAMMA: SopSpec = { file: 'unit-b/gamma.md', nomor: 'B/001/2025', nama: 'Gamma Service', body: 'First notes.\n' };

async function run(extra: Partial<Parameters<typeof build>[0]> = {}) {
  const r = await build({ launch: chromium.launch, cwd: dir, paths: ['.'], env: process.env, ...extra });
  assert.equal(r.ok, true, r.ok ? '' : JSON.stringify(r.blocked));
  if (!r.ok) throw new Error('lint');
  return r;
}

const ino = (rel: string): number => statSync(path.join(site, rel)).ino;

/** Pids of every process below `root` (from /proc). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    for (const [pid, pp] of parent) if (pp === p) {
      out.push(pid);
      walk(pid);
    }
  };
  walk(root);
  return out;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat);
  } catch {
    return false;
  }
}

before(() => {
  ({ dir, cleanup } = tempDir('sop-build-inc-'));
  writeRepo(dir, {
    config: {
      lang: 'en',
      paper: 'A4',
      pack: {
        id: 'test-pack',
        title: 'Test Pack',
        year: 2025,
        keputusan: { nomor: 'KEP/1/2025', tentang: 'Test SOPs', tanggal: '2025-01-20', file: 'keputusan.md' },
        penjelasan: 'penjelasan.md',
      },
    },
    sops: [ALPHA, BETA, GAMMA],
    files: { 'keputusan.md': '**Considering:** tests.\n', 'penjelasan.md': '## Scope\n\nTest pack.\n' },
  });
  site = path.join(dir, '_site');
});
after(() => cleanup());

describe('incremental build', () => {
  it('builds everything the first time: A4 landscape, English labels and dates', async () => {
    const r = await run();
    assert.equal(r.stats.htmlRendered, 3);
    assert.equal(r.stats.pdfPrinted, 3);
    assert.equal(r.stats.packsMerged, 1);
    assert.equal(r.upToDate, false);
    for (const s of [ALPHA, BETA, GAMMA]) {
      const file = path.join(site, s.file.replace(/\.md$/, '.pdf'));
      for (const [w, h] of pageSizes(file)) assert.deepEqual([w, h], [841.92, 595.92]);
      const p1 = pdfText(file, 1);
      for (const label of ['SOP Number', 'Date Made', 'Effective Date', 'Approved By', 'Legal Basis']) assert.ok(p1.includes(label), label);
      assert.match(p1, /15 January 2025/);
      assert.match(p1, new RegExp(`Page 1 of ${pdfInfo(file).pages}`));
    }
    const pack = path.join(site, 'test-pack.pdf');
    assert.ok(existsSync(pack));
    assert.match(pdfText(pack, 1), /TEST PACK/);
  });

  it('does no rendering or printing when nothing changed, and leaves the output untouched', async () => {
    const before = ino('unit-a/alpha.pdf');
    const manifest = readFileSync(path.join(site, '.sop-build.json'), 'utf8');
    let launches = 0;
    const r = await run({ launch: () => (launches++, chromium.launch()) });
    assert.equal(r.upToDate, true);
    // not even for the lifecycle forms: this repository keeps no lifecycle records
    assert.equal(launches, 0, 'a build with nothing to print starts no browser');
    assert.deepEqual(
      { html: r.stats.htmlRendered, pdf: r.stats.pdfPrinted, mermaid: r.stats.mermaidRendered, front: r.stats.frontPrinted, merged: r.stats.packsMerged },
      { html: 0, pdf: 0, mermaid: 0, front: 0, merged: 0 },
    );
    assert.equal(ino('unit-a/alpha.pdf'), before);
    assert.equal(readFileSync(path.join(site, '.sop-build.json'), 'utf8'), manifest);
  });

  it('rebuilds only the changed SOP (and the pack) when its body changes', async () => {
    const alpha = ino('unit-a/alpha.pdf');
    const beta = ino('unit-a/beta.html');
    writeFileSync(path.join(dir, GAMMA.file), sopText({ ...GAMMA, body: 'Second notes.\n' }));
    const r = await run();
    assert.equal(r.stats.htmlRendered, 1);
    assert.equal(r.stats.pdfPrinted, 1);
    assert.equal(r.stats.packsMerged, 1);
    // Reused files are the very same files (hard links), not copies that were drawn again.
    assert.equal(ino('unit-a/alpha.pdf'), alpha);
    assert.equal(ino('unit-a/beta.html'), beta);
    assert.match(readFileSync(path.join(site, 'unit-b/gamma.html'), 'utf8'), /Second notes\./);
    assert.match(pdfText(path.join(site, 'test-pack.pdf')), /Second notes\./);
  });

  it('also rebuilds the SOPs whose keterkaitan shows a changed SOP, and nothing else', async () => {
    const gamma = ino('unit-b/gamma.pdf');
    writeFileSync(path.join(dir, ALPHA.file), sopText({ ...ALPHA, nomor: 'A/009/2025' }));
    const r = await run();
    assert.equal(r.stats.htmlRendered, 2);
    assert.equal(r.stats.pdfPrinted, 2);
    assert.equal(ino('unit-b/gamma.pdf'), gamma);
    // Beta names Alpha and shows its (new) number next to the link.
    assert.match(readFileSync(path.join(site, 'unit-a/beta.html'), 'utf8'), /A\/009\/2025/);
  });

  it('writes Mermaid sources and diagrams with mermaid: true, and drops pages of removed SOPs', async () => {
    rmSync(path.join(dir, BETA.file));
    const r = await run({ mermaid: true });
    assert.equal(r.sops.length, 2);
    assert.ok(!existsSync(path.join(site, 'unit-a/beta.html')));
    assert.ok(!existsSync(path.join(site, 'unit-a/beta.pdf')));
    assert.match(readFileSync(path.join(site, 'unit-a/alpha.mmd'), 'utf8'), /^flowchart TB/);
    assert.match(readFileSync(path.join(site, 'unit-a/alpha.svg'), 'utf8'), /^<svg/);
    writeFileSync(path.join(dir, BETA.file), sopText(BETA));
  });

  it('leaves the previous output whole when interrupted (Ctrl-C) half way, closes its browser, and the next build recovers', async () => {
    await run();
    const files = readdirSync(site, { recursive: true }).map(String).sort();
    const manifest = readFileSync(path.join(site, '.sop-build.json'), 'utf8');
    for (const s of [ALPHA, BETA, GAMMA]) writeFileSync(path.join(dir, s.file), sopText({ ...s, body: 'Third notes.\n' }));
    const child = spawn(process.execPath, [BIN, 'build', '.'], { cwd: dir, env: { ...process.env, CI: '1' } });
    let browserPids: number[] = [];
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        // Interrupted as soon as the first page is done: the rest is still being drawn and printed.
        if (/\[1\/\d+\]/.test(err) && browserPids.length === 0) {
          browserPids = descendants(child.pid!);
          child.kill('SIGINT');
          resolve();
        }
      });
      void exited.then(() => reject(new Error(`build ended before it could be interrupted: ${err}`)));
    });
    const end = await exited;
    assert.equal(end.signal, 'SIGINT');
    assert.ok(browserPids.length > 0, 'Chromium was running');
    // Every Chromium process of the build is gone.
    for (let i = 0; i < 50 && browserPids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    const left = browserPids.filter(alive);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    assert.deepEqual(left, []);
    assert.deepEqual(readdirSync(site, { recursive: true }).map(String).sort(), files);
    assert.equal(readFileSync(path.join(site, '.sop-build.json'), 'utf8'), manifest);
    assert.doesNotMatch(readFileSync(path.join(site, 'unit-b/gamma.html'), 'utf8'), /Third notes/);
    // The killed build left its temp folder; the next one removes it and finishes the job.
    const r = await run();
    assert.equal(r.upToDate, false);
    assert.match(readFileSync(path.join(site, 'unit-b/gamma.html'), 'utf8'), /Third notes/);
    assert.deepEqual(readdirSync(dir).filter((f) => /\.sop-(tmp|old)-/.test(f)), []);
  });
});
