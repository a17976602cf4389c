// prelaunchBrowser: `sop build` starts Chromium before its modules load only when the build will print, never throws,
// and the session it returns is the one the build uses (one launch).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { prelaunchBrowser } from '../../src/api/build.js';
import { MANIFEST_NAME } from '../../src/publish/cache/manifest.js';
import { tempDir, writeRepo } from '../helpers/build.js';

let dir: string;
let cleanup: () => void;
before(() => {
  ({ dir, cleanup } = tempDir('sop-prelaunch-'));
  writeRepo(dir, { config: { output: 'keluaran' }, sops: [{ file: 'a.md', nomor: 'A/1/2025', nama: 'Alpha' }] });
});
after(() => cleanup());

/** A launch that counts its calls and gives a stand-in browser (nothing here prints). */
function counting(): { launch: () => Promise<Browser>; calls: () => number } {
  let n = 0;
  const browser = { close: async () => undefined } as unknown as Browser;
  return { launch: async () => (n++, browser), calls: () => n };
}

const base = () => ({ cwd: dir, formats: ['html', 'pdf'] as const, env: {} });

test('a first build (no manifest) that makes PDFs launches at once; the session launches once', async () => {
  const l = counting();
  const session = prelaunchBrowser({ ...base(), formats: ['html', 'pdf'], launch: l.launch });
  assert.ok(session);
  assert.equal(l.calls(), 1);
  await session.get();
  await session.get();
  assert.equal(l.calls(), 1);
  await session.close();
});

test('no PDFs asked for: no session', () => {
  const l = counting();
  assert.equal(prelaunchBrowser({ ...base(), formats: ['html'], launch: l.launch }), undefined);
  assert.equal(l.calls(), 0);
});

test('the output named by the config is up to date (manifest newer than every source): no launch', () => {
  const out = path.join(dir, 'keluaran');
  writeRepo(out, { sops: [] });
  const manifest = path.join(out, MANIFEST_NAME);
  writeFileSync(manifest, JSON.stringify({ sources: [path.join(dir, 'a.md'), path.join(dir, 'sop.config.yaml')] }));
  const later = new Date(Date.now() + 60_000);
  utimesSync(manifest, later, later);
  const l = counting();
  assert.equal(prelaunchBrowser({ ...base(), formats: ['html', 'pdf'], launch: l.launch }), undefined);
  // -o elsewhere (no manifest there): it will print
  const other = prelaunchBrowser({ ...base(), formats: ['html', 'pdf'], outDir: 'lain', launch: l.launch });
  assert.ok(other);
  assert.equal(l.calls(), 1);
  void other.close();
  // a source edited after the manifest: it will print
  const edited = new Date(Date.now() + 120_000);
  utimesSync(path.join(dir, 'a.md'), edited, edited);
  const again = prelaunchBrowser({ ...base(), formats: ['html', 'pdf'], launch: l.launch });
  assert.ok(again);
  void again.close();
});

test('a config that cannot be read is left for the build to report: no session, no throw', () => {
  const bad = path.join(dir, 'rusak');
  writeRepo(bad, { sops: [] });
  writeFileSync(path.join(bad, 'sop.config.yaml'), 'output: [tidak ditutup\n');
  const l = counting();
  assert.equal(prelaunchBrowser({ cwd: bad, formats: ['html', 'pdf'], env: {}, launch: l.launch }), undefined);
  assert.equal(l.calls(), 0);
});
