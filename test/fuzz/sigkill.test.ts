// Fault test: SIGKILL of `sop build` while Chromium prints leaves no browser process after 5 s, the
// previous output whole, and no profile folder after the next run.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../../src/print/browser.js';
import { sweepStaleProfiles } from '../../src/print/profile.js';
import { tempDir, writeRepo } from '../helpers/build.js';

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));
const noBrowser = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;

/** Pids of processes whose command line names this profile prefix (the browser and its helpers). */
function browsersOf(pid: number): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return ps.split('\n').filter((l) => l.includes(`sop-chromium-${pid}-`)).map((l) => Number(l.trim().split(/\s+/)[0]));
}
const profilesOf = (pid: number) => readdirSync(tmpdir()).filter((n) => n.startsWith(`sop-chromium-${pid}-`));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stale browser profiles', () => {
  it('are swept when their build is gone; a running build keeps its own', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a pid that no longer runs
    const { dir, cleanup } = tempDir('sop-profiles-');
    try {
      mkdirSync(path.join(dir, `sop-chromium-${dead}-abc/Default`), { recursive: true });
      mkdirSync(path.join(dir, `sop-chromium-${process.pid}-def`));
      mkdirSync(path.join(dir, 'other-folder'));
      assert.deepEqual(sweepStaleProfiles(dir), [`sop-chromium-${dead}-abc`]);
      assert.deepEqual(readdirSync(dir).sort(), ['other-folder', `sop-chromium-${process.pid}-def`]);
    } finally {
      cleanup();
    }
  });

  it('take the singleton-socket folder they link to (Chromium removes it only on a clean exit), and no folder of another name', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const { dir, cleanup } = tempDir('sop-profiles-');
    try {
      for (const [profile, singleton] of [[`sop-chromium-${dead}-abc`, 'org.chromium.Chromium.Xy12Z9'], [`sop-chromium-${dead}-def`, 'elsewhere']]) {
        mkdirSync(path.join(dir, profile));
        mkdirSync(path.join(dir, singleton));
        writeFileSync(path.join(dir, singleton, 'SingletonSocket'), '');
        symlinkSync(path.join(dir, singleton, 'SingletonSocket'), path.join(dir, profile, 'SingletonSocket'));
      }
      assert.deepEqual(sweepStaleProfiles(dir).sort(), [`sop-chromium-${dead}-abc`, `sop-chromium-${dead}-def`]);
      assert.deepEqual(readdirSync(dir), ['elsewhere']);
    } finally {
      cleanup();
    }
  });
});

describe('SIGKILL of sop build', { skip: noBrowser }, () => {
  it('leaves no browser behind, the previous output whole, and no profile after the next run', { timeout: 240_000 }, async () => {
    const { dir, cleanup } = tempDir('sop-sigkill-');
    try {
      writeRepo(dir, { sops: Array.from({ length: 6 }, (_, i) => ({ file: `u/s${i}.md`, nomor: `00${i}/SOP/A/2025`, nama: `SOP ${i}` })) });
      const first = spawnSync(process.execPath, [BIN, 'build', '-q'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
      assert.equal(first.status, 0, first.stderr);
      const before = readFileSync(path.join(dir, '_site/index.html'), 'utf8');
      // a change, so the second build prints again; killed while its browser runs
      writeRepo(dir, { sops: Array.from({ length: 6 }, (_, i) => ({ file: `u/s${i}.md`, nomor: `00${i}/SOP/A/2025`, nama: `SOP ${i} baru` })) });
      const child = spawn(process.execPath, [BIN, 'build', '-q'], { cwd: dir, stdio: 'ignore' });
      const pid = child.pid!;
      for (let t = 0; t < 600 && browsersOf(pid).length === 0; t++) await sleep(100);
      assert.ok(browsersOf(pid).length > 0, 'the build never started its browser');
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      // gone within 5 s (looked at every 100 ms: no need to sit out the 5 s when they are gone sooner)
      const deadline = Date.now() + 5000;
      while (browsersOf(pid).length > 0 && Date.now() < deadline) await sleep(100);
      assert.deepEqual(browsersOf(pid), [], 'browser processes outlived the build by 5 s');
      // the previous output is whole: either the old site or nothing half-written in its place
      assert.equal(readFileSync(path.join(dir, '_site/index.html'), 'utf8'), before);
      // a SIGKILL cannot clean up: the profile stays until the next launch of any sop build (another
      // build running on this machine at the same time may already have swept it)
      const next = spawnSync(process.execPath, [BIN, 'build', '-q'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
      assert.equal(next.status, 0, next.stderr);
      assert.deepEqual(profilesOf(pid), []);
      assert.ok(existsSync(path.join(dir, '_site/u/s0.pdf')));
      assert.match(readFileSync(path.join(dir, '_site/index.html'), 'utf8'), /SOP 0 baru/);
    } finally {
      cleanup();
    }
  });
});
