// The stress corpus and 500 seeded random models: page counts, narrowest Kegiatan and the geometric invariants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlowModel } from '../../../src/model/flow-types.js';
import { renderFlowTable, type FlowTableOptions } from '../../../src/render/flowtable/index.js';
import { randomModel, randomModel11 } from './model-fixtures.js';
import { stressCorpus } from './stress-corpus.js';
import { geometryProblems, labelCellProblems, modelProblems, readPage } from './svg-check.js';

const MM = 72 / 25.4;

interface Report {
  pages: number;
  /** Narrowest Kegiatan column over the pages, in mm. */
  kegiatanMm: number;
  problems: string[];
}

/**
 * The drawing of a model and its pages read back, kept per case: the branch-label test below looks again at the same
 * drawings the invariant tests made (same models, same options), instead of drawing and reading them a second time.
 * Only those are kept (`keep`): the format 1.1 models are looked at once.
 */
const drawn = new Map<string, { result: ReturnType<typeof renderFlowTable>; pages: (ReturnType<typeof readPage> | undefined)[] }>();
function draw(model: FlowModel, options: FlowTableOptions, keep = true) {
  // keyed by what is drawn, so a case can only get the drawing of an equal model with equal options
  const key = keep ? JSON.stringify([model, options]) : undefined;
  let d = key === undefined ? undefined : drawn.get(key);
  if (!d) {
    const result = renderFlowTable(model, options);
    d = { result, pages: result.pages.map((p) => (p.rows.length === 0 ? undefined : readPage(p.svg))) };
    if (key !== undefined) drawn.set(key, d);
  }
  return d;
}

function check(model: FlowModel, options: FlowTableOptions, keep = true): Report {
  const { result, pages } = draw(model, options, keep);
  const problems = [...modelProblems(model, result)];
  let kegiatanMm = Number.POSITIVE_INFINITY;
  pages.forEach((page, i) => {
    if (!page) return;
    problems.push(...geometryProblems(page, i));
    // Columns: No | Kegiatan | ...; the grid's vertical lines give the Kegiatan width.
    kegiatanMm = Math.min(kegiatanMm, (page.columnsX[2] - page.columnsX[1]) / MM);
  });
  return { pages: result.pages.length, kegiatanMm, problems };
}

for (const c of stressCorpus()) {
  test(`stress ${c.name}: A4 and F4 keep every rule`, (t) => {
    for (const paper of ['A4', 'F4'] as const) {
      const r = check(c.model, { paper });
      t.diagnostic(`${c.name} ${paper}: ${r.pages} page(s), narrowest Kegiatan ${r.kegiatanMm.toFixed(1)} mm, ${r.problems.length} geometry problem(s) [${c.source}]`);
      assert.deepEqual(r.problems, [], `${c.name} ${paper}`);
      // Kegiatan never starves: at least a readable measure (about 35 characters at 8-9 pt).
      assert.ok(r.kegiatanMm >= 45, `${c.name} ${paper}: Kegiatan only ${r.kegiatanMm.toFixed(1)} mm`);
    }
  });
}

test('targets: 10 rows x 7 actors x 30 words fits one F4 page (two A4); 30 rows x 2 actors fits four A4 pages', () => {
  const corpus = new Map(stressCorpus().map((c) => [c.name, c.model]));
  const seven = corpus.get('seven-actors-10x30')!;
  assert.equal(seven.actors.length, 7);
  assert.ok(seven.rows.every((r) => r.kegiatan.split(' ').length === 30));
  assert.equal(renderFlowTable(seven, { paper: 'F4' }).pages.length, 1);
  assert.ok(renderFlowTable(seven, { paper: 'A4' }).pages.length <= 2);
  const two = corpus.get('surat-masuk-30')!;
  assert.equal(two.rows.length, 30);
  assert.ok(renderFlowTable(two, { paper: 'A4' }).pages.length <= 4);
});

test('500 seeded random models: every geometric invariant holds', () => {
  const failures: string[] = [];
  for (let seed = 1; seed <= 500; seed++) {
    const rows = 3 + (seed % 18);
    const actors = 1 + (seed % 8);
    const model = randomModel(10_000 + seed, rows, actors, { decisionRate: 0.3 });
    const paper = seed % 2 === 0 ? 'A4' : 'F4';
    const r = check(model, { paper, firstPageAvailableHeight: seed % 5 === 0 ? 110 : undefined });
    if (r.problems.length > 0) failures.push(`seed ${seed} (${rows}x${actors} ${paper}): ${r.problems.slice(0, 3).join('; ')}`);
  }
  assert.deepEqual(failures, []);
});

test('500 seeded random models with format 1.1 constructs: every geometric invariant holds', (t) => {
  const failures: string[] = [];
  let using = 0;
  for (let seed = 1; seed <= 500; seed++) {
    const rows = 3 + (seed % 18);
    const actors = 1 + (seed % 8);
    const model = randomModel11(20_000 + seed, rows, actors, { decisionRate: 0.3 });
    if (model.rows.some((r) => r.chain || (r.lanes?.length ?? 0) > 1 || r.start || r.fork || r.optional || r.symbolText !== undefined || r.no !== undefined || r.decision?.unlabelled)) using++;
    const paper = seed % 2 === 0 ? 'A4' : 'F4';
    const r = check(model, { paper, firstPageAvailableHeight: seed % 5 === 0 ? 110 : undefined }, false);
    if (r.problems.length > 0) failures.push(`seed ${seed} (${rows}x${actors} ${paper}): ${r.problems.slice(0, 3).join('; ')}`);
  }
  t.diagnostic(`${using} of 500 models use a 1.1 construct; ${failures.length} break an invariant`);
  for (const f of failures) t.diagnostic(f);
  assert.ok(using >= 400, `only ${using} models use a 1.1 construct`);
  assert.deepEqual(failures, []);
});

/**
 * Branch labels inside one cell (issue #10, point 4), also part of geometryProblems: listed on their
 * own here over the stress corpus and the 500 random models, so a regression names every case.
 */
test('branch labels inside one cell: none crosses a cell border', (t) => {
  const cases: string[] = [];
  const count = (name: string, model: FlowModel, options: FlowTableOptions) => {
    draw(model, options).pages.forEach((page, i) => {
      if (!page) return;
      for (const x of labelCellProblems(page, i)) cases.push(`${name}: ${x}`);
    });
  };
  for (const c of stressCorpus()) for (const paper of ['A4', 'F4'] as const) count(`${c.name} ${paper}`, c.model, { paper });
  for (let seed = 1; seed <= 500; seed++) {
    const model = randomModel(10_000 + seed, 3 + (seed % 18), 1 + (seed % 8), { decisionRate: 0.3 });
    count(`seed ${seed}`, model, { paper: seed % 2 === 0 ? 'A4' : 'F4', firstPageAvailableHeight: seed % 5 === 0 ? 110 : undefined });
  }
  for (const c of cases.slice(0, 40)) t.diagnostic(c);
  assert.deepEqual(cases, []);
});
