// The promise lint's flow-header-too-tall rule rests on: inside HEADER_SAFE_LIMITS a header always fits,
// so lint needs the layout (and fontkit) only for SOPs outside them. Checked with the widest glyphs at
// every limit at once; and outside the limits the exact check does find headers that do not fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowArea } from '../../../src/core/paper.js';
import { measureText } from '../../../src/render/flowtable/font.js';
import { DEFAULT_MARGINS, emBound, flowHeaderProblem, HEADER_SAFE_LIMITS as L, headerMayBeTooTall, modelMayBeTooTall, WIDE_GLYPH_EM } from '../../../src/render/flowtable/header-check.js';
import { dataMayBeTooTall } from '../../../src/render/flowtable/header-bound.js';
import { buildFlowModel } from '../../../src/model/flow.js';
import { parseSop } from '../../../src/document/sop-document.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderFlowTable } from '../../../src/render/flowtable/index.js';
import { buildModel, type RowSpec } from './model-fixtures.js';
import { rng } from '../../helpers/random.js';

/** Æ is 1.000 em in Arimo bold, the widest glyph that emBound counts as 1 em: the worst text per unit of the bound. */
const WIDE = 'Æ';
/** `em` units of text in words of `word` units (the last word may be shorter). */
function text(em: number, word: number): string {
  const words: string[] = [];
  let used = 0;
  while (used + word <= em) {
    words.push(WIDE.repeat(word));
    used += word + 1;
  }
  if (em - used >= 1) words.push(WIDE.repeat(em - used));
  return words.join(' ');
}

test('emBound: no glyph of the fonts is wider than the bound says', () => {
  const wider: string[] = [];
  for (let cp = 32; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    const ch = String.fromCodePoint(cp);
    const w = Math.max(measureText(ch, 1, false), measureText(ch, 1, true));
    if (w > emBound(ch) + 1e-9) wider.push(`U+${cp.toString(16)} ${w.toFixed(3)} em`);
  }
  for (const ch of ['😀', '𝔸', '中']) if (measureText(ch, 1, true) > emBound(ch)) wider.push(ch);
  assert.deepEqual(wider, []);
  assert.equal(emBound('Ǆ'), WIDE_GLYPH_EM);
  assert.equal(text(24, 12).length, 24);
});

test('inside the limits, every header fits: widest glyphs, 1 to 7 actors, words of every width, the column-number row, long words in the rows', () => {
  // Narrower than the build's area (flowArea) and shorter than the render's defaults at once.
  const build = flowArea('A4').margins;
  const margins = { top: Math.max(build.top, DEFAULT_MARGINS.top), bottom: Math.max(build.bottom, DEFAULT_MARGINS.bottom), left: Math.max(build.left, DEFAULT_MARGINS.left), right: Math.max(build.right, DEFAULT_MARGINS.right) };
  let layouts = 0;
  const failures: string[] = [];
  // Words of every width up to the limit (a title of mid-sized words can wrap to more lines than one of
  // the narrowest or the widest); Æ cannot be hyphenated, so a word of k units needs k em.
  for (const n of [1, 4, 7]) {
    const branch = Math.floor(Math.min(L.branchLabel, L.branchLabelAllColumns / n));
    for (const tk of [1, 2, 4, 6, 8, L.titleWord]) {
      for (const lk of [1, 4, 8, L.labelWord]) {
        for (const squeeze of [0, 400]) {
          for (const branches of [false, true]) {
            const actors = Array.from({ length: n }, () => text(L.titleChars, tk));
            const long = squeeze ? WIDE.repeat(squeeze) : 'biasa';
            const specs: RowSpec[] = Array.from({ length: 6 }, (_, i) => ({ actor: i % n, kegiatan: `Kegiatan ${long}`, kelengkapan: [`Berkas ${long}`], output: [`Hasil ${long}`], keterangan: `Ket ${long}`, waktu: '15 menit' }));
            if (branches) specs[2] = { ...specs[2], keputusan: { ya: 4, tidak: 'selesai', label: [text(branch, branch), text(branch, branch)] } };
            const model = buildModel(actors, specs);
            const lab = text(L.labelChars, lk);
            const labels = { no: lab, kegiatan: lab, pelaksana: lab, mutuBaku: lab, kelengkapan: lab, waktu: lab, output: lab, keterangan: lab, jumlahWaktu: lab };
            // every label is set, so the language changes only the words of the total; the column numbers add a header row
            for (const lang of ['id'] as const) {
              assert.equal(headerMayBeTooTall(model, lang, labels), false, 'the texts are at the limits, not over');
              for (const columnNumbers of [true]) {
                layouts++;
                const p = flowHeaderProblem(model, { paper: 'A4', margins, lang, labels, columnNumbers });
                if (p) failures.push(`n=${n} tk=${tk} lk=${lk} squeeze=${squeeze} branches=${branches} ${lang} cn=${columnNumbers}: ${p.headerMm.toFixed(0)} of ${p.pageMm.toFixed(0)} mm`);
              }
            }
          }
        }
      }
    }
  }
  assert.deepEqual(failures, []);
  // The same texts also render (the retries with wider actor columns never fail on the header).
  const model = buildModel(Array.from({ length: 7 }, () => text(L.titleChars, L.titleWord)), Array.from({ length: 5 }, (_, i) => ({ actor: i % 7 })));
  assert.ok(renderFlowTable(model, { paper: 'A4' }).pages.length >= 1);
  assert.equal(layouts, 3 * 6 * 4 * 2 * 2);
});

