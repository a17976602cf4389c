// Printed lifecycle forms: content (spans, ticks, counts), the PDFs' text through pdftotext, the XLSX roll-up read back
// with exceljs, and the evidence pack folders, all built from the examples' records.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeLifecycleOutput, type LifecycleOutputResult } from '../../src/api/lifecycle-output.js';
import { loadConfig } from '../../src/config/load.js';
import { CRITERIA } from '../../src/lifecycle/criteria.js';
import { collectSops } from '../../src/lifecycle/collect.js';
import { loadLifecycle } from '../../src/lifecycle/repository.js';
import { rollup } from '../../src/lifecycle/rollup.js';
import { SopIndex } from '../../src/lifecycle/sops.js';
import { beritaAcaraContent, tabel6Content, tabel7Content } from '../../src/pages/lifecycle.js';
import { findBrowser, launchBrowser, type Browser } from '../../src/print/browser.js';
import { pdfText } from '../helpers/build.js';

const examples = path.resolve(import.meta.dirname, '../../examples');
const NOW = new Date('2026-12-01T08:00:00');
const noPdf = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : spawnSync('pdftotext', ['-v']).error ? 'no pdftotext (poppler-utils)' : false;

/** Text of a PDF with its line breaks and repeated spaces folded, so table cells that wrap still match. */
const flat = (file: string) => pdfText(file).replace(/\s+/g, ' ');

