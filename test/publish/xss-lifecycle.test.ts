// The lifecycle records are data too: hostile strings go into every text field of
// schemas/inventaris.schema.json, monev.schema.json and evaluasi.schema.json (walked, not listed by
// hand); the real `sop build --bukti zi` writes the forms (Tabel 6, Tabel 7, evaluation sheets, Berita
// Acara, roll-up with rekap.xlsx) and the evidence pack, and every page it wrote is opened in headless
// Chromium with the checks of xss-fields.test.ts. The spreadsheet holds the text as text: no formula.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { stringify } from 'yaml';
import { findBrowser, launchBrowser } from '../../src/print/browser.js';
import { hasTools, pdfText, sopText, tempDir } from '../helpers/build.js';
import { filledFields, textFields } from '../helpers/schema-fields.js';
import { CORPUS, filesUnder, pageChecker } from '../helpers/xss.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/sop.js');
const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, `schemas/${name}.schema.json`), 'utf8')) as Record<string, unknown>;
const SCHEMAS = { inventaris: schema('inventaris'), monev: schema('monev'), evaluasi: schema('evaluasi') };

/** Spreadsheet formulas (CSV/XLSX injection) on top of the HTML corpus. */
const FORMULAS = ['=HYPERLINK("http://evil.test/60","klik")', '+SUM(1,1)', '@SUM(1)', '-2+3+cmd|\' /C calc\'!A0'];
const SLICES = 3;
const ALL = [...CORPUS, ...FORMULAS];
const slice = (i: number): string => ALL.filter((_, k) => k % SLICES === i).join(' ');
const MARKER = /QZ\d+ZQ/g;
let markers = 0;
/** A hostile text that names the field it was put in (the marker), so the test sees it reach the output. */
const t = (i: number): string => `QZ${++markers}ZQ ${slice(i % SLICES)}`;
/** A formula at the very start of a cell, where a spreadsheet would take it as one. */
const formula = (k: number): string => `${FORMULAS[k % FORMULAS.length]} QZ${++markers}ZQ`;

/** Text fields held to a fixed set or pattern, or that steer and are not printed: filled with valid values, each with the reason. */
const NOT_FILLED: Record<string, string> = {
  'monev:periode': 'pattern YYYY-S1/S2',
  'monev:tanggal': 'a date',
  'monev:baris.penilaian': 'enum (baik, tidak-baik, ... and config assessments)',
  'inventaris:baris.jenis': 'enum',
  'evaluasi:tanggal': 'a date',
  'evaluasi:sop.tindak_lanjut.batas_waktu': 'a date',
};
for (const id of ['mendorong-kinerja', 'mudah-dipahami', 'mudah-dilaksanakan', 'menjalankan-peran', 'mengatasi-permasalahan', 'menjawab-kebutuhan', 'sinergi']) {
  NOT_FILLED[`evaluasi:sop.kriteria.${id}`] = 'ya/tidak, or the object form (filled)';
  NOT_FILLED[`evaluasi:sop.kriteria.${id}.hasil`] = 'enum ya/tidak';
  NOT_FILLED[`evaluasi:sop.kriteria.${id}.tindak_lanjut.batas_waktu`] = 'a date';
}

/** Filled, but printed nowhere by design. */
const MAY_NOT_SHOW: Record<string, string> = {
  'inventaris:baris.folder': 'where the SOP file of the row is expected, not printed',
  'monev:unit': 'the unit id (a folder name): the forms print nama_unit',
  'evaluasi:unit': 'the unit id: the forms print nama_unit',
};

const KRITERIA = ['mendorong-kinerja', 'mudah-dipahami', 'mudah-dilaksanakan', 'menjalankan-peran', 'mengatasi-permasalahan', 'menjawab-kebutuhan', 'sinergi'];

function inventory(): Record<string, unknown> {
  const row = (i: number, judul: string, folder: string) => ({
    no: t(i), tugas: t(i), fungsi: t(i), uraian_tugas: t(i), kegiatan: formula(i), output: t(i), aspek_kegiatan: t(i),
    judul_sop: judul, peta_proses: t(i), folder, jenis: 'administratif',
  });
  return { unit: t(0), tahun: t(1), baris: [row(0, 'Layanan Uji', 'u'), row(1, t(1), t(1)), row(2, t(2), 'u')] };
}

