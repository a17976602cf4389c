// The six format 1.1 fixtures (test/fixtures/format-1.1, modelled on published SOPs) build to PDF and
// HTML with their Mermaid diagrams: checked in the real PDFs with pdftotext/pdfinfo.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { pdfInfo, pdfText, tempDir, hasTools } from '../helpers/build.js';

const hasPoppler = hasTools('pdftotext');
const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : !hasPoppler ? 'no poppler (pdftotext)' : false;
const fixtures = path.resolve(import.meta.dirname, '../fixtures/format-1.1');
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('format 1.1 fixtures build to PDF', { skip }, () => {
  let repo: ReturnType<typeof tempDir>;
  let site: string;
  before(async () => {
    repo = tempDir('sop-f11-');
    for (const f of readdirSync(fixtures)) copyFileSync(path.join(fixtures, f), path.join(repo.dir, f));
    // No `force`: the fixtures have warnings only, so lint lets the build through.
    const r = await build({ cwd: repo.dir, env: process.env, mermaid: true, cacheDir: path.join(repo.dir, '.cache') });
    assert.equal(r.ok, true, JSON.stringify(r.ok ? '' : r.blocked.map((b) => b.diagnostics)));
    site = path.join(repo.dir, '_site');
  });
  after(() => repo?.cleanup());

  const pdf = (name: string) => path.join(site, `${name}.pdf`);

  it('writes a PDF, an HTML page and a Mermaid diagram for each of the six', () => {
    for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.md'))) {
      const name = f.replace(/\.md$/, '');
      assert.ok(pdfInfo(pdf(name)).pages >= 2, name);
      assert.ok(existsSync(path.join(site, `${name}.html`)), name);
    }
    const svgs = readdirSync(site, { recursive: true }).map(String).filter((f) => f.endsWith('.svg'));
    assert.ok(svgs.length >= 6, svgs.join(','));
  });

  it('contract SOP: 30 rows over the flow pages, optional steps noted, "Sesuai kebutuhan" printed, the total marked', () => {
    const text = flat(pdfText(pdf('pengendalian-pelaksanaan-kontrak')));
    assert.match(text, /Februari 2024/);
    assert.equal((text.match(/Apabila diperlukan/g) ?? []).length, 18);
    assert.match(text, /Sesuai kebutuhan/);
    assert.match(text, /tidak termasuk 3 kegiatan tanpa baku waktu/);
    for (const n of ['Menyerahkan salinan kontrak', 'Menandatangani berita acara serah terima akhir']) assert.ok(text.includes(n), n);
  });

  it('e-signed SOP with month dates: no NIP line, month-year dates', () => {
    const text = flat(pdfText(pdf('perizinan-rekomendasi-teknis'), 1));
    assert.doesNotMatch(text, /NIP\./);
    assert.match(text, /Maret 2017/);
    const flow = flat(pdfText(pdf('perizinan-rekomendasi-teknis'), 2));
    assert.match(flow, / 5a /);
    assert.match(flow, / 5b /);
  });

  it('the Mermaid diagram of the chain SOP holds every chain item', () => {
    const file = readdirSync(site, { recursive: true }).map(String).find((f) => f.endsWith('.svg') && f.includes('pengurusan-surat-masuk'));
    assert.ok(file);
    // Mermaid puts each word of a label in its own <tspan>: compare the visible text.
    const svg = flat(readFileSync(path.join(site, file), 'utf8').replace(/<\/tspan>/g, ' ').replace(/<[^>]+>/g, ''));
    for (const t of ['Disposisi?', 'Setuju?', 'Mengarsipkan surat masuk']) assert.ok(svg.includes(t), t);
  });
});
