// Times `sop lint` against a schema-only validator and markdownlint-cli2 on the same generated corpora, in one run.
// Usage: node lint.bench.mjs [--sizes 1000,10000] [--runs 5] [--tools sop,schema-only,markdownlint-cli2] [--sop-bin path]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const OUT = join(BENCH, 'out');
const SEED = 35;
const NODE = process.execPath;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}
const sizes = option('sizes', '1000,10000').split(',').map(Number);
const runs = Number(option('runs', '5'));
const only = option('tools', 'sop,schema-only,markdownlint-cli2').split(',');
const MEMORY_SIZE = Math.max(...sizes);
// Another sop build (an installed package, an older commit) can be measured by pointing at its bin.
const sopBin = option('sop-bin', join(ROOT, 'bin/sop.js'));

/** The compared commands; every one runs with the corpus as working directory, so each finds its own config there. */
const TOOLS = [
  {
    name: 'sop',
    args: [sopBin, 'lint', '.', '--format', 'json'],
    checks: 'YAML + schema + semantic rules, with positions',
    // Counts files with at least one error from ESLint-shaped JSON; throws if the output is not that.
    invalidFiles: (stdout) => JSON.parse(stdout).filter((r) => r.errorCount > 0).length,
    expectedInvalid: (manifest) => manifest.invalid.length,
  },
  {
    name: 'schema-only',
    args: [join(BENCH, 'lint-schema-only.mjs'), '.'],
    checks: 'YAML + schema, no positions, no semantic rules',
    invalidFiles: (stdout) => Number(/(\d+) invalid\s*$/.exec(stdout)[1]),
    expectedInvalid: (manifest) => manifest.invalid.filter((x) => x.schema).length,
  },
  {
    name: 'markdownlint-cli2',
    args: [join(BENCH, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md'],
    checks: 'Markdown style of the body (MD013, MD041 off), frontmatter skipped',
    invalidFiles: () => undefined,
    expectedInvalid: () => undefined,
  },
].filter((t) => only.includes(t.name));

function ensureCorpus(size) {
  const dir = join(BENCH, `corpus-${size}`);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;
  if (!manifest || manifest.count !== size || manifest.seed !== SEED) {
    const r = spawnSync(NODE, [join(BENCH, 'lint-gen.mjs'), String(size), dir, '--seed', String(SEED)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`lint-gen failed: ${r.stderr}`);
    return { dir, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) };
  }
  return { dir, manifest };
}

/** One untimed run: exit 0/1 means the tool worked (1 = problems found); anything else and it is skipped. */
function preflight(tool, dir) {
  const r = spawnSync(NODE, tool.args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) return { ok: false, reason: r.error.message };
  if (r.status !== 0 && r.status !== 1) {
    const why = (r.stderr || r.stdout).trim().split('\n')[0] ?? '';
    return { ok: false, reason: `exit ${r.status ?? r.signal}: ${why.slice(0, 160)}` };
  }
  try {
    return { ok: true, exit: r.status, invalid: tool.invalidFiles(r.stdout) };
  } catch (err) {
    return { ok: false, reason: `unexpected output (${err.message})` };
  }
}

const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;

/** hyperfine -N (no shell in the measurement), -i because finding invalid files exits 1. */
function timeWithHyperfine(tools, dir, size) {
  const exportPath = join(OUT, `lint-${size}.hyperfine.json`);
  const argv = ['-N', '-i', '--warmup', '1', '--runs', String(runs), '--export-json', exportPath, '--style', 'basic'];
  for (const t of tools) argv.push('-n', t.name, [NODE, ...t.args].map((a) => (/[\s*"']/.test(a) ? `"${a}"` : a)).join(' '));
  const r = spawnSync('hyperfine', argv, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`hyperfine failed (exit ${r.status})`);
  const results = JSON.parse(readFileSync(exportPath, 'utf8')).results;
  return new Map(results.map((x) => [x.command, x.times]));
}

/** Fallback without hyperfine: 1 warm-up, then `runs` timed spawns per tool, interleaved so drift hits all alike. */
function timeByHand(tools, dir) {
  const times = new Map(tools.map((t) => [t.name, []]));
  for (let i = -1; i < runs; i++) {
    for (const t of tools) {
      const start = process.hrtime.bigint();
      spawnSync(NODE, t.args, { cwd: dir, stdio: 'ignore' });
      if (i >= 0) times.get(t.name).push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  return times;
}

/** Peak RSS in MB: `/usr/bin/time -v` when present, else polling VmHWM of the child in /proc. */
async function peakRss(tool, dir) {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', NODE, ...tool.args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    return kb ? Number(kb[1]) / 1024 : undefined;
  }
  const child = spawn(NODE, tool.args, { cwd: dir, stdio: 'ignore' });
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (kb) peak = Math.max(peak, Number(kb[1]));
    } catch {
      // the process ended between two polls
    }
  }, 10);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  return peak ? peak / 1024 : undefined;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1));
const sec = (x) => `${x.toFixed(2)} s`;
/** A peer's version as installed in bench/node_modules; a run with `--tools sop` needs none of them installed. */
const version = (pkg) => {
  try {
    return JSON.parse(readFileSync(join(BENCH, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
};

mkdirSync(OUT, { recursive: true });
const lines = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const summary = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, runs, sizes: {}, memory: {} };
say(`# sop lint benchmark`);
say();
say(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; markdownlint-cli2 ${version('markdownlint-cli2')}, ` +
    `yaml ${version('yaml')}, ajv ${version('ajv')}; ${hasHyperfine ? `hyperfine -N -i, 1 warm-up, ${runs} runs` : `own timer, 1 warm-up, ${runs} runs`}.`,
);

let memoryCorpus;
for (const size of sizes) {
  const { dir, manifest } = ensureCorpus(size);
  if (size === MEMORY_SIZE) memoryCorpus = dir;
  const expectedSchema = manifest.invalid.filter((x) => x.schema).length;
  say();
  say(`## ${size.toLocaleString('en')} SOP files (${manifest.invalid.length} invalid: ${expectedSchema} schema-visible, ${manifest.invalid.length - expectedSchema} rule-only)`);
  say();
  const ready = [];
  const found = {};
  let notes = 0;
  for (const t of TOOLS) {
    const p = preflight(t, dir);
    if (!p.ok) {
      say(`- skipped **${t.name}**: ${p.reason}`);
      notes++;
      continue;
    }
    ready.push(t);
    found[t.name] = p.invalid;
    // A timing only counts when the tool found what the generator broke, or it may be skipping work.
    const expected = t.expectedInvalid(manifest);
    if (expected !== undefined && p.invalid !== expected) {
      say(`- warning: **${t.name}** found ${p.invalid} invalid files, the generator broke ${expected}`);
      notes++;
    }
  }
  if (ready.length === 0) continue;
  if (notes > 0) say();
  const times = hasHyperfine ? timeWithHyperfine(ready, dir, size) : timeByHand(ready, dir);
  console.log();
  const stats = Object.fromEntries(ready.map((t) => [t.name, { median: median(times.get(t.name)), min: Math.min(...times.get(t.name)), mean: mean(times.get(t.name)), sd: sd(times.get(t.name)) }]));
  say('| Tool | Median | Min | Mean ± σ | Invalid files found | Checks |');
  say('|---|---:|---:|---:|---:|---|');
  for (const t of ready) {
    const s = stats[t.name];
    say(`| ${t.name} | ${sec(s.median)} | ${sec(s.min)} | ${sec(s.mean)} ± ${s.sd.toFixed(2)} | ${found[t.name] ?? '—'} | ${t.checks} |`);
  }
  summary.sizes[size] = { stats, found, expectedInvalid: manifest.invalid.length, expectedSchemaInvalid: expectedSchema };
  if (stats.sop) {
    say();
    for (const [peer, target] of [['schema-only', 1.0], ['markdownlint-cli2', 0.5]]) {
      if (!stats[peer]) continue;
      const ratio = stats.sop.median / stats[peer].median;
      const goal = size === 1000 ? ` (target ≤ ${target.toFixed(1)}×: ${ratio <= target ? 'met' : 'missed'})` : '';
      say(`- sop / ${peer}: **${ratio.toFixed(2)}×**${goal}`);
      summary.sizes[size][`sop/${peer}`] = ratio;
    }
  }
}

if (memoryCorpus) {
  say();
  say(`## Peak RSS, ${MEMORY_SIZE.toLocaleString('en')} files (${existsSync('/usr/bin/time') ? '/usr/bin/time -v' : '/proc VmHWM'})`);
  say();
  say('| Tool | Peak RSS |');
  say('|---|---:|');
  for (const t of TOOLS) {
    if (!summary.sizes[MEMORY_SIZE]?.stats[t.name]) continue;
    const mb = await peakRss(t, memoryCorpus);
    summary.memory[t.name] = mb;
    const goal = t.name === 'sop' && mb !== undefined ? ` (target < 400 MB: ${mb < 400 ? 'met' : 'missed'})` : '';
    say(`| ${t.name} | ${mb === undefined ? 'n/a' : `${mb.toFixed(0)} MB`}${goal} |`);
  }
}

writeFileSync(join(OUT, 'lint-bench.md'), `${lines.join('\n')}\n`);
writeFileSync(join(OUT, 'lint-bench.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\nwritten: ${join('bench', 'out', 'lint-bench.md')} and lint-bench.json`);
