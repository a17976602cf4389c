// Every text field is data, never code: a corpus of hostile strings goes into every text field of
// schemas/sop.schema.json and schemas/config.schema.json (walked, not listed by hand), the Markdown
// bodies and the git history; the real `sop build` builds it, and every page it wrote is opened in
// headless Chromium: no payload runs, no handler or javascript: URL is left in the DOM, and the page
// asks for nothing but file: and data: URLs. A second build through the API watches every page the
// build itself opens (Mermaid, the print pages, which have no CSP and get their body by innerHTML).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { stringify } from 'yaml';
import { build } from '../../src/api/build.js';
import { loadConfig } from '../../src/config/load.js';
import { findBrowser, launchBrowser } from '../../src/print/browser.js';
import { MERMAID_ENTRY, mermaidModule } from '../../src/render/mermaid/bundle.js';
import { MERMAID_PAGE_ORIGIN } from '../../src/render/mermaid/engine.js';
import { pdfText, tempDir } from '../helpers/build.js';
import { filledFields, textFields } from '../helpers/schema-fields.js';
import { CORPUS, filesUnder, foreign, pageChecker, type Observed } from '../helpers/xss.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/sop.js');
const SOP_SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/sop.schema.json'), 'utf8')) as Record<string, unknown>;
const CONFIG_SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/config.schema.json'), 'utf8')) as Record<string, unknown>;

/** A SOP or pack gets one slice of the corpus in each field; across the slices every field gets all of it. */
const SLICES = 3;
const slice = (i: number): string => CORPUS.filter((_, k) => k % SLICES === i).join(' ');
const FULL = CORPUS.join(' ');
/** The shorter corpus strings, for the column headers (the No column is a few characters wide). */
const SHORT = CORPUS.filter((c) => c.length <= 90);
/** Short hostile strings for the flow table's column headers (the No column is a few characters wide). */
const TINY = [`<script>alert(70)</script>`, `<img src=x onerror=alert(71)>`, `"><svg onload=alert(72)>`, `javascript:alert(73)`, `%%{init:{}}%%`, `</style><b>`, `\u202e\u2028x`, `&lt;b&gt;`, `'"><a href=javascript:alert(74)>`];
const HEADER_LABELS = ['no', 'kegiatan', 'pelaksana', 'mutu_baku', 'kelengkapan', 'waktu', 'output', 'keterangan', 'jumlah_waktu'];
/** Markers that name the field a text was put in, so the test can see that it reached the output. */
const MARKER = /QZ\d+ZQ/g;
let markers = 0;
const t = (text: string): string => `QZ${++markers}ZQ ${text}`;

/** File names cannot hold `/`: a hostile name for files the config and SOPs point to. */
const fileName = (ext: string): string => `${t('"\'><img src=x onerror=alert(40)> %%{init}%% javascript:alert(41)')}${ext}`;

/**
 * Text fields of the schemas that get no payload, each with the reason. Everything else the walk
 * finds must be filled (the first test fails naming any new field that is neither).
 */
