// Flow table renderer timing: layout + routing + SVG for two SOP sizes. Run: npx tsx bench/flowtable.bench.ts
import { renderFlowTable } from '../src/render/flowtable/index.js';
import { randomModel } from '../test/render/flowtable/model-fixtures.js';
import type { FlowModel } from '../src/model/flow-types.js';

interface Case {
  name: string;
  model: FlowModel;
  budgetMs: number;
}

const cases: Case[] = [
  { name: '10 rows, 5 actors', model: randomModel(101, 10, 5), budgetMs: 5 },
  { name: '50 rows, 8 actors', model: randomModel(202, 50, 8), budgetMs: 25 },
];

const WARMUP = 30;
const RUNS = Number(process.env.RUNS ?? 100);

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i];
}

const rows: string[][] = [['case', 'pages', 'arrows', 'runs', 'min ms', 'median ms', 'p90 ms', 'budget ms', 'ok']];
let failed = false;
for (const c of cases) {
  let result = renderFlowTable(c.model);
  for (let i = 0; i < WARMUP; i++) result = renderFlowTable(c.model);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = renderFlowTable(c.model);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  const ok = median <= c.budgetMs;
  failed ||= !ok;
  const arrows = result.pages.reduce((n, p) => n + (p.svg.match(/<polyline /g)?.length ?? 0), 0);
  rows.push([c.name, String(result.pages.length), String(arrows), String(RUNS), times[0].toFixed(2), median.toFixed(2), quantile(times, 0.9).toFixed(2), String(c.budgetMs), ok ? 'yes' : 'NO']);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  '));
if (failed) process.exitCode = 1;
