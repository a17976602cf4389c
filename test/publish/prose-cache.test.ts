// A pack's texts are rendered once and reused by later builds only while every image and link in them resolves as
// before: a marker planted in the cached HTML shows when it is reused, and goes when a target moves.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { tempDir, writeRepo, sopText, type SopSpec } from '../helpers/build.js';

const ALPHA: SopSpec = { file: 'unit-a/alpha.md', nomor: 'A/001/2025', nama: 'Alpha Service' };
const BETA: SopSpec = { file: 'unit-b/beta.md', nomor: 'B/001/2025', nama: 'Beta Service' };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let dir: string;
let cleanup: () => void;
before(() => {
  ({ dir, cleanup } = tempDir('sop-prose-cache-'));
  writeRepo(dir, {
    config: { lang: 'en', pack: { id: 'pack', title: 'Test Pack', year: 2025, keputusan: { nomor: 'KEP/1/2025', tentang: 'Tests', tanggal: '2025-01-20', file: 'keputusan.md' }, penjelasan: 'penjelasan.md' } },
    sops: [ALPHA, BETA],
    files: {
      'keputusan.md': 'Considering [the Alpha SOP](unit-a/alpha.md) and this seal:\n\n![seal](seal.png)\n',
      'penjelasan.md': '## Scope\n\nAll units.\n',
    },
  });
  writeFileSync(path.join(dir, 'seal.png'), PNG);
});
after(() => cleanup());

const cacheDir = () => path.join(dir, '.sop-cache', 'build');
const packHtml = () => readFileSync(path.join(dir, '_site', 'pack.html'), 'utf8');

async function run(): Promise<void> {
  const r = await build({ cwd: dir, formats: ['html'], env: {} });
  assert.equal(r.ok, true);
}

/** Plants a marker in the cached HTML of the decree (the text that links to Alpha). */
function plant(): void {
  const name = readdirSync(cacheDir()).find((f) => f.startsWith('prose-') && readFileSync(path.join(cacheDir(), f), 'utf8').includes('alpha'));
  assert.ok(name, 'the decree was cached');
  const file = path.join(cacheDir(), name);
  const cached = JSON.parse(readFileSync(file, 'utf8')) as { calls: unknown[]; html: string };
  assert.deepEqual(cached.calls, [['link', 'unit-a/alpha.md', 'unit-a/alpha.html'], ['image', 'seal.png', cached.calls[1] && (cached.calls[1] as string[])[2]]]);
  writeFileSync(file, JSON.stringify({ ...cached, html: cached.html.replace('Considering', 'PLANTED') }));
}

test('an unchanged text is taken from the cache, also when an SOP changed', async () => {
  await run();
  assert.match(packHtml(), /Considering <a href="unit-a\/alpha\.html">the Alpha SOP<\/a>/);
  plant();
  writeFileSync(path.join(dir, BETA.file), sopText({ ...BETA, body: 'Changed notes.\n' }));
  await run();
  assert.match(packHtml(), /PLANTED <a href="unit-a\/alpha\.html">/, 'reused');
});

test('a link whose target moved renders the text again', async () => {
  plant();
  renameSync(path.join(dir, 'unit-a'), path.join(dir, 'unit-c'));
  writeFileSync(path.join(dir, 'keputusan.md'), readFileSync(path.join(dir, 'keputusan.md'), 'utf8'));
  await run();
  const html = packHtml();
  assert.doesNotMatch(html, /PLANTED/);
  // the link no longer resolves to an SOP page: it stays as written
  assert.match(html, /Considering <a href="unit-a\/alpha\.md">the Alpha SOP<\/a>/);
});

test('a changed image renders the text again', async () => {
  renameSync(path.join(dir, 'unit-c'), path.join(dir, 'unit-a'));
  await run();
  plant();
  // a different picture under the same name: its site copy (named by content) changes
  writeFileSync(path.join(dir, 'seal.png'), Buffer.concat([PNG, Buffer.from([0])]));
  await run();
  assert.doesNotMatch(packHtml(), /PLANTED/);
});

test('the entry of a text that changed is pruned', async () => {
  const before = readdirSync(cacheDir()).filter((f) => f.startsWith('prose-')).sort();
  assert.equal(before.length, 2);
  writeFileSync(path.join(dir, 'penjelasan.md'), '## Scope\n\nSome units.\n');
  await run();
  const now = readdirSync(cacheDir()).filter((f) => f.startsWith('prose-')).sort();
  assert.equal(now.length, 2);
  assert.equal(now.filter((f) => before.includes(f)).length, 1, 'the decree entry stays, the old Penjelasan entry is gone');
});
