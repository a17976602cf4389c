// Benchmark: the one-page Mermaid engine (cold, then cached) against spawning mmdc once per diagram, on the same sources.
// Run: npx tsx bench/mermaid.bench.ts [--generated] [--diagrams N] [--mmdc N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildFlowModel } from '../src/model/flow.js';
import { CHROMIUM_ARGS, findBrowser, launchBrowser } from '../src/print/browser.js';
import { createMermaidEngine, mermaidVersion, toSvgId } from '../src/render/mermaid/engine.js';
import { toMermaid } from '../src/render/mermaid/source.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const N_GENERATED = arg('--diagrams', 20);
const N_MMDC = arg('--mmdc', 5);
const FORCE_GENERATED = process.argv.includes('--generated');

interface Diagram {
  name: string;
  source: string;
  firstLabel: string;
}

/** Every SOP under examples/, through the real loader; empty when there are none yet. */
async function exampleDiagrams(): Promise<Diagram[]> {
  const dir = join(root, 'examples');
  const files: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) files.push(p);
    }
  };
  walk(dir);
  const { loadSop } = await import('../src/document/sop-document.js');
  const out: Diagram[] = [];
  for (const file of files) {
    const doc = await loadSop(file, relative(root, file));
    if (!doc.hasFrontmatter || doc.problems.length > 0) continue;
    const model = buildFlowModel(doc.data);
    if (model.rows.length === 0) continue;
    out.push({ name: relative(root, file), source: toMermaid(model), firstLabel: `1. ${model.rows[0].kegiatan}` });
  }
  return out;
}

/** Deterministic SOP-shaped flows: 2-5 lanes, 5-14 rows, some decisions looping back or ending. */
function generatedDiagrams(n: number): Diagram[] {
  let seed = 20250115;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  const verbs = ['Menerima', 'Memeriksa', 'Mencatat', 'Menyusun', 'Menandatangani', 'Mengarsipkan', 'Memverifikasi', 'Menyampaikan'];
  const things = ['berkas permohonan', 'surat masuk', 'konsep keputusan', 'data kepegawaian', 'laporan bulanan', 'nota dinas'];
  const titles = ['Pemohon', 'Staf Tata Usaha', 'Kepala Subbagian', 'Sekretaris', 'Kepala Badan'];
  const out: Diagram[] = [];
  for (let i = 0; i < n; i++) {
    const lanes = 2 + rand(4);
    const pelaksana: Record<string, string> = {};
    for (let l = 0; l < lanes; l++) pelaksana[`p${l}`] = titles[l];
    const rows = 5 + rand(10);
    const prosedur = Array.from({ length: rows }, (_, r) => {
      const row: Record<string, unknown> = {
        kegiatan: `${verbs[rand(verbs.length)]} ${things[rand(things.length)]} nomor ${i}.${r + 1}`,
        pelaksana: `p${r === 0 ? 0 : rand(lanes)}`,
        kelengkapan: '-',
        waktu: `${5 + rand(55)} menit`,
        output: '-',
      };
      if (r > 1 && r < rows - 1 && rand(4) === 0) row.keputusan = { tidak: rand(3) === 0 ? 'selesai' : 1 + rand(r) };
      return row;
    });
    const model = buildFlowModel({ pelaksana, prosedur });
    out.push({ name: `generated-${i + 1}`, source: toMermaid(model), firstLabel: `1. ${model.rows[0].kegiatan}` });
  }
  return out;
}

function stats(ms: number[]): { mean: number; median: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { mean: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length), median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}

const f = (n: number): string => n.toFixed(1).padStart(9);

/**
 * CPU time (ms) used so far by a process and all its descendants, from /proc (Linux only, else NaN).
 * Wall time on a shared machine mostly measures the other load; CPU time of Chromium does not.
 */
function treeCpuMs(rootPid: number | undefined): number {
  if (rootPid === undefined || process.platform !== 'linux') return Number.NaN;
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      cpu.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended while we read
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 32; p = parent.get(p) ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, t] of cpu) if (inTree(pid)) ticks += t;
  // USER_HZ is 100 on Linux
  return ticks * 10;
}

