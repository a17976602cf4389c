// The two profiles shipped in docs/profiles, built as they are (no force) on a compact SOP: real PDFs read with pdftotext/pdffonts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { pdfInfo, pdfText, tempDir, writeRepo, hasTools } from '../helpers/build.js';
import { compactSop } from './profile-fixture.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const root = path.resolve(import.meta.dirname, '../..');

const hasPoppler = hasTools('pdftotext', 'pdffonts');
const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : !hasPoppler ? 'no poppler (pdftotext, pdffonts)' : false;

function profile(name: string): Record<string, unknown> {
  return parse(readFileSync(path.join(root, 'docs/profiles', `${name}.config.yaml`), 'utf8')) as Record<string, unknown>;
}

/** Font names poppler lists for one page. */
function fonts(file: string, page: number): string {
  return execFileSync('pdffonts', ['-f', String(page), '-l', String(page), file], { encoding: 'utf8' });
}

/** Top (pt from the page top) of the first word `word` on `page`, from pdftotext's bounding boxes. */
function topOf(file: string, page: number, word: string): number {
  const xml = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'], { encoding: 'utf8' });
  const m = new RegExp(`<word xMin="[\\d.]+" yMin="([\\d.]+)"[^>]*>${word}</word>`).exec(xml);
  assert.ok(m, `${word} on page ${page}`);
  return Number(m[1]);
}

const KEGIATAN = ['Menerima surat masuk', 'Melakukan scanning surat', 'Memeriksa agenda', 'Memberikan disposisi'];

describe("the vertical agency's e-signed profile (instansi-vertikal-tte)", { skip }, () => {
  let repo: { dir: string; cleanup: () => void };
  let pdf: string;
  before(async () => {
    repo = tempDir('sop-profile-tte-');
    writeRepo(repo.dir, { config: profile('instansi-vertikal-tte'), sops: [compactSop] });
    // No force: an e-signed SOP without NIP is valid format 1.1 and must build as it is.
    const r = await build({ launch: chromium.launch, cwd: repo.dir, env: { ...process.env, SOURCE_DATE_EPOCH: '' }, mermaid: false });
    assert.equal(r.ok, true, 'the build was refused');
    if (!r.ok) return;
    assert.equal(r.lint.errorCount, 0);
    assert.deepEqual(r.forced, []);
    pdf = path.join(repo.dir, '_site/umum/surat-masuk.pdf');
  });
  after(() => repo?.cleanup());

  it('prints the whole flow under the identity table on page 1', () => {
    const page1 = pdfText(pdf, 1).replace(/\s+/g, ' ');
    for (const label of ['NOMOR SOP AP', 'Tanggal Pengesahan', 'Pejabat yang Bertanggung Jawab', 'Pencatatan dan Pendataan']) assert.ok(page1.includes(label), label);
    for (const k of ['Uraian Prosedur', 'Baku Mutu', '(1)', '(9)', ...KEGIATAN]) assert.ok(page1.includes(k), `page 1 lacks ${k}`);
    // under it, not beside it: the flow header starts below the identity table's last row
    assert.ok(topOf(pdf, 1, 'Uraian') > topOf(pdf, 1, 'Pencatatan'));
    // the next page holds only the Catatan
    assert.equal(pdfInfo(pdf).pages, 2);
    const page2 = pdfText(pdf, 2);
    assert.match(page2, /CATATAN/);
    assert.doesNotMatch(page2, /Uraian Prosedur|Menerima surat masuk/);
    assert.doesNotMatch(pdfText(pdf), /Jumlah waktu/);
  });

  it('is e-signed: a placeholder box, no NIP line, the BSrE statement on every page', () => {
    const text = pdfText(pdf);
    assert.match(text, /Tempat tanda tangan elektronik/);
    assert.doesNotMatch(text, /NIP/);
    for (let p = 1; p <= pdfInfo(pdf).pages; p++) {
      const t = pdfText(pdf, p).replace(/\s+/g, ' ');
      assert.ok(t.includes('ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN'), `page ${p}`);
      assert.match(t, new RegExp(`Hal\\. ${p}/2`));
    }
  });

  it('draws inline Markdown: no literal asterisk, italic and bold faces embedded', () => {
    assert.doesNotMatch(pdfText(pdf), /\*/);
    assert.match(fonts(pdf, 1), /Arimo-Italic/);
  });
});

describe("the regulation's own form (regulasi)", { skip }, () => {
  let repo: { dir: string; cleanup: () => void };
  let pdf: string;
  before(async () => {
    repo = tempDir('sop-profile-regulasi-');
    const signed = { ...compactSop, extra: { ...compactSop.extra, disahkan_oleh: { jabatan: 'Kepala Kantor Wilayah', nama: 'Dr. RINA KARTIKA, S.H., M.H.', nip: '19780214 200312 2 005' } } };
    writeRepo(repo.dir, { config: profile('regulasi'), sops: [signed] });
    const r = await build({ launch: chromium.launch, cwd: repo.dir, env: process.env, mermaid: false });
    assert.equal(r.ok, true, 'the build was refused');
    if (r.ok) assert.equal(r.lint.errorCount, 0);
    pdf = path.join(repo.dir, '_site/umum/surat-masuk.pdf');
  });
  after(() => repo?.cleanup());

  it('starts the flow on a new page, with the default labels, capitals and the Jumlah waktu row', () => {
    const page1 = pdfText(pdf, 1).replace(/\s+/g, ' ');
    for (const label of ['Nomor SOP', 'Tgl. Efektif', 'Disahkan Oleh', 'NIP. 19780214 200312 2 005', 'PENERIMAAN DAN PENGAGENDAAN SURAT MASUK', 'KEPALA KANTOR WILAYAH']) assert.ok(page1.includes(label), label);
    assert.doesNotMatch(page1, /Kegiatan|Menerima surat masuk/);
    const page2 = pdfText(pdf, 2).replace(/\s+/g, ' ');
    for (const k of ['Kegiatan', 'Mutu Baku', 'Jumlah waktu', ...KEGIATAN]) assert.ok(page2.includes(k), `page 2 lacks ${k}`);
    assert.doesNotMatch(page2, /\(9\)/);
  });

  it('prints the emphasis of a kegiatan in the flow table in italics, the strong word of a list item in bold', () => {
    // page 2 holds the flow table only: an italic face there comes from its cells
    assert.match(fonts(pdf, 2), /Arimo-Italic/);
    const page2 = pdfText(pdf, 2);
    assert.doesNotMatch(page2, /\*/);
    assert.match(page2, /Lembar disposisi/);
  });
});