describe('form content', () => {
  const config = loadConfig({ cwd: examples });
  const records = loadLifecycle(config, examples);
  it('Tabel 6 merges equal Tugas and Fungsi cells over consecutive rows, never across a different Tugas', () => {
    const c = tabel6Content(records.inventory!, 'id');
    assert.deepEqual(c.columns, ['No. (1)', 'Tugas (2)', 'Fungsi (3)', 'Uraian Tugas (4)', 'Kegiatan (5)', 'Output (6)', 'Aspek Kegiatan (7)', 'Judul SOP (8)', 'Peta Proses Bisnis (9)']);
    assert.deepEqual(c.rows.map((r) => r[1]?.span ?? 0), [4, 0, 0, 0, 4, 0, 0, 0, 2, 0, 2, 0]);
    assert.deepEqual(c.rows.map((r) => r[2]?.span ?? 0), [3, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(c.rows.map((r) => r[3]?.span ?? 0), [2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
  it('Tabel 7 ticks the assessment given and names each SOP by its nama and nomor', async () => {
    const index = new SopIndex(await collectSops(config, examples));
    const sheet = records.monitoring.find((m) => m.periodeText === '2026-S1' && m.unit === 'mutasi')!;
    const c = tabel7Content(sheet, { index, assessments: records.assessments, unitName: 'x', lang: 'id' });
    assert.deepEqual(c.columns, ['No. (1)', 'Prosedur (2)', 'Penilaian terhadap penerapan (3)', 'Catatan hasil penilaian (4)', 'Tindakan yang harus diambil (5)', 'Paraf penilai (6)']);
    assert.deepEqual(c.rows[0].options, [{ label: 'Berjalan dengan baik', checked: false }, { label: 'Tidak berjalan dengan baik', checked: true }]);
    assert.equal(c.rows[0].prosedur, 'Pelayanan Usul Kenaikan Pangkat Reguler');
    assert.equal(c.rows[0].nomor, '800/005/SOP/BKPSDM/2025');
  });
  it('the Berita Acara counts Ya and Tidak per SOP and names the day', async () => {
    const index = new SopIndex(await collectSops(config, examples));
    const c = beritaAcaraContent(records.evaluations[0], { index, lang: 'id' });
    assert.deepEqual(c.rows.map((r) => [r.ya, r.tidak, r.hasil]), [[6, 1, 'Perlu direvisi'], [7, 0, 'Dapat terus diterapkan'], [7, 0, 'Dapat terus diterapkan'], [7, 0, 'Dapat terus diterapkan']]);
    assert.match(c.opening, /^Pada hari ini Rabu tanggal 20 Agustus 2025, bertempat di Ruang Rapat BKPSDM/);
  });
  it('the roll-up counts per unit and period, with the one overdue SOP of the examples', async () => {
    const r = rollup(await collectSops(config, examples), records, NOW);
    const row = (p: string, u: string) => r.rows.find((x) => x.periode === p && x.unit === u);
    assert.deepEqual(r.periods, ['2025-S2', '2026-S1', '2026-S2']);
    // the evaluation of August 2025 and the revision that followed it
    assert.deepEqual(row('2025-S2', 'mutasi'), { periode: '2025-S2', unit: 'mutasi', inForce: 4, monitored: 0, evaluated: 4, revised: 1, overdue: 4 });
    assert.deepEqual(row('2026-S2', 'sekretariat'), { periode: '2026-S2', unit: 'sekretariat', inForce: 4, monitored: 3, evaluated: 0, revised: 0, overdue: 1 });
    assert.deepEqual(row('2026-S1', 'mutasi'), { periode: '2026-S1', unit: 'mutasi', inForce: 4, monitored: 4, evaluated: 0, revised: 0, overdue: 0 });
  });
});

describe('printed forms, roll-up and evidence pack', { skip: noPdf }, () => {
  let out: string;
  let result: LifecycleOutputResult;
  let browser: Browser;
  before(async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'sop-forms-'));
    cpSync(examples, repo, { recursive: true });
    out = path.join(repo, '_site');
    // the page shell links the site stylesheet; the forms need nothing else from the site
    cpSync(path.resolve(import.meta.dirname, '../../assets'), path.join(out, 'assets'), { recursive: true });
    browser = await launchBrowser();
    const config = loadConfig({ cwd: repo });
    result = (await writeLifecycleOutput({ cwd: repo, config, outDir: out, lang: 'id', paper: 'A4', now: NOW, browser, evidence: true }))!;
  });
  after(async () => {
    await browser?.close();
    if (out) rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('Tabel 6 prints every column header and the title', () => {
    const t = flat(path.join(out, 'siklus/tabel-6.pdf'));
    assert.match(t, /FORMULIR IDENTIFIKASI SOP AP BERDASARKAN TUGAS DAN FUNGSI/);
    for (const h of ['No.', 'Tugas', 'Fungsi', 'Uraian Tugas', 'Kegiatan', 'Output', 'Aspek Kegiatan', 'Judul SOP']) assert.ok(t.includes(h), h);
    assert.match(t, /Penyusunan Rekapitulasi Kehadiran Pegawai/);
  });

  it('Tabel 7 prints every column header, the header fields and the ticked assessment', () => {
    const t = flat(path.join(out, 'siklus/monev/2026-S1/mutasi.pdf'));
    assert.match(t, /MONITORING PELAKSANAAN SOP AP/);
    for (const h of ['No.', 'Prosedur', 'Penilaian terhadap penerapan', 'Catatan hasil penilaian', 'Tindakan yang harus diambil', 'Paraf penilai']) assert.ok(t.includes(h), h);
    for (const h of ['Unit Kerja', 'Bidang Mutasi dan Promosi', 'Semester I 2026', '20 Mei 2026', 'RATNA SARI DEWI']) assert.ok(t.includes(h), h);
    assert.ok(t.includes('Berjalan dengan baik') && t.includes('Tidak berjalan dengan baik'));
  });

  it('the evaluation sheet and the Berita Acara print the seven criteria verbatim', () => {
    const sheet = flat(path.join(out, 'siklus/evaluasi/2025-08-mutasi/01-pelayanan-usul-kenaikan-pangkat-reguler.pdf'));
    const ba = flat(path.join(out, 'siklus/evaluasi/2025-08-mutasi/berita-acara.pdf'));
    for (const c of CRITERIA) {
      assert.ok(sheet.includes(c.teks), `sheet: ${c.teks}`);
      assert.ok(ba.includes(`${c.no}. ${c.teks}`), `BA: ${c.teks}`);
    }
    assert.match(sheet, /LEMBAR EVALUASI PENERAPAN SOP AP/);
    assert.match(sheet, /Kesimpulan: SOP perlu direvisi/);
    assert.match(ba, /BERITA ACARA EVALUASI PENERAPAN STANDAR OPERASIONAL PROSEDUR/);
    assert.match(ba, /800\.1\.3\/112\/BA-EVAL\/BKPSDM\/2025/);
    assert.match(ba, /Drs\. HENDRA WIJAYA KUSUMA, M\.M\./);
  });

  it('the XLSX roll-up reads back with exceljs: header, one row per unit and period, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'siklus/rekap.xlsx'));
    const ws = wb.getWorksheet('Rekap')!;
    assert.equal(ws.getCell('A1').value, 'REKAPITULASI MONITORING DAN EVALUASI SOP AP');
    assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1), ['Periode', 'Unit Kerja', 'SOP berlaku', 'Dimonitor', 'Dievaluasi', 'Direvisi', 'Terlambat dimonitor']);
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => void (n > 2 && r.getCell(1).value && /^\d{4}-S/.test(String(r.getCell(1).value)) && rows.push((r.values as unknown[]).slice(1))));
    assert.deepEqual(rows.find((r) => r[0] === '2026-S2' && r[1] === 'Sekretariat'), ['2026-S2', 'Sekretariat', 4, 3, 0, 0, 1]);
    assert.equal(rows.length, 12);
  });

  it('the evidence pack has one folder per worksheet item and an index saying which item each file supports', () => {
    const dir = path.join(out, 'bukti-zi');
    assert.deepEqual(result.evidence!.items.map((i) => [i.item, i.folder]), [['a', 'a-sop-mengacu-peta-proses-bisnis'], ['b', 'b-sop-telah-diterapkan'], ['c', 'c-sop-telah-dievaluasi']]);
    for (const f of ['a-sop-mengacu-peta-proses-bisnis/daftar-sop.pdf', 'a-sop-mengacu-peta-proses-bisnis/tabel-6.pdf', 'b-sop-telah-diterapkan/mutasi.pdf', 'b-sop-telah-diterapkan/rekap.pdf', 'c-sop-telah-dievaluasi/berita-acara.pdf', 'c-sop-telah-dievaluasi/01-pelayanan-usul-kenaikan-pangkat-reguler.pdf']) {
      assert.ok(existsSync(path.join(dir, f)), f);
    }
    assert.equal(result.evidence!.periode, '2026-S2');
    assert.match(flat(path.join(dir, 'a-sop-mengacu-peta-proses-bisnis/daftar-sop.pdf')), /12 dari 12 SOP \(100%\) tercantum dalam inventaris Tabel 6; 12 SOP \(100%\) memiliki rujukan peta proses bisnis/);
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    assert.match(index, /<td rowspan="\d+">a\. SOP mengacu pada peta proses bisnis instansi<\/td><td><a href="a-sop-mengacu-peta-proses-bisnis\/daftar-sop\.pdf">/);
    assert.match(index, /b\. SOP telah diterapkan/);
    assert.match(index, /c\. SOP telah dievaluasi/);
  });
});
