// The flow table renderer: SVG structure, symbols, arrows, connectors, pagination and determinism.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFlowTable } from '../../../src/render/flowtable/index.js';
import { buildModel, linear6, long25, loops12, randomModel } from './model-fixtures.js';
import { all, geometryProblems, modelProblems, parseXml, readPage } from './svg-check.js';

const MM = 72 / 25.4;

test('the XML checker itself rejects broken markup', () => {
  assert.throws(() => parseXml('<svg><g></svg>'));
  assert.throws(() => parseXml('<svg><text>a < b</text></svg>'));
  assert.throws(() => parseXml('<svg><text>R&D</text></svg>'));
  assert.throws(() => parseXml('<svg a="1" a="2"/>'));
  assert.equal(parseXml('<svg><text>R&amp;D</text></svg>').children[0].text, 'R&D');
});

test('a 6-row linear SOP: one page, every symbol in its column, one arrow per edge, clean geometry', () => {
  const model = linear6();
  const result = renderFlowTable(model);
  assert.equal(result.pages.length, 1);
  assert.deepEqual(result.pages[0].rows, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(result.connectors, []);
  assert.deepEqual(modelProblems(model, result), []);
  const page = readPage(result.pages[0].svg);
  assert.deepEqual(geometryProblems(page), []);
  // 5 arrows, first and last rows are capsules, the rest rectangles.
  assert.equal(page.polylines.length, 5);
  assert.deepEqual(page.symbols.map((s) => s.kind), ['terminator', 'process', 'process', 'process', 'process', 'terminator']);
  // Same-column neighbours are joined by one straight vertical line, bottom to top.
  const line = page.polylines.find((p) => p.edge === '1-next-2')!;
  const [a, b] = [page.symbols[1], page.symbols[2]];
  assert.equal(line.points.length, 2);
  const near = (u: number, v: number) => Math.abs(u - v) < 0.011;
  assert.ok(near(line.points[0][0], a.cx) && near(line.points[0][1], a.box.y2) && near(line.points[1][0], b.cx) && near(line.points[1][1], b.box.y1), JSON.stringify(line.points));
  // Across columns: down, across between the rows, down again.
  const z = page.polylines.find((p) => p.edge === '2-next-3')!;
  assert.equal(z.points.length, 4);
  assert.ok(z.points[1][1] > page.symbols[2].box.y2 && z.points[1][1] < page.symbols[3].box.y1);
});

test('page size, units and options', () => {
  const model = linear6();
  const a4 = renderFlowTable(model).pages[0];
  assert.equal(a4.widthMm, 273);
  assert.equal(a4.heightMm, 180);
  const root = parseXml(a4.svg);
  assert.equal(root.attrs.width, '273mm');
  assert.equal(root.attrs.height, '180mm');
  assert.equal(root.attrs.viewBox, `0 0 ${Math.round(273 * MM * 100) / 100} ${Math.round(180 * MM * 100) / 100}`);
  const f4 = renderFlowTable(model, { paper: 'F4', margins: { top: 10, right: 10, bottom: 20, left: 10 } }).pages[0];
  assert.equal(f4.widthMm, 310);
  assert.equal(f4.heightMm, 185);
  // Fonts: embedded by default, left to the page on request.
  assert.match(a4.svg, /@font-face\{font-family:Arimo/);
  const bare = renderFlowTable(model, { embedFont: false }).pages[0].svg;
  assert.doesNotMatch(bare, /@font-face|base64/);
  assert.match(bare, /font-family="Arimo, Arial/);
  // Every id carries the prefix.
  const ids = [...renderFlowTable(long25(), { idPrefix: 'x9-' }).pages.map((p) => p.svg).join('').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids.length >= 2 && ids.every((id) => id.startsWith('x9-')));
  assert.equal(new Set(ids).size, ids.length, 'ids are unique across pages');
});

test('header: two rows with groups, English labels on request, repeated on every page', () => {
  const id = readPage(renderFlowTable(linear6()).pages[0].svg).headers;
  assert.deepEqual(id.pelaksana, ['Pelaksana']);
  assert.deepEqual(id['mutu-baku'], ['Mutu Baku']);
  assert.deepEqual(id.kelengkapan, ['Kelengkapan']);
  assert.deepEqual(id.keterangan, ['Keterangan']);
  const en = readPage(renderFlowTable(linear6(), { lang: 'en' }).pages[0].svg).headers;
  assert.deepEqual([en.no, en.kegiatan, en.pelaksana, en['mutu-baku'], en.kelengkapan, en.waktu, en.output, en.keterangan].map((l) => l.join(' ')), [
    'No',
    'Activity',
    'Actors',
    'Quality standard',
    'Requirements',
    'Time',
    'Output',
    'Remarks',
  ]);
  const pages = renderFlowTable(long25()).pages.map((p) => readPage(p.svg));
  assert.ok(pages.length >= 2);
  for (const p of pages) {
    assert.deepEqual(p.headers.kegiatan, ['Kegiatan']);
    assert.equal(Object.keys(p.headers).filter((k) => k.startsWith('actor:')).length, 6);
  }
});

test('decisions: diamonds, labelled branches, loops in lanes, an end terminator beside the diamond', () => {
  const model = loops12();
  const result = renderFlowTable(model);
  assert.deepEqual(modelProblems(model, result), []);
  result.pages.forEach((p, i) => assert.deepEqual(geometryProblems(readPage(p.svg), i), []));
  const page = readPage(result.pages[0].svg);
  // Row 2 (index 1) ends the procedure on "Tolak": a small capsule in the same row, arrow labelled.
  const endCap = page.symbols.find((s) => s.end)!;
  const diamond = page.symbols.find((s) => s.row === 1 && !s.end)!;
  assert.equal(endCap.shape, 'rect');
  assert.ok(endCap.rx! > 0 && endCap.box.x2 - endCap.box.x1 < diamond.box.x2 - diamond.box.x1);
  assert.ok(Math.abs(endCap.cy - diamond.cy) < 0.01);
  assert.deepEqual(page.labels.find((l) => l.edge === '1-no-end')?.text, 'Tolak');
  assert.deepEqual(page.labels.find((l) => l.edge === '1-yes-2')?.text, 'Setuju');
  // The loop back from row 4 to row 1 leaves the diamond sideways and enters row 1 from a side.
  const loop = page.polylines.find((p) => p.edge === '3-no-0')!;
  const d4 = page.symbols.find((s) => s.row === 3)!;
  const r1 = page.symbols.find((s) => s.row === 0)!;
  const [sx, sy] = loop.points[0];
  const [ex, ey] = loop.points[loop.points.length - 1];
  assert.ok(Math.abs(sy - d4.cy) < 3 && (Math.abs(sx - d4.box.x1) < 0.01 || Math.abs(sx - d4.box.x2) < 0.01), 'leaves from a side vertex');
  assert.ok(Math.abs(ey - r1.cy) < 5 && (ex <= r1.box.x1 + 0.01 || ex >= r1.box.x2 - 0.01), 'enters a side of row 1');
  // Every decision branch carries its label.
  for (const e of model.edges.filter((x) => x.kind !== 'next' && result.pages[0].rows.includes(x.from))) {
    assert.equal(page.labels.find((l) => l.edge === `${e.from}-${e.kind}-${e.to}`)?.text, e.label, `label of ${e.from}-${e.kind}-${e.to}`);
  }
});

test('a 25-row SOP spans two or more A4 pages with matched connectors, loops included', () => {
  const model = long25();
  const result = renderFlowTable(model);
  assert.ok(result.pages.length >= 2);
  assert.deepEqual(modelProblems(model, result), []);
  result.pages.forEach((p, i) => assert.deepEqual(geometryProblems(readPage(p.svg), i), []));
  // The loop 15 -> 6 crosses the break backwards and still gets its own pair.
  const back = result.connectors.find((c) => c.edge.from === 14 && c.edge.to === 5);
  assert.ok(back && back.fromPage > back.toPage);
  // Labels A, B, ... without gaps.
  assert.deepEqual(
    result.connectors.map((c) => c.label).sort(),
    result.connectors.map((_, i) => String.fromCharCode(65 + i)),
  );
  // Only the last page has the total, with the model's text in the Waktu column.
  const totals = result.pages.map((p) => all(readPage(p.svg).root, (e) => e.attrs['data-total'] === 'value').map((e) => e.children.map((c) => c.text).join(' ')));
  assert.deepEqual(totals.slice(0, -1).flat(), []);
  assert.equal(totals[totals.length - 1][0], model.totalText);
});

test('rows never split and each page fits its height; page 1 honours firstPageAvailableHeight', () => {
  const model = long25();
  const full = renderFlowTable(model);
  const short = renderFlowTable(model, { firstPageAvailableHeight: 90 });
  assert.equal(short.pages[0].heightMm, 90);
  assert.ok(short.pages[0].rows.length < full.pages[0].rows.length);
  assert.equal(parseXml(short.pages[0].svg).attrs.height, '90mm');
  for (const r of [full, short]) {
    assert.deepEqual(r.pages.flatMap((p) => p.rows), model.rows.map((x) => x.index));
    for (const p of r.pages) {
      const root = parseXml(p.svg);
      const border = all(root, (e) => e.attrs['data-part'] === 'border')[0];
      const [, , , h] = root.attrs.viewBox.split(' ').map(Number);
      assert.ok(Number(border.attrs.height) <= h + 1e-6, 'table fits the page');
    }
  }
  // Too little room under the identity table: page 1 stays empty and the table starts on page 2.
  const none = renderFlowTable(model, { firstPageAvailableHeight: 20 });
  assert.deepEqual(none.pages[0].rows, []);
  assert.deepEqual(modelProblems(model, none), []);
});

test('cell text: wrapped at word boundaries inside the cell, lists on separate lines, XML escaped', () => {
  const model = buildModel({ a: 'Pemohon & Kuasa', b: 'Petugas <Loket>' }, [
    { actor: 'a', kegiatan: 'Menyerahkan berkas "asli" & salinan kepada petugas loket untuk diperiksa kelengkapannya sesuai ketentuan', kelengkapan: ['Formulir A', 'KTP', 'Surat kuasa'] },
    { actor: 'b', kegiatan: 'Memeriksa berkas', output: ['Berkas lengkap'] },
  ]);
  const result = renderFlowTable(model);
  const page = readPage(result.pages[0].svg);
  assert.equal(page.headers['actor:0'].join(' '), 'Pemohon & Kuasa');
  assert.equal(page.headers['actor:1'].join(' '), 'Petugas <Loket>');
  const cell = (row: number, col: string) => all(page.root, (e) => e.attrs['data-row'] === String(row) && e.attrs['data-col'] === col)[0];
  const kel = cell(0, 'kelengkapan').children.map((c) => c.text);
  assert.deepEqual(kel, ['- Formulir A', '- KTP', '- Surat kuasa']);
  assert.equal(cell(1, 'output').children.map((c) => c.text).join(' '), 'Berkas lengkap', 'a one-item list prints without a dash');
  const keg = cell(0, 'kegiatan').children.map((c) => c.text);
  assert.ok(keg.length >= 2);
  assert.deepEqual(keg.join(' ').split(' '), model.rows[0].kegiatan.split(' '));
  // Every text line of the rows stays inside its column.
  for (const t of page.texts.filter((x) => x.el.parent?.attrs['data-row'] !== undefined)) {
    const col = page.columnsX.findIndex((x, i) => t.box.x1 >= x - 0.01 && t.box.x2 <= (page.columnsX[i + 1] ?? Infinity) + 0.01);
    assert.ok(col >= 0, `"${t.text}" spills out of its column`);
  }
});

test('deterministic: same input, same bytes', () => {
  for (const make of [linear6, loops12, long25]) {
    const a = renderFlowTable(make());
    const b = renderFlowTable(make());
    assert.deepEqual(
      a.pages.map((p) => p.svg),
      b.pages.map((p) => p.svg),
    );
    assert.doesNotMatch(a.pages[0].svg, /NaN|undefined|Infinity/);
  }
});

test('random SOPs: every rule holds for many shapes and sizes', () => {
  const problems: string[] = [];
  let pages = 0;
  let crossings = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const rows = 4 + (seed % 27);
    const actors = 1 + (seed % 7);
    const model = randomModel(seed, rows, actors, { decisionRate: 0.3, endBranchRate: 0.15 });
    for (const paper of ['A4', 'F4'] as const) {
      const result = renderFlowTable(model, { paper });
      pages += result.pages.length;
      crossings += result.connectors.length;
      problems.push(...modelProblems(model, result).map((p) => `seed ${seed} ${paper}: ${p}`));
      result.pages.forEach((p, i) => problems.push(...geometryProblems(readPage(p.svg), i).map((x) => `seed ${seed} ${paper}: ${x}`)));
    }
  }
  assert.ok(pages > 150 && crossings > 50, `the sample exercises pagination (${pages} pages, ${crossings} connectors)`);
  assert.deepEqual(problems.slice(0, 20), []);
});

test('degenerate input does not crash: no rows, unknown actor, many actors', () => {
  const empty = renderFlowTable(buildModel(['A'], []));
  assert.equal(empty.pages.length, 1);
  parseXml(empty.pages[0].svg);
  const unknown = buildModel(['A', 'B'], [{ actor: 'a0' }, { actor: 'zz' }, { actor: 'a1' }]);
  const r = renderFlowTable(unknown);
  const page = readPage(r.pages[0].svg);
  assert.equal(page.symbols.filter((s) => s.row === 1).length, 0, 'a row without a declared actor has no symbol');
  assert.deepEqual(geometryProblems(page), []);
  const wide = randomModel(5, 12, 10);
  const w = renderFlowTable(wide);
  assert.deepEqual(modelProblems(wide, w), []);
});

test('a decision in row 1 gets its start capsule beside it in the same row, joined by an arrow', () => {
  for (const actor of [0, 1, 2]) {
    const model = buildModel(['Pemohon', 'Petugas Loket', 'Kepala Seksi'], [
      { actor, kegiatan: 'Memeriksa apakah permohonan sudah lengkap', keputusan: { tidak: 'selesai' } },
      { actor: 1, kegiatan: 'Mencatat permohonan' },
      { actor: 2, kegiatan: 'Menandatangani surat' },
    ]);
    const result = renderFlowTable(model);
    assert.deepEqual(modelProblems(model, result), [], `actor ${actor}`);
    const page = readPage(result.pages[0].svg);
    assert.deepEqual(geometryProblems(page), [], `actor ${actor}`);
    const cap = page.symbols.find((s) => s.start)!;
    const diamond = page.symbols.find((s) => s.row === 0 && s.kind === 'decision')!;
    const end = page.symbols.find((s) => s.end)!;
    assert.ok(Math.abs(end.cy - diamond.cy) < 0.01);
    // Start and end capsules sit on opposite sides of the diamond; in the first column, where the left
    // side is outside the actor area (and the last, for the right), the start capsule stands above the diamond.
    if (actor !== 1) assert.ok(Math.abs(cap.cx - diamond.cx) < 0.01 && cap.box.y2 < diamond.box.y1 && cap.box.y1 > page.symbols.find((s) => s.row === 0)!.box.y1 - 100);
    else assert.ok((cap.cx - diamond.cx) * (end.cx - diamond.cx) < 0, `actor ${actor}`);
    const arrow = page.polylines.find((p) => p.edge === 'start-0')!;
    assert.equal(arrow.points.length, 2, 'a straight arrow from the capsule to the diamond');
  }
});
