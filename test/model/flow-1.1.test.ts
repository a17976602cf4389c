// Flow model, format 1.1 (spec §7): joint steps, chains, extra starts, forks and joins, opsional,
// simbol_teks, display numbers, unlabelled decisions, waktu kinds, totals over chains and forks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyWaktu, parseRate } from '../../src/model/duration.js';
import { buildFlowModel, nodeViewOf } from '../../src/model/flow.js';
import { hasUnknownTarget, nodesReachingEnd, reachableNodes, reachableRows } from '../../src/model/graph.js';

const row = (kegiatan: string, pelaksana: unknown, extra: Record<string, unknown> = {}) => ({
  kegiatan, pelaksana, kelengkapan: '-', waktu: '15 menit', output: 'Hasil', ...extra,
});
const chainRow = (kegiatan: string, langkah: unknown[], extra: Record<string, unknown> = {}) => ({
  kegiatan, langkah, kelengkapan: '-', waktu: '1 jam', output: 'Hasil', ...extra,
});
const actors = { sekretaris: 'Sekretaris', kepala: 'Kepala', kabag: 'Kepala Bagian', ppk: 'PPK', penyedia: 'Penyedia' };

test('1.0 data: one node per row, links equal the edges, nothing 1.1 is set', () => {
  const m = buildFlowModel({ pelaksana: actors, prosedur: [row('Menerima', 'sekretaris'), row('Memeriksa', 'kepala', { keputusan: { tidak: 1 } }), row('Menyimpan', 'kabag')] });
  assert.deepEqual(m.nodes.map((n) => [n.key, n.row, n.item, n.symbol, n.start]), [['r1', 0, 0, 'terminator', true], ['r2', 1, 0, 'decision', false], ['r3', 2, 0, 'terminator', false]]);
  assert.deepEqual(m.links.map((l) => [l.from, l.to, l.kind, l.label ?? null, l.inChain, l.fork]), [
    [0, 1, 'next', null, false, false], [1, 2, 'yes', 'Ya', false, false], [1, 0, 'no', 'Tidak', false, false], [2, 'end', 'next', null, false, false],
  ]);
  for (const r of m.rows) {
    for (const k of ['no', 'start', 'optional', 'symbolText', 'lanes', 'fork', 'chain'] as const) assert.equal(r[k], undefined, `${k} on row ${r.number}`);
    assert.equal(r.waktuKind, 'duration');
  }
  assert.equal(m.totalUncounted, 0);
  assert.equal(m.totalNote, '');
});

test('joint step: pelaksana list gives one node with a lane per actor, in the order written; the row keeps the first', () => {
  const m = buildFlowModel({ pelaksana: actors, prosedur: [row('Menerima', 'sekretaris'), row('Menandatangani kontrak', ['penyedia', 'ppk']), row('Menyimpan', 'kabag')] });
  const r = m.rows[1];
  assert.deepEqual(r.lanes, [{ actorId: 'penyedia', column: 4 }, { actorId: 'ppk', column: 3 }]);
  assert.equal(r.actorId, 'penyedia');
  assert.equal(r.column, 4);
  assert.deepEqual(m.nodes[1].lanes, r.lanes);
  assert.equal(m.nodes[1].symbol, 'process');
  // an undeclared actor in the list keeps column -1 (lint unknown-pelaksana reports it)
  const bad = buildFlowModel({ pelaksana: actors, prosedur: [row('Menerima', ['ppk', 'bendahara'])] });
  assert.deepEqual(bad.nodes[0].lanes, [{ actorId: 'ppk', column: 3 }, { actorId: 'bendahara', column: -1 }]);
  // a list of one is a single actor
  assert.equal(buildFlowModel({ pelaksana: actors, prosedur: [row('Menerima', ['ppk'])] }).rows[0].lanes, undefined);
});

