// A seeded mutation fuzzer over the examples and fixtures: mutated SOPs go through `sop lint` (the
// CLI, JSON output), the render API and the build API (HTML), and every outcome must be an
// orderly one. Used by test/fuzz/fuzz.test.ts (a few hundred cases) and bench/fuzz.bench.ts (thousands).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/api/build.js';
import { renderSop } from '../../src/api/render.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/sop.js');

import { rng } from '../helpers/random.js';

export { rng };

/** The seed corpus: every Markdown file of examples/ and test/fixtures/. */
export function corpus(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith('.md') && st.size < 200_000) out.push({ name: path.relative(ROOT, p), bytes: readFileSync(p) });
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test/fixtures'));
  return out;
}

/** Tokens that meet the parsers where they are weakest. */
const TOKENS = [
  '---\n', '\r', '\r\n', '\t', '\u0000', '\uFEFF', '\u202e', '\u001b[2J', '- ', '> ', '  - ', ': ', ':', '"', "'", '|', '>-', '#',
  '&a ', '*a', '!!binary ', '%YAML 1.1\n', '{', '}', '[', ']', ',', '?', '\\', '`', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '%%{init: {"theme":"dark"}}%%', 'click r1 "http://127.0.0.1/"', 'javascript:alert(1)', '](../../etc/passwd)', '![x](/etc/hosts)',
  'selesai', 'keputusan:', 'ke: 99', 'ya: 1', 'tidak: 1', 'pelaksana: x', 'id: a', '999999999999999999999', '-1', '0x1F', '.nan', '~', 'null',
  '2025-02-30', '19750312 200012 1 003', 'x'.repeat(5000), '- '.repeat(300), '> '.repeat(300), '*'.repeat(200), '['.repeat(200), '  '.repeat(200),
];

/** One mutation of `input`: a few edits chosen by `r`. */
export function mutate(input: Buffer, r: () => number): Buffer {
  let b = Buffer.from(input);
  const edits = 1 + Math.floor(r() * 4);
  const at = () => Math.floor(r() * (b.length + 1));
  for (let e = 0; e < edits; e++) {
    const k = Math.floor(r() * 8);
    if (k === 0 && b.length > 0) {
      const i = Math.min(b.length - 1, at());
      b[i] = Math.floor(r() * 256); // flip a byte
    } else if (k === 1 && b.length > 0) {
      const i = at();
      b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + Math.floor(r() * 64)))]); // delete a run
    } else if (k === 2 && b.length > 0) {
      const i = at();
      const j = Math.min(b.length, i + Math.floor(r() * 200));
      b = Buffer.concat([b.subarray(0, j), b.subarray(i, j), b.subarray(j)]); // duplicate a run
    } else if (k === 3) {
      b = b.subarray(0, at()); // truncate
    } else if (k === 4) {
      const lines = b.toString('latin1').split('\n');
      const i = Math.floor(r() * lines.length);
      const j = Math.floor(r() * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]]; // swap two lines
      b = Buffer.from(lines.join('\n'), 'latin1');
    } else {
      const i = at();
      const t = Buffer.from(TOKENS[Math.floor(r() * TOKENS.length)]);
      b = Buffer.concat([b.subarray(0, i), t, b.subarray(i)]); // insert a token
    }
  }
  return b;
}

export interface FuzzFigures {
  cases: number;
  /** A run that ended other than in order: a stack trace, exit code outside 0/1, bad JSON, a thrown error. */
  crashes: number;
  /** A batch or case that did not finish within its time limit. */
  hangs: number;
  /** Files not in the JSON report. */
  unreported: number;
  /** Peak resident memory of a lint process (KiB), when /proc gives it. */
  peakRssKiB: number;
  failures: string[];
}

const STACK = /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at file:\/\//;

function runCli(args: string[], cwd: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean; rssKiB: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let rssKiB = 0;
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // sample the child's resident set while it runs (Linux /proc)
    const sample = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) rssKiB = Math.max(rssKiB, Number(m[1]));
      } catch {
        // ended, or no /proc
      }
    }, 50);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(sample);
      resolve({ code, stdout, stderr, timedOut, rssKiB });
    });
  });
}

