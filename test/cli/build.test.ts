// End-to-end test of `sop build` on the examples: the built CLI as a process, the PDFs read with poppler, the site opened in Chromium.
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { findBrowser, launchBrowser } from '../../src/print/browser.js';
import { parse } from 'yaml';
import { pageSizes, pdfInfo, pdfText, pdfXml, tempDir } from '../helpers/build.js';

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

interface Sop {
  rel: string;
  nomor: string;
  nama: string;
  data: Record<string, unknown>;
}

let dir: string;
let cleanup: () => void;
let site: string;
let run: { code: number | null; stdout: string; stderr: string };
let sops: Sop[];
let packId: string;
let browser: Browser;

/** Text with all runs of whitespace collapsed: names wrap across lines in PDFs. */
const flat = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();

function readSops(root: string): Sop[] {
  const out: Sop[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'assets' && !e.name.startsWith('_') && !e.name.startsWith('.')) walk(p);
      else if (e.name.endsWith('.md')) {
        const text = readFileSync(p, 'utf8');
        const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
        if (!m) continue;
        const data = parse(m[1]) as Record<string, unknown>;
        out.push({ rel: path.relative(root, p).replace(/\.md$/, '').split(path.sep).join('/'), nomor: String(data.nomor), nama: String(data.nama), data });
      }
    }
  };
  walk(root);
  return out;
}

/** Without a browser the build writes HTML only; these checks need it, so they skip (as every Chromium suite does). */
const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;

