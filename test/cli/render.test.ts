// `sop render` end to end in-process: Mermaid to stdout or a file, overwrite protection, refusing broken SOPs, PNG/SVG pages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { renderSop, type FlowTableRenderer, type FlowTableOptions } from '../../src/api/render.js';
import { findBrowser } from '../../src/print/browser.js';

const IDENTITY = `nomor: 800/012/SOP/BKD/2025
nama: Pelayanan Permohonan Cuti Tahunan
instansi: [Pemerintah Kabupaten Sukamaju, Badan Kepegawaian Daerah]
tanggal_pembuatan: 2025-01-15
tanggal_revisi: "-"
tanggal_efektif: 2025-02-01
disahkan_oleh:
  jabatan: Kepala Badan Kepegawaian Daerah
  nama: Drs. Ahmad Suryadi, M.Si.
  nip: 19750312 200012 1 003
dasar_hukum: [Peraturan Pemerintah Nomor 11 Tahun 2017]
kualifikasi_pelaksana: [Memahami peraturan cuti]
keterkaitan: "-"
peralatan_perlengkapan: [Komputer]
peringatan: Hak cuti tidak dapat diberikan tepat waktu
pencatatan_pendataan: [Buku agenda]
`;

const CUTI = `---
${IDENTITY}pelaksana:
  pemohon: Pemohon
  pengelola: Pengelola Kepegawaian
prosedur:
  - kegiatan: Mengisi formulir permohonan cuti
    pelaksana: pemohon
    kelengkapan: Blangko permohonan cuti
    waktu: 15 menit
    output: Formulir terisi
  - kegiatan: Memverifikasi kelengkapan berkas
    pelaksana: pengelola
    kelengkapan: Formulir terisi
    waktu: 30 menit
    output: Berkas terverifikasi
    keputusan:
      tidak: selesai
  - kegiatan: Menerbitkan surat izin cuti
    pelaksana: pengelola
    kelengkapan: Berkas terverifikasi
    waktu: 1 jam
    output: Surat izin cuti
---

Catatan.
`;

const EXPECTED_MERMAID = `flowchart TB
  subgraph lane_pemohon["Pemohon"]
    r1(["1. Mengisi formulir permohonan<br>cuti"])
  end
  subgraph lane_pengelola["Pengelola Kepegawaian"]
    r2{"2. Memverifikasi kelengkapan<br>berkas"}
    end2(["Selesai"])
    r3(["3. Menerbitkan surat izin cuti"])
  end
  r1 --> r2
  r2 -->|"Ya"| r3
  r2 -->|"Tidak"| end2
`;

interface Run {
  code: number;
  out: string;
  err: string;
}

let dir: string;