test('outside the limits the layout is asked, and it finds headers that do not fit', () => {
  const over = buildModel(Array.from({ length: 7 }, () => text(L.titleChars, 16)), Array.from({ length: 4 }, (_, i) => ({ actor: i })));
  assert.equal(headerMayBeTooTall(over, 'id', {}), true);
  const lab = text(L.labelChars, 16);
  const labels = { no: lab, kegiatan: lab, pelaksana: lab, mutuBaku: lab, kelengkapan: lab, waktu: lab, output: lab, keterangan: lab, jumlahWaktu: lab };
  const p = flowHeaderProblem(over, { paper: 'A4', labels });
  assert.ok(p, 'sixteen-em words in seven titles and every label leave no room');
  assert.ok(p.headerMm > 150 && p.pageMm === 180, `${p.headerMm} / ${p.pageMm}`);
  // an ordinary SOP: not even asked
  const plain = buildModel({ pemohon: 'Pemohon', petugas: 'Petugas Pelayanan Terpadu Satu Pintu', kabid: 'Kepala Bidang Perizinan' }, [{ actor: 0 }, { actor: 1 }, { actor: 2 }]);
  assert.equal(headerMayBeTooTall(plain, 'id'), false);
  assert.equal(headerMayBeTooTall(plain, 'en'), false);
  assert.equal(flowHeaderProblem(plain), undefined);
  // each limit on its own
  const eight = buildModel(Array.from({ length: 8 }, (_, i) => `Staf ${i}`), [{ actor: 0 }]);
  assert.equal(headerMayBeTooTall(eight, 'id'), true);
  assert.equal(headerMayBeTooTall(plain, 'id', { keterangan: 'Keterangan yang panjang sekali' }), true);
  // a long word counts by its wider piece once hyphenated (Kese-kretariatan), a web address as a whole
  assert.equal(headerMayBeTooTall(plain, 'id', { keterangan: 'Kesekretariatan' }), false);
  assert.equal(headerMayBeTooTall(plain, 'id', { keterangan: 'sso.sukamaju.go.id' }), true);
  assert.equal(headerMayBeTooTall(buildModel(['Pengadministrasi Perkantoran'], [{ actor: 0 }]), 'id'), false);
  // the label of a branch to the end, against the limit shared by the actor columns
  const ending = (n: number, label: string) => buildModel(Array.from({ length: n }, (_, i) => `Staf ${i}`), [{ actor: 0, keputusan: { tidak: 'selesai', label: ['Ya', label] } }, { actor: 1 % n }]);
  assert.equal(headerMayBeTooTall(ending(2, 'Tidak memenuhi syarat'), 'id'), false);
  assert.equal(headerMayBeTooTall(ending(2, 'Berkas lengkap dan sesuai persyaratan'), 'id'), true);
  assert.equal(headerMayBeTooTall(ending(7, 'Tidak memenuhi syarat'), 'id'), true);
  const looping = buildModel(['A', 'B'], [{ actor: 0 }, { actor: 1, keputusan: { ya: 'selesai', tidak: 1, label: ['Ya', 'Berkas belum lengkap dan harus diperbaiki'] } }]);
  assert.equal(headerMayBeTooTall(looping, 'id'), false, 'a branch back into the table widens no column');
});

