// The format 1.1 constructs drawn (spec §7.1-7.2), on the six fixtures modelled on published SOPs:
// joint steps as one symbol per lane joined by a line, chains as symbols joined by arrows in one row,
// dashed optional steps, text inside symbols, display numbers, unlabelled branches and the marked
// Jumlah waktu. Geometry and model checks are the same as for the stress corpus; Mermaid source too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildFlowModel } from '../../../src/model/flow.js';
import { renderFlowTable } from '../../../src/render/flowtable/index.js';
import { toMermaid } from '../../../src/render/mermaid/source.js';
import { geometryProblems, modelProblems, readPage } from './svg-check.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/format-1.1');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const modelOf = (name: string) => buildFlowModel(parse(readFileSync(path.join(dir, name), 'utf8').split('---\n')[1]));
const svgOf = (name: string) => renderFlowTable(modelOf(name)).pages.map((p) => p.svg).join('\n');
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

test('six format 1.1 fixtures are there', () => assert.equal(fixtures.length, 6));

for (const name of fixtures) {
  test(`${name}: every page passes the geometry and model checks, every arrow clean`, () => {
    const model = modelOf(name);
    const result = renderFlowTable(model);
    const problems = [...result.pages.flatMap((p, i) => geometryProblems(readPage(p.svg), i)), ...modelProblems(model, result)];
    assert.deepEqual(problems, []);
  });
}

test('joint steps: two symbols per PPK dan Penyedia row, joined by a line, arrows in at the first lane and out of the last', () => {
  const model = modelOf('pengendalian-pelaksanaan-kontrak.md');
  const result = renderFlowTable(model);
  const svg = result.pages.map((p) => p.svg).join('\n');
  const jointRows = model.rows.filter((r) => (r.lanes?.length ?? 0) > 1).map((r) => r.index);
  assert.equal(jointRows.length, 11);
  assert.deepEqual([...svg.matchAll(/data-joint-row="(\d+)"/g)].map((m) => Number(m[1])), jointRows);
  const page = readPage(result.pages[0].svg);
  // Row 2 (index 1): PPK then Penyedia; the arrow from row 1 enters PPK's symbol, the one to row 3 leaves Penyedia's.
  const [ppk, penyedia] = page.symbols.filter((s) => s.row === 1 && !s.end).sort((a, b) => a.cx - b.cx);
  const into = page.polylines.find((l) => l.edge === '0-next-1')!;
  const from = page.polylines.find((l) => l.edge === '1-next-2')!;
  const last = into.points[into.points.length - 1];
  assert.ok(last[0] >= ppk.box.x1 && last[0] <= ppk.box.x2, 'enters the first lane');
  assert.ok(from.points[0][0] >= penyedia.box.x1 && from.points[0][0] <= penyedia.box.x2, 'leaves the last lane');
});

test('optional steps are dashed and noted in Keterangan', () => {
  const svg = svgOf('pengendalian-pelaksanaan-kontrak.md');
  const rows = new Set([...svg.matchAll(/data-row="(\d+)" data-optional="true"/g)].map((m) => m[1]));
  assert.equal(rows.size, 18);
  assert.equal(count(svg, /data-optional="true" stroke-dasharray/g), 26); // 8 of the 18 are joint steps: two symbols each
  assert.equal(count(svg, />Apabila</g), 18);
});

test('chains: one symbol per item in its own column, joined left to right; the diamond loops back under the row', () => {
  const model = modelOf('pengurusan-surat-masuk.md');
  const result = renderFlowTable(model);
  const page = readPage(result.pages[0].svg);
  const row2 = page.symbols.filter((s) => s.row === 1 && !s.end);
  assert.deepEqual(row2.map((s) => s.kind), ['process', 'decision', 'process']);
  const keys = page.polylines.map((l) => l.edge);
  for (const k of ['r2.1-next-r2.2', 'r2.2-yes-r2.3', 'r2.2-no-r2.1', 'r3.1-next-r3.2', 'r3.2-yes-r3.3', 'r3.2-no-r3.1']) assert.ok(keys.includes(k), k);
  const loop = page.polylines.find((l) => l.edge === 'r2.2-no-r2.1')!;
  const diamond = row2.find((s) => s.kind === 'decision')!;
  assert.ok(Math.max(...loop.points.map((p) => p[1])) > diamond.box.y2, 'runs under the symbols');
  // `label: false`: no branch words on that diamond; the labelled one in row 3 keeps Ya/Tidak.
  assert.deepEqual(page.labels.map((l) => `${l.edge}=${l.text}`).sort(), ['r3.2-no-r3.1=Tidak', 'r3.2-yes-r3.3=Ya']);
});

test('unlabelled decisions print no Ya/Tidak; a rate leaves the total marked with the note', () => {
  const svg = svgOf('izin-pemanfaatan-air-tanah.md');
  assert.equal(count(svg, /data-label-for=/g), 0);
  assert.match(svg, /Jumlah waktu \(\*tidak/);
  assert.match(svg, /menit\*<\/tspan>/);
  assert.match(svg, />2 menit\/berkas</);
});

test('text inside symbols, display numbers, the fork to 5a/5b and the extra start', () => {
  const model = modelOf('perizinan-rekomendasi-teknis.md');
  const svg = renderFlowTable(model).pages.map((p) => p.svg).join('\n');
  const texts = [...svg.matchAll(/data-symbol-text-row="\d+"[^>]*>([^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(texts, ['Loket', 'Daring', 'Lengkap?', 'Paraf', 'Setuju?']);
  const numbers = [...svg.matchAll(/data-col="no"[^>]*><tspan[^>]*>([^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(numbers, ['1', '2', '3', '4', '5a', '5b', '6', '7', '8']);
  assert.match(svg, /data-edge="3-next-4"/);
  assert.match(svg, /data-edge="3-next-5"/);
  assert.match(svg, /data-edge="4-next-6"/);
  assert.match(svg, /data-edge="5-next-6"/);
  assert.match(svg, /data-edge="1-next-2"/); // the extra start's own arrow
  assert.doesNotMatch(svg, /data-edge="0-next-1"/); // row 1 goes to row 3, not into the second start
});

test('Mermaid source: joint steps as undirected links, chains as node sequences, optional class, unlabelled arrows', () => {
  const kontrak = toMermaid(modelOf('pengendalian-pelaksanaan-kontrak.md'));
  assert.equal(count(kontrak, / --- /g), 11);
  assert.match(kontrak, / r2 --- r2_1_2\n/);
  assert.match(kontrak, /classDef opsional stroke-dasharray/);
  assert.equal(kontrak.split('\n').find((l) => l.includes('class r4,'))?.split(',').length, 26);
  const surat = toMermaid(modelOf('pengurusan-surat-masuk.md'));
  assert.match(surat, / r2 --> r2_2_1\n/);
  assert.match(surat, / r2_2_1 --> r2\n/); // unlabelled: a plain arrow
  assert.match(surat, / r3_2_1 -->\|"Tidak"\| r3\n/);
  assert.match(surat, / r1 --> r2\n/);
  assert.match(surat, / r2_3_1 --> r3\n/); // leaves the chain from its last item
  const izin = toMermaid(modelOf('izin-pemanfaatan-air-tanah.md'));
  assert.doesNotMatch(izin, /\|""\|/);
  const perizinan = toMermaid(modelOf('perizinan-rekomendasi-teknis.md'));
  assert.match(perizinan, /r5\["5a\. /);
  assert.match(perizinan, / r4 --> r5\n  r4 --> r6\n/);
});
