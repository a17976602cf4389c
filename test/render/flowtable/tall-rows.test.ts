// Rows taller than a page (a 100 KB kegiatan, a long keterangan or mutu baku): split across pages
// between lines, symbol on the first part, "(lanjutan)" at the head of each continued part, no text
// lost, every geometric invariant kept, arrows still leaving from and arriving at the row's symbol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlowModel } from '../../../src/model/flow-types.js';
import { renderFlowTable, type FlowTableOptions, type FlowTableResult } from '../../../src/render/flowtable/index.js';
import { buildModel } from './model-fixtures.js';
import { all, deepText, geometryProblems, modelProblems, readPage } from './svg-check.js';

/** `count` numbered words, so a lost or repeated word shows by its number. */
function numberedWords(prefix: string, count: number): string {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(`${prefix}${String(i).padStart(5, '0')}`);
  return out.join(' ');
}

/** Four rows through three actors; row 2 (index 1) is a decision looping back to row 1 and holds `long`. */
function tallModel(long: { kegiatan?: string; keterangan?: string; kelengkapan?: string }, decisionRow = 1): FlowModel {
  return buildModel(['Pemohon', 'Petugas Pelayanan', 'Kepala Dinas'], [
    { actor: 0, kegiatan: 'Mengajukan permohonan dengan mengisi formulir' },
    { actor: 1, kegiatan: 'Memeriksa kelengkapan berkas', ...long, ...(decisionRow === 1 ? { keputusan: { tidak: 1 } } : {}) },
    { actor: 2, kegiatan: 'Menandatangani surat keputusan' },
    { actor: 1, kegiatan: 'Menyerahkan surat keputusan kepada pemohon' },
  ]);
}

/** The words a column prints for one row across every page, in page order (the marker left out). */
function printed(result: FlowTableResult, row: number, col: string): string[] {
  const words: string[] = [];
  for (const p of result.pages) {
    const page = readPage(p.svg);
    for (const t of all(page.root, (e) => e.name === 'text' && e.attrs['data-row'] === String(row) && e.attrs['data-col'] === col)) {
      for (const span of t.children) words.push(...span.text.split(/\s+/).filter((w) => w !== ''));
    }
  }
  return words;
}

function allProblems(model: FlowModel, result: FlowTableResult): string[] {
  const out = modelProblems(model, result);
  result.pages.forEach((p, i) => {
    if (p.rows.length === 0 && !p.continued) return;
    out.push(...geometryProblems(readPage(p.svg), i));
  });
  return out;
}

const cases: { name: string; long: Parameters<typeof tallModel>[0]; col: string; options: FlowTableOptions }[] = [
  { name: '100 KB kegiatan on A4', long: { kegiatan: numberedWords('kata', 10_000) }, col: 'kegiatan', options: { paper: 'A4' } },
  { name: '100 KB kegiatan on F4 under an identity table', long: { kegiatan: numberedWords('kata', 10_000) }, col: 'kegiatan', options: { paper: 'F4', firstPageAvailableHeight: 90 } },
  { name: 'long keterangan', long: { keterangan: numberedWords('ket', 1500) }, col: 'keterangan', options: { paper: 'A4' } },
  { name: 'long kelengkapan (mutu baku)', long: { kelengkapan: numberedWords('bhn', 1500) }, col: 'kelengkapan', options: { paper: 'A4' } },
];