async function run(): Promise<void> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('no Chrome/Chromium found: apt-get install -y chromium, or set PUPPETEER_EXECUTABLE_PATH');
  const examples = FORCE_GENERATED ? [] : await exampleDiagrams();
  const diagrams = examples.length > 0 ? examples : generatedDiagrams(N_GENERATED);
  const work = mkdtempSync(join(tmpdir(), 'sop-mermaid-bench-'));
  console.log(`load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}; mermaid ${mermaidVersion()}, browser ${executablePath}, ${diagrams.length} diagrams (${examples.length > 0 ? 'examples/' : 'generated'}), ${new Date().toISOString()}`);
  try {
    // 1. engine, cold cache: launch once, load Mermaid once, then one render per diagram
    let t0 = performance.now();
    const browser = await launchBrowser();
    const launchMs = performance.now() - t0;
    const cacheDir = join(work, 'cache');
    const engine = createMermaidEngine({ cacheDir, browser });
    const perDiagram: number[] = [];
    let firstMs = 0;
    let cpuBefore = Number.NaN;
    let cpuAfter = Number.NaN;
    try {
      for (const [i, d] of diagrams.entries()) {
        t0 = performance.now();
        const { svg, cached } = await engine.render(d.source, toSvgId(`${i}-${d.name}`));
        const ms = performance.now() - t0;
        if (cached || !svg.startsWith('<svg') || svg.includes('foreignObject')) throw new Error(`bad render of ${d.name}`);
        if (i === 0) {
          firstMs = ms;
          cpuBefore = treeCpuMs(browser.process()?.pid);
        } else perDiagram.push(ms);
      }
      cpuAfter = treeCpuMs(browser.process()?.pid);
    } finally {
      await engine.close();
      await browser.close();
    }
    // The page is set up lazily inside the first render call: take it out of that render's time.
    const setupMs = engine.stats.setupMs;
    firstMs -= setupMs;

    // 1b. throughput with two engine pages on one browser, as `sop build` runs big builds (2 cores):
    // every diagram three times under fresh ids, after each page's set-up and first render
    const browser2 = await launchBrowser();
    const pair = [0, 1].map((k) => createMermaidEngine({ cacheDir: join(work, `cache-pair-${k}`), browser: browser2 }));
    let pairMs = 0;
    const jobs = [0, 1, 2].flatMap((r) => diagrams.map((d, i) => ({ source: d.source, id: toSvgId(`p${r}-${i}-${d.name}`) })));
    const pairCount = jobs.length;
    try {
      await Promise.all(pair.map((eng, k) => eng.render(diagrams[k % diagrams.length].source, toSvgId(`warm-${k}`))));
      t0 = performance.now();
      await Promise.all(pair.map(async (eng) => {
        for (let job = jobs.shift(); job; job = jobs.shift()) await eng.render(job.source, job.id);
      }));
      pairMs = performance.now() - t0;
    } finally {
      for (const eng of pair) await eng.close();
      await browser2.close();
    }

    // 2. engine, warm cache: a new engine, no browser at all
    let launched = 0;
    const cachedEngine = createMermaidEngine({ cacheDir, launch: async () => (launched++, launchBrowser()) });
    const hitMs: number[] = [];
    for (const [i, d] of diagrams.entries()) {
      t0 = performance.now();
      const { cached } = await cachedEngine.render(d.source, toSvgId(`${i}-${d.name}`));
      hitMs.push(performance.now() - t0);
      if (!cached) throw new Error(`cache miss on ${d.name}`);
    }
    await cachedEngine.close();

    // 3. mmdc, one process per diagram, same sources
    const pptr = join(work, 'pptr.json');
    writeFileSync(pptr, JSON.stringify({ executablePath, headless: true, args: CHROMIUM_ARGS }));
    const mmdc = join(root, 'node_modules/.bin/mmdc');
    const mmdcMs: number[] = [];
    for (const [i, d] of diagrams.slice(0, N_MMDC).entries()) {
      const input = join(work, `d${i}.mmd`);
      const output = join(work, `d${i}.svg`);
      writeFileSync(input, d.source);
      t0 = performance.now();
      const r = spawnSync(mmdc, ['-q', '-p', pptr, '-i', input, '-o', output], { encoding: 'utf8' });
      mmdcMs.push(performance.now() - t0);
      if (r.status !== 0 || !readFileSync(output, 'utf8').startsWith('<svg')) throw new Error(`mmdc failed on ${d.name}: ${r.stderr}`);
    }

    const e = stats(perDiagram);
    const h = stats(hitMs);
    const m = stats(mmdcMs);
    console.log('');
    console.log('                                   n      mean    median       p95       max   (ms)');
    console.log(`browser launch                     1 ${f(launchMs)}`);
    console.log(`page + Mermaid modules load        1 ${f(setupMs)}`);
    console.log(`engine, first render (JIT warm-up) 1 ${f(firstMs)}`);
    console.log(`engine, per diagram after that ${String(perDiagram.length).padStart(5)} ${f(e.mean)} ${f(e.median)} ${f(e.p95)} ${f(e.max)}`);
    const cpuPer = (cpuAfter - cpuBefore) / Math.max(1, perDiagram.length);
    console.log(`  Chromium CPU per diagram      ${String(perDiagram.length).padStart(5)} ${f(cpuPer)}   (all Chromium processes, 10 ms ticks)`);
    console.log(`engine, 2 pages, per diagram  ${String(pairCount).padStart(5)} ${f(pairMs / pairCount)}   (throughput: wall time / diagrams)`);
    console.log(`engine, cache hit (no browser) ${String(hitMs.length).padStart(5)} ${f(h.mean)} ${f(h.median)} ${f(h.p95)} ${f(h.max)}   browsers launched: ${launched}`);
    console.log(`mmdc process per diagram       ${String(mmdcMs.length).padStart(5)} ${f(m.mean)} ${f(m.median)} ${f(m.p95)} ${f(m.max)}`);
    console.log('');
    const engineTotal = launchMs + setupMs + firstMs + e.mean * (N_MMDC - 1);
    console.log(`per-diagram ratio mmdc / engine: ${(m.mean / e.mean).toFixed(1)}x  (target engine <= 75 ms: one page ${e.median <= 75 ? 'met' : 'MISSED'} (median), two pages ${pairMs / pairCount <= 75 ? 'met' : 'MISSED'})`);
    console.log(`${N_MMDC} diagrams end to end: engine ${engineTotal.toFixed(0)} ms (launch included) vs mmdc ${(m.mean * N_MMDC).toFixed(0)} ms -> ${((m.mean * N_MMDC) / engineTotal).toFixed(1)}x`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await run();
