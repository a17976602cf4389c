// sop build with git history: the Riwayat Revisi table after the flow table (HTML and PDF via pdftotext), the DRAF watermark
// on uncommitted or untagged versions, and --final refusing then. Builds a real temporary git repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/api/build.js';
import { SopUsageError } from '../../src/core/errors.js';
import { findBrowser } from '../../src/print/browser.js';
import { hasGit, makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { pdfInfo, pdfText, hasTools } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';
import { FLOW, IDENTITY, sop } from '../lint/sop-text.js';

const browser = findBrowser();
// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());
const poppler = hasTools('pdftotext');

const CONFIG = 'history:\n  releaseTags: "sop-*"\nrules:\n  active-verb: off\n';
const V1 = sop();
const V2 = sop({ identity: IDENTITY.replace('tanggal_revisi: "-"', 'tanggal_revisi: 2025-06-01'), flow: FLOW.replace('waktu: 30 menit', 'waktu: 45 menit').replace('kepala: Kepala Badan', 'kepala: Sekretaris Badan') });

describe('sop build: Riwayat Revisi and DRAF from git', { skip: !hasGit() && 'git is not installed' }, () => {
  let repo: TestRepo;
  const out = () => path.join(repo.root, '_site');
  before(() => {
    repo = makeRepo('sop-riwayat-');
    repo.commit('SOP awal ditetapkan', '2025-01-15', { 'sop.config.yaml': CONFIG, '.gitignore': '_site/\n.sop-cache/\n', 'cuti.md': V1 });
    repo.git('tag', 'sop-2025');
    repo.commit('Rapikan spasi', '2025-02-01', { 'cuti.md': V1.replace('nomor:', '# nomor dari tata naskah\nnomor:') });
    repo.move('cuti.md', 'kepegawaian/cuti-tahunan.md');
    repo.commit('Pindahkan ke folder kepegawaian', '2025-03-01');
    repo.commit('Perbaikan hasil evaluasi', '2025-06-01', { 'kepegawaian/cuti-tahunan.md': V2 }, 'Evaluator <evaluator@example.go.id>');
    repo.git('tag', 'sop-2025-2');
  });
  after(() => repo.cleanup());

  it('a released version: the table lists the content revisions only, no DRAF', async () => {
    const r = await build({ launch: chromium.launch, cwd: repo.root, formats: browser && poppler ? ['html', 'pdf'] : ['html'] });
    assert.ok(r.ok);
    assert.deepEqual(r.notices, []);
    assert.equal(r.sops[0].draft, undefined);
    const html = readFileSync(path.join(out(), 'kepegawaian/cuti-tahunan.html'), 'utf8');
    assert.match(html, /<section class="sheet riwayat" id="riwayat" tabindex="0" aria-labelledby="riwayat-title"><h2 id="riwayat-title">Riwayat Revisi<\/h2>/);
    const rows = [...html.matchAll(/<tr><td class="num">(\d+)<\/td><td class="date">([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td class="versi">([^<]+)<\/td><\/tr>/g)].map((m) => m.slice(1).map((x, i) => (i === 5 ? x.replace(/^[0-9a-f]{7} /, '') : x)));
    assert.deepEqual(rows, [
      ['0', '15 Januari 2025', 'SOP awal ditetapkan', 'Terbit pertama', 'Penyusun SOP', 'sop-2025'],
      ['1', '1 Juni 2025', 'Perbaikan hasil evaluasi', 'Identitas, Pelaksana, Mutu Baku', 'Evaluator', 'sop-2025-2'],
    ]);
    assert.ok(html.indexOf('id="riwayat"') > html.lastIndexOf('class="sheet flow-page"'), 'the table comes after the flow table');
    assert.doesNotMatch(html, /<div class="draf-watermark"/);
    if (browser && poppler) {
      const pdf = path.join(out(), 'kepegawaian/cuti-tahunan.pdf');
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      assert.match(text, /Riwayat Revisi Revisi Tanggal Uraian Perubahan Bagian yang Berubah Oleh Versi 0 15 Januari 2025 SOP awal ditetapkan Terbit pertama Penyusun SOP [0-9a-f]{7} sop-2025 1 1 Juni 2025 Perbaikan hasil evaluasi Identitas, Pelaksana, Mutu Baku Evaluator [0-9a-f]{7} sop-2025-2/);
      assert.doesNotMatch(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }), /D\s*R\s*A\s*F/);
    }
  });

  it('uncommitted changes print DRAF on every page and --final refuses', async () => {
    const file = path.join(repo.root, 'kepegawaian/cuti-tahunan.md');
    writeFileSync(file, V2.replace('waktu: 45 menit', 'waktu: 40 menit'));
    try {
      const r = await build({ launch: chromium.launch, cwd: repo.root, formats: browser && poppler ? ['html', 'pdf'] : ['html'] });
      assert.ok(r.ok);
      assert.deepEqual(r.sops[0].draft, ['uncommitted', 'unreleased']);
      const html = readFileSync(path.join(out(), 'kepegawaian/cuti-tahunan.html'), 'utf8');
      assert.match(html, /<div class="draf-watermark" aria-hidden="true">DRAF<\/div>/);
      if (browser && poppler) {
        const pdf = path.join(out(), 'kepegawaian/cuti-tahunan.pdf');
        const pages = pdfInfo(pdf).pages;
        // the letters are spaced and turned: -raw keeps them in drawing order
        for (let p = 1; p <= pages; p++) assert.match(execFileSync('pdftotext', ['-raw', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }), /D\s*R\s*A\s*F/, `page ${p} has no DRAF`);
      }
      await assert.rejects(build({ launch: chromium.launch, cwd: repo.root, formats: ['html'], final: true }), (err: unknown) => err instanceof SopUsageError && /--final: SOP berikut akan tercetak DRAF.*\n {2}kepegawaian\/cuti-tahunan\.md: ada perubahan yang belum di-commit; revisi terakhir belum masuk tag rilis/s.test(err.message));
    } finally {
      repo.git('checkout', '--', 'kepegawaian/cuti-tahunan.md');
    }
  });

  it('status: draf prints DRAF even on a released commit, and --final refuses', async () => {
    const file = path.join(repo.root, 'kepegawaian/cuti-tahunan.md');
    repo.commit('Rancangan versi berikutnya', '2025-07-01', { 'kepegawaian/cuti-tahunan.md': V2.replace('---\nCatatan', 'status: draf\n---\nCatatan') });
    repo.git('tag', 'sop-2025-3');
    try {
      const r = await build({ launch: chromium.launch, cwd: repo.root, formats: browser && poppler ? ['html', 'pdf'] : ['html'] });
      assert.ok(r.ok);
      assert.deepEqual(r.sops[0].draft, ['status']);
      assert.match(readFileSync(path.join(out(), 'kepegawaian/cuti-tahunan.html'), 'utf8'), /<div class="draf-watermark" aria-hidden="true">DRAF<\/div>/);
      if (browser && poppler) {
        const pdf = path.join(out(), 'kepegawaian/cuti-tahunan.pdf');
        const pages = pdfInfo(pdf).pages;
        assert.ok(pages >= 2, `identity and flow pages at least, got ${pages}`);
        for (let p = 1; p <= pages; p++) assert.match(execFileSync('pdftotext', ['-raw', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }), /D\s*R\s*A\s*F/, `page ${p} has no DRAF`);
      }
      await assert.rejects(build({ launch: chromium.launch, cwd: repo.root, formats: ['html'], final: true }), (err: unknown) => err instanceof SopUsageError && /--final: SOP berikut akan tercetak DRAF.*\n {2}kepegawaian\/cuti-tahunan\.md: /s.test(err.message));
    } finally {
      repo.git('tag', '-d', 'sop-2025-3');
      repo.git('reset', '-q', '--hard', 'sop-2025-2');
      assert.equal(existsSync(file), true);
    }
  });

  it('config history.table: releases keeps tagged versions only; off leaves the table out', async () => {
    writeFileSync(path.join(repo.root, 'sop.config.yaml'), `${CONFIG}history:\n  releaseTags: "sop-2025"\n  table: releases\n`.replace(/^history:\n {2}releaseTags: "sop-\*"\n/, ''));
    try {
      const r = await build({ launch: chromium.launch, cwd: repo.root, formats: ['html'] });
      assert.ok(r.ok);
      const html = readFileSync(path.join(out(), 'kepegawaian/cuti-tahunan.html'), 'utf8');
      assert.equal([...html.matchAll(/<td class="num">/g)].length, 1, 'only the version tagged sop-2025');
      // the config change itself is uncommitted but is not an SOP: the last revision is simply not tagged sop-2025
      assert.deepEqual(r.sops[0].draft, ['unreleased']);
      writeFileSync(path.join(repo.root, 'sop.config.yaml'), `${CONFIG.replace('releaseTags: "sop-*"', 'table: "off"')}`);
      const r2 = await build({ launch: chromium.launch, cwd: repo.root, formats: ['html'] });
      assert.ok(r2.ok);
      assert.doesNotMatch(readFileSync(path.join(out(), 'kepegawaian/cuti-tahunan.html'), 'utf8'), /id="riwayat"/);
      assert.equal(r2.sops[0].draft, undefined);
    } finally {
      repo.git('checkout', '--', 'sop.config.yaml');
    }
  });

  it('outside git, with history in the config: one line, no table, no DRAF', async () => {
    const plain = makeRepo('sop-riwayat-plain-');
    try {
      execFileSync('rm', ['-rf', path.join(plain.root, '.git')]);
      plain.write({ 'sop.config.yaml': CONFIG, 'cuti.md': V1 });
      const r = await build({ launch: chromium.launch, cwd: plain.root, formats: ['html'] });
      assert.ok(r.ok);
      assert.deepEqual(r.notices, ['riwayat revisi mati: folder ini bukan repositori git (Riwayat Revisi, revisi-outdated dan tanda DRAF dari git tidak tersedia)']);
      assert.ok(existsSync(path.join(plain.root, '_site/cuti.html')));
      assert.doesNotMatch(readFileSync(path.join(plain.root, '_site/cuti.html'), 'utf8'), /id="riwayat"|<div class="draf-watermark"/);
    } finally {
      plain.cleanup();
    }
  });
});
