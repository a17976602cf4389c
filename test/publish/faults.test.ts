// Faults of sop build: write errors (full disk, read-only, missing parent) are messages with the path
// and exit 2, never a hang; one build per output folder; output modes; body text that looks like an
// attribute is printed as written.
import { describe, it, beforeEach, afterEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/api/build.js';
import { absolutizeUrls } from '../../src/print/urls.js';
import { lockFileOf } from '../../src/publish/lock.js';
import { findBrowser } from '../../src/print/browser.js';
import { sopText, tempDir, writeRepo } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));
const isRoot = process.getuid?.() === 0;

function sop(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** A tiny tmpfs (root only); undefined when mounting is not permitted here. */
function tinyMount(dir: string, opts: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]).status === 0;
}
const unmount = (dir: string) => spawnSync('umount', ['-l', dir]);

describe('build faults', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('sop-faults-'));
    writeRepo(dir, { sops: [1, 2, 3].map((i) => ({ file: `u/s${i}.md`, nomor: `00${i}/SOP/A/2025`, nama: `SOP ${i}`, body: `Isi ${'panjang '.repeat(2000)}\n` })) });
  });
  afterEach(() => cleanup());

  it('a missing parent (a file in the way) is a message with the path, exit 2', () => {
    writeFileSync(path.join(dir, 'berkas'), 'x');
    const r = sop(dir, 'build', '--format', 'html', '--out', 'berkas/_site');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^sop: tidak dapat menulis .*berkas.*: (?:bagian dari path bukan folder \(ENOTDIR\)|ada berkas yang menghalangi \(EEXIST\))\n$/);
    assert.doesNotMatch(r.stderr, /internal|    at /);
  });

  it('a full disk (HTML and PDF) and a read-only folder are messages with the path, exit 2, no hang', { skip: isRoot ? false : 'needs root to mount a tmpfs' }, (t) => {
    const full = path.join(dir, 'penuh');
    if (!tinyMount(full, 'size=64k')) return t.skip('mount not permitted here');
    try {
      const h = sop(dir, 'build', '--format', 'html', '--out', 'penuh/_site', '--lang', 'en');
      assert.equal(h.code, 2, h.stderr);
      assert.match(h.stderr, /^sop: cannot write .*penuh.*: no space left on the device \(ENOSPC\)\n$/);
      if (findBrowser()) {
        const p = sop(dir, 'build', '--format', 'pdf', '--out', 'penuh/_site', '--lang', 'en');
        assert.equal(p.signal, null, 'the build hung and was killed');
        assert.equal(p.code, 2, p.stderr);
        assert.match(p.stderr, /cannot write .*penuh.*\(ENOSPC\)/);
      }
    } finally {
      unmount(full);
    }
    const ro = path.join(dir, 'baca');
    if (!tinyMount(ro, 'size=1m,ro')) return;
    try {
      const r = sop(dir, 'build', '--format', 'html', '--out', 'baca/_site');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^sop: tidak dapat menulis .*baca.*: sistem berkas hanya-baca \(EROFS\)\n$/);
    } finally {
      unmount(ro);
    }
  });

  it('a second build of the same output while one runs is refused with a message; a stale lock is taken over', async () => {
    const out = path.join(dir, '_site');
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(lockFileOf(out), `${holder.pid}\n`);
      const r = sop(dir, 'build', '--format', 'html', '--lang', 'en');
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`_site is being built by another sop build \\(pid ${holder.pid}\\)`));
      assert.ok(!existsSync(out));
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((r) => holder.once('exit', r));
    // the holder is gone: its lock is stale and the next build takes it over, then removes it
    const b = await build({ launch: chromium.launch, cwd: dir, formats: ['html'] });
    assert.ok(b.ok);
    assert.ok(!existsSync(lockFileOf(out)));
  });

  it('writes the site with modes 0755 (folders) and 0644 (files)', async () => {
    const b = await build({ launch: chromium.launch, cwd: dir, formats: ['html'] });
    assert.ok(b.ok);
    const site = path.join(dir, '_site');
    assert.equal(statSync(site).mode & 0o777, 0o755);
    for (const e of readdirSync(site, { withFileTypes: true, recursive: true })) {
      const mode = statSync(path.join(e.parentPath, e.name)).mode & 0o777;
      assert.equal(mode, e.isDirectory() ? 0o755 : 0o644, path.join(e.parentPath, e.name));
    }
  });
});

describe('print urls', () => {
  it('rewrites only attributes of tags; body text shaped like href="..." stays as written', () => {
    const base = 'file:///tmp/bangun/_site/u/a.html';
    assert.equal(
      absolutizeUrls('<p>Tulis href="x.html" dan src="y.png"</p><a href="b.html" title="a>b">b</a><img alt="z" src="../i.png">', base),
      '<p>Tulis href="x.html" dan src="y.png"</p><a href="file:///tmp/bangun/_site/u/b.html" title="a>b">b</a><img alt="z" src="file:///tmp/bangun/_site/i.png">',
    );
  });
});
