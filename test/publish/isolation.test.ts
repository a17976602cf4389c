// One SOP that cannot be drawn or printed is that SOP's located error: the others, the catalogue
// and the pack (without it) are still built, and the run exits 1.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { renderFlowTable } from '../../src/render/flowtable/index.js';
import { pdfText, tempDir, writeRepo } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));
const HOOK = fileURLToPath(new URL('./fixtures/print-fault.mjs', import.meta.url));
const noBrowser = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;
const noPoppler = spawnSync('pdftotext', ['-v']).error ? 'pdftotext (poppler-utils) is not installed' : false;

const PACK = { pack: { id: 'paket', title: 'Paket SOP Uji', year: 2025 } };
const three = (mark: { nama?: string; body?: string }) =>
  [1, 2, 3].map((i) => ({
    file: `u/s${i}.md`,
    nomor: `00${i}/SOP/A/2025`,
    nama: i === 2 && mark.nama ? mark.nama : `SOP Nomor ${i}`,
    body: i === 2 && mark.body ? mark.body : 'Catatan.\n',
  }));

/** 1-based line of `key:` at the top of the frontmatter. */
function lineOf(file: string, key: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;
}

describe('per-SOP failure isolation', () => {
  it('a flow table that cannot be drawn fails its SOP only, located at `prosedur`; the rest and the pack are built', async () => {
    const { dir, cleanup } = tempDir('sop-isolate-');
    try {
      // SOP 2 alone has five rows; the renderer fails on it as a renderer bug would
      const rows = ['Mengajukan', 'Memeriksa', 'Menyetujui', 'Mencatat', 'Menerima'].map((k, i) => ({
        kegiatan: k, pelaksana: ['pemohon', 'petugas', 'kabid', 'petugas', 'pemohon'][i], kelengkapan: 'Berkas', waktu: '10 menit', output: 'Hasil',
      }));
      writeRepo(dir, { config: PACK, sops: three({ nama: 'SOP Rusak' }).map((s, i) => (i === 1 ? { ...s, extra: { prosedur: rows } } : s)) });
      const failing: typeof renderFlowTable = (model, o) => {
        if (model.rows.length === 5) throw new RangeError('Maximum call stack size exceeded');
        return renderFlowTable(model, o);
      };
      const r = await build({ launch: chromium.launch, cwd: dir, env: {}, formats: ['html'], renderFlowTable: failing });
      assert.equal(r.ok, true);
      if (!r.ok) return;
      assert.deepEqual(
        r.failed.map((f) => [f.file, f.line, f.column]),
        [['u/s2.md', lineOf(path.join(dir, 'u/s2.md'), 'prosedur'), 1]],
      );
      assert.match(r.failed[0].message, /^SOP tidak dibangun \(tabel alir\): Maximum call stack size exceeded; SOP lain tetap dibangun$/);
      assert.deepEqual(r.sops.map((s) => s.file), ['u/s1.md', 'u/s3.md']);
      const site = path.join(dir, '_site');
      assert.ok(existsSync(path.join(site, 'u/s1.html')) && existsSync(path.join(site, 'u/s3.html')));
      assert.ok(!existsSync(path.join(site, 'u/s2.html')));
      const index = readFileSync(path.join(site, 'index.html'), 'utf8');
      const pack = readFileSync(path.join(site, 'paket.html'), 'utf8');
      for (const page of [index, pack]) {
        assert.match(page, /SOP Nomor 1/);
        assert.match(page, /SOP Nomor 3/);
        assert.doesNotMatch(page, /SOP Rusak/);
      }
      // nothing of the failed SOP is recorded as built: the next build tries it again
      const manifest = JSON.parse(readFileSync(path.join(site, '.sop-build.json'), 'utf8')) as { units: Record<string, unknown> };
      assert.ok(!Object.keys(manifest.units).some((k) => k.endsWith(':u/s2')));
      const again = await build({ launch: chromium.launch, cwd: dir, env: {}, formats: ['html'] });
      assert.ok(again.ok && again.failed.length === 0 && existsSync(path.join(site, 'u/s2.html')));
    } finally {
      cleanup();
    }
  });

  it('sop build: a PDF that cannot be printed is reported with file:line, exit 1; the others and the pack PDF are made', { skip: noBrowser || noPoppler, timeout: 240_000 }, () => {
    const { dir, cleanup } = tempDir('sop-isolate-cli-');
    try {
      writeRepo(dir, { config: PACK, sops: three({ nama: 'SOP Rusak', body: 'Isi GAGAL-CETAK.\n' }) });
      const r = spawnSync(process.execPath, ['--import', HOOK, BIN, 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 200_000 });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /^sop build: u\/s2\.md:1:1: error: SOP tidak dibangun \(PDF\): injected print fault; SOP lain tetap dibangun$/m);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      const site = path.join(dir, '_site');
      assert.ok(existsSync(path.join(site, 'u/s1.pdf')) && existsSync(path.join(site, 'u/s3.pdf')));
      assert.ok(!existsSync(path.join(site, 'u/s2.pdf')) && !existsSync(path.join(site, 'u/s2.html')));
      const text = pdfText(path.join(site, 'paket.pdf'));
      assert.match(text, /SOP Nomor 1/);
      assert.match(text, /SOP Nomor 3/);
      assert.doesNotMatch(text, /SOP Rusak/);
      assert.match(r.stdout, /2 SOP ->/);
    } finally {
      cleanup();
    }
  });
});
