// Evidence pack item (c) (issue #15): for an SOP revised after an evaluation that answered Tidak, the pack holds the
// Perbandingan SOP (SOP awal at the evaluation vs SOP perbaikan as built), taken from a real git history in a temporary
// repository: the SOP as it stood before the evaluation (under its old file name), its revision committed afterwards.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { hasTools, pdfInfo, pdfText } from '../helpers/build.js';
import { hasGit, makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const examples = path.resolve(import.meta.dirname, '../../examples');
const SOP = 'mutasi/kenaikan-pangkat-reguler.md';
const OLD_NAME = 'mutasi/kenaikan-pangkat.md';
const PAIR = 'bukti-zi/c-sop-telah-dievaluasi/sop-awal-dan-perbaikan/pelayanan-usul-kenaikan-pangkat-reguler';
const now = new Date('2026-12-01T08:00:00');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The example SOP before the evaluation of 2025-08-20: returned proposals went back to the upload (kegiatan 1). */
function sopAwal(revised: string): string {
  const awal = revised
    .replace('tanggal_revisi: 2025-09-15', 'tanggal_revisi: "-"')
    .replace('    waktu: 1 hari kerja\n    output: Usul disetujui Kepala Bidang', '    waktu: 2 hari kerja\n    output: Usul disetujui Kepala Bidang')
    .replace(
      '      tidak: verifikasi\n    keterangan: Jika terdapat ketidaksesuaian, usul dikembalikan kepada analis untuk diverifikasi ulang (kegiatan 2).',
      '      tidak: usul\n    keterangan: Jika terdapat ketidaksesuaian, usul dikembalikan kepada pengelola kepegawaian perangkat daerah (kegiatan 1).',
    );
  assert.notEqual(awal.split('\n').filter((l, i) => l !== revised.split('\n')[i]).length, 0);
  assert.match(awal, /tidak: usul\n/);
  assert.match(awal, /waktu: 2 hari kerja\n    output: Usul disetujui/);
  return awal;
}

/** examples/ in git: SOP awal on 2025-08-01 (old file name), the revision on 2025-09-15 (renamed), a layout-only commit. */
function exampleHistory(revised: string): TestRepo {
  const repo = makeRepo('sop-bukti-git-');
  cpSync(examples, repo.root, { recursive: true });
  rmSync(path.join(repo.root, SOP));
  repo.commit('SOP awal', '2025-08-01', { [OLD_NAME]: sopAwal(revised) });
  rmSync(path.join(repo.root, OLD_NAME));
  repo.commit('Perbaikan SOP kenaikan pangkat hasil evaluasi 2025-08-20', '2025-09-15', { [SOP]: revised });
  repo.commit('Rapikan spasi', '2025-10-01', { [SOP]: `${revised}\n\n` });
  return repo;
}

describe('evidence pack: Perbandingan SOP of every SOP revised after its evaluation', { skip: !hasGit() && 'git is not installed' }, () => {
  const revised = readFileSync(path.join(examples, SOP), 'utf8');

  describe('PDF build', { skip: (!findBrowser() && 'no Chromium') || (!hasTools('pdftotext', 'pdfinfo') && 'poppler is not installed') }, () => {
    let repo: TestRepo;
    let site: string;
    let evidence: Awaited<ReturnType<typeof build>>;
    before(async () => {
      repo = exampleHistory(revised);
      site = path.join(repo.root, '_site');
      evidence = await build({ launch: chromium.launch, cwd: repo.root, formats: ['html', 'pdf'], now, env: {}, concurrency: 2 });
      assert.equal(evidence.ok, true);
    });
    after(() => repo?.cleanup());

    it('holds the Perbandingan PDF, the revised SOP PDF and the SOP awal text, listed under item c', () => {
      assert.ok(evidence.ok);
      const c = evidence.lifecycle?.evidence?.items.find((i) => i.item === 'c');
      const pair = c!.files.filter((f) => f.file.startsWith(`${PAIR}/`)).map((f) => [path.posix.basename(f.file), f.what]);
      assert.deepEqual(pair, [
        ['sop-perbaikan.pdf', 'SOP perbaikan (tanggal revisi 2025-09-15)'],
        ['sop-awal.md', `Naskah SOP awal sebelum revisi (git ${repo.git('rev-list', '-1', 'HEAD~2').trim().slice(0, 10)})`],
        ['perbandingan.pdf', `Perbandingan SOP: SOP awal (git ${repo.git('rev-list', '-1', 'HEAD~2').trim().slice(0, 10)}, 2025-08-01) dan SOP perbaikan (tanggal revisi 2025-09-15)`],
      ]);
      for (const f of ['perbandingan.pdf', 'perbandingan.html', 'sop-perbaikan.pdf', 'sop-awal.md']) assert.ok(existsSync(path.join(site, PAIR, f)), f);
      assert.equal(readFileSync(path.join(site, PAIR, 'sop-awal.md'), 'utf8'), sopAwal(revised));
      const index = readFileSync(path.join(site, 'bukti-zi/index.html'), 'utf8');
      assert.match(index, /<a href="c-sop-telah-dievaluasi\/sop-awal-dan-perbaikan\/pelayanan-usul-kenaikan-pangkat-reguler\/perbandingan\.pdf">/);
      // only the SOP whose evaluation said Tidak: the other three were all Ya
      assert.deepEqual(c!.files.filter((f) => f.file.includes('/sop-awal-dan-perbaikan/')).map((f) => path.posix.dirname(f.file)).filter((d, i, a) => a.indexOf(d) === i), [PAIR]);
    });

    it('the Perbandingan PDF shows what the revision changed, then the flow table at the evaluation and after the revision', () => {
      const pdf = path.join(site, PAIR, 'perbandingan.pdf');
      const info = pdfInfo(pdf);
      assert.deepEqual(info.size.map(Math.round), [935, 609], 'F4 landscape, the examples\' paper');
      const pages = Array.from({ length: info.pages }, (_, i) => oneLine(pdfText(pdf, i + 1)));
      const first = pages[0];
      assert.match(first, /^Perbandingan SOP git \([0-9a-f]{7}, 2025-08-01\) → git \([0-9a-f]{7}, 2025-09-15\) 0 SOP diubah, 0 ditambah, 0 dihapus, 1 dipindah, 0 tidak berubah /);
      for (const line of [
        'mutasi/kenaikan-pangkat-reguler.md ← mutasi/kenaikan-pangkat.md',
        'tanggal_revisi: - → 2025-09-15',
        'waktu: 2 hari kerja → 1 hari kerja',
        'cabang tidak: 1. Mengunggah usul kenaikan pangkat beserta dokumen persyaratan pada SIASN → 2. Memverifikasi kelengkapan dan keabsahan dokumen usul kenaikan pangkat',
      ]) assert.ok(first.includes(line), `page 1 says: ${line}\n${first}`);
      const awal = pages.findIndex((p) => p.startsWith('SOP awal: 800/005/SOP/BKPSDM/2025 Pelayanan Usul Kenaikan Pangkat Reguler'));
      const perbaikan = pages.findIndex((p) => p.startsWith('SOP perbaikan: 800/005/SOP/BKPSDM/2025 Pelayanan Usul Kenaikan Pangkat Reguler'));
      assert.ok(awal > 0 && perbaikan > awal, JSON.stringify(pages.map((p) => p.slice(0, 80))));
      assert.match(pages[awal], /· mutasi\/kenaikan-pangkat\.md /);
      assert.match(pages[perbaikan], /· mutasi\/kenaikan-pangkat-reguler\.md /);
      const text = (from: number, to: number) => pages.slice(from, to).join(' ');
      assert.match(text(awal, perbaikan), /dikembalikan kepada pengelola kepegawaian perangkat daerah \(kegiatan 1\)/);
      assert.doesNotMatch(text(awal, perbaikan), /diverifikasi ulang \(kegiatan 2\)/);
      assert.match(text(perbaikan, pages.length), /diverifikasi ulang \(kegiatan 2\)/);
      assert.match(pages.at(-1)!, new RegExp(`Halaman ${info.pages} dari ${info.pages}`));
    });
  });

  it('a content change committed after the evaluation counts as the revision even when tanggal_revisi was not updated (HTML, no browser)', async () => {
    const stale = revised.replace('tanggal_revisi: 2025-09-15', 'tanggal_revisi: "-"');
    const repo = exampleHistory(stale);
    try {
      const r = await build({ launch: chromium.launch, cwd: repo.root, formats: ['html'], now, env: {} });
      assert.equal(r.ok, true);
      if (!r.ok) return;
      const c = r.lifecycle!.evidence!.items.find((i) => i.item === 'c')!;
      const pair = c.files.filter((f) => f.file.startsWith(`${PAIR}/`)).map((f) => path.posix.basename(f.file));
      // no PDF without a browser: the standalone HTML Perbandingan is the evidence
      assert.deepEqual(pair, ['sop-awal.md', 'perbandingan.html']);
      assert.match(c.files.find((f) => f.file.endsWith('perbandingan.html'))!.what, /dan SOP perbaikan \(diubah di git setelah evaluasi 2025-08-20\)$/);
      const html = readFileSync(path.join(repo.root, '_site', PAIR, 'perbandingan.html'), 'utf8');
      assert.match(html, /waktu: 2 hari kerja → 1 hari kerja/);
      assert.doesNotMatch(html, /tanggal_revisi/);
      assert.doesNotMatch(html, /<link\b|(?:src|href)="https?:/);
    } finally {
      repo.cleanup();
    }
  });
});