async function sop(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = {
    cwd: dir,
    env: { ...process.env },
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    stdoutIsTTY: false,
    stdinIsTTY: false,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-render-test-'));
  writeFileSync(join(dir, 'cuti-tahunan.md'), CUTI);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('--format mermaid without --out prints the Mermaid source', async () => {
  const r = await sop('render', 'cuti-tahunan.md', '--format', 'mermaid');
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.equal(r.out, EXPECTED_MERMAID);
});

test('--lang en changes the words the tool adds', async () => {
  const r = await sop('render', 'cuti-tahunan.md', '-f', 'mermaid', '--lang', 'en');
  assert.equal(r.code, 0);
  assert.match(r.out, /end2\(\["End"\]\)/);
  assert.doesNotMatch(r.out, /Selesai/);
});

test('--out writes <slug>.mmd atomically, refuses to overwrite without --force, overwrites with it', async () => {
  const r = await sop('render', 'cuti-tahunan.md', '--format', 'mermaid', '--out', 'out/mmd');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'out/mmd/cuti-tahunan.mmd\n');
  const file = join(dir, 'out/mmd/cuti-tahunan.mmd');
  assert.equal(readFileSync(file, 'utf8'), EXPECTED_MERMAID);

  writeFileSync(file, 'edited by hand\n');
  const again = await sop('render', 'cuti-tahunan.md', '--format', 'mermaid', '--out', 'out/mmd');
  assert.equal(again.code, 2);
  assert.match(again.err, /--force/);
  assert.match(again.err, /out\/mmd\/cuti-tahunan\.mmd/);
  assert.equal(readFileSync(file, 'utf8'), 'edited by hand\n');

  const forced = await sop('render', 'cuti-tahunan.md', '--format', 'mermaid', '--out', 'out/mmd', '--force');
  assert.equal(forced.code, 0, forced.err);
  assert.equal(readFileSync(file, 'utf8'), EXPECTED_MERMAID);
});

test('an SOP with schema errors is not drawn: exit 1, file:line:col of the problems, a pointer to sop lint', async () => {
  const broken = CUTI.replace('nama: Pelayanan Permohonan Cuti Tahunan\n', '').replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 1 Februari 2025');
  writeFileSync(join(dir, 'rusak.md'), broken);
  const r = await sop('render', 'rusak.md', '--format', 'mermaid', '--out', 'out/rusak');
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.match(r.err, /rusak\.md:\d+:\d+ .*\[schema\]/);
  // tanggal_efektif is on line 5 of the file (after `---`, nomor, instansi, tanggal_pembuatan... minus nama)
  const lineOf = broken.split('\n').findIndex((l) => l.startsWith('tanggal_efektif')) + 1;
  assert.match(r.err, new RegExp(`rusak\\.md:${lineOf}:18 `));
  assert.match(r.err, /nama/);
  assert.match(r.err, /sop lint rusak\.md/);
  assert.equal(existsSync(join(dir, 'out/rusak')), false);
});

test('YAML errors, a missing frontmatter and an undeclared pelaksana also stop the render', async () => {
  writeFileSync(join(dir, 'yaml.md'), '---\nnomor: [1\n---\n');
  writeFileSync(join(dir, 'plain.md'), '# Bukan SOP\n');
  writeFileSync(join(dir, 'hantu.md'), CUTI.replace('    pelaksana: pengelola\n    kelengkapan: Berkas', '    pelaksana: hantu\n    kelengkapan: Berkas'));
  const yaml = await sop('render', 'yaml.md', '-f', 'mermaid');
  assert.equal(yaml.code, 1);
  assert.match(yaml.err, /yaml\.md:\d+:\d+ .*\[yaml-syntax\]/);
  const plain = await sop('render', 'plain.md', '-f', 'mermaid');
  assert.equal(plain.code, 1);
  assert.match(plain.err, /plain\.md:1:1 .*\[frontmatter-missing\]/);
  const hantu = await sop('render', 'hantu.md', '-f', 'mermaid', '--lang', 'en');
  assert.equal(hantu.code, 1);
  const line = CUTI.split('\n').findIndex((l, i, all) => l === '    pelaksana: pengelola' && all[i + 1] === '    kelengkapan: Berkas terverifikasi') + 1;
  assert.match(hantu.err, new RegExp(`hantu\\.md:${line}:16 .*hantu.*\\[unknown-pelaksana\\]`));
  assert.match(hantu.err, /Run `sop lint hantu\.md`/);
});

test('usage errors exit 2: PNG without --out, an unknown format, a missing file', async () => {
  const png = await sop('render', 'cuti-tahunan.md', '--format', 'png');
  assert.equal(png.code, 2);
  assert.match(png.err, /--out/);
  const bad = await sop('render', 'cuti-tahunan.md', '--format', 'pdf');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /pdf/);
  const missing = await sop('render', 'tidak-ada.md', '-f', 'mermaid');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /tidak-ada\.md:1:1 .*\[file-read\]/);
});

