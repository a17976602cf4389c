// The browser closes as soon as the build has printed everything (its packs merge meanwhile), unless the lifecycle
// forms still have to be printed after the build; either way every PDF is complete.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { pdfInfo, pdfText, tempDir, writeRepo, type SopSpec } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

const chromium = sharedBrowser();
after(() => chromium.close());
const skip = !findBrowser() && 'Chromium not found';

const SOPS: SopSpec[] = [
  { file: 'unit-a/alpha.md', nomor: 'A/001/2025', nama: 'Alpha Service' },
  { file: 'unit-b/beta.md', nomor: 'B/001/2025', nama: 'Beta Service' },
];
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

let dir: string;
let cleanup: () => void;
before(() => ({ dir, cleanup } = tempDir('sop-browser-done-')));
after(() => cleanup());

/** A build whose browser notes in `events` when the build closes it, beside the progress it reports. */
async function traced(repo: string): Promise<string[]> {
  const events: string[] = [];
  const launch = async (): Promise<Browser> => {
    const shared = await chromium.launch();
    // the session closes what launch gave it: note it, leave the shared browser running
    return new Proxy(shared, { get: (t, k) => (k === 'close' ? async () => void events.push('close') : Reflect.get(t, k)) });
  };
  const r = await build({ launch, cwd: repo, env: process.env, onProgress: (p) => events.push(`${p.phase}:${p.item}`) });
  assert.equal(r.ok, true);
  events.push('returned');
  return events;
}

function repo(name: string, files: Record<string, string> = {}): string {
  const root = path.join(dir, name);
  writeRepo(root, {
    config: { lang: 'en', paper: 'A4', pack: { id: 'pack', title: 'Test Pack', year: 2025, keputusan: { nomor: 'KEP/1/2025', tentang: 'Test SOPs', tanggal: '2025-01-20' } } },
    sops: SOPS,
    files,
  });
  return root;
}

test('without lifecycle records the browser is closed before the pack is merged, and the pack is whole', { skip }, async () => {
  const root = repo('plain');
  const events = await traced(root);
  const closed = events.indexOf('close');
  assert.ok(closed >= 0, events.join(' '));
  assert.ok(closed < events.indexOf('pack:pack.pdf'), `closed before the merge: ${events.join(' ')}`);
  // every SOP page was printed before that
  for (const s of ['pdf:unit-a/alpha.pdf', 'pdf:unit-b/beta.pdf']) assert.ok(events.indexOf(s) < closed, s);
  const pack = path.join(root, '_site', 'pack.pdf');
  assert.ok(pdfInfo(pack).pages >= 4);
  const text = pdfText(pack);
  for (const s of SOPS) assert.match(text, new RegExp(s.nama));
});

test('with lifecycle records it stays open until the forms are printed', { skip }, async () => {
  const root = repo('records');
  copyFileSync(path.join(examples, 'inventaris.yaml'), path.join(root, 'inventaris.yaml'));
  const events = await traced(root);
  assert.ok(events.indexOf('close') > events.indexOf('pack:pack.pdf'), events.join(' '));
  assert.ok(pdfInfo(path.join(root, '_site', 'siklus', 'tabel-6.pdf')).pages >= 1, 'the inventory form printed');
});
