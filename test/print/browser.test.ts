// findBrowser / launchBrowser / withBrowser / svgToPng: where Chromium comes from, what happens without one, and cleanup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { SopBrowserMissingError } from '../../src/core/errors.js';
import { createBrowserSession, findBrowser, isExecutableFile, launchBrowser, svgToPng, withBrowser } from '../../src/print/browser.js';
import { newProfileDir, removeProfile } from '../../src/print/profile.js';

const realBrowser = findBrowser();
const noBrowser = realBrowser === undefined ? 'no Chrome/Chromium on this machine' : false;

/** A fake browser that only counts close() calls. */
function fakeBrowser(): Browser & { closes: number } {
  const b = { closes: 0, close: async () => void b.closes++ };
  return b as unknown as Browser & { closes: number };
}

test('findBrowser: PUPPETEER_EXECUTABLE_PATH wins, then CHROME_PATH, then the system paths, first executable one', () => {
  const all = new Set(['/env/puppeteer', '/env/chrome', '/usr/bin/chromium', '/usr/bin/google-chrome']);
  const isExecutable = (p: string) => all.has(p);
  const paths = ['/usr/bin/chromium', '/usr/bin/google-chrome'];
  assert.equal(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/env/puppeteer', CHROME_PATH: '/env/chrome' }, { paths, isExecutable }), '/env/puppeteer');
  assert.equal(findBrowser({ CHROME_PATH: '/env/chrome' }, { paths, isExecutable }), '/env/chrome');
  assert.equal(findBrowser({}, { paths, isExecutable }), '/usr/bin/chromium');
  // a set but unusable variable falls through to the next candidate
  assert.equal(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nope' }, { paths: ['/nope2', '/usr/bin/google-chrome'], isExecutable }), '/usr/bin/google-chrome');
});

test('findBrowser returns undefined when nothing exists', () => {
  assert.equal(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/x', CHROME_PATH: '/y' }, { paths: ['/a', '/b'], isExecutable: () => false }), undefined);
  assert.equal(findBrowser({}, { paths: [] }), undefined);
});

test('findBrowser / isExecutableFile check the real file system: executable file yes, plain file and folder no', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sop-browser-test-'));
  try {
    const exe = join(dir, 'chrome');
    const plain = join(dir, 'plain');
    writeFileSync(exe, '#!/bin/sh\nexit 0\n');
    chmodSync(exe, 0o755);
    writeFileSync(plain, 'x');
    chmodSync(plain, 0o644);
    mkdirSync(join(dir, 'folder'));
    assert.equal(isExecutableFile(exe), true);
    assert.equal(isExecutableFile(plain), false);
    assert.equal(isExecutableFile(join(dir, 'folder')), false);
    assert.equal(isExecutableFile(join(dir, 'missing')), false);
    assert.equal(findBrowser({ CHROME_PATH: plain }, { paths: [join(dir, 'folder'), exe] }), exe);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('launchBrowser without any browser throws SopBrowserMissingError saying how to get one', async () => {
  await assert.rejects(launchBrowser({ env: {}, find: { paths: [], isExecutable: () => false } }), (err: unknown) => {
    assert.ok(err instanceof SopBrowserMissingError);
    assert.match(err.message, /apt-get install -y chromium/);
    assert.match(err.message, /PUPPETEER_EXECUTABLE_PATH/);
    assert.match(err.message, /CHROME_PATH/);
    // what still works without a browser
    assert.match(err.message, /sop lint/);
    assert.match(err.message, /Mermaid/);
    return true;
  });
});

test('launchBrowser names a configured path that is not executable', async () => {
  await assert.rejects(launchBrowser({ env: {}, executablePath: '/no/such/chrome' }), (err: unknown) => {
    assert.ok(err instanceof SopBrowserMissingError);
    assert.match(err.message, /\/no\/such\/chrome/);
    return true;
  });
  await assert.rejects(launchBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/bad/env/chrome' }, find: { paths: [], isExecutable: () => false } }), /PUPPETEER_EXECUTABLE_PATH=\/bad\/env\/chrome/);
});

test('launchBrowser: a binary that exists but is not a browser fails as SopBrowserMissingError, not a crash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sop-browser-test-'));
  try {
    const fake = join(dir, 'chrome');
    writeFileSync(fake, '#!/bin/sh\necho "not a browser" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    await assert.rejects(launchBrowser({ env: {}, executablePath: fake }), (err: unknown) => {
      assert.ok(err instanceof SopBrowserMissingError);
      assert.match(err.message, /gagal dijalankan/);
      assert.match(err.message, /failed to start/);
      assert.match(err.message, /not a browser/);
      assert.ok(err.message.includes(fake));
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('withBrowser closes the browser when fn throws, and removes its signal handlers', async () => {
  const browser = fakeBrowser();
  const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') };
  await assert.rejects(
    withBrowser(
      async (b) => {
        assert.equal(b, browser);
        assert.equal(process.listenerCount('SIGINT'), before.int + 1);
        assert.equal(process.listenerCount('SIGTERM'), before.term + 1);
        throw new Error('boom');
      },
      { launch: async () => browser },
    ),
    /boom/,
  );
  assert.equal(browser.closes, 1);
  assert.equal(process.listenerCount('SIGINT'), before.int);
  assert.equal(process.listenerCount('SIGTERM'), before.term);
});

test('withBrowser closes the browser on SIGTERM while fn runs (once, even with the final close)', async () => {
  const browser = fakeBrowser();
  // Another listener stands for the process owner: with it present the session does not re-send the signal.
  const owner = (): void => {};
  process.on('SIGTERM', owner);
  try {
    const result = await withBrowser(
      async () => {
        process.emit('SIGTERM', 'SIGTERM');
        await new Promise((r) => setImmediate(r));
        assert.equal(browser.closes, 1);
        return 'done';
      },
      { launch: async () => browser },
    );
    assert.equal(result, 'done');
    assert.equal(browser.closes, 1);
  } finally {
    process.off('SIGTERM', owner);
  }
});

test('createBrowserSession launches once, lazily; closing an unused session launches nothing', async () => {
  let launches = 0;
  const browser = fakeBrowser();
  const session = createBrowserSession({ launch: async () => (launches++, browser) });
  assert.equal(session.launched, false);
  const [a, b] = await Promise.all([session.get(), session.get()]);
  assert.equal(a, b);
  assert.equal(launches, 1);
  await session.close();
  await session.close();
  assert.equal(browser.closes, 1);
  await assert.rejects(session.get(), /closed/);

  const unused = createBrowserSession({ launch: async () => (launches++, browser) });
  await unused.close();
  assert.equal(launches, 1);
});

test('a failed launch leaves no signal handlers behind', async () => {
  const before = process.listenerCount('SIGINT');
  const session = createBrowserSession({ launch: async () => Promise.reject(new SopBrowserMissingError('none')) });
  await assert.rejects(session.get(), SopBrowserMissingError);
  await new Promise((r) => setImmediate(r));
  assert.equal(process.listenerCount('SIGINT'), before);
  await session.close();
});

test('withBrowser with the real Chromium: it runs, and it is closed afterwards', { skip: noBrowser }, async () => {
  let kept: Browser | undefined;
  const version = await withBrowser(async (b) => {
    kept = b;
    return b.version();
  });
  assert.match(version, /Chrom/);
  assert.equal(kept?.connected, false);
});

test('closing a real browser removes its profile folder by the time close() returns', { skip: noBrowser }, async () => {
  // (it was removed on 'disconnected', while Chromium still wrote into it: rmSync failed with ENOTEMPTY after
  // 1.5 s of synchronous retries on every close, and the folder was left for the next run's sweep)
  const mine = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`sop-chromium-${process.pid}-`));
  const before = mine();
  for (let i = 0; i < 2; i++) {
    const b = await launchBrowser();
    const page = await b.newPage();
    await page.goto('data:text/html,<p>x</p>');
    assert.equal(mine().length, before.length + 1, 'the running browser has its own profile folder');
    await b.close();
    assert.deepEqual(mine(), before);
  }
});

test('a killed browser leaves neither its profile nor the singleton-socket folder Chromium keeps in its TMPDIR', { skip: noBrowser }, async () => {
  // Chromium removes org.chromium.Chromium.XXXXXX (its SingletonSocket) only on a clean exit; in the system's
  // temporary directory such folders were left behind now and then. Chromium gets its own folder as TMPDIR.
  const b = await launchBrowser();
  const child = b.process()!;
  const folder = readdirSync(tmpdir()).find((n) => n.startsWith(`sop-chromium-${process.pid}-`))!;
  const socket = readlinkSync(join(tmpdir(), folder, 'profile', 'SingletonSocket'));
  const singleton = join(socket, '..');
  assert.equal(join(singleton, '..'), join(tmpdir(), folder), 'the socket folder is inside the browser\'s folder');
  assert.match(singleton, /org\.chromium\.Chromium\.[A-Za-z0-9]+$/);
  assert.ok(existsSync(singleton));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  // Chromium's helper processes can write into the profile for a while after the browser died (removeProfile tries
  // again for ~1.9 s); the folders must be gone by then
  const gone = (): boolean => !existsSync(join(tmpdir(), folder)) && !existsSync(singleton);
  for (let waited = 0; !gone() && waited < 2500; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(existsSync(join(tmpdir(), folder)), false, 'profile');
  assert.equal(existsSync(singleton), false, 'singleton-socket folder');
});

test('a folder whose socket path would be too long for Chromium keeps the system TMPDIR; its socket folder still goes', () => {
  const base = mkdtempSync(join(tmpdir(), 'sop-browser-test-'));
  // Chromium's socket path in a folder's TMPDIR: folder/org.chromium.Chromium.XXXXXX/SingletonSocket (at most 107 bytes)
  const fits = (root: string) => `${root}/org.chromium.Chromium.XXXXXX/SingletonSocket`.length <= 107;
  try {
    // beside the test's own folder, as launchBrowser makes it
    const own = newProfileDir();
    try {
      assert.equal(own.userDataDir, join(own.root, 'profile'));
      assert.equal(own.tmpDir, fits(own.root) ? own.root : undefined);
    } finally {
      removeProfile(own.root);
    }
    const deep = join(base, 'x'.repeat(60));
    mkdirSync(deep);
    const long = newProfileDir(deep);
    assert.equal(fits(long.root), false);
    assert.equal(long.tmpDir, undefined);
    // as Chromium leaves it when killed with the system's TMPDIR: the socket folder beside the profile's folder
    const singleton = join(deep, 'org.chromium.Chromium.Ab12Cd');
    mkdirSync(singleton);
    symlinkSync(join(singleton, 'SingletonSocket'), join(long.userDataDir, 'SingletonSocket'));
    removeProfile(long.root);
    assert.deepEqual(readdirSync(deep), []);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('svgToPng rasterises an SVG at its paper size (2 device pixels per CSS pixel)', { skip: noBrowser }, async () => {
  const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="50mm" height="20mm" viewBox="0 0 50 20"><rect x="0" y="0" width="25" height="20" fill="#000"/></svg>';
  const png = await withBrowser((b) => svgToPng(b, svg, 50, 20));
  const buf = Buffer.from(png);
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height at bytes 16..24
  assert.equal(buf.readUInt32BE(16), Math.ceil((50 * 96) / 25.4) * 2);
  assert.equal(buf.readUInt32BE(20), Math.ceil((20 * 96) / 25.4) * 2);
});
