// Counts the instructions `sop lint` executes on a generated corpus (valgrind callgrind, node --jitless), for
// two or more sop builds side by side: a figure that does not move with the machine's load, unlike seconds.
// Usage: node lint-instructions.mjs [--size 300] <sop-root-or-bin> [<sop-root-or-bin> ...]
// (default: this checkout only). The first build is the baseline; the others are given relative to it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--size');
const size = at === -1 ? 300 : Number(args.splice(at, 2)[1]);
const builds = (args.length ? args : [dirname(BENCH)]).map((p) => {
  const abs = resolve(p);
  return statSync(abs).isDirectory() ? join(abs, 'bin/sop.js') : abs;
});

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('valgrind is not installed (Debian: apt-get install -y valgrind)');
  process.exit(2);
}
for (const bin of builds) if (!existsSync(bin)) throw new Error(`no sop entry at ${bin}`);

const work = mkdtempSync(join(tmpdir(), 'sop-lint-ir-'));
try {
  const corpus = join(work, 'corpus');
  const gen = spawnSync(process.execPath, [join(BENCH, 'lint-gen.mjs'), String(size), corpus, '--seed', '35'], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`lint-gen failed: ${gen.stderr}`);
  const rows = builds.map((bin, i) => {
    const out = join(work, `callgrind-${i}.out`);
    // --jitless: the interpreter only, so the count does not depend on when the JIT's threads ran
    const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--jitless', bin, 'lint', '.', '--format', 'json'], { cwd: corpus, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${bin}: exit ${r.status}: ${r.stderr.slice(-400)}`);
    const m = /Collected : (\d+)/.exec(r.stderr);
    if (!m) throw new Error(`${bin}: no instruction count in valgrind's output`);
    return { bin, instructions: Number(m[1]), invalidFiles: JSON.parse(r.stdout).filter((x) => x.errorCount > 0).length };
  });
  const base = rows[0].instructions;
  console.log(`sop lint, ${size} generated SOPs, instructions (callgrind, --jitless)\n`);
  console.log('| build | instructions | vs first | files with errors |\n|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.bin} | ${(r.instructions / 1e9).toFixed(2)} G | ${((r.instructions / base - 1) * 100).toFixed(1)}% | ${r.invalidFiles} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
