// toMermaid / toMarkdownFence: exact Mermaid text for hand-built flow models (shapes, lanes, labels, selesai).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlowActor, FlowEdge, FlowModel, FlowRow, SymbolKind } from '../../../src/model/flow-types.js';
import { nodeViewOf } from '../../../src/model/flow.js';
import { escapeMermaidText, toMarkdownFence, toMermaid, wrapWords } from '../../../src/render/mermaid/source.js';

function row(index: number, actorId: string, kegiatan: string, symbol: SymbolKind, actors: FlowActor[], extra: Partial<FlowRow> = {}): FlowRow {
  return {
    index,
    number: index + 1,
    kegiatan,
    actorId,
    column: actors.findIndex((a) => a.id === actorId),
    kelengkapan: ['-'],
    output: ['-'],
    waktu: '5 menit',
    symbol,
    duration: { minutes: 5, working: false },
    ...extra,
  };
}

function model(actors: FlowActor[], rows: FlowRow[], edges: FlowEdge[]): FlowModel {
  return { actors, rows, edges, ...nodeViewOf(rows), mainPath: [], total: null, totalUncounted: 0, totalText: '', totalNote: '' };
}

/** Three rows, two lanes; the decision's `tidak` branch ends the procedure. */
function small(): FlowModel {
  const actors: FlowActor[] = [
    { id: 'pemohon', title: 'Pemohon', column: 0 },
    { id: 'petugas', title: 'Petugas "Loket"', column: 1 },
  ];
  const rows = [
    row(0, 'pemohon', 'Mengajukan permohonan', 'terminator', actors, { next: { kind: 'row', index: 1 } }),
    row(1, 'petugas', 'Memeriksa berkas', 'decision', actors, {
      decision: { yes: { kind: 'row', index: 2 }, no: { kind: 'end' }, labels: ['Ya', 'Tidak'] },
    }),
    row(2, 'pemohon', 'Menerima surat', 'terminator', actors, { next: { kind: 'end' } }),
  ];
  const edges: FlowEdge[] = [
    { from: 0, to: 1, kind: 'next' },
    { from: 1, to: 2, kind: 'yes', label: 'Ya' },
    { from: 1, to: 'end', kind: 'no', label: 'Tidak' },
    { from: 2, to: 'end', kind: 'next' },
  ];
  return model(actors, rows, edges);
}

const SMALL = `flowchart TB
  subgraph lane_pemohon["Pemohon"]
    r1(["1. Mengajukan permohonan"])
    r3(["3. Menerima surat"])
  end
  subgraph lane_petugas["Petugas #quot;Loket#quot;"]
    r2{"2. Memeriksa berkas"}
    end2(["Selesai"])
  end
  r1 --> r2
  r2 -->|"Ya"| r3
  r2 -->|"Tidak"| end2
`;

test('toMermaid: lanes per actor, shapes per symbol, labelled decision edges, an end node for a branch to selesai', () => {
  assert.equal(toMermaid(small()), SMALL);
});

test('toMermaid: lang en names the end node End', () => {
  assert.equal(toMermaid(small(), { lang: 'en' }), SMALL.replace('end2(["Selesai"])', 'end2(["End"])'));
});

test('toMarkdownFence wraps the source in a mermaid code fence', () => {
  assert.equal(toMarkdownFence(small()), '```mermaid\n' + SMALL + '```');
});

test('toMermaid: process rows are rectangles; a plain arrow to selesai is not drawn; a yes branch to selesai gets its own end node', () => {
  const actors: FlowActor[] = [{ id: 'a', title: 'A', column: 0 }];
  const rows = [
    row(0, 'a', 'Mulai', 'terminator', actors),
    row(1, 'a', 'Proses', 'process', actors),
    row(2, 'a', 'Cek', 'decision', actors, { decision: { yes: { kind: 'end' }, no: { kind: 'row', index: 1 }, labels: ['Sah', 'Tidak sah'] } }),
  ];
  const edges: FlowEdge[] = [
    { from: 0, to: 1, kind: 'next' },
    { from: 1, to: 2, kind: 'next' },
    // no label on the edges: the row's labels are used
    { from: 2, to: 'end', kind: 'yes' },
    { from: 2, to: 1, kind: 'no' },
  ];
  assert.equal(
    toMermaid(model(actors, rows, edges)),
    `flowchart TB
  subgraph lane_a["A"]
    r1(["1. Mulai"])
    r2["2. Proses"]
    r3{"3. Cek"}
    end3(["Selesai"])
  end
  r1 --> r2
  r2 --> r3
  r3 -->|"Sah"| end3
  r3 -->|"Tidak sah"| r2
`,
  );
});

