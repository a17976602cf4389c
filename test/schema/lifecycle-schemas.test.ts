// The lifecycle record schemas (inventaris, monev, evaluasi): strict, Indonesian titles, the examples follow them, the criteria are the annex's.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CRITERIA } from '../../src/lifecycle/criteria.js';
import { parseRecord } from '../../src/lifecycle/records.js';
import { schemaAsserts, type Json } from './ajv-assert.js';

const root = path.resolve(import.meta.dirname, '../..');
const load = (name: string): Json => JSON.parse(readFileSync(path.join(root, 'schemas', `${name}.schema.json`), 'utf8'));
const yamlOf = (rel: string) => parse(readFileSync(path.join(root, rel), 'utf8'));

/** Every subschema with a title has an Indonesian description and an English $comment. */
function described(node: unknown, at = '#'): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Json;
  const bad = n.title !== undefined && (typeof n.description !== 'string' || typeof n.$comment !== 'string') ? [at] : [];
  return [...bad, ...Object.entries(n).flatMap(([k, v]) => (k === 'enum' || k === 'examples' ? [] : described(v, `${at}/${k}`)))];
}

describe('inventaris.schema.json', () => {
  const s = schemaAsserts(load('inventaris'));
  it('accepts the examples inventory and a minimal row', () => {
    s.accept(yamlOf('examples/inventaris.yaml'));
    s.accept({ baris: [{ tugas: 'T', fungsi: 'F', uraian_tugas: 'U', kegiatan: 'K', output: 'O', aspek_kegiatan: 'A', judul_sop: 'J' }] });
  });
  it('rejects a row without a Tabel 6 column, an unknown key and an empty list', () => {
    s.reject({ baris: [{ tugas: 'T', fungsi: 'F', uraian_tugas: 'U', kegiatan: 'K', output: 'O', judul_sop: 'J' }] });
    s.reject({ baris: [{ tugas: 'T', fungsi: 'F', uraian_tugas: 'U', kegiatan: 'K', output: 'O', aspek_kegiatan: 'A', judul_sop: 'J', judul: 'x' }] });
    s.reject({ baris: [] });
  });
  it('has Indonesian titles with descriptions everywhere', () => assert.deepEqual(described(load('inventaris')), []));
});

describe('monev.schema.json', () => {
  const s = schemaAsserts(load('monev'));
  it('accepts every sheet of the examples', () => {
    const dir = path.join(root, 'examples/monev');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 8);
    for (const f of files) s.accept(yamlOf(`examples/monev/${f}`));
  });
  const ok = { periode: '2026-S1', unit: 'umum', tanggal: '2026-03-01', penilai: { nama: 'A', jabatan: 'B' }, baris: [{ prosedur: 'X', penilaian: 'baik' }] };
  it('accepts an unassessed row and rejects a bad period, a missing penilai and a bad assessment key', () => {
    s.accept({ ...ok, baris: [{ prosedur: 'X', penilaian: null }] });
    s.reject({ ...ok, periode: '2026-S3' });
    s.reject({ ...ok, penilai: undefined });
    s.reject({ ...ok, baris: [{ prosedur: 'X', penilaian: 'Berjalan dengan baik' }] });
    s.reject({ ...ok, baris: [{ prosedur: 'X' }] });
  });
  it('has Indonesian titles with descriptions everywhere', () => assert.deepEqual(described(load('monev')), []));
});

describe('evaluasi.schema.json', () => {
  const schema = load('evaluasi');
  const s = schemaAsserts(schema);
  it('requires exactly the seven criteria of the annex, in order, titled with their wording', () => {
    const k = schema.$defs.entri.properties.kriteria;
    assert.deepEqual(k.required, CRITERIA.map((c) => c.id));
    assert.deepEqual(Object.values(k.properties).map((p) => (p as Json).title), CRITERIA.map((c) => `${c.no}. ${c.teks}`));
    assert.deepEqual(CRITERIA.map((c) => c.teks), [
      'Mampu mendorong peningkatan kinerja',
      'Mudah dipahami',
      'Mudah dilaksanakan',
      'Semua orang dapat menjalankan perannya masing-masing',
      'Mampu mengatasi permasalahan yang berkaitan dengan proses',
      'Mampu menjawab kebutuhan peningkatan kinerja organisasi',
      'Sinergi satu dengan lainnya',
    ]);
    assert.match(schema.description, /Lampiran Peraturan Menteri PAN-RB Nomor 35 Tahun 2012/);
  });
  const all = Object.fromEntries(CRITERIA.map((c) => [c.id, 'ya']));
  const ok = { tanggal: '2026-01-10', tim: [{ nama: 'A', jabatan: 'B' }], sop: [{ prosedur: 'X', kriteria: all }] };
  it('accepts the examples evaluation, short and long answers', () => {
    s.accept(yamlOf('examples/evaluasi/2025-08-mutasi.yaml'));
    s.accept({ ...ok, sop: [{ prosedur: 'X', kriteria: { ...all, sinergi: { hasil: 'tidak', catatan: 'c', tindak_lanjut: { uraian: 'u', batas_waktu: '2026-02-01' } } } }] });
  });
  it('rejects a missing criterion, an invented one, a yes/no other than ya/tidak and a follow-up without due date', () => {
    const { sinergi: _, ...six } = all;
    s.reject({ ...ok, sop: [{ prosedur: 'X', kriteria: six }] });
    s.reject({ ...ok, sop: [{ prosedur: 'X', kriteria: { ...all, relevansi: 'ya' } }] });
    s.reject({ ...ok, sop: [{ prosedur: 'X', kriteria: { ...all, sinergi: 'yes' } }] });
    s.reject({ ...ok, sop: [{ prosedur: 'X', kriteria: { ...all, sinergi: { hasil: 'tidak', tindak_lanjut: { uraian: 'u' } } } }] });
    s.reject({ ...ok, tim: [] });
  });
  it('has Indonesian titles with descriptions everywhere', () => assert.deepEqual(described(schema), []));
});

describe('record loading', () => {
  it('schema problems come with the line and column of the node, in Indonesian and English', () => {
    const text = 'tanggal: 2026-01-10\ntim:\n  - nama: A\n    jabatan: B\nsop:\n  - prosedur: X\n    kriteria:\n      sinergi: mungkin\n';
    const rec = parseRecord('evaluasi', Buffer.from(text), 'evaluasi/e.yaml', '/x/evaluasi/e.yaml');
    const at = rec.problems.map((p) => `${p.location.line}:${p.location.column} ${p.ruleId}`);
    assert.ok(at.includes('8:16 schema'), at.join(', '));
    assert.ok(at.includes('7:5 schema'), at.join(', '));
    assert.ok(rec.problems.every((p) => p.message && p.messageEn));
  });
  it('a YAML syntax error is a yaml-syntax problem at its place; the record is not used', () => {
    const rec = parseRecord('monev', Buffer.from('periode: 2026-S1\nunit: [a\n'), 'm.yaml', '/m.yaml');
    // the parser places an unclosed flow list where the text ends
    assert.deepEqual(rec.problems.map((p) => [p.ruleId, p.location.line]), [['yaml-syntax', 3]]);
    assert.equal(rec.data, undefined);
  });
});