function monitoring(unit: string): Record<string, unknown> {
  const row = (i: number, prosedur: string) => ({ prosedur, penilaian: i === 0 ? 'baik' : 'tidak-baik', catatan: i === 1 ? formula(i) : t(i), tindakan: t(i), paraf: t(i) });
  return {
    periode: '2026-S1', unit, nama_unit: t(0), tanggal: '2026-05-20',
    penilai: { nama: t(1), jabatan: t(2), nip: t(0) },
    metode: [t(1), t(2)],
    baris: [row(0, 'U/1'), row(1, 'U/2'), row(2, t(2))],
  };
}

function evaluation(unit: string): Record<string, unknown> {
  const kriteria = (i: number) => Object.fromEntries(KRITERIA.map((id, k) => [id, { hasil: 'tidak', catatan: k === 0 ? formula(k) : t(i + k), tindak_lanjut: { uraian: t(i + k), batas_waktu: '2026-07-01', penanggung_jawab: t(i + k + 1) } }]));
  return {
    tanggal: '2026-05-25', unit, nama_unit: t(0), tempat: t(1), nomor_berita_acara: t(2),
    dasar: [t(0), t(1)],
    tim: [0, 1, 2].map((i) => ({ nama: t(i), jabatan: t(i + 1), nip: t(i + 2), peran: t(i) })),
    sop: [
      { prosedur: 'U/1', kriteria: kriteria(0), catatan: t(1), kesimpulan: t(2), tindak_lanjut: { uraian: t(0), batas_waktu: '2026-07-15', penanggung_jawab: t(1) } },
      { prosedur: t(2), kriteria: kriteria(1), kesimpulan: t(0) },
    ],
  };
}

const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : !hasTools('pdftotext', 'unzip') ? 'pdftotext or unzip missing' : false;

let dir: string;
let cleanup: () => void;
let browser: Browser;
let site: string;
let cli: { status: number | null; stderr: string };
const records: { kind: keyof typeof SCHEMAS; data: Record<string, unknown> }[] = [];