const NOT_FILLED: Record<string, string> = {
  // Config values the validator holds to an enum or pattern: any other text is a config error and
  // nothing is built (checked below for each of them).
  'config:lang': 'enum (checked)',
  'config:paper': 'enum (checked)',
  'config:numbering': 'pattern (checked)',
  'config:defaults.jenis': 'enum (checked)',
  'config:defaults.cakupan': 'enum (checked)',
  'config:defaults.sifat': 'enum (checked)',
  'config:defaults.tanggal_revisi': 'pattern (checked)',
  'config:defaults.pelaksana.@key': 'pattern (checked)',
  'config:labels.@key': 'enum (checked)',
  'config:layout.case': 'enum (checked)',
  'config:layout.listStyle.identity': 'enum (checked)',
  'config:layout.listStyle.cells': 'enum (checked)',
  'config:rules.@key': 'enum (checked)',
  'config:rules.*': 'enum (checked)',
  'config:pack.id': 'pattern (checked)',
  'config:pack.keputusan.tanggal': 'pattern (checked)',
  'config:history.table': 'enum (checked)',
  'config:evidence.periode': 'pattern (checked)',
  'config:lifecycle.assessments.@key': 'pattern (checked)',
  // Settings that steer the build and are never printed: globs, folders and a tag glob. Filled
  // with hostile text they would only make the build find nothing.
  'config:include': 'a glob of SOP files, never printed',
  'config:exclude': 'a glob, never printed',
  'config:pack.sections.include': 'a glob of SOP files, never printed',
  'config:output': 'the output folder, never printed',
  'config:templates': 'a folder for `sop new`, not read by build',
  'config:extends': 'a config file to inherit from, never printed',
  'config:lifecycle.inventory': 'a file of lifecycle records, never printed',
  'config:lifecycle.monitoring': 'a folder of lifecycle records, never printed',
  'config:lifecycle.evaluation': 'a folder of lifecycle records, never printed',
  'config:lifecycle.assessments.*': 'assessment values of the lifecycle records, which this test does not write',
  'config:evidence.output': 'a folder of the evidence pack, never printed',
  'config:history.releaseTags': 'a tag glob, never printed',
  'config:time.noStandard': 'phrases matched against `waktu`, never printed themselves',
};

/**
 * Fields that are filled but need not show up in the output (a file's path: the file is read, its
 * name is not printed). They are still in the pages' reach, so the execution checks cover them.
 */
const MAY_NOT_SHOW: Record<string, string> = {
  'sop:logo': 'a file path; the image is shown, not its name',
  'config:defaults.logo': 'a file path; the image is shown, not its name',
  'config:pack.penjelasan': 'a file path; its Markdown is shown (filled separately), not its name',
  'config:pack.keputusan.file': 'a file path; its Markdown is shown (filled separately), not its name',
  'sop:disahkan_oleh.nip': 'not printed for an e-signed SOP (the SOPs that carry it do print it)',
  // outside their enum (a forced build): kept as data, not printed (the identity grid has no row for them)
  'sop:cakupan': 'not printed',
  'sop:sifat': 'not printed',
  // names of rows and chain items, and targets naming them: flow structure, never printed
  'sop:prosedur.id': 'a row name, not printed',
  'sop:prosedur.langkah.id': 'an item name, not printed',
  'sop:prosedur.ke': 'a target, not printed',
  'sop:prosedur.keputusan.ya': 'a target, not printed',
  'sop:prosedur.keputusan.tidak': 'a target, not printed',
  'sop:prosedur.langkah.keputusan.ya': 'a target, not printed',
  'sop:prosedur.langkah.keputusan.tidak': 'a target, not printed',
};

const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(42)"><script>alert(43)</script><rect width="10" height="10" fill="#246"/><image href="http://evil.test/44.png"/></svg>';

const pejabat = (s: string) => ({ jabatan: t(s), nama: t(s), nip: t(s), pangkat: t(s) });
const list = (s: string) => [t(s), t(s)];

