// Flow model: numbering, target resolution, default links, symbols, edges, all-yes path and total.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFlowModel } from '../../src/model/flow.js';

const row = (kegiatan: string, pelaksana: string, extra: Record<string, unknown> = {}) => ({
  kegiatan, pelaksana, kelengkapan: '-', waktu: '15 menit', output: 'Hasil', ...extra,
});

const cuti = {
  pelaksana: { pemohon: 'Pemohon', atasan: 'Atasan Langsung', pengelola: 'Pengelola Kepegawaian', kepala: 'Kepala Badan' },
  prosedur: [
    row('Mengisi formulir permohonan cuti', 'pemohon'),
    row('Memberikan pertimbangan', 'atasan', { waktu: '1 hari' }),
    row('Memverifikasi kelengkapan berkas', 'pengelola', { id: 'verifikasi', waktu: '30 menit', keputusan: { ya: 'konsep', tidak: 1 } }),
    row('Menyusun konsep surat izin cuti', 'pengelola', { id: 'konsep', waktu: '1 jam' }),
    row('Memeriksa dan menandatangani surat', 'kepala', { waktu: '1 hari', keputusan: { tidak: 'konsep' } }),
    row('Menerima surat izin cuti', 'pemohon', { waktu: '5 menit' }),
  ],
};