before(async () => {
  if (skip) return;
  ({ dir, cleanup } = tempDir('sop-build-e2e-'));
  cpSync(EXAMPLES, path.join(dir, 'examples'), { recursive: true, filter: (src) => !/[\\/](_site|\.sop-cache)$/.test(src) });
  const r = spawnSync(process.execPath, [BIN, 'build', 'examples'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  run = { code: r.status, stdout: r.stdout, stderr: r.stderr };
  site = path.join(dir, 'examples', '_site');
  sops = readSops(path.join(dir, 'examples'));
  const config = parse(readFileSync(path.join(dir, 'examples', 'sop.config.yaml'), 'utf8')) as { pack: { id: string } };
  packId = config.pack.id;
  // the build's own launch (found at run time, root-safe flags, no background networking)
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  cleanup?.();
});

describe('sop build examples', { skip }, () => {
  it('exits 0 and names what it wrote; progress goes to stderr as plain lines outside a terminal', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /12 SOP -> examples\/_site/);
    assert.match(run.stdout, new RegExp(`${packId}\\.pdf \\(\\d+ halaman\\)`));
    assert.match(run.stderr, /^sop build: \[1\/\d+\] (html|pdf) /m);
    assert.ok(sops.length >= 9);
  });

  it('writes a page and a PDF per SOP, the pack, the catalogue and local assets only', () => {
    for (const s of sops) {
      assert.ok(existsSync(path.join(site, `${s.rel}.html`)), s.rel);
      assert.ok(existsSync(path.join(site, `${s.rel}.pdf`)), s.rel);
    }
    for (const f of ['index.html', `${packId}.html`, `${packId}.pdf`, 'assets/sop.css', 'assets/fonts/arimo-latin-400-normal.woff2', 'assets/fonts/arimo-latin-700-normal.woff2']) {
      assert.ok(existsSync(path.join(site, f)), f);
    }
    // Nothing of the build machinery is published.
    assert.ok(!readdirSync(site).some((f) => f.startsWith('.sop-print')));
    assert.ok(!readdirSync(path.dirname(site)).some((f) => f.includes('.sop-tmp-')));
  });

  it('prints each SOP on F4 landscape with the identity table on page 1, long dates and page footers', () => {
    for (const s of sops) {
      const file = path.join(site, `${s.rel}.pdf`);
      const info = pdfInfo(file);
      assert.ok(info.pages >= 2, `${s.rel}: ${info.pages} pages`);
      for (const [w, h] of pageSizes(file)) {
        assert.ok(Math.abs(w - 935) < 2 && Math.abs(h - 609) < 2, `${s.rel}: page ${w} x ${h}`);
      }
      const p1 = pdfText(file, 1);
      for (const label of ['Nomor SOP', 'Tgl. Pembuatan', 'Tgl. Revisi', 'Tgl. Efektif', 'Disahkan Oleh', 'Nama SOP', 'Dasar Hukum', 'Kualifikasi Pelaksana', 'Keterkaitan', 'Peralatan/Perlengkapan', 'Peringatan', 'Pencatatan dan Pendataan']) {
        assert.ok(p1.includes(label), `${s.rel}: label ${label} missing on page 1`);
      }
      assert.ok(p1.includes(s.nomor), s.rel);
      assert.ok(flat(p1).includes(flat(s.nama)), `${s.rel}: name on page 1`);
      assert.ok(p1.includes(`NIP. ${(s.data.disahkan_oleh as { nip: string } | undefined)?.nip ?? ''}`.trim()), `${s.rel}: NIP line`);
      assert.match(p1, new RegExp(`Halaman 1 dari ${info.pages}`));
      assert.match(pdfText(file, info.pages), new RegExp(`Halaman ${info.pages} dari ${info.pages}`));
      // Page 2 is the flow table.
      const p2 = pdfText(file, 2);
      assert.match(p2, /Kegiatan/);
      assert.match(p2, /Mutu Baku/);
    }
  });

  it('writes Indonesian long dates, and - for a revision date that does not apply', () => {
    const s = sops.find((x) => x.data.tanggal_revisi === '-');
    assert.ok(s, 'an example with tanggal_revisi "-"');
    const layout = pdfText(path.join(site, `${s.rel}.pdf`), 1, true);
    assert.match(layout, /Tgl\. Revisi\s+:\s+-\s*$/m);
    const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    const [y, m, d] = String(s.data.tanggal_efektif).split('-').map(Number);
    assert.match(layout, new RegExp(`Tgl\\. Efektif\\s+:\\s+${d} ${months[m - 1]} ${y}`));
  });

  it('links keterkaitan to the other SOP: its page in HTML, its PDF from a PDF', () => {
    const withLink = sops.find((s) => Array.isArray(s.data.keterkaitan) && (s.data.keterkaitan as string[]).some((k) => sops.some((o) => o !== s && (o.nama === k || o.nomor === k))));
    assert.ok(withLink);
    const target = sops.find((o) => (withLink.data.keterkaitan as string[]).some((k) => o !== withLink && (o.nama === k || o.nomor === k)))!;
    const html = readFileSync(path.join(site, `${withLink.rel}.html`), 'utf8');
    const href = path.posix.relative(path.posix.dirname(withLink.rel), `${target.rel}.html`);
    assert.ok(html.includes(`href="${href}"`), `page links ${href}`);
    assert.ok(existsSync(path.join(site, `${target.rel}.html`)));
    const xml = pdfXml(path.join(site, `${withLink.rel}.pdf`));
    assert.ok(xml.includes(`href="${path.posix.relative(path.posix.dirname(withLink.rel), `${target.rel}.pdf`)}"`), 'PDF links the other PDF');
    assert.doesNotMatch(xml, /file:\/\//, 'no link into the build folder survives');
  });

  describe('the pack', () => {
    let file: string;
    let pages: number;
    let toc: Map<string, number>;
    before(() => {
      file = path.join(site, `${packId}.pdf`);
      pages = pdfInfo(file).pages;
      // The contents pages: every line `<n> <nomor> <nama...> <page>`.
      toc = new Map();
      for (let p = 1; p <= 8; p++) {
        const text = pdfText(file, p, true);
        if (!/DAFTAR ISI/.test(text) && toc.size === 0) continue;
        for (const m of text.matchAll(/^\s*\d+\s+(\S+\/SOP\/\S+)\s+.*?\s(\d+)\s*$/gm)) toc.set(m[1], Number(m[2]));
        if (toc.size >= sops.length) break;
      }
    });

    it('holds the cover, the decree, the contents, the usage notes and every SOP', () => {
      const all = flat(pdfText(file));
      for (const s of sops) assert.ok(all.includes(flat(s.nama)), `${s.nama} in the pack`);
      assert.match(pdfText(file, 1), /STANDAR OPERASIONAL PROSEDUR/);
      assert.match(pdfText(file, 1), /2025/);
      assert.ok(/KEPUTUSAN/.test(pdfText(file, 2)));
      assert.equal(toc.size, sops.length, `contents entries: ${[...toc.keys()].join(', ')}`);
      // Front matter portrait, SOP pages landscape, all F4.
      const sizes = pageSizes(file);
      assert.equal(sizes.length, pages);
      assert.ok(Math.abs(sizes[0][0] - 609) < 2 && Math.abs(sizes[0][1] - 935) < 2, `cover ${sizes[0]}`);
      const first = Math.min(...toc.values());
      assert.ok(Math.abs(sizes[first - 1][0] - 935) < 2, 'SOP pages are landscape');
    });

    it('lists for each SOP the page where it starts', () => {
      for (const s of sops) {
        const n = toc.get(s.nomor);
        assert.ok(n, `${s.nomor} listed`);
        const page = pdfText(file, n);
        assert.ok(page.includes(s.nomor) && page.includes('Nomor SOP'), `page ${n} starts ${s.nomor}`);
        assert.ok(flat(page).includes(flat(s.nama)), `page ${n} shows ${s.nama}`);
        assert.match(page, /Halaman 1 dari \d+/);
        // The page before belongs to something else (another SOP or the front matter).
        assert.ok(!pdfText(file, n - 1).includes(s.nomor) || n - 1 <= Math.min(...toc.values()), `${s.nomor} does not start before page ${n}`);
      }
      const last = Math.max(...toc.values());
      assert.ok(last < pages);
    });

    it('has bookmarks for the front matter, each unit and each SOP', () => {
      const xml = pdfXml(file);
      assert.match(xml, /<outline>/);
      assert.match(xml, /<item page="1">Halaman Judul<\/item>/);
      assert.match(xml, /<item page="\d+">Daftar Isi<\/item>/);
      for (const s of sops) {
        const m = new RegExp(`<item page="(\\d+)">${s.nomor.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} `).exec(xml);
        assert.ok(m, `bookmark for ${s.nomor}`);
        assert.equal(Number(m[1]), toc.get(s.nomor), `bookmark page of ${s.nomor}`);
      }
    });

    it('turns contents entries and keterkaitan into links inside the pack', () => {
      const xml = pdfXml(file);
      const internal = [...xml.matchAll(new RegExp(`href="${packId}\\.html#(\\d+)"`, 'g'))].map((m) => Number(m[1]));
      for (const n of toc.values()) assert.ok(internal.includes(n), `a link to page ${n}`);
      assert.doesNotMatch(xml, /file:\/\//);
    });
  });

  describe('the site in Chromium', () => {
    async function open(rel: string): Promise<{ page: Page; problems: string[]; urls: string[] }> {
      const page = await browser.newPage();
      const problems: string[] = [];
      const urls: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
      page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
      page.on('request', (r) => urls.push(r.url()));
      await page.goto(pathToFileURL(path.join(site, rel)).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return { page, problems, urls };
    }
    const local = (urls: string[]): void => {
      for (const u of urls) assert.match(u, /^(file|data):/, `request to ${u}`);
    };

    it('searches the catalogue offline', async () => {
      const { page, problems, urls } = await open('index.html');
      const visible = () => page.$$eval('#daftar tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);
      const shownNomor = () => page.$$eval('#daftar tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.querySelector('.nomor')!.textContent));
      assert.equal(await visible(), sops.length);
      // Full text: the number finds its SOP (and any SOP whose keterkaitan names it).
      const target = sops[3];
      await page.type('#q', target.nomor);
      const byNomor = await shownNomor();
      assert.ok(byNomor.includes(target.nomor), JSON.stringify(byNomor));
      assert.ok(byNomor.length < sops.length);
      assert.match(await page.$eval('#count', (e) => e.textContent ?? ''), new RegExp(`^${byNomor.length} dari ${sops.length} SOP`));
      await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
      await page.type('#q', 'cuti');
      const named = sops.filter((s) => s.nama.toLowerCase().includes('cuti')).map((s) => s.nomor);
      assert.ok(named.length > 0);
      const byWord = await shownNomor();
      for (const n of named) assert.ok(byWord.includes(n), `${n} not found by 'cuti'`);
      await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
      await page.type('#q', 'tidak ada sop seperti ini');
      assert.equal(await visible(), 0);
      assert.equal(await page.$eval('#none', (e) => (e as HTMLElement).hidden), false);
      await page.close();
      assert.deepEqual(problems, []);
      local(urls);
    });

    it('shows an SOP page with its tables, the Mermaid diagram and no request outside the site', async () => {
      const s = sops[0];
      const { page, problems, urls } = await open(`${s.rel}.html`);
      assert.equal(await page.$$eval('table.identitas', (t) => t.length), 1);
      assert.ok((await page.$$eval('.flow-page svg', (t) => t.length)) >= 1);
      assert.equal(await page.$$eval('.mermaid-svg svg', (t) => t.length), 1);
      assert.equal(await page.$eval('body', (b) => getComputedStyle(b).fontFamily.startsWith('Arimo')), true);
      const fontsOk = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
      assert.ok(fontsOk.includes('Arimo'), 'Arimo loaded from the site');
      await page.close();
      assert.deepEqual(problems, []);
      local(urls);
      assert.ok(urls.some((u) => u.endsWith('.woff2')));
    });

    it('shows the pack page with working links to the SOP pages', async () => {
      const { page, problems, urls } = await open(`${packId}.html`);
      const hrefs = await page.$$eval('#daftar-isi a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      const files = hrefs.filter((h) => h.startsWith('file:')).map((h) => fileURLToPath(h.split('#')[0]));
      assert.equal(files.filter((f) => f.endsWith('.html') && !f.endsWith(`${packId}.html`)).length, sops.length);
      for (const f of files) assert.ok(existsSync(f), f);
      await page.close();
      assert.deepEqual(problems, []);
      local(urls);
    });
  });
});