test('chain: one node per langkah item in its own column, joined by in-chain arrows; a diamond item branches by itself', () => {
  const m = buildFlowModel({
    pelaksana: actors,
    prosedur: [
      row('Menerima surat masuk', 'sekretaris'),
      chainRow('Menelaah dan mendisposisikan surat', [
        { pelaksana: 'sekretaris', id: 'telaah' },
        { pelaksana: 'kepala', teks: 'Disetujui?', keputusan: { tidak: 'telaah' } },
        { pelaksana: 'kabag', teks: 'Disposisi' },
      ], { id: 'disposisi' }),
      row('Mengarsipkan surat', 'sekretaris'),
    ],
  });
  const r = m.rows[1];
  assert.equal(r.chain?.length, 3);
  assert.deepEqual(m.nodes.map((n) => n.key), ['r1', 'r2.1', 'r2.2', 'r2.3', 'r3']);
  assert.deepEqual(r.chain?.map((n) => [n.index, n.lanes[0].column, n.symbol, n.text ?? null, n.id ?? null]), [
    [1, 0, 'process', null, 'telaah'], [2, 1, 'decision', 'Disetujui?', null], [3, 2, 'process', 'Disposisi', null],
  ]);
  // the row view: first item's actor and symbol, the last item's next
  assert.equal(r.actorId, 'sekretaris');
  assert.equal(r.symbol, 'process');
  assert.deepEqual(r.next, { kind: 'row', index: 2 });
  assert.equal(r.decision, undefined);
  // ya goes to the next item; tidak loops back to the first item of its own row
  assert.deepEqual(r.chain?.[1].decision?.yes, { kind: 'row', index: 1, item: 2 });
  assert.deepEqual(r.chain?.[1].decision?.no, { kind: 'row', index: 1, item: 0 });
  assert.deepEqual(m.links.map((l) => [l.from, l.to, l.kind, l.inChain]), [
    [0, 1, 'next', false], [1, 2, 'next', true], [2, 3, 'yes', true], [2, 1, 'no', true], [3, 4, 'next', false], [4, 'end', 'next', false],
  ]);
  // in-chain arrows are not in the row view
  assert.deepEqual(m.edges, [{ from: 0, to: 1, kind: 'next' }, { from: 1, to: 2, kind: 'next' }]);
  // a row id targets the chain's first item
  const jump = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'kepala', { ke: 'disposisi' }), row('B', 'kabag', { ke: 'selesai' }), chainRow('C', [{ pelaksana: 'sekretaris' }, { pelaksana: 'kepala' }], { id: 'disposisi' })] });
  assert.deepEqual(jump.rows[0].next, { kind: 'row', index: 2 });
  assert.deepEqual(jump.links[0], { from: 0, to: 2, kind: 'next', label: undefined, inChain: false, fork: false });
});

test('chain: the last diamond ya goes as a row ya would; a target can jump into another row\'s chain item', () => {
  const m = buildFlowModel({
    pelaksana: actors,
    prosedur: [
      chainRow('Menerima dan memeriksa', [{ pelaksana: 'sekretaris' }, { pelaksana: 'kepala', keputusan: { tidak: 'ttd', label: false } }]),
      row('Memperbaiki', 'kabag', { ke: 'ttd' }),
      chainRow('Menandatangani', [{ pelaksana: 'sekretaris' }, { pelaksana: 'kepala', id: 'ttd' }]),
    ],
  });
  const d = m.rows[0].chain?.[1].decision;
  assert.deepEqual(d?.yes, { kind: 'row', index: 1 });
  assert.deepEqual(d?.no, { kind: 'row', index: 2, item: 1 });
  assert.equal(d?.unlabelled, true);
  assert.deepEqual(m.rows[1].next, { kind: 'row', index: 2, item: 1 });
  assert.deepEqual(m.links.filter((l) => l.to === 4).map((l) => [l.from, l.kind, l.label, l.inChain]), [[1, 'no', '', false], [2, 'next', undefined, false], [3, 'next', undefined, true]]);
  // arrows leaving a chain item show in the row view as arrows from its row; unlabelled branches carry ''
  assert.deepEqual(m.edges, [{ from: 0, to: 1, kind: 'yes', label: '' }, { from: 0, to: 2, kind: 'no', label: '' }, { from: 1, to: 2, kind: 'next' }]);
  // the chain's first item is row 1's start capsule; the last item of the last row ends the procedure
  assert.equal(m.nodes[0].symbol, 'terminator');
  assert.equal(m.nodes[4].symbol, 'terminator');
  assert.equal(m.nodes[3].symbol, 'process');
});

