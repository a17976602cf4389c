// The built site in headless Chromium: full-text search and filters in the catalogue, the identity table at 390 px, the flow table's text alternative.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { tempDir, writeRepo } from '../helpers/build.js';
import { axeViolations, seriousOrCritical } from '../helpers/axe.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for the build and the checks of its pages
const chromium = sharedBrowser();

const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;

const row = (kegiatan: string, pelaksana: string) => ({ kegiatan, pelaksana, kelengkapan: 'Berkas', waktu: '10 menit', output: 'Hasil' });

describe('catalogue and SOP pages in Chromium', { skip }, () => {
  let repo: { dir: string; cleanup: () => void };
  let browser: Browser;
  let site: string;
  before(async () => {
    repo = tempDir('sop-site-');
    writeRepo(repo.dir, {
      config: {},
      sops: [
        // a flat folder: the unit comes from each SOP's instansi
        { file: 'a.md', nomor: 'A/1', nama: 'Penerbitan Izin', extra: { prosedur: [row('Menerima berkas', 'pemohon'), row('Mengkalibrasi timbangan digital', 'petugas')] } },
        {
          file: 'b.md',
          nomor: 'B/1',
          nama: 'Pengelolaan Arsip',
          body: 'Kepala Badan menetapkan jadwal retensi.\n',
          extra: { instansi: ['PEMERINTAH KABUPATEN SUKAMAJU', 'DINAS KOMUNIKASI DAN INFORMATIKA', 'BIDANG PERSANDIAN'], jenis: 'teknis' },
        },
        { file: 'c.md', nomor: 'C/1', nama: 'Pelayanan Pengaduan' },
      ],
    });
    const r = await build({ launch: chromium.launch, cwd: repo.dir, env: process.env, formats: ['html'], mermaid: false, force: true });
    assert.equal(r.ok, true);
    site = path.join(repo.dir, '_site');
    browser = await chromium.launch(); // the browser the build used
  });
  after(async () => {
    await browser?.close();
    await chromium.close();
    repo?.cleanup();
  });

  async function open(file: string, width = 1280): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 844 });
    await page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: 'load' });
    return page;
  }

  const visible = (page: Page) => page.$$eval('#daftar tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.querySelector('.nomor')!.textContent));

  it('a word found only in one SOP\'s kegiatan finds that SOP; the body and the unit are searched too; filters narrow', async () => {
    const page = await open('index.html');
    try {
      // grouped by unit, then by number
      assert.deepEqual(await visible(page), ['A/1', 'C/1', 'B/1']);
      await page.type('#q', 'kalibrasi');
      assert.deepEqual(await visible(page), [], 'a word is matched from its start');
      await page.$eval('#q', (q) => ((q as HTMLInputElement).value = ''));
      await page.type('#q', 'mengkalibrasi');
      assert.deepEqual(await visible(page), ['A/1']);
      assert.match(await page.$eval('#count', (o) => o.textContent ?? ''), /^1 dari 3/);
      await page.$eval('#q', (q) => ((q as HTMLInputElement).value = ''));
      await page.type('#q', 'kepala badan retensi');
      assert.deepEqual(await visible(page), ['B/1']);
      await page.$eval('#q', (q) => ((q as HTMLInputElement).value = ''));
      await page.type('#q', 'persandian');
      assert.deepEqual(await visible(page), ['B/1']);
      await page.$eval('#q', (q) => ((q as HTMLInputElement).value = ''));
      await page.type('#q', ' ');
      await page.select('#f-jenis', 'Teknis');
      assert.deepEqual(await visible(page), ['B/1']);
      await page.select('#f-jenis', '');
      await page.select('#f-unit', 'BIDANG APLIKASI INFORMATIKA');
      assert.deepEqual(await visible(page), ['A/1', 'C/1']);
      // the unit column shows the instansi's unit, not "Umum"
      const units = await page.$$eval('#daftar tbody tr', (rows) => rows.map((r) => r.children[3].textContent));
      assert.deepEqual(units, ['BIDANG APLIKASI INFORMATIKA', 'BIDANG APLIKASI INFORMATIKA', 'BIDANG PERSANDIAN']);
    } finally {
      await page.close();
    }
  });

  it('?q= in the address fills the search', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${pathToFileURL(path.join(site, 'index.html')).href}?q=retensi`, { waitUntil: 'load' });
      assert.deepEqual(await visible(page), ['B/1']);
    } finally {
      await page.close();
    }
  });

  it('at 390 px no identity label box overlaps its value box, and nothing is wider than the screen but the flow table', async () => {
    const page = await open('b.html', 390);
    try {
      const pairs = await page.$$eval('table.identitas tr', (rows) =>
        rows.flatMap((tr) => {
          const th = tr.querySelector('th');
          const td = tr.querySelector('td.value');
          if (!th || !td) return [];
          const a = th.getBoundingClientRect();
          const b = td.getBoundingClientRect();
          return [{ label: th.textContent, a: [a.left, a.top, a.right, a.bottom], b: [b.left, b.top, b.right, b.bottom] }];
        }),
      );
      assert.equal(pairs.length, 6);
      for (const p of pairs) {
        const [al, at, ar, ab] = p.a;
        const [bl, bt, br, bb] = p.b;
        const overlap = Math.min(ar, br) - Math.max(al, bl) > 0.5 && Math.min(ab, bb) - Math.max(at, bt) > 0.5;
        assert.equal(overlap, false, `${p.label}: ${JSON.stringify(p)}`);
        assert.ok(br <= 390 + 0.5, `${p.label} value box ends at ${br}`);
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 391, `page scrolls sideways (${width} px)`);
      // the flow table scrolls inside its own box
      const flow = await page.$eval('.flow-page', (el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
      assert.ok(flow.scroll > flow.client, JSON.stringify(flow));
    } finally {
      await page.close();
    }
  });

  it('each flow table has a text alternative: the steps as an ordered list, named from the SVG', async () => {
    const page = await open('a.html');
    try {
      const steps = await page.$$eval('#langkah ol > li', (lis) => lis.map((li) => li.textContent ?? ''));
      assert.equal(steps.length, 2);
      assert.match(steps[1], /Mengkalibrasi timbangan digital \(Petugas Layanan\)/);
      const svg = await page.$eval('.flow-page svg', (s) => [s.getAttribute('role'), s.getAttribute('aria-describedby')]);
      assert.deepEqual(svg, ['img', 'langkah-note']);
    } finally {
      await page.close();
    }
  });

  for (const file of ['index.html', 'b.html']) {
    it(`axe: no serious or critical violation on ${file}`, async () => {
      assert.deepEqual(seriousOrCritical(await axeViolations(browser, pathToFileURL(path.join(site, file)).href)), []);
    });
  }
});
