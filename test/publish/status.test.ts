// sop build with status keys (issue #14): the catalogue marks replaced, revoked, draft and not-yet-in-force SOPs and links
// the versions; replaced and revoked SOPs keep their pages but are left out of the PDF pack unless asked for
// (--include-superseded / pack.includeSuperseded). Checks the built HTML (parsed) and the pack with pdfinfo/pdftotext.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { pdfInfo, pdfText, tempDir, writeRepo } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const printable = findBrowser() !== undefined && poppler;
const NOW = new Date('2026-06-01T12:00:00');

/** The catalogue row of an SOP (by its page address), as HTML. */
function rowOf(html: string, href: string): string {
  const m = new RegExp(`<tr [^>]*>(?:(?!</tr>).)*<td><a href="${href.replace(/[.]/g, '\\.')}">(?:(?!</tr>).)*</tr>`).exec(html);
  assert.ok(m, `no catalogue row links ${href}`);
  return m[0];
}

describe('sop build: status in the catalogue and the pack', () => {
  let repo: { dir: string; cleanup: () => void };
  before(() => {
    repo = tempDir('sop-status-');
    writeRepo(repo.dir, {
      config: { pack: { id: 'paket', title: 'Dokumen SOP Dinas', year: 2026 }, rules: { 'active-verb': 'off' } },
      sops: [
        { file: 'layanan/izin-lama.md', nomor: 'SOP/001/2024', nama: 'Penerbitan Izin', extra: { status: 'diganti', diganti_oleh: 'SOP/001/2026' } },
        { file: 'layanan/izin.md', nomor: 'SOP/001/2026', nama: 'Penerbitan Izin', extra: { menggantikan: ['SOP Penerbitan Izin'] } },
        { file: 'layanan/arsip.md', nomor: 'SOP/002/2024', nama: 'Pengelolaan Arsip Kertas', extra: { status: 'dicabut', tanggal_dicabut: '2026-03-31' } },
        { file: 'layanan/pengaduan.md', nomor: 'SOP/003/2026', nama: 'Pelayanan Pengaduan', extra: { tanggal_efektif: '2026-07-01', tanggal_pembuatan: '2026-05-02' } },
        { file: 'layanan/survei.md', nomor: 'SOP/004/2026', nama: 'Survei Kepuasan', extra: { status: 'draf' } },
      ],
    });
  });
  after(() => repo.cleanup());

  it('lints clean: the two versions name each other', async () => {
    const { lint } = await import('../../src/api/lint.js');
    const r = await lint({ cwd: repo.dir, now: NOW, workers: 0 });
    assert.deepEqual(r.results.flatMap((f) => f.diagnostics.map((d) => `${f.filePath}:${d.line}:${d.column} ${d.ruleId}`)), []);
  });

  it('the catalogue shows each status, links both versions, and every SOP keeps its page', async () => {
    const r = await build({ launch: chromium.launch, cwd: repo.dir, formats: printable ? ['html', 'pdf'] : ['html'], now: NOW });
    assert.ok(r.ok);
    const site = path.join(repo.dir, '_site');
    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    const old = rowOf(html, 'layanan/izin-lama.html');
    assert.match(old, /^<tr [^>]*data-status="diganti" class="superseded">/);
    assert.match(old, /<div class="status status-diganti"><span class="badge">Diganti<\/span> &middot; Diganti oleh <a href="layanan\/izin\.html">SOP\/001\/2026 Penerbitan Izin<\/a><\/div>/);
    const current = rowOf(html, 'layanan/izin.html');
    assert.match(current, /data-status="berlaku">/);
    assert.match(current, /<div class="status status-berlaku">Menggantikan <a href="layanan\/izin-lama\.html">SOP\/001\/2024 Penerbitan Izin<\/a><\/div>/);
    assert.match(rowOf(html, 'layanan/arsip.html'), /<div class="status status-dicabut"><span class="badge">Dicabut<\/span> &middot; Dicabut 31 Maret 2026<\/div>/);
    assert.match(rowOf(html, 'layanan/pengaduan.html'), /<div class="status status-berlaku status-belum"><span class="badge">Belum berlaku<\/span> mulai berlaku 1 Juli 2026<\/div>/);
    assert.match(rowOf(html, 'layanan/survei.html'), /<span class="badge">Draf<\/span>/);
    for (const f of ['izin-lama', 'izin', 'arsip', 'pengaduan', 'survei']) assert.ok(existsSync(path.join(site, `layanan/${f}.html`)), `${f}.html`);
    // the replaced SOP's own page says so and links its successor (relative to its folder)
    const page = readFileSync(path.join(site, 'layanan/izin-lama.html'), 'utf8');
    assert.match(page, /<aside class="status-notice screen-only"><p class="status status-diganti"><span class="badge">Diganti<\/span> &middot; Diganti oleh <a href="izin\.html">SOP\/001\/2026 Penerbitan Izin<\/a><\/p><\/aside>/);
    assert.doesNotMatch(readFileSync(path.join(site, 'layanan/izin.html'), 'utf8').replace(/<aside[\s\S]*?<\/aside>/, ''), /status-notice/);
    if (!printable) return;
    // the pack leaves the replaced and the revoked SOP out; their own PDFs are still made
    const pack = path.join(site, 'paket.pdf');
    const text = pdfText(pack).replace(/\s+/g, ' ');
    for (const nomor of ['SOP/001/2026', 'SOP/003/2026', 'SOP/004/2026']) assert.ok(text.includes(nomor), `${nomor} in the pack`);
    for (const nomor of ['SOP/001/2024', 'SOP/002/2024']) assert.ok(!text.includes(nomor), `${nomor} left out of the pack`);
    assert.ok(existsSync(path.join(site, 'layanan/izin-lama.pdf')));
    const sopPages = (f: string) => pdfInfo(path.join(site, `layanan/${f}.pdf`)).pages;
    const without = pdfInfo(pack).pages;

    const again = await build({ launch: chromium.launch, cwd: repo.dir, formats: ['html', 'pdf'], now: NOW, includeSuperseded: true, outDir: '_site-all' });
    assert.ok(again.ok);
    const all = path.join(repo.dir, '_site-all', 'paket.pdf');
    const allText = pdfText(all).replace(/\s+/g, ' ');
    for (const nomor of ['SOP/001/2024', 'SOP/002/2024']) assert.ok(allText.includes(nomor), `${nomor} in the pack with --include-superseded`);
    // the two SOPs' pages, and at least as many pages of contents
    assert.ok(pdfInfo(all).pages >= without + sopPages('izin-lama') + sopPages('arsip'), `${pdfInfo(all).pages} pages vs ${without}`);
  });
});
