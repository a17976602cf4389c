// Without Chromium the site is still built: Mermaid sources instead of diagrams, no PDFs, and a message saying how to get them.
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { browserMissingMessage } from '../../src/print/browser.js';
import { SopBrowserMissingError } from '../../src/core/errors.js';
import { tempDir, writeRepo } from '../helpers/build.js';

let dir: string;
let cleanup: () => void;
let result: Awaited<ReturnType<typeof build>>;
let launches = 0;

before(async () => {
  ({ dir, cleanup } = tempDir('sop-build-nobrowser-'));
  writeRepo(dir, {
    config: { pack: { title: 'Paket Uji', year: 2025 } },
    sops: [
      { file: 'a/satu.md', nomor: 'S/1', nama: 'Layanan Satu' },
      { file: 'b/dua.md', nomor: 'S/2', nama: 'Layanan Dua', keterkaitan: ['S/1'] },
    ],
  });
  result = await build({
    cwd: dir,
    env: {},
    launch: async () => {
      launches++;
      throw new SopBrowserMissingError(browserMissingMessage({}));
    },
  });
});
after(() => cleanup());

describe('build without a browser', () => {
  it('succeeds with the HTML and says how to get PDFs', () => {
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(launches, 1, 'one attempt, not one per page');
    assert.match(result.pdfSkipped ?? '', /apt-get install -y chromium/);
    assert.match(result.pdfSkipped ?? '', /PUPPETEER_EXECUTABLE_PATH/);
    assert.ok(existsSync(path.join(dir, '_site', 'a', 'satu.html')));
    assert.ok(existsSync(path.join(dir, '_site', 'pack.html')));
    const all = readdirSync(path.join(dir, '_site'), { recursive: true }).map(String);
    assert.deepEqual(all.filter((f) => f.endsWith('.pdf')), []);
  });

  it('shows the Mermaid source with a note instead of the diagram, and links no PDF', () => {
    const html = readFileSync(path.join(dir, '_site', 'a', 'satu.html'), 'utf8');
    assert.match(html, /<pre><code>flowchart TB/);
    assert.match(html, /Chrome\/Chromium tidak tersedia/);
    assert.doesNotMatch(html, /\.pdf"/);
    assert.doesNotMatch(readFileSync(path.join(dir, '_site', 'index.html'), 'utf8'), /\.pdf"/);
    // The flow table is drawn without a browser.
    assert.match(html, /<section class="sheet flow-page"[^>]*><svg/);
  });
});
