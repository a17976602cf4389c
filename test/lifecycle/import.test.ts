// Tabel 6 import from CSV and XLSX (same columns), and `sop new --from-inventaris` creating the SOP stubs rows name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { importInventory, newFromInventory } from '../../src/api/lifecycle.js';
import { lint } from '../../src/api/lint.js';
import { main } from '../../src/cli/main.js';
import { tree } from '../helpers/tree.js';

const NOW = new Date('2026-06-01T08:00:00');
const HEADER = ['No', 'Tugas', 'Fungsi', 'Uraian Tugas', 'Kegiatan', 'Output', 'Aspek Kegiatan', 'Judul SOP', 'Peta Proses'];
const ROWS = [
  ['1', 'Melaksanakan urusan umum', 'Pengelolaan persuratan', 'Mengelola surat masuk', 'Menerima surat', 'Surat terdistribusi', 'Penanganan', 'Penanganan Surat Masuk', 'PB.01'],
  // merged cells in the printed form: empty tugas/fungsi repeat the row above
  ['2', '', '', 'Mengelola surat keluar', 'Mengirim surat', 'Surat terkirim', 'Pengelolaan', 'Pengelolaan Surat Keluar', ''],
];

const io = (cwd: string, out: string[] = [], err: string[] = []) => ({ cwd, env: {}, stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), stdoutIsTTY: false, stdinIsTTY: false });

