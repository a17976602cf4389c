// Tests of the scaffolding text helpers: slugs, actor ids, YAML scalars, abbreviations, NIP checks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { abbreviate, actorId, isoDate, nipProblem, slugify, splitList, titleCase, yamlString } from '../../src/scaffold/text.js';

describe('slugify', () => {
  it('lower-cases, joins words with "-" and drops punctuation', () => {
    assert.equal(slugify('Pelayanan Permohonan Cuti Tahunan'), 'pelayanan-permohonan-cuti-tahunan');
    assert.equal(slugify('  SOP: Surat Masuk / Keluar (Umum)  '), 'sop-surat-masuk-keluar-umum');
  });
  it('folds diacritics and joins words split by an apostrophe', () => {
    assert.equal(slugify('Pengelolaan Arsip Dinamis — Édisi Ṣpesial'), 'pengelolaan-arsip-dinamis-edisi-spesial');
    assert.equal(slugify("Penjadwalan Salat Jum'at"), 'penjadwalan-salat-jumat');
    assert.equal(slugify('Penjadwalan Salat Jum’at'), 'penjadwalan-salat-jumat');
  });
  it('keeps digits, uses "_" on request, gives "" for a title without letters or digits', () => {
    assert.equal(slugify('Laporan Triwulan 3 Tahun 2025'), 'laporan-triwulan-3-tahun-2025');
    assert.equal(slugify('Kepala Subbagian Umum', '_'), 'kepala_subbagian_umum');
    assert.equal(slugify('—/!?'), '');
  });
  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Penyusunan '.repeat(20));
    assert.ok(slug.length <= 80, slug);
    assert.match(slug, /^penyusunan(-penyusunan)*$/);
  });
});

describe('actorId', () => {
  it('makes schema-valid, unique ids from titles', () => {
    const taken = new Set<string>();
    const ids = ['Kepala Subbagian Umum', 'Kepala Subbagian Umum', '2nd Reviewer', '—', 'Pemohon'].map((t, i) => actorId(t, taken, i));
    assert.deepEqual(ids, ['kepala_subbagian_umum', 'kepala_subbagian_umum_2', 'p_2nd_reviewer', 'pelaksana_4', 'pemohon']);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9_-]*$/);
  });
});

describe('yamlString', () => {
  it('reads back as the same string under YAML 1.2 and 1.1', () => {
    for (const s of ['Pelayanan Cuti', 'yes', 'No', 'on', 'null', '2025-01-02', '0123', 'Cuti: Tahunan', 'a # b', '{seq}', "Jum'at", '- x', 'x'.repeat(200) + ' y']) {
      const y = yamlString(s);
      assert.equal(parse(`k: ${y}`, { version: '1.2' }).k, s, `1.2: ${y}`);
      assert.equal(parse(`k: ${y}`, { version: '1.1' }).k, s, `1.1: ${y}`);
      assert.ok(!y.includes('\n'), 'single line');
    }
    assert.equal(yamlString('Kepala Dinas'), 'Kepala Dinas', 'plain when safe');
  });
});

describe('abbreviate / titleCase / splitList / isoDate', () => {
  it('abbreviates unit names without the small words', () => {
    assert.equal(abbreviate('BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA'), 'BKPSDM');
    assert.equal(abbreviate('Dinas Komunikasi dan Informatika'), 'DKI');
    assert.equal(abbreviate('X'), 'SOP');
  });
  it('title-cases with small words in lower case', () => {
    assert.equal(titleCase('DINAS KOMUNIKASI DAN INFORMATIKA'), 'Dinas Komunikasi dan Informatika');
  });
  it('splits a comma list, trimming and dropping empty parts', () => {
    assert.deepEqual(splitList(' Pemohon , Kepala Subbagian Umum,, '), ['Pemohon', 'Kepala Subbagian Umum']);
    assert.deepEqual(splitList(undefined), []);
  });
  it('formats the local date', () => {
    assert.equal(isoDate(new Date(2025, 0, 5, 23, 59)), '2025-01-05');
  });
});

describe('nipProblem', () => {
  it('accepts valid NIPs with spaces or dots', () => {
    assert.equal(nipProblem('19750312 200012 1 003', 'id'), undefined);
    assert.equal(nipProblem('19660801.198803.1.001', 'id'), undefined);
    assert.equal(nipProblem('198005172005012014', 'en'), undefined);
  });
  it('rejects wrong length, impossible dates, sex digit and serial 000', () => {
    assert.match(nipProblem('1975031220001210', 'id') ?? '', /18 digit/);
    assert.match(nipProblem('19750230 200012 1 003', 'id') ?? '', /tanggal lahir/);
    assert.match(nipProblem('19750312 200013 1 003', 'id') ?? '', /bulan/);
    assert.match(nipProblem('19750312 200012 3 003', 'id') ?? '', /digit 15/);
    assert.match(nipProblem('19750312 200012 1 000', 'en') ?? '', /000/);
  });
});