test('mulai: an extra start is a start capsule; reachability starts from every start', () => {
  const m = buildFlowModel({
    pelaksana: actors,
    prosedur: [
      row('Menerima pengaduan langsung', 'sekretaris', { ke: 3 }),
      row('Menerima pengaduan daring', 'kepala', { mulai: true, simbol_teks: 'Via email' }),
      row('Mencatat pengaduan', 'kabag'),
    ],
  });
  assert.equal(m.rows[1].start, true);
  assert.equal(m.rows[1].symbol, 'terminator');
  assert.equal(m.rows[1].symbolText, 'Via email');
  assert.deepEqual(m.nodes.map((n) => n.start), [true, true, false]);
  assert.equal(m.nodes[1].text, 'Via email');
  assert.deepEqual(reachableRows(m), [true, true, true]);
  const without = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris', { ke: 3 }), row('B', 'kepala'), row('C', 'kabag')] });
  assert.deepEqual(reachableRows(without), [true, false, true]);
});

test('fork and join: a ke list continues to every target; the row view keeps the first in next and all in fork', () => {
  const m = buildFlowModel({
    pelaksana: actors,
    prosedur: [
      row('Menerima dokumen', 'sekretaris', { ke: [2, 3] }),
      row('Memeriksa administrasi', 'kepala', { waktu: '2 jam', ke: 4 }),
      row('Memeriksa teknis', 'kabag', { waktu: '1 hari kerja' }),
      row('Menyusun berita acara', 'ppk'),
    ],
  });
  assert.deepEqual(m.rows[0].next, { kind: 'row', index: 1 });
  assert.deepEqual(m.rows[0].fork, [{ kind: 'row', index: 1 }, { kind: 'row', index: 2 }]);
  assert.deepEqual(m.links.slice(0, 2).map((l) => [l.to, l.fork]), [[1, true], [2, true]]);
  assert.deepEqual(m.edges.filter((e) => e.from === 0), [{ from: 0, to: 1, kind: 'next' }, { from: 0, to: 2, kind: 'next' }]);
  // the fork's total follows its longest branch: 15 menit + 1 hari kerja (480) + 15 menit
  assert.deepEqual(m.mainPath, [0, 2, 3]);
  assert.equal(m.total?.minutes, 15 + 480 + 15);
  assert.equal(m.totalText, '1 hari kerja 30 menit');
  assert.deepEqual(reachableNodes(m), [true, true, true, true]);
  assert.deepEqual(nodesReachingEnd(m), [true, true, true, true]);
});

test('fork: ties keep the first branch written; a branch that loops back is cut where it would repeat', () => {
  const tie = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris', { ke: [2, 3] }), row('B', 'kepala', { ke: 4 }), row('C', 'kabag'), row('D', 'ppk')] });
  assert.deepEqual(tie.mainPath, [0, 1, 3]);
  const loop = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris'), row('B', 'kepala', { ke: [1, 3] }), row('C', 'kabag', { waktu: '1 jam' })] });
  assert.deepEqual(loop.mainPath, [0, 1, 2]);
  assert.equal(loop.total?.minutes, 15 + 15 + 60);
});

test('total over a chain counts the row once, and follows the yes items', () => {
  const m = buildFlowModel({
    pelaksana: actors,
    prosedur: [
      row('Menerima', 'sekretaris', { waktu: '10 menit' }),
      chainRow('Menelaah', [{ pelaksana: 'sekretaris' }, { pelaksana: 'kepala', keputusan: { tidak: 1 } }, { pelaksana: 'kabag' }], { waktu: '1 jam' }),
      row('Mengarsipkan', 'sekretaris', { waktu: '5 menit' }),
    ],
  });
  assert.deepEqual(m.mainPath, [0, 1, 2]);
  assert.equal(m.total?.minutes, 75);
});

test('opsional marks the row and every one of its nodes; it stays in the flow and the total', () => {
  const m = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris'), row('Menyusun adendum', ['ppk', 'penyedia'], { opsional: true }), row('C', 'kabag')] });
  assert.equal(m.rows[1].optional, true);
  assert.equal(m.nodes[1].optional, true);
  assert.equal(m.nodes[0].optional, false);
  assert.equal(m.total?.minutes, 45);
});

test('no: the printed number is kept as text (string or integer in the file)', () => {
  const m = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris', { no: '5a' }), row('B', 'kepala', { no: 7 }), row('C', 'kabag')] });
  assert.deepEqual(m.rows.map((r) => [r.number, r.no]), [[1, '5a'], [2, '7'], [3, undefined]]);
});