test('CSV with a title line, semicolons and merged cells becomes inventaris.yaml that follows its schema', async () => {
  const csv = ['FORMULIR IDENTIFIKASI SOP AP BERDASARKAN TUGAS DAN FUNGSI', HEADER.join(';'), '(1);(2);(3);(4);(5);(6);(7);(8);(9)', ...ROWS.map((r) => r.join(';'))].join('\n');
  const root = tree({ 'sop.config.yaml': 'lang: id\n', 'tabel6.csv': csv });
  try {
    const r = await importInventory({ cwd: root, input: 'tabel6.csv', unit: 'Bagian Umum', tahun: '2026' });
    assert.equal(r.file, 'inventaris.yaml');
    assert.equal(r.rows, 2);
    const data = parse(readFileSync(path.join(root, 'inventaris.yaml'), 'utf8'));
    assert.equal(data.unit, 'Bagian Umum');
    assert.equal(data.tahun, 2026);
    assert.deepEqual(data.baris[1], { tugas: 'Melaksanakan urusan umum', fungsi: 'Pengelolaan persuratan', uraian_tugas: 'Mengelola surat keluar', kegiatan: 'Mengirim surat', output: 'Surat terkirim', aspek_kegiatan: 'Pengelolaan', judul_sop: 'Pengelolaan Surat Keluar' });
    assert.equal(data.baris[0].peta_proses, 'PB.01');
    // never overwritten without --force
    await assert.rejects(importInventory({ cwd: root, input: 'tabel6.csv' }), /berkas sudah ada: inventaris\.yaml/);
    const lintResult = await lint({ cwd: root, now: NOW });
    assert.equal(lintResult.errorCount, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a CSV with an empty required cell is refused, naming line and column', async () => {
  const csv = [HEADER.join(','), ROWS[0].join(','), '3,T,F,U,K,O,Pelayanan,,X'].join('\n');
  const root = tree({ 'sop.config.yaml': 'lang: id\n', 't.csv': csv });
  try {
    const err: string[] = [];
    assert.equal(await main(['inventaris', 'import', 't.csv'], io(root, [], err)), 2);
    assert.equal(err.join(''), 'sop: t.csv:3:23: kolom "Judul SOP" kosong\n');
    assert.equal(existsSync(path.join(root, 'inventaris.yaml')), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a CSV without the Tabel 6 columns is refused, listing them', async () => {
  const root = tree({ 'sop.config.yaml': 'lang: en\n', 't.csv': 'No,Judul SOP\n1,X\n' });
  try {
    await assert.rejects(importInventory({ cwd: root, input: 't.csv' }), /t\.csv:1:1: the header row lacks "Tugas", "Fungsi", "Uraian Tugas", "Kegiatan", "Output", "Aspek Kegiatan"/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

async function xlsx(file: string, merged: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Catatan').addRow(['bukan tabel']);
  const ws = wb.addWorksheet('Tabel 6');
  ws.addRow(['Formulir Identifikasi SOP AP']);
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  if (merged) ws.mergeCells('B3:B4');
  await wb.xlsx.writeFile(file);
}

test('XLSX: the sheet holding the header is read, merged cells repeat their value, errors name the cell', async () => {
  const root = tree({ 'sop.config.yaml': 'lang: id\n' });
  try {
    await xlsx(path.join(root, 'tabel6.xlsx'), true);
    const r = await importInventory({ cwd: root, input: 'tabel6.xlsx', dryRun: true });
    const data = parse(r.content);
    assert.equal(r.written, false);
    assert.deepEqual(data.baris.map((b: Record<string, string>) => [b.tugas, b.judul_sop]), [['Melaksanakan urusan umum', 'Penanganan Surat Masuk'], ['Melaksanakan urusan umum', 'Pengelolaan Surat Keluar']]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, 'tabel6.xlsx'));
    wb.getWorksheet('Tabel 6')!.getCell('G4').value = '';
    await wb.xlsx.writeFile(path.join(root, 'bad.xlsx'));
    await assert.rejects(importInventory({ cwd: root, input: 'bad.xlsx' }), /bad\.xlsx, Tabel 6!G4: kolom "Aspek Kegiatan" kosong/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('XLSX: a kegiatan with two aspects (Kegiatan and Output merged over both rows) gives two rows; numbers and dates read as written', async () => {
  const root = tree({ 'sop.config.yaml': 'lang: en\n' });
  try {
    // written by exceljs, another library than the one sop reads with
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Identifikasi');
    ws.addRow(HEADER);
    ws.addRow([1, 'Melaksanakan urusan umum', 'Pengelolaan persuratan', 'Mengelola surat masuk', 'Menerima surat', 'Surat terdistribusi', 'Penerimaan', 'Penerimaan Surat Masuk', 1.2]);
    ws.addRow([2, '', '', '', '', '', 'Pendistribusian', 'Pendistribusian Surat Masuk', new Date(Date.UTC(2025, 2, 1))]);
    ws.mergeCells('E2:E3');
    ws.mergeCells('F2:F3');
    await wb.xlsx.writeFile(path.join(root, 't.xlsx'));
    const data = parse((await importInventory({ cwd: root, input: 't.xlsx', dryRun: true })).content);
    assert.deepEqual(data.baris.map((b: Record<string, string>) => [b.kegiatan, b.output, b.judul_sop, b.peta_proses]), [
      ['Menerima surat', 'Surat terdistribusi', 'Penerimaan Surat Masuk', '1.2'],
      ['Menerima surat', 'Surat terdistribusi', 'Pendistribusian Surat Masuk', '2025-03-01'],
    ]);
    // a file that is no XLSX is refused with the reader's reason, naming the file
    writeFileSync(path.join(root, 'bukan.xlsx'), 'PK\u0003\u0004 not a zip');
    await assert.rejects(importInventory({ cwd: root, input: 'bukan.xlsx' }), /^SopUsageError: bukan\.xlsx: not a readable XLSX file \(Couldn't unzip/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('sop new --from-inventaris creates the missing SOPs (numbered, in the row\'s folder), skips existing ones, never overwrites', async () => {
  const inv = `baris:
  - tugas: T
    fungsi: F
    uraian_tugas: U
    kegiatan: K
    output: O
    aspek_kegiatan: Penanganan
    judul_sop: Penanganan Surat Masuk
    folder: umum
  - tugas: T
    fungsi: F
    uraian_tugas: U2
    kegiatan: K2
    output: O2
    aspek_kegiatan: Pengagendaan
    judul_sop: Pengagendaan Surat
    folder: umum/agenda
    jenis: teknis
`;
  const root = tree({ 'sop.config.yaml': 'lang: id\nnumbering: "800/{seq:3}/SOP/{year}"\n', 'inventaris.yaml': inv });
  try {
    const out: string[] = [];
    assert.equal(await main(['new', '--from-inventaris'], { ...io(root, out), }), 0);
    assert.match(out.join(''), /Dibuat: umum\/penanganan-surat-masuk\.md {2}800\/001\/SOP\/2026 {2}\(baris 1\)/);
    assert.match(out.join(''), /Dibuat: umum\/agenda\/pengagendaan-surat\.md {2}800\/002\/SOP\/2026 {2}\(baris 2\)/);
    assert.match(readFileSync(path.join(root, 'umum/agenda/pengagendaan-surat.md'), 'utf8'), /^jenis: teknis$/m);
    // again: both exist now, nothing is written
    const err: string[] = [];
    const before = readFileSync(path.join(root, 'umum/penanganan-surat-masuk.md'), 'utf8');
    writeFileSync(path.join(root, 'umum/penanganan-surat-masuk.md'), before + '\nCatatan tangan.\n');
    assert.equal(await main(['new', '--from-inventaris', '1'], io(root, [], err)), 0);
    assert.match(err.join(''), /Dilewati baris 1 \(Penanganan Surat Masuk\): SOP-nya sudah ada: umum\/penanganan-surat-masuk\.md/);
    assert.match(readFileSync(path.join(root, 'umum/penanganan-surat-masuk.md'), 'utf8'), /Catatan tangan\.\n$/);
    // a row number that does not exist
    assert.equal(await main(['new', '--from-inventaris', '7'], io(root, [], err)), 2);
    assert.match(err.join(''), /baris 7 tidak ada di inventaris\.yaml \(baris: 1, 2\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('sop new --from-inventaris reads a CSV directly with --inventaris', async () => {
  const root = tree({ 'sop.config.yaml': 'lang: id\n', 't.csv': [HEADER.join(','), ROWS[0].join(',')].join('\n') });
  try {
    const r = await newFromInventory({ cwd: root, inventory: 't.csv', now: NOW });
    assert.deepEqual(r.items.map((i) => [i.no, i.created?.file]), [['1', 'penanganan-surat-masuk.md']]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('sop new --from-inventaris --dry-run numbers the rows one after another, as the real run then does', async () => {
  const row = (judul: string, folder: string) => `  - tugas: T\n    fungsi: F\n    uraian_tugas: U\n    kegiatan: K\n    output: O\n    aspek_kegiatan: A\n    judul_sop: ${judul}\n    folder: ${folder}\n`;
  const inv = `baris:\n${row('Penanganan Surat Masuk', 'umum')}${row('Pengelolaan Surat Keluar', 'umum')}${row('Pengelolaan Surat Keluar', 'umum')}${row('Pengarsipan Surat', 'arsip')}`;
  const root = tree({ 'sop.config.yaml': 'lang: id\nnumbering: "800/{seq:3}/SOP/{year}"\n', 'inventaris.yaml': inv });
  try {
    const first = await newFromInventory({ cwd: root, rows: '1', now: NOW });
    assert.equal(first.items[0].created?.nomor, '800/001/SOP/2026');
    const dry = await newFromInventory({ cwd: root, dryRun: true, now: NOW });
    const plan = dry.items.map((i) => [i.no, i.created?.file, i.created?.nomor, i.skipped === undefined]);
    assert.deepEqual(plan, [
      ['1', undefined, undefined, false],
      ['2', 'umum/pengelolaan-surat-keluar.md', '800/002/SOP/2026', true],
      // the same title again: the file the dry run already plans counts as taken
      ['3', undefined, undefined, false],
      ['4', 'arsip/pengarsipan-surat.md', '800/003/SOP/2026', true],
    ]);
    assert.match(dry.items[2].skipped!, /umum\/pengelolaan-surat-keluar\.md/);
    assert.ok(dry.items.every((i) => !i.created?.written));
    assert.equal(existsSync(path.join(root, 'umum/pengelolaan-surat-keluar.md')), false);
    // the CLI shows each planned number
    const out: string[] = [];
    assert.equal(await main(['new', '--from-inventaris', '--dry-run'], io(root, out, [])), 0);
    assert.match(out.join(''), /Akan dibuat: umum\/pengelolaan-surat-keluar\.md {2}800\/002\/SOP\/\d{4} {2}\(baris 2\)\nAkan dibuat: arsip\/pengarsipan-surat\.md {2}800\/003\/SOP\/\d{4} {2}\(baris 4\)/);
    // the real run gives exactly what the dry run promised
    const real = await newFromInventory({ cwd: root, now: NOW });
    assert.deepEqual(real.items.filter((i) => i.created).map((i) => [i.no, i.created!.file, i.created!.nomor]), [
      ['2', 'umum/pengelolaan-surat-keluar.md', '800/002/SOP/2026'],
      ['4', 'arsip/pengarsipan-surat.md', '800/003/SOP/2026'],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