test('the check and the drawing agree: 160 seeded models with long titles and labels either side of the limits', (t) => {
  const short = ['Kepala', 'Sub', 'Bagian', 'Umum', 'dan', 'Kepegawaian', 'Pejabat', 'Pembuat', 'Komitmen', 'Æ'.repeat(12)];
  const long = [...short, 'Pengadministrasian', 'Penyelenggaraan', 'Kesekretariatan', 'Æ'.repeat(14), 'Ǆ'.repeat(9)];
  const disagree: string[] = [];
  let tooTall = 0;
  let asked = 0;
  for (let seed = 1; seed <= 160; seed++) {
    const r = rng(30_000 + seed);
    const words = r() < 0.5 ? short : long;
    const phrase = (maxWords: number) => Array.from({ length: 1 + Math.floor(r() * maxWords) }, () => words[Math.floor(r() * words.length)]).join(' ');
    const n = 1 + Math.floor(r() * 9);
    const actors = Array.from({ length: n }, () => phrase(r() < 0.2 ? 120 : 8));
    const model = buildModel(actors, Array.from({ length: 4 }, (_, i) => ({ actor: i % n })));
    const lab = phrase(r() < 0.3 ? 90 : 3);
    const labels = r() < 0.5 ? { keterangan: lab, kegiatan: lab, waktu: lab } : {};
    const lang = r() < 0.5 ? 'id' : 'en';
    const options = { paper: (r() < 0.5 ? 'A4' : 'F4') as 'A4' | 'F4', lang, labels, columnNumbers: r() < 0.3 } as const;
    let drawn = true;
    try {
      renderFlowTable(model, options);
    } catch (err) {
      if ((err as Error).name !== 'SopHeaderTooTallError') throw err;
      drawn = false;
    }
    const may = headerMayBeTooTall(model, lang, labels);
    if (may) asked++;
    const problem = may ? flowHeaderProblem(model, options) : undefined;
    if (!drawn) tooTall++;
    if (drawn !== (problem === undefined)) disagree.push(`seed ${seed}: drawn=${drawn} may=${may} problem=${problem ? Math.round(problem.headerMm) : '-'}`);
  }
  t.diagnostic(`${asked} of 160 asked the layout; ${tooTall} too tall`);
  assert.deepEqual(disagree, []);
  // both verdicts occur, and the layout is asked for a minority only
  assert.ok(tooTall >= 10 && tooTall < 150, `${tooTall} of 160 too tall`);
  assert.ok(asked > tooTall && asked < 140, `${asked} asked`);
});

test('lint asks the data what it asks the model, or more: the examples, the fixtures and variants with long titles and branch labels', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const files = ['examples', 'test/fixtures'].flatMap((d) => readdirSync(path.join(root, d), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md') && !e.parentPath.includes('_site')).map((e) => path.join(e.parentPath, e.name)));
  const missed: string[] = [];
  let models = 0;
  let asked = 0;
  for (const file of files) {
    const doc = parseSop(readFileSync(file), file, file);
    const data = doc.data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object' || typeof data.pelaksana !== 'object' || !Array.isArray(data.prosedur)) continue;
    const ending = structuredClone(data);
    for (const row of ending.prosedur as Record<string, unknown>[]) {
      const k = row.keputusan as Record<string, unknown> | undefined;
      if (k && typeof k === 'object') Object.assign(k, { tidak: 'selesai', label: ['Ya', 'Berkas tidak lengkap dan tidak sesuai'] });
    }
    const titled = structuredClone(data);
    const first = Object.keys(titled.pelaksana as object)[0];
    (titled.pelaksana as Record<string, string>)[first] = 'Pejabat Pembuat Komitmen pada Satuan Kerja Direktorat Jenderal Bina';
    for (const [name, variant] of [['as written', data], ['a long end label', ending], ['a long title', titled]] as const) {
      const model = buildFlowModel(variant, {});
      models++;
      const byModel = modelMayBeTooTall(model, 'id');
      const byData = dataMayBeTooTall(variant);
      if (byData) asked++;
      if (byModel && !byData) missed.push(`${path.relative(root, file)} (${name})`);
    }
  }
  assert.deepEqual(missed, []);
  assert.ok(models >= 60 && asked >= models / 3, `${asked} of ${models} asked`);
});
