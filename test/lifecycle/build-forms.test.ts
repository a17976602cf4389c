// `sop build` writes the lifecycle forms and the roll-up beside the site when the repository keeps records (HTML here: no browser needed).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const examples = path.resolve(import.meta.dirname, '../../examples');

test('sop build (HTML only) writes siklus/ with every form and rekap.xlsx, and the evidence pack the config asks for', async () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'sop-bforms-'));
  try {
    cpSync(examples, repo, { recursive: true });
    const r = await build({ launch: chromium.launch, cwd: repo, formats: ['html'], now: new Date('2026-12-01T08:00:00'), env: {} });
    assert.equal(r.ok, true);
    if (!r.ok) return;
    const out = path.join(repo, '_site');
    for (const f of ['siklus/index.html', 'siklus/tabel-6.html', 'siklus/monev/2026-S1/mutasi.html', 'siklus/monev/2026-S2/sekretariat.html', 'siklus/evaluasi/2025-08-mutasi/berita-acara.html', 'siklus/rekap.html', 'siklus/rekap.xlsx', 'bukti-zi/index.html']) {
      assert.ok(existsSync(path.join(out, f)), f);
      assert.ok(r.files.includes(f), `files lists ${f}`);
    }
    // without PDFs the evidence pack holds the HTML forms
    assert.ok(existsSync(path.join(out, 'bukti-zi/b-sop-telah-diterapkan/sekretariat.html')));
    assert.equal(r.lifecycle?.evidence?.periode, '2026-S2');
    const t7 = readFileSync(path.join(out, 'siklus/monev/2026-S2/sekretariat.html'), 'utf8');
    assert.match(t7, /<th>Penilaian terhadap penerapan \(3\)<\/th>/);
    // nothing loads from outside the site
    assert.doesNotMatch(t7, /(?:src|href)="https?:/);
    // the catalogue links to both, and the links resolve
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    assert.match(index, /<a href="siklus\/index\.html">Siklus SOP: inventaris, monitoring, evaluasi<\/a>/);
    assert.match(index, /<a href="bukti-zi\/index\.html">Bukti dukung Zona Integritas<\/a>/);
    for (const [, href] of index.matchAll(/href="((?:siklus|bukti-zi)\/[^"]+)"/g)) assert.ok(existsSync(path.join(out, href)), href);
    // every page of the forms and the evidence pack finds the stylesheet and pages it links to (a form
    // copied into bukti-zi/<item>/ kept the links of siklus/ and lost its stylesheet)
    const broken: string[] = [];
    for (const dir of ['siklus', 'bukti-zi']) {
      for (const e of readdirSync(path.join(out, dir), { recursive: true, withFileTypes: true })) {
        if (!e.isFile() || !e.name.endsWith('.html')) continue;
        const page = path.join(e.parentPath, e.name);
        for (const [, href] of readFileSync(page, 'utf8').matchAll(/(?:href|src)="([^"#:]+)"/g)) {
          if (!existsSync(path.resolve(path.dirname(page), decodeURIComponent(href)))) broken.push(`${path.relative(out, page)} -> ${href}`);
        }
      }
    }
    assert.deepEqual(broken, []);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('without an evidence pack the catalogue links to siklus/ only', async () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'sop-bforms-'));
  try {
    cpSync(examples, repo, { recursive: true });
    const config = readFileSync(path.join(repo, 'sop.config.yaml'), 'utf8');
    assert.match(config, /^evidence:\n  periode: 2026-S2\n/m);
    writeFileSync(path.join(repo, 'sop.config.yaml'), config.replace(/^evidence:\n  periode: 2026-S2\n/m, ''));
    const r = await build({ launch: chromium.launch, cwd: repo, formats: ['html'], now: new Date('2026-12-01T08:00:00'), env: {}, lang: 'en' });
    assert.equal(r.ok, true);
    const index = readFileSync(path.join(repo, '_site/index.html'), 'utf8');
    assert.match(index, /<a href="siklus\/index\.html">SOP lifecycle: inventory, monitoring, evaluation<\/a>/);
    assert.doesNotMatch(index, /bukti-zi|evidence pack/);
    assert.equal(existsSync(path.join(repo, '_site/bukti-zi')), false);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('a repository without lifecycle records gets no siklus/ folder', async () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'sop-bforms-'));
  try {
    cpSync(path.join(examples, 'sekretariat'), path.join(repo, 'sekretariat'), { recursive: true });
    writeFileSync(path.join(repo, 'sop.config.yaml'), 'lang: id\n');
    const r = await build({ launch: chromium.launch, cwd: repo, formats: ['html'], env: {}, force: true });
    assert.equal(r.ok, true);
    assert.equal(existsSync(path.join(repo, '_site/siklus')), false);
    if (r.ok) assert.equal(r.lifecycle, undefined);
    assert.doesNotMatch(readFileSync(path.join(repo, '_site/index.html'), 'utf8'), /siklus\//);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