/** A SOP whose every free-text field holds slice `i`; `asString` picks the one-string form where a field has both. */
function hostileSop(i: number, logo: string, asString: boolean): Record<string, unknown> {
  const s = slice(i);
  const one = (): string | string[] => (asString ? t(s) : list(s));
  return {
    nomor: t(s),
    nama: t(s),
    jenis: 'administratif',
    instansi: list(s),
    logo,
    tanggal_pembuatan: '2025-01-02',
    tanggal_revisi: '-',
    tanggal_efektif: '2025-01-15',
    status: i === 0 ? 'diganti' : 'berlaku',
    ...(i === 0 ? { diganti_oleh: t(s) } : { menggantikan: one() }),
    disahkan_oleh: { ...pejabat(s), tte: i === 2 },
    dasar_hukum: list(s),
    kualifikasi_pelaksana: list(s),
    keterkaitan: [t(s), 'Sasaran Aman'],
    peralatan_perlengkapan: list(s),
    peringatan: one(),
    pencatatan_pendataan: list(s),
    // actor titles are column headers: one corpus string each, all of them across the SOPs
    pelaksana: Object.fromEntries(['pemohon', 'petugas', 'kabid', 'ppk', 'penyedia'].map((id, k) => [id, t(TINY[(5 * i + k) % TINY.length])])),
    prosedur: [
      { kegiatan: t(s), pelaksana: 'pemohon', kelengkapan: one(), waktu: '10 menit', output: one(), keterangan: t(s), simbol_teks: t(s), no: t(s) },
      { id: 'periksa', kegiatan: t(s), pelaksana: 'petugas', kelengkapan: t(s), waktu: t(s), output: t(s), keterangan: t(s), simbol_teks: t(s), keputusan: { ya: 3, tidak: 1, label: [t(s), t(s)] } },
      {
        kegiatan: t(s),
        langkah: [{ pelaksana: 'kabid', teks: t(s) }, { pelaksana: 'petugas', teks: t(s), keputusan: { tidak: 1, label: [t(s), t(s)] } }, { pelaksana: 'pemohon' }],
        kelengkapan: t(s),
        waktu: '1 jam',
        output: t(s),
      },
      { kegiatan: t(s), pelaksana: ['ppk', 'penyedia'], kelengkapan: t(s), waktu: '1 hari', output: t(s), opsional: true, keterangan: t(s) },
      { kegiatan: t(s), pelaksana: 'pemohon', kelengkapan: t(s), waktu: '5 menit', output: t(s) },
    ],
  };
}

/** Harmless identity keys for the SOPs whose payloads sit elsewhere. */
const PLAIN_IDENTITY = {
  disahkan_oleh: { jabatan: 'Kepala', nama: 'Nama', nip: '19780214 200312 2 005' },
  dasar_hukum: ['Peraturan'],
  kualifikasi_pelaksana: ['Kualifikasi'],
  keterkaitan: '-',
  peralatan_perlengkapan: ['Komputer'],
  peringatan: 'Peringatan',
  pencatatan_pendataan: ['Catatan'],
};

/** Text outside the schema's fixed sets and patterns, where only a forced build takes it. */
function constrainedSop(): Record<string, unknown> {
  const s = slice(0);
  const key = t(`"><img src=x onerror=alert(45)>`);
  return {
    nomor: 'F/1',
    nama: 'Nilai di luar pola',
    jenis: t(s),
    cakupan: t(s),
    sifat: t(s),
    status: t(s),
    instansi: ['DINAS UJI'],
    tanggal_pembuatan: t(s),
    tanggal_revisi: t(s),
    tanggal_efektif: t(s),
    tanggal_dicabut: t(s),
    ...PLAIN_IDENTITY,
    // the key is printed nowhere, but names nodes in Mermaid and ids in the SVG
    pelaksana: { [key]: 'Pemohon', petugas: 'Petugas' },
    prosedur: [
      { id: t('x'), kegiatan: 'Mengajukan', pelaksana: key, kelengkapan: '-', waktu: '10 menit', output: 'Permohonan' },
      { kegiatan: 'Memeriksa', langkah: [{ pelaksana: 'petugas', id: t('y') }, { pelaksana: 'petugas' }], kelengkapan: '-', waktu: '10 menit', output: 'Hasil' },
    ],
  };
}

