// SOP text is never code: script, event-handler and javascript: payloads in every field and in the body stay inert text in Chromium.
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { findBrowser } from '../../src/print/browser.js';
import { build } from '../../src/api/build.js';
import { pdfInfo, pdfText, tempDir, writeRepo } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for the build and the checks of its pages
const chromium = sharedBrowser();

const SCRIPT = '<script>window.__pwned=1;console.log("PWNED")</script>';
const IMG = `<img src=x onerror="window.__pwned=2;console.log('PWNED')">`;
const BREAKOUT = `"><svg onload="window.__pwned=3"></svg></style><script>window.__pwned=4</script>`;
const P = `${SCRIPT}${IMG}${BREAKOUT}`;

let dir: string;
let cleanup: () => void;
let browser: Browser;
let site: string;

/** Without a browser the build writes HTML only; these checks need it, so they skip (as every Chromium suite does). */
const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;

before(async () => {
  if (skip) return;
  ({ dir, cleanup } = tempDir('sop-build-xss-'));
  writeRepo(dir, {
    config: { paper: 'A4', pack: { id: 'paket', title: `Paket ${P}`, year: 2025, subtitle: P, address: P, penjelasan: 'penjelasan.md' } },
    sops: [
      {
        file: 'unit/serangan.md',
        nomor: `X/${P}/1`,
        nama: `Nama ${P}`,
        keterkaitan: [`Terkait ${P}`, 'Sasaran Aman'],
        body:
          `Teks ${SCRIPT} dan ${IMG}\n\n[klik](javascript:window.__pwned=5) <a href="javascript:window.__pwned=6">a</a>\n\n` +
          `<iframe src="javascript:window.__pwned=7"></iframe>\n\n![x](javascript:window.__pwned=8)\n\n| ${BREAKOUT} |\n|---|\n| sel |\n`,
        extra: {
          instansi: [`PEMERINTAH ${P}`, 'DINAS UJI'],
          dasar_hukum: [`Peraturan ${P}`],
          kualifikasi_pelaksana: [P],
          peralatan_perlengkapan: [P],
          peringatan: P,
          pencatatan_pendataan: [P],
          disahkan_oleh: { jabatan: `Kepala ${P}`, nama: `Nama Pejabat ${P}`, nip: '19780214 200312 2 005', pangkat: P },
          pelaksana: { pemohon: `Pemohon ${P}`, petugas: 'Petugas', kabid: 'Kepala Bidang' },
          prosedur: [
            { kegiatan: `Mengajukan ${P}`, pelaksana: 'pemohon', kelengkapan: P, waktu: '10 menit', output: P, keterangan: P },
            { kegiatan: 'Memeriksa berkas', pelaksana: 'petugas', kelengkapan: 'Berkas', waktu: '10 menit', output: 'Hasil', keputusan: { ya: 3, tidak: 1, label: [`Ya ${P}`, 'Tidak'] } },
            { kegiatan: 'Menyetujui', pelaksana: 'kabid', kelengkapan: 'Hasil', waktu: '1 jam', output: 'Persetujuan' },
          ],
        },
      },
      { file: 'unit/sasaran.md', nomor: 'X/2', nama: 'Sasaran Aman' },
    ],
    files: { 'penjelasan.md': `## Ruang ${P}\n\n${SCRIPT}\n` },
  });
  const r = await build({ launch: chromium.launch, cwd: dir, env: process.env, force: true });
  assert.equal(r.ok, true);
  site = path.join(dir, '_site');
  // the build's own launch (found at run time, root-safe flags, no background networking)
  browser = await chromium.launch(); // the browser the build used
});
after(async () => {
  await browser?.close();
  await chromium.close();
  cleanup?.();
});

describe('injected markup', { skip }, () => {
  for (const rel of ['unit/serangan.html', 'index.html', 'paket.html']) {
    it(`never runs in ${rel}`, async () => {
      const page = await browser.newPage();
      const events: string[] = [];
      page.on('console', (m) => events.push(`console ${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => events.push(`pageerror: ${e}`));
      page.on('dialog', async (d) => {
        events.push(`dialog: ${d.message()}`);
        await d.dismiss();
      });
      await page.goto(pathToFileURL(path.join(site, rel)).href, { waitUntil: 'load' });
      // Follow every link and image the page has, as a reader would: none may run code.
      const result = await page.evaluate(() => {
        const handlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length;
        const jsUrls = [...document.querySelectorAll('[href],[src]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')).length;
        return {
          pwned: (window as unknown as { __pwned?: number }).__pwned,
          // The search index is a JSON data block (never executed); count the scripts that run.
          scripts: document.querySelectorAll('script:not([type="application/json"])').length,
          dataBlocks: document.querySelectorAll('script[type="application/json"]').length,
          iframes: document.querySelectorAll('iframe').length,
          handlers,
          jsUrls,
          text: document.body.textContent ?? '',
        };
      });
      await page.close();
      assert.equal(result.pwned, undefined);
      assert.equal(result.handlers, 0, 'no element carries an on* attribute');
      assert.equal(result.jsUrls, 0, 'no javascript: URL');
      assert.equal(result.iframes, 0);
      // Only the catalogue has a script: its own search box.
      assert.equal(result.scripts, rel === 'index.html' ? 1 : 0);
      assert.equal(result.dataBlocks, rel === 'index.html' ? 1 : 0);
      assert.ok(result.text.includes('<script>window.__pwned=1'), 'the payload is shown as text');
      assert.deepEqual(events, []);
    });
  }

  it('prints the payload as text in the PDF', () => {
    const file = path.join(site, 'unit/serangan.pdf');
    assert.ok(pdfText(file, 1).includes('<script>window.__pwned=1'));
    // The footer (a CSS string) of a page without the identity table shows the number as written.
    const last = pdfText(file, pdfInfo(file).pages);
    assert.ok(last.includes(`X/<script>window.__pwned=1;console.log("PWNED")</script>`), last);
  });

  it('keeps the author\'s raw HTML out of the page markup', () => {
    const html = readFileSync(path.join(site, 'unit/serangan.html'), 'utf8');
    assert.doesNotMatch(html, /<script>window/);
    assert.doesNotMatch(html, /<img src=x/);
    assert.doesNotMatch(html, /<iframe/);
  });
});
