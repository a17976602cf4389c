// axe-core on the built site (headless Chromium, axe from node_modules): no serious or critical violation on the catalogue and an SOP page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { tempDir } from '../helpers/build.js';
import { axeViolations, seriousOrCritical } from '../helpers/axe.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for the build and the checks of its pages
const chromium = sharedBrowser();

const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;
const examples = path.resolve(import.meta.dirname, '../../examples');

let browser: Browser;
let out: { dir: string; cleanup: () => void };

before(async () => {
  if (skip) return;
  out = tempDir('sop-a11y-');
  const r = await build({ launch: chromium.launch, cwd: examples, outDir: out.dir, formats: ['html'], mermaid: false, force: true, env: process.env });
  assert.equal(r.ok, true);
  browser = await chromium.launch(); // the browser the build used
});
after(async () => {
  await browser?.close();
  await chromium.close();
  out?.cleanup();
});

test('the harness finds a violation where there is one (an image without alt, an unlabelled field)', { skip }, async () => {
  const bad = path.join(out.dir, 'bad.html');
  writeFileSync(bad, '<!doctype html><html><head><title>x</title></head><body><main><img src="x.png"><input type="text"></main></body></html>');
  const ids = seriousOrCritical(await axeViolations(browser, pathToFileURL(bad).href)).map((v) => v.id);
  assert.ok(ids.includes('image-alt'), ids.join(','));
  assert.ok(ids.includes('label'), ids.join(','));
});

for (const page of ['index.html', 'sekretariat/penanganan-surat-masuk.html']) {
  for (const width of [1280, 390]) {
    test(`axe: no serious or critical violation on ${page} at ${width} px`, { skip }, async () => {
      const v = await axeViolations(browser, pathToFileURL(path.join(out.dir, page)).href, { width, height: 844 });
      assert.deepEqual(seriousOrCritical(v), []);
    });
  }
}