test('toMermaid: lanes follow the column order, empty lanes are left out, undeclared actors sit outside the lanes, ids are made Mermaid-safe', () => {
  const actors: FlowActor[] = [
    { id: 'kepala-badan', title: 'Kepala Badan', column: 2 },
    { id: 'staf', title: 'Staf', column: 0 },
    { id: 'kosong', title: 'Tidak dipakai', column: 1 },
  ];
  const rows = [
    row(0, 'staf', 'Menerima', 'terminator', actors),
    row(1, 'kepala-badan', 'Menyetujui', 'process', actors),
    row(2, 'hantu', 'Mengarsipkan', 'terminator', actors),
  ];
  const edges: FlowEdge[] = [
    { from: 0, to: 1, kind: 'next' },
    { from: 1, to: 2, kind: 'next' },
    { from: 2, to: 'end', kind: 'next' },
  ];
  assert.equal(
    toMermaid(model(actors, rows, edges)),
    `flowchart TB
  subgraph lane_staf["Staf"]
    r1(["1. Menerima"])
  end
  subgraph lane_kepala_badan["Kepala Badan"]
    r2["2. Menyetujui"]
  end
  r3(["3. Mengarsipkan"])
  r1 --> r2
  r2 --> r3
`,
  );
});

test('toMermaid: two actor ids that clean up to the same Mermaid id get distinct lanes', () => {
  const actors: FlowActor[] = [
    { id: 'a-b', title: 'Satu', column: 0 },
    { id: 'a_b', title: 'Dua', column: 1 },
  ];
  const rows = [row(0, 'a-b', 'X', 'terminator', actors), row(1, 'a_b', 'Y', 'terminator', actors)];
  const text = toMermaid(model(actors, rows, [{ from: 0, to: 1, kind: 'next' }]));
  assert.match(text, /subgraph lane_a_b\["Satu"\]/);
  assert.match(text, /subgraph lane_a_b_2\["Dua"\]/);
});

test('escapeMermaidText: quotes, tags, entity look-alikes, backticks and newlines cannot break the label', () => {
  assert.equal(escapeMermaidText('Cek "NIP"'), 'Cek #quot;NIP#quot;');
  assert.equal(escapeMermaidText('a<br>b & c > d'), 'a#lt;br#gt;b #amp; c #gt; d');
  assert.equal(escapeMermaidText('C#sharp; no #1 here'), 'C#35;sharp; no #1 here');
  assert.equal(escapeMermaidText('`kode`'), '#96;kode#96;');
  assert.equal(escapeMermaidText('  dua\n  baris\t ya '), 'dua baris ya');
  // brackets are plain text inside a quoted label
  assert.equal(escapeMermaidText('Isi [formulir] {A} (B)'), 'Isi [formulir] {A} (B)');
});

test('toMermaid: node text is escaped inside the quoted form', () => {
  const actors: FlowActor[] = [{ id: 'a', title: 'A <b>', column: 0 }];
  const rows = [row(0, 'a', 'Mengisi "formulir"\n[F-1] & <lampiran>', 'terminator', actors)];
  const text = toMermaid(model(actors, rows, []), { wrap: 0 });
  assert.equal(
    text,
    `flowchart TB
  subgraph lane_a["A #lt;b#gt;"]
    r1(["1. Mengisi #quot;formulir#quot; [F-1] #amp; #lt;lampiran#gt;"])
  end
`,
  );
});

test('toMermaid: long activity texts are broken at word boundaries with <br>, each line escaped', () => {
  const actors: FlowActor[] = [{ id: 'a', title: 'A', column: 0 }];
  const rows = [row(0, 'a', 'Memverifikasi kelengkapan berkas "A" & masa kerja pemohon', 'terminator', actors)];
  const text = toMermaid(model(actors, rows, []), { wrap: 20 });
  assert.match(text, /r1\(\["1\. Memverifikasi<br>kelengkapan berkas<br>#quot;A#quot; #amp; masa kerja<br>pemohon"\]\)/);
  assert.deepEqual(wrapWords('satu dua tiga', 7), ['satu', 'dua', 'tiga']);
  assert.deepEqual(wrapWords('Menandatangani', 5), ['Menandatangani']); // a word longer than the line is never cut
  assert.deepEqual(wrapWords('a  b\n c', 0), ['a b c']);
});