describe('hostile text in every field of the lifecycle records', { skip, timeout: 600_000 }, () => {
  before(async () => {
    ({ dir, cleanup } = tempDir('sop-xss-lifecycle-'));
    // The roll-up names each unit by its pack section's title: a formula there reaches the workbook.
    const pack = { title: 'Paket Uji', year: 2026, keputusan: { nomor: '1', tentang: 'SOP', tanggal: '2026-01-05' }, sections: [{ title: FORMULAS[0], include: ['u/**/*.md'] }] };
    writeFileSync(path.join(dir, 'sop.config.yaml'), stringify({ paper: 'A4', pack }));
    mkdirSync(path.join(dir, 'u'), { recursive: true });
    writeFileSync(path.join(dir, 'u/layanan-uji.md'), sopText({ file: 'u/layanan-uji.md', nomor: 'U/1', nama: 'Layanan Uji' }));
    writeFileSync(path.join(dir, 'u/layanan-kedua.md'), sopText({ file: 'u/layanan-kedua.md', nomor: 'U/2', nama: 'Layanan Kedua' }));
    records.push({ kind: 'inventaris', data: inventory() }, { kind: 'monev', data: monitoring('u') }, { kind: 'monev', data: monitoring(t(1)) }, { kind: 'evaluasi', data: evaluation('u') }, { kind: 'evaluasi', data: evaluation(t(2)) });
    writeFileSync(path.join(dir, 'inventaris.yaml'), stringify(records[0].data));
    mkdirSync(path.join(dir, 'monev/2026-S1'), { recursive: true });
    writeFileSync(path.join(dir, 'monev/2026-S1/u.yaml'), stringify(records[1].data));
    writeFileSync(path.join(dir, 'monev/2026-S1/lain.yaml'), stringify(records[2].data));
    mkdirSync(path.join(dir, 'evaluasi'), { recursive: true });
    writeFileSync(path.join(dir, 'evaluasi/2026-05-u.yaml'), stringify(records[3].data));
    writeFileSync(path.join(dir, 'evaluasi/2026-05-lain.yaml'), stringify(records[4].data));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=Uji', '-c', 'user.email=a@b.c', 'commit', '-q', '-m', 'awal');
    const r = spawnSync(process.execPath, [BIN, 'build', '--force', '--bukti', 'zi', '--format', 'html', '-q'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    cli = { status: r.status, stderr: r.stderr };
    site = path.join(dir, '_site');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    cleanup?.();
  });

  it('fills every text field of the three schemas, or says why not', () => {
    const filled = new Set<string>();
    for (const r of records) for (const p of filledFields(SCHEMAS[r.kind], r.data, MARKER).keys()) filled.add(`${r.kind}:${p}`);
    const fields = Object.entries(SCHEMAS).flatMap(([kind, s]) => textFields(s).map((f) => `${kind}:${f.path}`));
    const problems: string[] = [];
    for (const f of fields) {
      if (filled.has(f) && NOT_FILLED[f]) problems.push(`${f} is filled and also listed in NOT_FILLED`);
      if (!filled.has(f) && !NOT_FILLED[f]) problems.push(`${f}: no payload and no reason in NOT_FILLED`);
    }
    for (const f of [...Object.keys(NOT_FILLED), ...Object.keys(MAY_NOT_SHOW)]) if (!fields.includes(f)) problems.push(`${f} is listed but is not a text field of the schemas`);
    assert.deepEqual(problems, []);
    assert.ok(fields.length >= 60, `${fields.length} fields`);
  });

  it('the real `sop build --bukti zi` writes the forms and the evidence pack', () => {
    assert.ok(cli.status === 0 || cli.status === 1, `exit ${cli.status}\n${cli.stderr}`);
    assert.doesNotMatch(cli.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    const pages = filesUnder(site, '.html').map((f) => path.relative(site, f));
    assert.ok(pages.filter((p) => p.startsWith('siklus/')).length >= 4, pages.join('\n'));
    assert.ok(pages.some((p) => p.startsWith('bukti-zi/')), pages.join('\n'));
  });

  it('every filled field reaches the forms (HTML, PDF or XLSX), but the few that need not', () => {
    const html = filesUnder(site, '.html').map((f) => readFileSync(f, 'utf8')).join('\n');
    const pdf = filesUnder(site, '.pdf').map((f) => pdfText(f)).join('\n');
    const xlsx = filesUnder(site, '.xlsx').map((f) => execFileSync('unzip', ['-p', f], { maxBuffer: 64 << 20 }).toString('utf8')).join('\n');
    const joined = (text: string) => text.replace(/<[^>]*>/g, '').replace(/[\s\-\u2010\u00ad]+/g, '');
    const shown = new Set([html, pdf, xlsx, joined(html), joined(pdf)].flatMap((x) => [...x.matchAll(MARKER)].map((m) => m[0])));
    const missing = new Set<string>();
    for (const r of records) {
      for (const [p, set] of filledFields(SCHEMAS[r.kind], r.data, MARKER)) {
        const f = `${r.kind}:${p}`;
        if (!MAY_NOT_SHOW[f] && ![...set].some((x) => shown.has(x))) missing.add(f);
      }
    }
    assert.deepEqual([...missing], []);
  });

  it('the spreadsheet stores every text as text: no formula cell', () => {
    const books = filesUnder(site, '.xlsx');
    assert.ok(books.length >= 1, 'rekap.xlsx was written');
    for (const book of books) {
      const sheets = execFileSync('unzip', ['-Z1', book]).toString('utf8').split('\n').filter((n) => /^xl\/worksheets\/.+\.xml$/.test(n));
      assert.ok(sheets.length >= 1);
      for (const sheet of sheets) {
        const xml = execFileSync('unzip', ['-p', book, sheet], { maxBuffer: 64 << 20 }).toString('utf8');
        assert.doesNotMatch(xml, /<f[ >]/, `${path.relative(site, book)} ${sheet} holds a formula`);
      }
      const all = execFileSync('unzip', ['-p', book], { maxBuffer: 64 << 20 }).toString('utf8');
      assert.ok(all.includes('=HYPERLINK(&quot;http://evil.test/60&quot;') || all.includes('=HYPERLINK("http://evil.test/60"'), 'the formula-shaped section title reached the workbook as text (so the check above looked at it)');
    }
  });

  it('no page runs a payload, keeps a handler or javascript: URL, or asks for anything but its own files', async () => {
    const pages = filesUnder(site, '.html').filter((f) => /[\\/](siklus|bukti-zi)[\\/]/.test(f));
    assert.ok(pages.length >= 5, pages.join('\n'));
    const problems: string[] = [];
    const checker = pageChecker(browser, site);
    try {
      for (const file of pages) problems.push(...(await checker.problems(file)));
    } finally {
      await checker.close();
    }
    assert.deepEqual(problems, []);
  });
});
