// `sop diff --format pdf|html`: the Perbandingan SOP document (change list, then SOP awal and SOP perbaikan flow tables)
// in a temporary git repository: the printed PDF read back with pdfinfo/pdftotext, the HTML opened in headless Chromium
// with every request recorded, and the failures (bad revision, no --output, existing file, no browser) as one line, exit 2.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { perbandingan, perbandinganPdf } from '../../src/api/perbandingan.js';
import { SopBrowserMissingError } from '../../src/core/errors.js';
import { findBrowser, launchBrowser } from '../../src/print/browser.js';
import { hasTools, pdfInfo, pdfText, tempDir } from '../helpers/build.js';
import { hasGit, type TestRepo } from '../helpers/git-repo.js';
import { expectFile, normalize, revisionsRepo, runDiff } from './revisions.js';

const chromium = findBrowser();
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
/** The base64 fonts (about 100 KB each) as `data:<type>;sha256=<digest>,<n> bytes`: the file stays readable, a changed font still shows. */
const withFontsDigested = (html: string) =>
  html.replace(/data:(font\/[a-z0-9]+);base64,([A-Za-z0-9+/=]+)/g, (_m, type: string, b64: string) =>
    `data:${type};sha256=${createHash('sha256').update(b64).digest('hex').slice(0, 16)},${Buffer.from(b64, 'base64').length} bytes`);

