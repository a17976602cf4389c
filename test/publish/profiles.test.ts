// Document profiles in real PDFs (pdftotext): label overrides, inline Markdown, e-signed SOPs, "-" values, byte-identical rebuilds, SHA-256 and file modes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { pdfInfo, pdfText, tempDir, writeRepo, type SopSpec, hasTools } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const hasPoppler = hasTools('pdftotext');
const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : !hasPoppler ? 'no poppler (pdftotext)' : false;

const FOOTER = 'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh BSrE.';

const sops: SopSpec[] = [
  {
    file: 'umum/labels.md',
    nomor: '800/1/SOP/2025',
    nama: 'Pengarsipan *Surat* Masuk',
    extra: {
      prosedur: [
        { kegiatan: 'Melakukan *scanning* surat dan **lampirannya**', pelaksana: 'pemohon', kelengkapan: 'Surat', waktu: '10 menit', output: 'Berkas *PDF*' },
        { kegiatan: 'Memeriksa hasil pindaian', pelaksana: 'petugas', kelengkapan: ['Berkas PDF', 'Daftar **periksa**'], waktu: '5 menit', output: 'Berkas diperiksa' },
      ],
      pelaksana: { pemohon: 'Pengadministrasi', petugas: 'Petugas Arsip' },
    },
  },
  {
    file: 'umum/tte.md',
    nomor: '800/2/SOP/2025',
    nama: 'Layanan Bertanda Tangan Elektronik',
    extra: { disahkan_oleh: { jabatan: 'Kepala Dinas Komunikasi dan Informatika', nama: 'Dr. RINA KARTIKA, M.T.', tte: true } },
  },
  {
    file: 'umum/dash.md',
    nomor: '-',
    nama: 'Pengurusan Surat Masuk',
    extra: { disahkan_oleh: { jabatan: 'Kepala Dinas', nama: 'BUDI', nip: '-' } },
  },
];

const config = {
  paper: 'A4',
  labels: { tanggal_efektif: 'Tanggal Pengesahan', mutu_baku: 'Baku Mutu', kegiatan: 'Uraian Prosedur', nomor: 'NOMOR SOP AP' },
  layout: { columnNumbers: true, totalRow: false, listStyle: { cells: 'number' } },
  signature: { footer: FOOTER },
  pack: { id: 'paket', title: 'Paket SOP', year: 2025 },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? [p, ...walk(p)] : [p];
  });
}

describe('profiles in the PDF', { skip }, () => {
  let repo: { dir: string; cleanup: () => void };
  let out2: { dir: string; cleanup: () => void };
  let site: string;
  before(async () => {
    repo = tempDir('sop-profiles-');
    out2 = tempDir('sop-profiles-again-');
    writeRepo(repo.dir, { config, sops });
    // No force: `nip: "-"` and `nomor: "-"` are format 1.1 (spec §7.3), warned at most, never errors.
    const r = await build({ launch: chromium.launch, cwd: repo.dir, env: { ...process.env, SOURCE_DATE_EPOCH: '' }, mermaid: false });
    assert.equal(r.ok, true, r.ok ? '' : JSON.stringify(r.blocked.map((b) => b.diagnostics.filter((d) => d.severity === 'error'))));
    if (r.ok) assert.deepEqual(r.forced, []);
    site = path.join(repo.dir, '_site');
    const again = await build({ launch: chromium.launch, cwd: repo.dir, outDir: path.join(out2.dir, 'site'), env: process.env, mermaid: false, cacheDir: path.join(out2.dir, 'cache') });
    assert.equal(again.ok, true);
  });
  after(() => {
    repo?.cleanup();
    out2?.cleanup();
  });

  it('carries exactly the overridden labels, in the identity table and the flow table header, and no literal *', () => {
    const text = pdfText(path.join(site, 'umum/labels.pdf'));
    for (const label of ['Tanggal Pengesahan', 'Baku Mutu', 'Uraian Prosedur', 'NOMOR SOP AP']) assert.match(text, new RegExp(label), label);
    for (const gone of ['Tgl. Efektif', 'Mutu Baku', 'Kegiatan', 'Nomor SOP']) assert.doesNotMatch(text, new RegExp(gone), gone);
    // labels that were not overridden stay the defaults
    assert.match(text, /Tgl\. Pembuatan/);
    assert.match(text, /Kelengkapan/);
    assert.match(text, /scanning/);
    assert.doesNotMatch(text, /\*/);
    // column numbers (1) ... under the header; no Jumlah waktu row
    assert.match(text, /\(1\)[\s\S]*\(2\)[\s\S]*\(3\)/);
    assert.doesNotMatch(text, /Jumlah waktu/);
  });

  it('numbers the items of a list cell with listStyle.cells: number', () => {
    const text = pdfText(path.join(site, 'umum/labels.pdf'));
    assert.match(text, /1\. Berkas PDF/);
    assert.match(text, /2\. Daftar\s+periksa/);
    assert.doesNotMatch(text, /- Berkas PDF/);
  });

  it('an e-signed SOP has no NIP line and the footer statement on every page', () => {
    const file = path.join(site, 'umum/tte.pdf');
    const text = pdfText(file);
    assert.doesNotMatch(text, /NIP\./);
    assert.match(text, /Tempat tanda tangan elektronik/);
    const pages = pdfInfo(file).pages;
    for (let p = 1; p <= pages; p++) assert.match(pdfText(file, p).replace(/\s+/g, ' '), /ditandatangani secara elektronik menggunakan sertifikat elektronik/, `page ${p}`);
    // an SOP signed by hand keeps its NIP and gets no statement
    const wet = pdfText(path.join(site, 'umum/labels.pdf'));
    assert.match(wet, /NIP\. 19780214 200312 2 005/);
    assert.doesNotMatch(wet, /ditandatangani secara elektronik/);
  });

  it('"-" values print as a dash: no "NIP. -", no "- —" in the footer', () => {
    const text = pdfText(path.join(site, 'umum/dash.pdf'));
    assert.doesNotMatch(text, /NIP\./);
    assert.doesNotMatch(text, /-\s+—/);
    assert.match(text, /^Pengurusan Surat Masuk\s/m);
  });

  it('two builds of the same input give byte-identical PDFs, dated from the SOP', () => {
    for (const f of ['umum/labels.pdf', 'umum/tte.pdf', 'umum/dash.pdf', 'paket.pdf']) {
      const a = readFileSync(path.join(site, f));
      const b = readFileSync(path.join(out2.dir, 'site', f));
      assert.ok(a.equals(b), `${f} differs between two builds`);
    }
    assert.match(pdfInfo(path.join(site, 'umum/labels.pdf')).raw, /CreationDate:\s+\S+ Jan 15 00:00:00 2025/);
  });

  it("the catalogue shows each PDF's SHA-256", () => {
    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    for (const f of ['umum/labels.pdf', 'umum/tte.pdf', 'umum/dash.pdf']) {
      const sha = createHash('sha256').update(readFileSync(path.join(site, f))).digest('hex');
      assert.ok(html.includes(sha), `${f}: ${sha} not in index.html`);
    }
  });

  it('the site is world-readable: folders 0755, files 0644', () => {
    assert.equal(statSync(site).mode & 0o777, 0o755);
    for (const p of walk(site)) assert.equal(statSync(p).mode & 0o777, statSync(p).isDirectory() ? 0o755 : 0o644, p);
  });
});