test('label false: decision unlabelled, labels keep the default words, links carry empty labels', () => {
  const m = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris'), row('B', 'kepala', { keputusan: { tidak: 1, label: false } }), row('C', 'kabag')] });
  assert.equal(m.rows[1].decision?.unlabelled, true);
  assert.deepEqual(m.rows[1].decision?.labels, ['Ya', 'Tidak']);
  assert.deepEqual(m.edges.filter((e) => e.from === 1).map((e) => e.label), ['', '']);
});

test('waktu kinds: durations, rates, no standard ("-", default and configured phrases), invalid', () => {
  assert.equal(classifyWaktu('15 menit'), 'duration');
  assert.equal(classifyWaktu('2 menit/berkas'), 'rate');
  assert.equal(classifyWaktu('15 menit per dokumen'), 'rate');
  assert.deepEqual(parseRate('2 menit / berkas'), { minutes: 2, working: false });
  assert.equal(classifyWaktu('-'), 'none');
  assert.equal(classifyWaktu('Sesuai kebutuhan'), 'none');
  assert.equal(classifyWaktu('  SESUAI   kebutuhan. '), 'none');
  assert.equal(classifyWaktu('Menyesuaikan'), 'none');
  assert.equal(classifyWaktu('Tentatif'), 'none');
  assert.equal(classifyWaktu('Segera'), 'invalid');
  assert.equal(classifyWaktu('Segera', undefined, ['segera']), 'none');
  assert.equal(classifyWaktu('Tentatif', undefined, ['segera']), 'invalid');
  assert.equal(classifyWaktu('per berkas'), 'invalid');
  assert.equal(classifyWaktu(15), 'invalid');
});

test('total: rows with a rate or no standard add nothing and are noted; config noStandard reaches the model', () => {
  const m = buildFlowModel({
    pelaksana: actors,
    prosedur: [row('A', 'sekretaris', { waktu: '-' }), row('B', 'kepala', { waktu: '2 menit/berkas' }), row('C', 'kabag', { waktu: 'Segera' }), row('D', 'ppk', { waktu: '1 jam' })],
  }, { time: { noStandard: ['segera'] } });
  assert.deepEqual(m.rows.map((r) => r.waktuKind), ['none', 'rate', 'none', 'duration']);
  assert.equal(m.rows[1].duration, null);
  assert.equal(m.total?.minutes, 60);
  assert.equal(m.totalText, '1 jam');
  assert.equal(m.totalUncounted, 3);
  assert.equal(m.totalNote, 'tidak termasuk 3 kegiatan tanpa baku waktu');
  const en = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris', { waktu: '-' }), row('B', 'kepala')] }, { lang: 'en' });
  assert.equal(en.totalNote, 'excluding 1 activity without a time standard');
  assert.equal(en.totalText, '15 minutes');
});

test('graph: unknown targets in chain items and forks count as exits and mark the graph incomplete', () => {
  const m = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris', { ke: [2, 'tidak-ada'] }), chainRow('B', [{ pelaksana: 'kepala', keputusan: { tidak: 9 } }, { pelaksana: 'kabag' }])] });
  assert.equal(hasUnknownTarget(m), true);
  assert.deepEqual(m.rows[0].fork?.[1], { kind: 'unknown', raw: 'tidak-ada' });
  assert.deepEqual(nodesReachingEnd(m), [true, true, true]);
});

test('nodeViewOf gives a hand-built 1.0 row view its nodes and links', () => {
  const built = buildFlowModel({ pelaksana: actors, prosedur: [row('A', 'sekretaris'), row('B', 'kepala', { keputusan: { tidak: 1 } }), row('C', 'kabag')] });
  const view = nodeViewOf(built.rows);
  assert.deepEqual(view.links, built.links);
  assert.deepEqual(view.nodes, built.nodes);
});

test('never throws on odd data: langkah items that are not mappings, a pelaksana of the wrong type', () => {
  const m = buildFlowModel({ pelaksana: actors, prosedur: [{ kegiatan: 'A', langkah: ['x', 3] }, { kegiatan: 'B', pelaksana: { a: 1 } }, { langkah: [] }] });
  assert.equal(m.rows.length, 3);
  assert.equal(m.rows[0].chain?.length, 2);
  assert.equal(m.rows[0].column, -1);
  assert.equal(m.rows[2].chain, undefined);
});