describe('sop diff --format html|pdf (Perbandingan SOP)', { skip: !hasGit() && 'git is not installed' }, () => {
  let repo: TestRepo;
  let commits: Record<string, string> = {};
  let out: { dir: string; cleanup: () => void };
  before(() => {
    ({ repo, commits } = revisionsRepo('sop-perbandingan-'));
    out = tempDir('sop-perbandingan-out-');
  });
  after(() => {
    repo.cleanup();
    out.cleanup();
  });

  describe('PDF', { skip: (!chromium && 'no Chromium') || (!hasTools('pdftotext', 'pdfinfo') && 'poppler is not installed') }, () => {
    let pdf: string;
    before(async () => {
      pdf = path.join(out.dir, 'perbandingan.pdf');
      const r = await runDiff(repo.root, ['diff', 'sop-2025', 'HEAD', '-f', 'pdf', '-o', pdf]);
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
    });

    it('is A4 landscape: the change list, then each changed SOP before and after (5 pages)', () => {
      const info = pdfInfo(pdf);
      // 1 change list + cuti (awal, perbaikan) + surat (awal, perbaikan); the layout-only SOP is not in it
      assert.equal(info.pages, 5);
      assert.deepEqual(info.size.map(Math.round), [842, 596]);
    });

    it('lists the changed fields old → new on the first page', () => {
      const first = oneLine(normalize(pdfText(pdf, 1), commits));
      assert.match(first, /^Perbandingan SOP sop-2025 \(<awal>, 2025-01-15, sop-2025\) → HEAD \(<revisi>, 2025-06-01\) 1 SOP diubah, 0 ditambah, 0 dihapus, 1 dipindah, 1 tidak berubah /);
      for (const line of [
        'sop/kepegawaian/cuti-tahunan.md ← sop/cuti.md',
        'tanggal_revisi: - → 2025-06-01',
        'kolom diganti nama 3: Kepala Badan → Sekretaris Badan',
        'kegiatan: Memverifikasi kelengkapan berkas → Memverifikasi kelengkapan berkas permohonan cuti',
        'waktu: 30 menit → 45 menit',
        'cabang tidak: 1. Mengisi formulir permohonan cuti → selesai',
        'Status ~ berlaku → dicabut',
      ]) assert.ok(first.includes(line), `page 1 says: ${line}\n${first}`);
      assert.doesNotMatch(first, /Cuti Besar/, 'the SOP with a layout-only change is not listed');
    });

    it('prints the old flow table under "SOP awal" and the new one under "SOP perbaikan"', () => {
      const awal = oneLine(normalize(pdfText(pdf, 2), commits));
      const perbaikan = oneLine(normalize(pdfText(pdf, 3), commits));
      assert.match(awal, /^SOP awal: 800\/001\/SOP\/BKD\/2025 Pelayanan Permohonan Cuti Tahunan sop-2025 \(<awal>, 2025-01-15, sop-2025\) · sop\/cuti\.md /);
      assert.match(perbaikan, /^SOP perbaikan: 800\/001\/SOP\/BKD\/2025 Pelayanan Permohonan Cuti Tahunan HEAD \(<revisi>, 2025-06-01\) · sop\/kepegawaian\/cuti-tahunan\.md /);
      // the old actor and time only on the old table, the new ones only on the new table
      assert.match(awal, /Kepala Badan/);
      assert.doesNotMatch(awal, /Sekretaris Badan/);
      assert.match(awal, /30 menit/);
      assert.match(awal, /1 hari kerja 45 menit/);
      assert.match(perbaikan, /Sekretaris Badan/);
      assert.doesNotMatch(perbaikan, /Kepala Badan/);
      assert.match(perbaikan, /45 menit/);
      assert.match(perbaikan, /1 hari kerja 1 jam/);
      assert.match(oneLine(pdfText(pdf, 4)), /^SOP awal: 800\/003\/SOP\/BKD\/2025 Penanganan Surat Masuk/);
      assert.match(oneLine(pdfText(pdf, 5)), /^SOP perbaikan: 800\/003\/SOP\/BKD\/2025 Penanganan Surat Masuk/);
      // the running footer: which comparison, which page
      assert.match(oneLine(pdfText(pdf, 5)), /Halaman 5 dari 5/);
    });

    it('prints, page by page, the text of test/diff/expected/perbandingan.pdf.txt', () => {
      // pdftotext in reading order, a form feed between pages; commit ids replaced by their names
      expectFile('perbandingan.pdf.txt', normalize(pdfText(pdf), commits));
    });

    it('refuses to overwrite the PDF without --force, and overwrites with it', async () => {
      const before = readFileSync(pdf);
      const r = await runDiff(repo.root, ['diff', 'sop-2025', 'HEAD', '-f', 'pdf', '-o', pdf]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^sop: .*perbandingan\.pdf sudah ada; pakai --force untuk menimpa \/ already exists; use --force to overwrite\n$/);
      assert.deepEqual(readFileSync(pdf), before);
      const forced = await runDiff(repo.root, ['diff', 'sop-2025', commits.rapi, '-f', 'pdf', '-o', pdf, '--force', '--lang', 'en']);
      assert.deepEqual([forced.code, forced.stderr], [0, '']);
      assert.equal(pdfInfo(pdf).pages, 1);
      assert.match(oneLine(pdfText(pdf, 1)), /no change to the SOP content/);
    });
  });

  describe('HTML', () => {
    let html: string;
    before(async () => {
      const r = await runDiff(repo.root, ['diff', 'sop-2025', 'HEAD', '-f', 'html']);
      assert.deepEqual([r.code, r.stderr], [0, '']);
      html = r.stdout;
    });

    it('is one standalone file: stylesheet and fonts inlined, no address outside the file', () => {
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.doesNotMatch(html, /<link\b/);
      assert.doesNotMatch(html, /<script\b[^>]*\bsrc=/);
      const addresses = [...html.matchAll(/(?:href|src)="([^"]*)"|url\(([^)]*)\)/g)].map((m) => (m[1] ?? m[2]).replace(/^['"]/, ''));
      for (const a of addresses) assert.match(a, /^(#|data:)/, `address ${a.slice(0, 60)}`);
      assert.match(html, /url\(data:font\/woff2;base64,/);
      assert.equal((html.match(/<svg role="img"/g) ?? []).length, 4, 'four flow tables');
    });

    it('is the document of test/diff/expected/perbandingan.html (inlined fonts shown by size and digest)', () => {
      expectFile('perbandingan.html', withFontsDigested(normalize(html, commits)));
    });

    it('opens in headless Chromium with no request but the file itself and its fonts loaded', { skip: !chromium && 'no Chromium' }, async () => {
      const file = path.join(out.dir, 'perbandingan.html');
      writeFileSync(file, html);
      // sop's own launcher, which removes Chromium's singleton-socket folder with the profile: puppeteer's close()
      // kills a Chromium that has not exited right after Browser.close, and a killed Chromium leaves that folder
      const browser = await launchBrowser({ executablePath: chromium });
      try {
        const page = await browser.newPage();
        const urls: string[] = [];
        const problems: string[] = [];
        page.on('request', (r) => urls.push(r.url()));
        page.on('pageerror', (e) => problems.push(String(e)));
        page.on('requestfailed', (r) => problems.push(`requestfailed ${r.url()}`));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const fonts = await page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.status === 'loaded').length;
        });
        assert.deepEqual(problems, []);
        assert.deepEqual(urls.filter((u) => !u.startsWith('data:')), [pathToFileURL(file).href]);
        assert.ok(fonts > 0, 'the inlined fonts load');
        const headings = await page.$$eval('.versi-head h2', (hs) => hs.map((h) => h.textContent));
        assert.deepEqual(headings, [
          'SOP awal: 800/001/SOP/BKD/2025 Pelayanan Permohonan Cuti Tahunan',
          'SOP perbaikan: 800/001/SOP/BKD/2025 Pelayanan Permohonan Cuti Tahunan',
          'SOP awal: 800/003/SOP/BKD/2025 Penanganan Surat Masuk',
          'SOP perbaikan: 800/003/SOP/BKD/2025 Penanganan Surat Masuk',
        ]);
      } finally {
        await browser.close();
      }
    });

    it('English headings with --lang en; --exit-code exits 1 when something changed', async () => {
      const r = await runDiff(repo.root, ['diff', 'sop-2025', 'HEAD', '-f', 'html', '--lang', 'en', '--exit-code']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /<html lang="en"/);
      assert.match(r.stdout, /SOP before revision: 800\/001\/SOP\/BKD\/2025/);
      assert.match(r.stdout, /Revised SOP: 800\/001\/SOP\/BKD\/2025/);
      const same = await runDiff(repo.root, ['diff', 'sop-2025', commits.rapi, '-f', 'html', '--exit-code']);
      assert.equal(same.code, 0);
      assert.match(same.stdout, /tidak ada perubahan isi SOP/);
    });
  });

  describe('errors: one line, exit 2, no stack trace', () => {
    it('an unknown revision', async () => {
      for (const format of ['html', 'pdf']) {
        const r = await runDiff(repo.root, ['diff', 'tidak-ada', '-f', format, '-o', path.join(out.dir, `x.${format}`)]);
        assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', 'sop: revisi git tidak dikenal / unknown git revision: tidak-ada\n']);
      }
      // rev-b neither a revision nor a file: not read as a path that matches nothing ("no change")
      const r = await runDiff(repo.root, ['diff', 'sop-2025', 'tidak-ada-juga', '-f', 'html']);
      assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', 'sop: bukan revisi git dan bukan berkas atau folder / neither a git revision nor a file or folder: tidak-ada-juga\n']);
    });

    it('--format pdf without --output', async () => {
      const r = await runDiff(repo.root, ['diff', 'sop-2025', '-f', 'pdf']);
      assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', 'sop: --format pdf butuh --output <berkas.pdf> / --format pdf needs --output <file.pdf>\n']);
    });

    it('outside a git repository', async () => {
      const r = await runDiff(out.dir, ['diff', 'HEAD', '-f', 'html', '--lang', 'en']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^sop: sop diff: revision history off: this folder is not a git repository[^\n]*\n$/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });

    it('no Chromium: says how to get one (the API throws SopBrowserMissingError)', async () => {
      const { content } = await perbandingan({ cwd: repo.root, from: 'sop-2025', to: 'HEAD' });
      await assert.rejects(perbandinganPdf(content, { env: {}, browserPaths: [] }), (err: Error) => {
        assert.ok(err instanceof SopBrowserMissingError);
        assert.match(err.message, /^sop diff --format pdf: Chrome\/Chromium tidak ditemukan/);
        assert.match(err.message, /apt-get install -y chromium/);
        assert.match(err.message, /PUPPETEER_EXECUTABLE_PATH/);
        return true;
      });
    });
  });
});