describe('flow-table pages (renderer stubbed)', () => {
  /** Two fake pages; records the options the API passed. */
  function stub(calls: FlowTableOptions[]): FlowTableRenderer {
    return (model, options) => {
      calls.push(options ?? {});
      const page = (n: number) => ({
        svg: `<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 297 210"><rect width="297" height="210" fill="#fff"/><text x="10" y="20" font-size="8">${model.rows[n].kegiatan}</text></svg>`,
        widthMm: 297,
        heightMm: 210,
        rows: [n],
      });
      return { pages: [page(0), page(1)] };
    };
  }

  test('svg: one file per page named <slug>-N.svg; paper and lang come from the config unless given', async () => {
    const proj = join(dir, 'proj');
    mkdirSync(proj, { recursive: true });
    writeFileSync(join(proj, 'sop.config.yaml'), 'paper: F4\nlang: en\n');
    writeFileSync(join(proj, 'cuti.md'), CUTI);
    const calls: FlowTableOptions[] = [];
    const r = await renderSop({ cwd: proj, file: 'cuti.md', format: 'svg', outDir: 'pages', renderFlowTable: stub(calls) });
    assert.ok(r.ok);
    assert.deepEqual(calls[0], { paper: 'F4', lang: 'en', embedFont: true });
    assert.equal(r.pages, 2);
    assert.deepEqual(r.written.map((w) => w.file), ['pages/cuti-1.svg', 'pages/cuti-2.svg']);
    assert.match(readFileSync(join(proj, 'pages/cuti-2.svg'), 'utf8'), /Memverifikasi kelengkapan berkas/);

    const again = await renderSop({ cwd: proj, file: 'cuti.md', format: 'svg', paper: 'A4', lang: 'id', renderFlowTable: stub(calls) });
    assert.deepEqual(calls[1], { paper: 'A4', lang: 'id', embedFont: true });
    assert.ok(again.ok);
    assert.deepEqual(again.written, [], 'nothing is written without outDir');
    assert.deepEqual(again.outputs.map((o) => o.name), ['cuti-1.svg', 'cuti-2.svg']);
  });

  test('png: one screenshot per page through the browser', { skip: findBrowser() === undefined ? 'no Chrome/Chromium' : false }, async () => {
    const r = await renderSop({ cwd: dir, file: 'cuti-tahunan.md', format: 'png', outDir: 'png', renderFlowTable: stub([]) });
    assert.ok(r.ok);
    assert.deepEqual(r.written.map((w) => w.file), ['png/cuti-tahunan-1.png', 'png/cuti-tahunan-2.png']);
    const png = readFileSync(join(dir, 'png/cuti-tahunan-1.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), Math.ceil((297 * 96) / 25.4) * 2);
  });
});

test('svg through the CLI with the real flow-table renderer', { skip: existsSync(new URL('../../src/render/flowtable/index.ts', import.meta.url)) ? false : 'src/render/flowtable not there yet' }, async () => {
  const r = await sop('render', 'cuti-tahunan.md', '--out', 'svg');
  assert.equal(r.code, 0, r.err);
  const files = r.out.trim().split('\n');
  assert.ok(files.length >= 1);
  files.forEach((f, i) => assert.equal(f, `svg/cuti-tahunan-${i + 1}.svg`));
  assert.match(readFileSync(join(dir, files[0]), 'utf8'), /<svg/);
  // a one-page table may go to stdout; --paper is case-insensitive
  const one = await sop('render', 'cuti-tahunan.md', '--paper', 'f4');
  assert.equal(one.code, 0, one.err);
  assert.match(one.out, /^(<\?xml[^>]*>\s*)?<svg/);
  assert.match(one.out, /Memverifikasi kelengkapan berkas/);
  const bad = await sop('render', 'cuti-tahunan.md', '--paper', 'A5');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /A4/);
});

test('a flow table of several pages needs --out, and then gives <slug>-1.svg ... <slug>-N.svg', { skip: existsSync(new URL('../../src/render/flowtable/index.ts', import.meta.url)) ? false : 'src/render/flowtable not there yet' }, async () => {
  const rows = Array.from(
    { length: 40 },
    (_, i) => `  - kegiatan: Memeriksa berkas tahap ${i + 1} dengan teliti sesuai daftar periksa yang berlaku\n    pelaksana: ${i % 2 ? 'pengelola' : 'pemohon'}\n    kelengkapan: Berkas\n    waktu: 5 menit\n    output: Berkas tahap ${i + 1}\n`,
  ).join('');
  writeFileSync(join(dir, 'panjang.md'), `---\n${IDENTITY}pelaksana:\n  pemohon: Pemohon\n  pengelola: Pengelola\nprosedur:\n${rows}---\n`);
  const r = await sop('render', 'panjang.md');
  assert.equal(r.code, 2);
  const pages = Number(/terdiri atas (\d+) halaman/.exec(r.err)?.[1]);
  assert.ok(pages >= 2, r.err);
  assert.match(r.err, /--out/);
  const w = await sop('render', 'panjang.md', '-o', 'long');
  assert.equal(w.code, 0, w.err);
  assert.deepEqual(w.out.trim().split('\n'), Array.from({ length: pages }, (_, i) => `long/panjang-${i + 1}.svg`));
});
