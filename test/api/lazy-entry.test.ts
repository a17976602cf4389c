// `import('sop')` (dist/api/index.js, the package's main) loads no heavy package until a function that needs one is called.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = join(root, 'dist/api/index.js');
// the module tracer the CLI's lazy-import test uses: every ESM resolve and CommonJS require, into $SOP_TRACE_FILE
const loader = fileURLToPath(new URL('../cli/fixtures/trace-loader.mjs', import.meta.url));

/** Packages only building, printing, PDF assembly, fonts, XLSX, CSV, prompts, Markdown bodies or SVG cleaning need. */
const HEAVY = [
  'puppeteer', 'puppeteer-core', 'chromium-bidi', 'mermaid', '@mermaid-js', '@cantoo', 'fontkit', 'read-excel-file', 'write-excel-file', 'fflate', 'saxen', 'svgo', 'csso', 'css-tree',
  'unified', 'remark', 'rehype', 'micromark', 'mdast', 'hast', 'csv-parse', '@inquirer', 'cli-progress',
];

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-lazy-entry-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `code` (an ES module importing the entry as `sop`) with the tracer; returns the packages it loaded. */
function traced(name: string, code: string): { packages: Set<string>; modules: string[] } {
  const probe = join(dir, `${name}.mjs`);
  const trace = join(dir, `${name}.txt`);
  writeFileSync(probe, `const sop = await import(${JSON.stringify(pathToFileURL(entry).href)});\n${code}\n`);
  writeFileSync(trace, '');
  const r = spawnSync(process.execPath, ['--import', loader, probe], { cwd: dir, env: { ...process.env, SOP_TRACE_FILE: trace, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const modules = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  const packages = new Set<string>();
  for (const m of modules) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m.replace(/\\/g, '/'));
    if (match) packages.add(match[1]);
  }
  return { packages, modules };
}

const heavyIn = (packages: Set<string>) => [...packages].filter((p) => HEAVY.some((h) => p === h || p.startsWith(`${h}/`) || p.startsWith(`${h}-`)));

test('the package entry is built (npm run build)', () => {
  assert.ok(existsSync(entry), `${entry} is missing: run npm run build first`);
});

test('import("sop") loads no heavy package, and every export is there', () => {
  const r = traced('entry', 'console.log(Object.keys(sop).length);');
  assert.ok(r.modules.some((m) => m.endsWith('/dist/api/index.js')), 'the trace saw the entry');
  assert.ok(r.packages.has('yaml'), `the trace sees packages: ${[...r.packages].join(', ')}`);
  assert.deepEqual(heavyIn(r.packages), []);
});

test('lint() of a text and the light helpers load no heavy package either', () => {
  const r = traced(
    'lint-text',
    `const text = '---\\nnomor: 1/SOP/2025\\nnama: Contoh\\npelaksana:\\n  a: Staf\\nprosedur:\\n  - kegiatan: Mencatat surat\\n    pelaksana: a\\n    kelengkapan: "-"\\n    waktu: 5 menit\\n    output: Catatan\\n---\\n';
     const res = await sop.lintText(text);
     if (!res.filePath) throw new Error('no result');
     sop.toMermaid(sop.buildFlowModel(sop.parseSop(Buffer.from(text), 'a.md', 'a.md').data));
     if (!sop.OUTPUT_FORMATS.includes('pdf') || !sop.RENDER_FORMATS.length || !sop.DIFF_FORMATS.length) throw new Error('constants missing');`,
  );
  assert.deepEqual(heavyIn(r.packages), []);
});

test('lint() of an SOP whose actor titles are very long loads the layout to measure its header, and reports it', () => {
  const title = 'Kepala Sub Bagian Umum dan Kepegawaian '.repeat(60).trim();
  const r = traced(
    'lint-tall',
    `const text = '---\\nnomor: 1/SOP/2025\\nnama: Contoh\\npelaksana:\\n  a: ${title}\\n  b: ${title}\\nprosedur:\\n  - kegiatan: Mencatat surat\\n    pelaksana: a\\n    kelengkapan: "-"\\n    waktu: 5 menit\\n    output: Catatan\\n---\\n';
     const res = await sop.lintText(text);
     if (!res.diagnostics.some((d) => d.ruleId === 'flow-header-too-tall')) throw new Error('not reported: ' + JSON.stringify(res.diagnostics.map((d) => d.ruleId)));`,
  );
  assert.ok(r.modules.some((m) => /render[\\/]flowtable[\\/]layout\.js$/.test(m)), 'the layout was loaded');
  // the widths come from arimo-metrics.ts: measuring parses no font
  assert.ok(r.modules.some((m) => /render[\\/]flowtable[\\/]arimo-metrics\.js$/.test(m)), 'the font metrics were loaded');
  assert.ok(!r.packages.has('fontkit'), [...r.packages].join(', '));
});

test('a function that needs a heavy package loads it when called (so the checks above can fail)', () => {
  writeFileSync(join(dir, 'inventaris.csv'), 'No,Nama SOP\n1,Penerimaan Surat\n');
  // the import may refuse the columns: what counts is that reading the CSV loaded csv-parse
  const r = traced('csv', `try { await sop.importInventory({ cwd: ${JSON.stringify(dir)}, input: 'inventaris.csv', dryRun: true }); } catch (err) { if (!(err instanceof sop.SopUsageError)) throw err; }`);
  assert.ok(r.packages.has('csv-parse'), [...r.packages].join(', '));
});