test('rows are numbered 1..n and actors keep their declared column order', () => {
  const m = buildFlowModel(cuti);
  assert.deepEqual(m.rows.map((r) => r.number), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(m.actors.map((a) => [a.id, a.column]), [['pemohon', 0], ['atasan', 1], ['pengelola', 2], ['kepala', 3]]);
  assert.equal(m.rows[4].column, 3);
  assert.deepEqual(m.rows[2].kelengkapan, ['-']);
});

test('targets resolve by number and by id; ya defaults to the next row', () => {
  const m = buildFlowModel(cuti);
  assert.deepEqual(m.rows[2].decision?.yes, { kind: 'row', index: 3 }); // id `konsep`
  assert.deepEqual(m.rows[2].decision?.no, { kind: 'row', index: 0 }); // number 1
  assert.deepEqual(m.rows[4].decision?.yes, { kind: 'row', index: 5 }); // default: the row below
  assert.deepEqual(m.rows[4].decision?.no, { kind: 'row', index: 3 });
});

test('ke defaults to the next row and the last row ends', () => {
  const m = buildFlowModel(cuti);
  assert.deepEqual(m.rows[0].next, { kind: 'row', index: 1 });
  assert.deepEqual(m.rows[5].next, { kind: 'end' });
});

test('symbols: first row and ending rows are terminators, keputusan rows decisions, others processes', () => {
  const m = buildFlowModel(cuti);
  assert.deepEqual(m.rows.map((r) => r.symbol), ['terminator', 'process', 'decision', 'process', 'decision', 'terminator']);
});

test('selesai in a decision ends the procedure from that branch, and ke: selesai makes a terminator', () => {
  const m = buildFlowModel({
    pelaksana: { a: 'A', b: 'B' },
    prosedur: [
      row('Menerima permohonan', 'a'),
      row('Memeriksa persyaratan', 'b', { keputusan: { tidak: 'selesai', label: ['Memenuhi', 'Tidak memenuhi'] } }),
      row('Menolak permohonan', 'a', { ke: 'selesai' }),
      row('Menerbitkan izin', 'b'),
    ],
  });
  assert.deepEqual(m.rows[1].decision?.no, { kind: 'end' });
  assert.deepEqual(m.rows[1].decision?.labels, ['Memenuhi', 'Tidak memenuhi']);
  assert.equal(m.rows[2].symbol, 'terminator');
  assert.deepEqual(m.edges, [
    { from: 0, to: 1, kind: 'next' },
    { from: 1, to: 2, kind: 'yes', label: 'Memenuhi' },
    { from: 1, to: 'end', kind: 'no', label: 'Tidak memenuhi' },
  ]); // rows 3 and 4 end the procedure: a terminator, not an arrow
});

test('edges carry decision labels; unknown targets are kept as unknown and left out of the edges', () => {
  const m = buildFlowModel({
    pelaksana: { a: 'A' },
    prosedur: [row('Menerima', 'a'), row('Memeriksa', 'a', { keputusan: { ya: 3, tidak: 'tidak-ada' } }), row('Menyimpan', 'a', { ke: 9 })],
  });
  assert.deepEqual(m.rows[1].decision?.no, { kind: 'unknown', raw: 'tidak-ada' });
  assert.deepEqual(m.rows[2].next, { kind: 'unknown', raw: 9 });
  assert.deepEqual(m.edges, [
    { from: 0, to: 1, kind: 'next' },
    { from: 1, to: 2, kind: 'yes', label: 'Ya' },
  ]);
});

test('English default labels with lang en', () => {
  const m = buildFlowModel({ pelaksana: { a: 'A' }, prosedur: [row('Menerima', 'a'), row('Memeriksa', 'a', { keputusan: { tidak: 1 } }), row('Menyimpan', 'a')] }, { lang: 'en' });
  assert.deepEqual(m.rows[1].decision?.labels, ['Yes', 'No']);
});

test('total time follows the all-yes path', () => {
  const m = buildFlowModel(cuti);
  // 1 -> 2 -> 3 (ya: konsep) -> 4 -> 5 (ya: next) -> 6
  assert.deepEqual(m.mainPath, [0, 1, 2, 3, 4, 5]);
  assert.equal(m.total?.minutes, 15 + 1440 + 30 + 60 + 1440 + 5);
  assert.equal(m.totalText, '2 hari 1 jam 50 menit');
});

test('the all-yes path skips rows a yes branch jumps over, and stops at a repeat', () => {
  const m = buildFlowModel({
    pelaksana: { a: 'A' },
    prosedur: [row('Menerima', 'a'), row('Memeriksa', 'a', { keputusan: { ya: 4, tidak: 3 } }), row('Mengembalikan', 'a', { waktu: '2 jam', ke: 'selesai' }), row('Menyimpan', 'a', { waktu: '2 hari kerja' })],
  });
  assert.deepEqual(m.mainPath, [0, 1, 3]);
  assert.equal(m.total?.minutes, 15 + 15 + 960);
  assert.equal(m.totalText, '2 hari kerja 30 menit');
  const loop = buildFlowModel({ pelaksana: { a: 'A' }, prosedur: [row('Menerima', 'a'), row('Memeriksa', 'a', { ke: 1 })] });
  assert.deepEqual(loop.mainPath, [0, 1]);
});

test('a row with an unparsable waktu on the path adds nothing; the total is never blanked (spec §7.2)', () => {
  const m = buildFlowModel({ pelaksana: { a: 'A' }, prosedur: [row('Menerima', 'a', { waktu: 'segera' }), row('Menyimpan', 'a')] });
  assert.equal(m.rows[0].duration, null);
  assert.equal(m.rows[0].waktuKind, 'invalid');
  assert.deepEqual(m.total, { minutes: 15, working: false });
  assert.equal(m.totalText, '15 menit');
  assert.equal(m.totalUncounted, 1);
  assert.equal(m.totalNote, 'tidak termasuk 1 kegiatan tanpa baku waktu');
});

test('never throws on broken data', () => {
  for (const bad of [null, 42, 'x', [], { prosedur: 'x' }, { prosedur: [null, 3, { keputusan: 'x' }] }, { pelaksana: [1, 2] }]) {
    const m = buildFlowModel(bad);
    assert.ok(Array.isArray(m.rows));
  }
  assert.equal(buildFlowModel({ pelaksana: { a: 'A' }, prosedur: [{ pelaksana: 'x' }] }).rows[0].column, -1);
});