for (const c of cases) {
  test(`tall row, ${c.name}: split across pages, no word lost or repeated, every rule kept`, () => {
    const model = tallModel(c.long);
    const result = renderFlowTable(model, c.options);
    const expected = (c.long.kegiatan ?? c.long.keterangan ?? c.long.kelengkapan)!.split(' ');
    assert.deepEqual(printed(result, 1, c.col), expected);
    assert.deepEqual(allProblems(model, result), []);
    // The row's symbol stands on its first part only; the pages after carry its continued text.
    const first = result.pages.findIndex((p) => p.rows.includes(1));
    const continued = result.pages.map((p, i) => (p.continued ? i : -1)).filter((i) => i >= 0);
    assert.ok(continued.length >= 1, 'the row is continued on later pages');
    assert.deepEqual(continued, continued.map((_, k) => first + 1 + k), 'continued parts follow the first part page by page');
    let line = result.pages[continued[0]].continued!.fromLine;
    assert.ok(line > 0);
    for (const i of continued) {
      const piece = result.pages[i].continued!;
      assert.equal(piece.row, 1);
      assert.equal(piece.fromLine, line, 'parts join without a gap');
      line = piece.toLine;
      const page = readPage(result.pages[i].svg);
      assert.equal(page.symbols.filter((s) => s.row === 1 && !s.end).length, 0, `page ${i}: no second symbol for the continued row`);
      const mark = all(page.root, (e) => e.attrs['data-continued-mark'] === 'true');
      assert.equal(mark.length, 1, `page ${i}: one "(lanjutan)" marker`);
      assert.equal(deepText(mark[0]), '(lanjutan)');
      // The text never runs past the page.
      for (const t of page.texts) if (t.el.attrs.y !== undefined) assert.ok(t.box.y2 <= page.height + 0.01, `page ${i}: "${t.text}" below the page`);
    }
    // Arrows still start and end at the symbols: the row's arrows leave its first part through connectors.
    const fromRow = result.connectors.filter((k) => k.edge.from === 1);
    assert.ok(fromRow.length >= 1);
    for (const k of fromRow) assert.equal(k.fromPage, first);
    for (const p of result.pages) {
      const page = readPage(p.svg);
      // Every line (styled pieces nest inside a line's tspan) ends above the page's foot.
      for (const t of page.texts) if (t.el.attrs.y !== undefined) assert.ok(t.box.y2 <= page.height + 0.01, `"${t.text}" below the page`);
    }
    // Same input, same bytes.
    assert.deepEqual(renderFlowTable(model, c.options).pages.map((p) => p.svg), result.pages.map((p) => p.svg));
  });
}

test('tall row: the last row split leaves its last lines with the total, in English "(continued)"', () => {
  const model = buildModel(['Pemohon', 'Petugas'], [
    { actor: 0, kegiatan: 'Mengajukan permohonan' },
    { actor: 1, kegiatan: numberedWords('kata', 4000) },
  ]);
  const result = renderFlowTable(model, { paper: 'A4', lang: 'en' });
  assert.deepEqual(printed(result, 1, 'kegiatan'), numberedWords('kata', 4000).split(' '));
  assert.deepEqual(allProblems(model, result), []);
  const last = readPage(result.pages[result.pages.length - 1].svg);
  assert.equal(all(last.root, (e) => e.attrs['data-total'] === 'value').length, 1, 'the total is on the last page');
  assert.ok(result.pages[result.pages.length - 1].continued, 'with the end of the split row');
  const mark = all(last.root, (e) => e.attrs['data-continued-mark'] === 'true');
  assert.equal(deepText(mark[0]), '(continued)');
  for (const p of result.pages.slice(0, -1)) assert.equal(all(readPage(p.svg).root, (e) => 'data-total' in e.attrs).length, 0);
});

test('tall row: a tall row starts in the room the rows before it leave, when its symbol and three lines fit', () => {
  const model = buildModel(['Pemohon', 'Petugas'], [
    { actor: 0, kegiatan: 'Mengajukan permohonan' },
    { actor: 1, kegiatan: 'Menerima permohonan' },
    { actor: 0, kegiatan: numberedWords('kata', 3000) },
    { actor: 1, kegiatan: 'Menyerahkan hasil' },
  ]);
  const result = renderFlowTable(model, { paper: 'A4' });
  assert.deepEqual(result.pages[0].rows, [0, 1, 2]);
  assert.deepEqual(allProblems(model, result), []);
  assert.deepEqual(printed(result, 2, 'kegiatan'), numberedWords('kata', 3000).split(' '));
});