export interface FuzzOptions {
  seed: number;
  /** Mutated files linted by the CLI (in batches of `batch`). */
  lintCases: number;
  /** Mutated files drawn by the render API. */
  renderCases: number;
  /** Mutated files built by the build API (HTML, --force), in batches. */
  buildCases: number;
  batch?: number;
  /** Per lint batch / per render or build case. */
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Runs the fuzz cases and returns the figures; never throws for a finding (it is counted). */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzFigures> {
  const r = rng(opts.seed);
  const seeds = corpus();
  const pick = () => seeds[Math.floor(r() * seeds.length)];
  const batch = opts.batch ?? 50;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const figures: FuzzFigures = { cases: 0, crashes: 0, hangs: 0, unreported: 0, peakRssKiB: 0, failures: [] };
  const total = opts.lintCases + opts.renderCases + opts.buildCases;
  const fail = (kind: 'crashes' | 'hangs' | 'unreported', what: string) => {
    figures[kind]++;
    if (figures.failures.length < 20) figures.failures.push(what);
  };
  const work = mkdtempSync(path.join(tmpdir(), 'sop-fuzz-'));
  try {
    // ---- lint: the CLI, JSON report ----
    for (let done = 0; done < opts.lintCases; done += batch) {
      const dir = path.join(work, `lint-${done}`);
      mkdirSync(dir);
      const n = Math.min(batch, opts.lintCases - done);
      const names: string[] = [];
      for (let i = 0; i < n; i++) {
        const name = `f${String(done + i).padStart(5, '0')}.md`;
        writeFileSync(path.join(dir, name), mutate(pick().bytes, r));
        names.push(name);
      }
      const res = await runCli(['lint', '--format', 'json', ...names], dir, timeoutMs);
      figures.cases += n;
      figures.peakRssKiB = Math.max(figures.peakRssKiB, res.rssKiB);
      if (res.timedOut) fail('hangs', `lint batch ${done}: no result within ${timeoutMs} ms`);
      else if (res.code !== 0 && res.code !== 1) fail('crashes', `lint batch ${done}: exit ${res.code}: ${res.stderr.slice(0, 300)}`);
      else if (STACK.test(res.stderr) || STACK.test(res.stdout)) fail('crashes', `lint batch ${done}: stack trace: ${res.stderr.slice(0, 300)}`);
      else {
        let report: { filePath: string }[];
        try {
          report = JSON.parse(res.stdout) as { filePath: string }[];
        } catch {
          fail('crashes', `lint batch ${done}: output is not JSON`);
          continue;
        }
        const seen = new Set(report.map((x) => path.basename(x.filePath)));
        for (const nm of names) if (!seen.has(nm)) fail('unreported', `lint batch ${done}: ${nm} not reported`);
      }
      rmSync(dir, { recursive: true, force: true });
      opts.onProgress?.(figures.cases, total);
    }
    // ---- render: the API, flow-table SVG (no browser) ----
    for (let i = 0; i < opts.renderCases; i++) {
      const dir = path.join(work, `render-${i}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'sop.md'), mutate(pick().bytes, r));
      const started = Date.now();
      try {
        await withTimeout(renderSop({ cwd: dir, file: 'sop.md', format: 'svg' }), timeoutMs);
      } catch (err) {
        if (err instanceof TimeoutError) fail('hangs', `render ${i}: no result within ${timeoutMs} ms`);
        else if (!isOrderly(err)) fail('crashes', `render ${i}: ${err instanceof Error ? err.stack?.split('\n').slice(0, 3).join(' | ') : String(err)}`);
      }
      if (Date.now() - started > timeoutMs) fail('hangs', `render ${i}: ${Date.now() - started} ms`);
      figures.cases++;
      rmSync(dir, { recursive: true, force: true });
      opts.onProgress?.(figures.cases, total);
    }
    // ---- build: the API, HTML only, --force so lint errors do not stop it ----
    const buildBatch = Math.max(1, Math.floor(batch / 2));
    for (let done = 0; done < opts.buildCases; done += buildBatch) {
      const dir = path.join(work, `build-${done}`);
      mkdirSync(dir);
      const n = Math.min(buildBatch, opts.buildCases - done);
      for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `f${i}.md`), mutate(pick().bytes, r));
      try {
        await withTimeout(build({ cwd: dir, formats: ['html'], force: true, outDir: path.join(dir, '_site'), cacheDir: path.join(dir, '.cache') }), timeoutMs * 2);
      } catch (err) {
        if (err instanceof TimeoutError) fail('hangs', `build batch ${done}: no result`);
        else if (!isOrderly(err)) fail('crashes', `build batch ${done}: ${err instanceof Error ? err.stack?.split('\n').slice(0, 3).join(' | ') : String(err)}`);
      }
      figures.cases += n;
      rmSync(dir, { recursive: true, force: true });
      opts.onProgress?.(figures.cases, total);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return figures;
}

class TimeoutError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimeoutError('timeout')), ms)))]).finally(() => clearTimeout(timer));
}

/** Errors the API is meant to throw for bad input (usage, config): a message for the user, not a crash. */
function isOrderly(err: unknown): boolean {
  const name = (err as Error | undefined)?.name;
  return name === 'SopUsageError' || name === 'SopConfigError' || name === 'SopWriteError';
}