/** Rows whose targets and actors name nothing (lint errors; a forced build draws what it can). */
function brokenRefSop(): Record<string, unknown> {
  const s = SHORT[2];
  return {
    nomor: 'R/1',
    nama: 'Rujukan tak dikenal',
    instansi: ['DINAS UJI'],
    tanggal_pembuatan: '2025-01-02',
    tanggal_revisi: '-',
    tanggal_efektif: '2025-01-15',
    ...PLAIN_IDENTITY,
    pelaksana: { pemohon: 'Pemohon', petugas: 'Petugas' },
    prosedur: [
      { kegiatan: 'Mengajukan', pelaksana: t(s), kelengkapan: '-', waktu: '10 menit', output: 'Permohonan', ke: t(s) },
      { kegiatan: 'Memeriksa', pelaksana: 'petugas', kelengkapan: '-', waktu: '10 menit', output: 'Hasil', keputusan: { ya: t(s), tidak: t(s) } },
      { kegiatan: 'Menelaah', langkah: [{ pelaksana: t(s) }, { pelaksana: 'petugas', keputusan: { ya: t(s), tidak: t(s) } }], kelengkapan: '-', waktu: '1 jam', output: 'Telaah' },
    ],
  };
}

function hostileConfig(logo: string, penjelasan: string, keputusan: string): Record<string, unknown> {
  const labelKeys = ((CONFIG_SCHEMA.properties as Record<string, { propertyNames: { enum: string[] } }>).labels.propertyNames.enum);
  return {
    paper: 'A4',
    // Each label one slice (between them the labels hold the whole corpus); the flow table's column
    // headers a short hostile string each, as the header must leave room on a page (tall-header.test.ts).
    labels: Object.fromEntries(
      // (the No column holds two or three characters a line: its label gets the shortest)
      labelKeys.map((k, i) => [k, k === 'no' ? t('<b>') : HEADER_LABELS.includes(k) ? t(TINY[HEADER_LABELS.indexOf(k) % TINY.length]) : t(slice(i % SLICES))]),
    ),
    signature: { footer: t(FULL) },
    defaults: {
      instansi: list(FULL),
      logo,
      disahkan_oleh: pejabat(FULL),
      dasar_hukum: list(FULL),
      kualifikasi_pelaksana: list(FULL),
      keterkaitan: [t(FULL)],
      peralatan_perlengkapan: list(FULL),
      peringatan: t(FULL),
      pencatatan_pendataan: list(FULL),
      pelaksana: { pemohon: t(TINY[0]), petugas: t(TINY[1]) },
    },
    pack: [0, 1, 2].map((i) => ({
      id: `paket-${i}`,
      title: t(slice(i)),
      subtitle: t(slice(i)),
      year: t(slice(i)),
      address: t(slice(i)),
      penjelasan,
      keputusan: { jenis: t(slice(i)), nomor: t(slice(i)), tentang: t(slice(i)), tanggal: '2025-01-20', pejabat: pejabat(slice(i)), file: keputusan },
      sections: [{ title: t(slice(i)), include: ['unit/**/*.md'] }, { title: t(slice(i)), include: ['lain/**/*.md'] }],
    })),
  };
}

/** Markdown bodies: raw HTML, Markdown links and images, and every corpus string. */
const body = (i: number): string =>
  `${t('')}\n\n# ${slice(i)}\n\n${CORPUS.join('\n\n')}\n\n| ${slice(i).replace(/\|/g, '\\|').replace(/\n/g, ' ')} |\n|---|\n| sel |\n\n` +
  `- [tautan](javascript:alert(50))\n- ![gambar](http://evil.test/51.png)\n- <a href="data:text/html,<script>alert(52)</script>">data</a>\n\n` +
  '```mermaid\n%%{init: {"theme":"dark"}}%%\ngraph TD\nA-->B\nclick A call alert(53)\n```\n\n<script>alert(54)</script>\n';

const skip = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;

let dir: string;
let cleanup: () => void;
let browser: Browser;
let site: string;
let printed: string;
let sopData: Record<string, unknown>[];
let configData: Record<string, unknown>;
let cli: { status: number | null; stdout: string; stderr: string };
const watched: Observed = { requests: [], dialogs: [], console: [], errors: [] };
let apiResult: Awaited<ReturnType<typeof build>>;

