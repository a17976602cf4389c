// Column labels so long that the flow table's header is taller than a page: the SOP fails with its
// own located error and the others build. Before, a page under such a header held one line of a
// row, so the table was paged a line at a time: with the XSS test's labels (about 600 characters
// each) `sop build` used all of its 4 GB JavaScript heap and died after about 35 s (exit 134).
// And a long printed row number (`no`) made the No column wider than the table.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { lint } from '../../src/api/lint.js';
import { renderSop } from '../../src/api/render.js';
import { tempDir, writeRepo } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

/** The line of the top-level `pelaksana:` key of an SOP. */
function pelaksanaLine(dir: string, file: string): number {
  return readFileSync(path.join(dir, file), 'utf8').split('\n').findIndex((l) => l.startsWith('pelaksana:')) + 1;
}

const LONG = 'Uraian kolom yang sangat panjang sekali '.repeat(15);

describe('a flow-table header taller than a page', () => {
  it('is that SOP\'s error; the build ends at once and builds the rest', { timeout: 120_000 }, async () => {
    const { dir, cleanup } = tempDir('sop-tall-header-');
    try {
      writeRepo(dir, {
        config: { labels: { no: LONG, kegiatan: LONG, waktu: LONG, keterangan: LONG } },
        sops: [{ file: 'u/a.md', nomor: 'A/1', nama: 'Kepala Tinggi' }],
      });
      const started = Date.now();
      const r = await build({ launch: chromium.launch, cwd: dir, env: {}, formats: ['html'], force: true });
      assert.ok(r.ok);
      if (!r.ok) return;
      assert.equal(r.failed.length, 1, JSON.stringify(r.failed));
      assert.match(r.failed[0].message, /kepala kolom tabel alir setinggi \d+ mm dan tidak menyisakan ruang/);
      assert.equal(r.failed[0].file, 'u/a.md');
      // at the same line as lint's diagnostic below (the column headers come from `pelaksana`)
      assert.equal(r.failed[0].line, pelaksanaLine(dir, 'u/a.md'));
      assert.ok(Date.now() - started < 60_000, `${Date.now() - started} ms`);
      // lint refuses it too, at the same place, so a build without --force stops at lint
      const l = await lint({ cwd: dir, workers: 0 });
      const found = l.results.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === 'flow-header-too-tall');
      assert.deepEqual(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`), [`u/a.md:${pelaksanaLine(dir, 'u/a.md')}:1 error`]);
      assert.match(found[0].message, /kepala kolom tabel alir setinggi \d+ mm/);
      const refused = await build({ launch: chromium.launch, cwd: dir, env: {}, formats: ['html'] });
      assert.equal(refused.ok, false, 'without --force the lint error stops the build');
    } finally {
      cleanup();
    }
  });

  it('actor titles that tall make `sop render` report a located problem', { timeout: 60_000 }, async () => {
    const { dir, cleanup } = tempDir('sop-tall-actors-');
    try {
      const title = 'Kepala Sub Bagian Umum dan Kepegawaian '.repeat(60);
      writeRepo(dir, { sops: [{ file: 'a.md', nomor: 'A/1', nama: 'Pelaksana Panjang', extra: { pelaksana: { pemohon: title, petugas: title, kabid: title } } }] });
      const r = await renderSop({ cwd: dir, file: 'a.md', format: 'svg' });
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.problems[0].ruleId, 'flow-header-too-tall');
      assert.match(r.problems[0].messageEn ?? '', /column headers are \d+ mm tall/);
      assert.ok(r.problems[0].location.line > 1);
      // lint points at the same key
      const l = await lint({ cwd: dir, workers: 0 });
      const found = l.results.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === 'flow-header-too-tall');
      assert.deepEqual(found.map((d) => `${d.line}:${d.column}`), [`${r.problems[0].location.line}:${r.problems[0].location.column}`]);
    } finally {
      cleanup();
    }
  });
});

describe('a printed row number (`no`) longer than the table is wide', () => {
  it('wraps in the No column; the other columns keep their room', { timeout: 60_000 }, async () => {
    const { dir, cleanup } = tempDir('sop-long-no-');
    try {
      const no = 'nomor-baris-yang-panjang '.repeat(25);
      writeRepo(dir, { sops: [{ file: 'a.md', nomor: 'A/1', nama: 'Nomor Panjang', extra: {} }] });
      const { readFileSync, writeFileSync } = await import('node:fs');
      const file = `${dir}/a.md`;
      writeFileSync(file, readFileSync(file, 'utf8').replace('  - kegiatan: Mengajukan permohonan', `  - no: "${no}"\n    kegiatan: Mengajukan permohonan`));
      const r = await renderSop({ cwd: dir, file: 'a.md', format: 'svg' });
      assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
      if (!r.ok) return;
      // before: the No column took the whole width, Kegiatan got 0 mm and each word its own line
      assert.ok((r.pages ?? 0) <= 3, `${r.pages} pages`);
      const svg = String(r.outputs[0].data);
      assert.match(svg, /Mengajukan permohonan/);
    } finally {
      cleanup();
    }
  });
});
