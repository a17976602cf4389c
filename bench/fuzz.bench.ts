// bench/fuzz: thousands of seeded mutations through lint, render and build; prints cases, crashes,
// hangs and peak memory. Run: npm run build && npx tsx bench/fuzz.bench.ts [--cases 3000] [--seed 16]
import { runFuzz } from '../test/fuzz/harness.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const cases = arg('cases', 3000);
const seed = arg('seed', 16);
const started = Date.now();
const f = await runFuzz({
  seed,
  lintCases: Math.round(cases * 0.7),
  renderCases: Math.round(cases * 0.2),
  buildCases: cases - Math.round(cases * 0.7) - Math.round(cases * 0.2),
  batch: 100,
  timeoutMs: 120_000,
  onProgress: (d, t) => process.stderr.write(`\r${d}/${t}`),
});
const secs = ((Date.now() - started) / 1000).toFixed(0);
process.stderr.write('\n');
console.log(`| seed | cases | crashes | hangs | unreported | peak memory (lint process) | time |`);
console.log(`|---|---|---|---|---|---|---|`);
console.log(`| ${seed} | ${f.cases} | ${f.crashes} | ${f.hangs} | ${f.unreported} | ${(f.peakRssKiB / 1024).toFixed(0)} MB | ${secs} s |`);
for (const x of f.failures) console.log(`- ${x}`);
process.exitCode = f.crashes + f.hangs + f.unreported > 0 ? 1 : 0;