describe('hostile text in every field', { skip, timeout: 600_000 }, () => {
  before(async () => {
    ({ dir, cleanup } = tempDir('sop-xss-fields-'));
    const logo = fileName('.svg');
    const penjelasan = fileName('.md');
    const keputusan = `keputusan ${fileName('.md')}`;
    mkdirSync(path.join(dir, 'unit'), { recursive: true });
    mkdirSync(path.join(dir, 'lain'), { recursive: true });
    writeFileSync(path.join(dir, logo), LOGO_SVG);
    writeFileSync(path.join(dir, 'unit', logo), LOGO_SVG);
    writeFileSync(path.join(dir, penjelasan), body(1));
    writeFileSync(path.join(dir, keputusan), body(2));
    configData = hostileConfig(logo, penjelasan, keputusan);
    writeFileSync(path.join(dir, 'sop.config.yaml'), stringify(configData));
    sopData = [hostileSop(0, logo, false), hostileSop(1, logo, true), hostileSop(2, logo, false)];
    const sasaran = { ...hostileSop(1, logo, true), nomor: 'S/1', nama: 'Sasaran Aman', status: 'berlaku', menggantikan: undefined, keterkaitan: '-' };
    // Takes every identity key it can from `defaults`.
    const fromDefaults = Object.fromEntries(Object.entries(hostileSop(2, logo, true)).filter(([k]) => !(k in (configData.defaults as object))));
    const docs: [string, Record<string, unknown>, string][] = [
      ['unit/serangan-0.md', sopData[0], body(0)],
      ['unit/serangan-1.md', sopData[1], body(1)],
      ['unit/serangan-2.md', sopData[2], body(2)],
      ['unit/sasaran.md', sasaran, 'Sasaran.\n'],
      ['lain/bawaan.md', fromDefaults, body(0)],
      ['lain/pola.md', constrainedSop(), body(1)],
      ['lain/rujukan.md', brokenRefSop(), 'Rujukan.\n'],
    ];
    sopData.push(fromDefaults, docs[5][1], docs[6][1]);
    for (const [file, data, text] of docs) writeFileSync(path.join(dir, file), `---\n${stringify(data)}---\n${text}`);
    // The Riwayat Revisi table prints each commit's subject and author.
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('-c', `user.name=${t(slice(0)).replace(/[\n\r<>]/g, ' ')}`, '-c', 'user.email=a@b.c', 'commit', '-q', '-m', t(slice(1)), '-m', slice(2));

    // the real CLI, as a user runs it: site, PDFs, Mermaid; while it runs (its own output, cache and
    // browser), the same build through the API with a browser the test watches: every page the build opens
    const cliDone = new Promise<typeof cli>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'build', '--force', '--mermaid', '-q'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    site = path.join(dir, '_site');
    printed = path.join(dir, '_watched');
    try {
      apiResult = await build({
        cwd: dir,
        force: true,
        mermaid: true,
        outDir: printed,
        cacheDir: path.join(dir, '.watched-cache'),
        launch: async () => {
          const b = await launchBrowser();
          b.on('targetcreated', (target) => {
            void target.page().then((p) => {
              if (!p) return;
              p.on('request', (req) => watched.requests.push(req.url()));
              p.on('dialog', (d) => {
                watched.dialogs.push(d.message());
                void d.dismiss().catch(() => undefined);
              });
              p.on('console', (m) => watched.console.push(`${m.type()}: ${m.text()}`));
              p.on('pageerror', (e) => watched.errors.push(String(e)));
            });
          });
          return b;
        },
      });
    } finally {
      cli = await cliDone; // also when the API build threw: nothing runs on in the folder after() removes
    }
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    cleanup?.();
  });

  it('fills every text field of both schemas, or says why not', () => {
    const problems: string[] = [];
    const filled = new Map<string, Set<string>>();
    const add = (prefix: string, m: Map<string, Set<string>>) => {
      for (const [p, set] of m) filled.set(`${prefix}:${p}`, new Set([...(filled.get(`${prefix}:${p}`) ?? []), ...set]));
    };
    for (const d of sopData) add('sop', filledFields(SOP_SCHEMA, d, MARKER));
    add('config', filledFields(CONFIG_SCHEMA, configData, MARKER));
    const fields = [...textFields(SOP_SCHEMA).map((f) => `sop:${f.path}`), ...textFields(CONFIG_SCHEMA).map((f) => `config:${f.path}`)];
    for (const f of fields) {
      if (filled.has(f) && NOT_FILLED[f]) problems.push(`${f} is filled and also listed in NOT_FILLED`);
      if (!filled.has(f) && !NOT_FILLED[f]) problems.push(`${f}: no payload and no reason in NOT_FILLED`);
    }
    for (const f of [...Object.keys(NOT_FILLED), ...Object.keys(MAY_NOT_SHOW)]) if (!fields.includes(f)) problems.push(`${f} is listed but is not a text field of the schemas`);
    assert.deepEqual(problems, []);
    // sanity: the walk sees the fields it must (a broken walk would make this test vacuous)
    for (const f of ['sop:prosedur.kegiatan', 'sop:pelaksana.*', 'sop:prosedur.langkah.teks', 'sop:prosedur.keputusan.label', 'config:labels.*', 'config:pack.keputusan.pejabat.nama', 'config:signature.footer']) {
      assert.ok(filled.has(f), f);
    }
  });

  it('the config validator refuses hostile text in every field it holds to a set or pattern', () => {
    const constrained = textFields(CONFIG_SCHEMA).filter((f) => f.constrained && NOT_FILLED[`config:${f.path}`]?.endsWith('(checked)'));
    assert.ok(constrained.length >= 15, String(constrained.length));
    const accepted: string[] = [];
    for (const { path: p } of constrained) {
      const { dir: d, cleanup: c } = tempDir('sop-xss-config-');
      try {
        const cfg: Record<string, unknown> = { pack: { title: 'P', year: 2025, keputusan: { nomor: '1', tentang: 'T', tanggal: '2025-01-01' } } };
        // put the payload at the path (a map key for `@key`, any key for `*`)
        let at: Record<string, unknown> = cfg;
        const parts = p.split('.');
        for (let k = 0; k < parts.length; k++) {
          const part = parts[k];
          const last = k === parts.length - 1;
          if (part === '@key') {
            at[FULL] = 'x';
            break;
          }
          const key = part === '*' ? 'nomor' : part;
          if (last) at[key] = p === 'rules.*' || p === 'include' ? (p === 'include' ? [FULL] : FULL) : FULL;
          else at = (at[key] ??= {}) as Record<string, unknown>;
        }
        writeFileSync(path.join(d, 'sop.config.yaml'), stringify(cfg));
        try {
          loadConfig({ cwd: d });
          accepted.push(p);
        } catch (err) {
          assert.equal((err as Error).name, 'SopConfigError', `${p}: ${(err as Error).stack}`);
        }
      } finally {
        c();
      }
    }
    assert.deepEqual(accepted, []);
  });

  it('the real `sop build` builds every SOP and pack', () => {
    // exit 1: lint errors were built anyway (--force)
    assert.ok(cli.status === 0 || cli.status === 1, `exit ${cli.status}\n${cli.stderr}`);
    assert.doesNotMatch(cli.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    assert.doesNotMatch(cli.stderr, /SOP tidak dibangun|dilewati/, cli.stderr);
    for (const f of ['unit/serangan-0', 'unit/serangan-1', 'unit/serangan-2', 'unit/sasaran', 'lain/bawaan', 'lain/pola', 'lain/rujukan']) {
      for (const ext of ['.html', '.pdf']) assert.ok(readdirSync(path.join(site, path.dirname(f))).includes(path.basename(f) + ext), `${f}${ext} was not built\n${cli.stderr}`);
    }
    for (const i of [0, 1, 2]) for (const ext of ['.html', '.pdf']) assert.ok(readdirSync(site).includes(`paket-${i}${ext}`), `paket-${i}${ext}`);
  });

  it('every filled field reaches the built output (HTML or PDF), but the few that need not', () => {
    const html = filesUnder(site, '.html').map((f) => readFileSync(f, 'utf8')).join('\n');
    const pdf = filesUnder(site, '.pdf').map((f) => pdfText(f)).join('\n');
    // a narrow column hyphenates a marker over two lines: also look in the text without tags, spaces and hyphens
    const joined = (text: string) => text.replace(/<[^>]*>/g, '').replace(/[\s\-\u2010\u00ad]+/g, '');
    const shown = new Set([...html.matchAll(MARKER), ...pdf.matchAll(MARKER), ...joined(html).matchAll(MARKER), ...joined(pdf).matchAll(MARKER)].map((m) => m[0]));
    const missing: string[] = [];
    const check = (prefix: string, m: Map<string, Set<string>>) => {
      for (const [p, set] of m) {
        const f = `${prefix}:${p}`;
        if (!MAY_NOT_SHOW[f] && ![...set].some((x) => shown.has(x))) missing.push(f);
      }
    };
    for (const d of sopData) check('sop', filledFields(SOP_SCHEMA, d, MARKER));
    check('config', filledFields(CONFIG_SCHEMA, configData, MARKER));
    assert.deepEqual([...new Set(missing)], []);
  });

  it('no page the build wrote runs a payload, keeps a handler or javascript: URL, or asks for anything but its own files', async () => {
    const pages = filesUnder(site, '.html');
    assert.ok(pages.length >= 10, pages.join('\n'));
    const problems: string[] = [];
    const checker = pageChecker(browser, site);
    try {
      for (const file of pages) problems.push(...(await checker.problems(file)));
    } finally {
      await checker.close();
    }
    assert.deepEqual(problems, []);
  });

  it('the build\'s own pages (Mermaid, print) run nothing and ask for nothing but the site\'s files', () => {
    assert.equal(apiResult.ok, true);
    assert.ok(watched.requests.length > 0, 'the watch saw the build\'s pages');
    assert.deepEqual(watched.dialogs, []);
    assert.deepEqual(watched.errors, []);
    assert.deepEqual(watched.console.filter((c) => /alert|pwned|\b\d\d\b/i.test(c)), []);
    // the build writes into a temporary folder next to the output and renames it when done; the Mermaid page and
    // sop's vendored Mermaid modules are answered from memory under an origin that resolves nowhere: exactly those
    // URLs are its own, any other under that origin counts as foreign
    const own = (u: string) => u.startsWith(MERMAID_PAGE_ORIGIN) && (mermaidModule(u.slice(MERMAID_PAGE_ORIGIN.length)) !== undefined || u === MERMAID_PAGE_ORIGIN || u === `${MERMAID_PAGE_ORIGIN}favicon.ico`);
    assert.deepEqual(foreign(watched.requests.filter((u) => !own(u)), dir), []);
    assert.ok(watched.requests.includes(MERMAID_PAGE_ORIGIN + MERMAID_ENTRY), 'the Mermaid page was watched');
    assert.ok(watched.requests.some((u) => u.includes('/.sop-print/print.html')), 'the print page was watched');
    // the printed text shows the payload as written
    const text = pdfText(path.join(printed, 'unit/serangan-1.pdf'));
    assert.ok(text.includes('<img src=x onerror="alert(2);window.__pwned=2">') || text.replace(/\s+/g, ' ').includes('<img src=x onerror="alert(2);window.__pwned=2">'), text.slice(0, 2000));
  });
});
