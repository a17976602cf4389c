// `sop --help`, `sop lint <file>` and `sop render --format mermaid` must not load the browser, Mermaid, the Markdown stack or the PDF and XLSX packages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const loader = fileURLToPath(new URL('./fixtures/trace-loader.mjs', import.meta.url));
const entry = fileURLToPath(new URL('./fixtures/sop-src.mjs', import.meta.url));
// Absolute, because the CLI runs in a temp folder where `tsx` does not resolve.
const tsx = import.meta.resolve('tsx');

/** Packages that only building, rendering, PDF assembly, fonts, XLSX or the Markdown body need. */
const HEAVY = ['puppeteer', 'puppeteer-core', 'mermaid', '@mermaid-js', 'unified', 'remark', 'rehype', 'chromium-bidi', '@cantoo', 'fontkit', 'read-excel-file', 'write-excel-file', 'fflate', 'saxen'];

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-lazy-test-'));
  writeFileSync(
    join(dir, 'satu.md'),
    `---
nomor: 1/SOP/2025
nama: Contoh
pelaksana:
  a: Staf
prosedur:
  - kegiatan: Mencatat surat
    pelaksana: a
    kelengkapan: "-"
    waktu: 5 menit
    output: Catatan
---
`,
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from source with the trace hook; returns the loaded packages (by node_modules name) and the output. */
function traced(args: string[]): { packages: Set<string>; modules: string[]; status: number | null; stderr: string } {
  const trace = join(dir, `trace-${args.join('_').replace(/[^\w]+/g, '-')}.txt`);
  writeFileSync(trace, '');
  const r = spawnSync(process.execPath, ['--import', tsx, '--import', loader, entry, ...args], {
    cwd: dir,
    env: { ...process.env, SOP_TRACE_FILE: trace, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const modules = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  const packages = new Set<string>();
  for (const m of modules) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m.replace(/\\/g, '/'));
    if (match) packages.add(match[1]);
  }
  return { packages, modules, status: r.status, stderr: r.stderr };
}

function heavyIn(packages: Set<string>): string[] {
  return [...packages].filter((p) => HEAVY.some((h) => p === h || p.startsWith(`${h}/`) || p.startsWith(`${h}-`)));
}

test('sop --help loads no heavy package', () => {
  const r = traced(['--help']);
  assert.equal(r.status, 0, r.stderr);
  // the trace works: commander and our own sources are in it
  assert.ok(r.packages.has('commander'), [...r.packages].join(', '));
  assert.ok(r.modules.some((m) => m.includes('/src/cli/main.ts')));
  assert.deepEqual(heavyIn(r.packages), []);
});

test('sop lint <file> loads no heavy package', () => {
  const r = traced(['lint', 'satu.md']);
  assert.ok(r.modules.some((m) => m.includes('/src/cli/commands/lint.ts')));
  assert.deepEqual(heavyIn(r.packages), []);
  // flow-header-too-tall decides an ordinary SOP font-free (header-bound.ts); the layout is not even parsed
  assert.ok(r.modules.some((m) => m.endsWith('/src/render/flowtable/header-bound.ts')), 'the font-free header check was loaded');
  assert.deepEqual(r.modules.filter((m) => /\/src\/render\/flowtable\/(layout|font|header-check|index)\.ts$/.test(m)), []);
});

test('sop render <file> --format mermaid loads no heavy package either (the source is plain text)', () => {
  const r = traced(['render', 'satu.md', '--format', 'mermaid']);
  assert.ok(r.modules.some((m) => m.includes('/src/api/render.ts')), 'the render API was loaded');
  assert.deepEqual(heavyIn(r.packages), []);
});

test('the trace does see a heavy package imported lazily by our code (so the checks above can fail)', () => {
  const probe = join(dir, 'probe.mjs');
  const fakeChrome = join(dir, 'fake-chrome');
  writeFileSync(fakeChrome, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  // launchBrowser gets as far as its lazy load of puppeteer-core (a require, seen by the tracer's CommonJS hook) and then fails to start the fake binary.
  writeFileSync(
    probe,
    `const m = await import(${JSON.stringify(pathToFileURL(join(root, 'src/print/browser.ts')).href)});\n` +
      `await m.launchBrowser({ env: {}, executablePath: ${JSON.stringify(fakeChrome)} }).catch(() => {});\n`,
  );
  const trace = join(dir, 'trace-probe.txt');
  writeFileSync(trace, '');
  const r = spawnSync(process.execPath, ['--import', tsx, '--import', loader, probe], { cwd: root, env: { ...process.env, SOP_TRACE_FILE: trace, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(trace, 'utf8');
  assert.match(text, /node_modules\/puppeteer-core\//);
});
