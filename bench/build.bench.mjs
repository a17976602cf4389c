// Benchmarks `sop build` (PDFs with flow tables, the pack, incremental rebuilds) against md-to-pdf on the same SOPs as plain Markdown.
// Usage: node bench/build.bench.mjs [--runs N] [--skip-md-to-pdf]   (run `npm run build` first: it times bin/sop.js, which runs the bundle it makes)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const examples = join(root, 'examples');
const out = join(here, 'out');
const peerDir = join(here, 'md-to-pdf');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const skipPeer = args.includes('--skip-md-to-pdf');
const chromium = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';

// ---------- corpus: the example SOPs, cloned with their own numbers, names and links ----------

function exampleSops() {
  const list = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') && readFileSync(p, 'utf8').startsWith('---')) list.push(p);
    }
  };
  for (const d of readdirSync(examples, { withFileTypes: true })) if (d.isDirectory() && d.name !== 'assets') walk(join(examples, d.name));
  return list.sort();
}

function splitSop(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return { data: parse(m[1]), body: m[2] };
}

/** N SOPs: copy k of example i gets nomor 800/<n>/..., name "<name> <k>", and links to copy k of its related SOPs. */
function makeCorpus(n, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(examples, 'assets'), join(dir, 'assets'), { recursive: true });
  for (const f of ['keputusan.md', 'penjelasan.md']) cpSync(join(examples, f), join(dir, f));
  const config = parse(readFileSync(join(examples, 'sop.config.yaml'), 'utf8'));
  config.rules = { ...(config.rules ?? {}), 'nomor-pattern': 'off' };
  delete config.output;
  writeFileSync(join(dir, 'sop.config.yaml'), stringify(config));
  const sources = exampleSops().map((p) => ({ rel: relative(examples, p), ...splitSop(readFileSync(p, 'utf8')) }));
  const names = new Map(sources.map((s) => [s.data.nama, s]));
  const plain = [];
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length];
    const copy = Math.floor(i / sources.length) + 1;
    const data = structuredClone(src.data);
    const suffix = copy === 1 ? '' : ` ${copy}`;
    data.nomor = `800/${String(i + 1).padStart(3, '0')}/SOP/BKPSDM/2025`;
    data.nama = `${src.data.nama}${suffix}`;
    if (Array.isArray(data.keterkaitan)) {
      // Keep a link only when the related SOP has a copy with the same number in the corpus.
      data.keterkaitan = data.keterkaitan
        .map((k) => (names.has(k) && sources.indexOf(names.get(k)) + (copy - 1) * sources.length < n ? `${k}${suffix}` : null))
        .filter(Boolean);
      if (data.keterkaitan.length === 0) data.keterkaitan = '-';
    }
    const rel = src.rel.replace(/\.md$/, copy === 1 ? '.md' : `-${copy}.md`);
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), `---\n${stringify(data)}---\n${src.body}`);
    plain.push({ rel, data, body: src.body });
  }
  return plain;
}

/** The same SOP as plain Markdown (identity and procedure as GFM tables), for md-to-pdf. */
function plainMarkdown({ data, body }) {
  const cell = (v) => String(v ?? '-').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const list = (v) => (Array.isArray(v) ? v.map((x, i) => `${i + 1}. ${cell(x)}`).join('<br>') : cell(v));
  const who = data.disahkan_oleh ?? {};
  const rows = [
    ['Nomor SOP', data.nomor], ['Tgl. Pembuatan', data.tanggal_pembuatan], ['Tgl. Revisi', data.tanggal_revisi],
    ['Tgl. Efektif', data.tanggal_efektif], ['Disahkan Oleh', `${who.jabatan ?? ''}<br><br>${who.nama ?? ''}<br>NIP. ${who.nip ?? ''}`],
    ['Nama SOP', data.nama], ['Dasar Hukum', list(data.dasar_hukum)], ['Kualifikasi Pelaksana', list(data.kualifikasi_pelaksana)],
    ['Keterkaitan', list(data.keterkaitan)], ['Peralatan/Perlengkapan', list(data.peralatan_perlengkapan)],
    ['Peringatan', list(data.peringatan)], ['Pencatatan dan Pendataan', list(data.pencatatan_pendataan)],
  ];
  const actors = Object.entries(data.pelaksana ?? {});
  const head = ['No', 'Kegiatan', ...actors.map(([, t]) => t), 'Kelengkapan', 'Waktu', 'Output', 'Keterangan'];
  const steps = (data.prosedur ?? []).map((r, i) => [
    i + 1, r.kegiatan, ...actors.map(([id]) => (id === r.pelaksana ? (r.keputusan ? '◇' : '▭') : '')),
    list(r.kelengkapan), r.waktu, list(r.output), r.keterangan ?? '',
  ]);
  const table = (h, rs) => [`| ${h.map(cell).join(' | ')} |`, `|${h.map(() => '---').join('|')}|`, ...rs.map((r) => `| ${r.map((c) => (typeof c === 'string' && c.includes('<br>') ? c : cell(c))).join(' | ')} |`)].join('\n');
  return `# ${cell(data.nama)}\n\n${(data.instansi ?? []).join('<br>')}\n\n${table(['Identitas', ''], rows)}\n\n## Prosedur\n\n${table(head, steps)}\n\n## Catatan\n\n${body}\n`;
}

// ---------- runners ----------

/** Runs a command, timing it and sampling the CPU seconds of its whole process tree. */
async function time(label, cmd, argv, opts = {}) {
  const cpuFile = join(out, `cpu-${process.pid}.json`);
  rmSync(cpuFile, { force: true });
  const t0 = process.hrtime.bigint();
  const child = spawn(cmd, argv, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = spawn(process.execPath, [join(here, 'build.bench.cpu.mjs'), String(child.pid), cpuFile], { stdio: 'ignore' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  await new Promise((resolve) => (sampler.exitCode !== null ? resolve() : sampler.on('close', resolve)));
  if (code !== 0) {
    console.error(`${label} failed (exit ${code}):\n${stdout}\n${stderr}`);
    process.exit(1);
  }
  let cpu = null;
  try {
    cpu = +Object.values(JSON.parse(readFileSync(cpuFile, 'utf8'))).reduce((a, c) => a + c, 0).toFixed(2);
  } catch {
    // the command ended before the first sample
  }
  return { ms, cpu, stdout, stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sop = (dir, extra = []) => ['bin/sop.js', 'build', dir, '--quiet', ...extra];

function ensurePeer() {
  if (existsSync(join(peerDir, 'node_modules', 'md-to-pdf'))) return;
  console.log('installing md-to-pdf into bench/md-to-pdf (PUPPETEER_SKIP_DOWNLOAD=1) ...');
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: peerDir, stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
}

async function mdToPdf(files, cwd) {
  const bin = join(peerDir, 'node_modules', '.bin', 'md-to-pdf');
  const config = join(out, 'md-to-pdf.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      launch_options: { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] },
      pdf_options: { format: 'A4', landscape: true, printBackground: true, margin: { top: '12mm', right: '12mm', bottom: '14mm', left: '15mm' } },
    }),
  );
  return await time('md-to-pdf', bin, ['--config-file', config, ...files], { cwd });
}

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const results = { machine: { cpus: os.availableParallelism(), load: os.loadavg().map((x) => +x.toFixed(2)), node: process.version }, runs };

// 10 SOPs: sop build --format pdf (flow tables, pack) vs md-to-pdf (plain tables), each from a cold process and empty caches.
const c10 = join(here, 'corpus-build-10');
const plain10 = makeCorpus(10, c10);
const plainDir = join(c10, '_plain');
mkdirSync(plainDir, { recursive: true });
const plainFiles = plain10.map((s, i) => {
  const f = join(plainDir, `sop-${String(i + 1).padStart(2, '0')}.md`);
  writeFileSync(f, plainMarkdown(s));
  return f;
});
const sop10 = [];
const peer10 = [];
const sop10cpu = [];
const peer10cpu = [];
if (!skipPeer) ensurePeer();
for (let r = 0; r < runs; r++) {
  // Alternate the order so drifting machine load hits both alike.
  const order = r % 2 === 0 ? ['sop', 'peer'] : ['peer', 'sop'];
  for (const who of order) {
    if (who === 'sop') {
      rmSync(join(c10, '_site'), { recursive: true, force: true });
      rmSync(join(c10, '.sop-cache'), { recursive: true, force: true });
      const r = await time('sop build (10)', process.execPath, sop(c10, ['--format', 'pdf']), { cwd: root });
      sop10.push(r.ms);
      sop10cpu.push(r.cpu);
    } else if (!skipPeer) {
      for (const f of plainFiles) rmSync(f.replace(/\.md$/, '.pdf'), { force: true });
      const r = await mdToPdf(plainFiles, plainDir);
      peer10.push(r.ms);
      peer10cpu.push(r.cpu);
    }
  }
}
results.tenSops = {
  sopBuildPdfMs: sop10,
  mdToPdfMs: peer10,
  sopCpuS: sop10cpu,
  mdToPdfCpuS: peer10cpu,
  sopMedianMs: median(sop10),
  mdToPdfMedianMs: peer10.length ? median(peer10) : null,
};
if (peer10.length) results.tenSops.ratio = +(median(sop10) / median(peer10)).toFixed(2);

// 100 SOPs: full build (site + per-SOP PDFs + pack), then an unchanged rebuild, then one SOP changed.
const c100 = join(here, 'corpus-build-100');
const plain100 = makeCorpus(100, c100);
const full = [];
const noop = [];
const one = [];
const fullCpu = [];
const oneCpu = [];
for (let r = 0; r < runs; r++) {
  rmSync(join(c100, '_site'), { recursive: true, force: true });
  rmSync(join(c100, '.sop-cache'), { recursive: true, force: true });
  const f = await time('sop build (100)', process.execPath, sop(c100), { cwd: root });
  full.push(f.ms);
  fullCpu.push(f.cpu);
  noop.push((await time('sop build (100, unchanged)', process.execPath, sop(c100), { cwd: root })).ms);
  // Change one SOP's body and one activity: its page, its PDF, the pack and the catalogue must be redone.
  const victim = join(c100, plain100[7].rel);
  const text = readFileSync(victim, 'utf8');
  writeFileSync(victim, text.replace(/waktu: ([0-9]+) menit/, (_m, n) => `waktu: ${Number(n) + 1 + r} menit`) + `\nPerubahan ke-${r + 1}.\n`);
  const res = await time('sop build (100, one changed)', process.execPath, sop(c100), { cwd: root });
  one.push(res.ms);
  oneCpu.push(res.cpu);
}
const pack = join(c100, '_site', 'sop-bkpsdm-2025.pdf');
const pages = existsSync(pack) ? Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pack], { encoding: 'utf8' }))?.[1]) : null;
results.hundredSops = {
  fullMs: full,
  fullMedianMs: median(full),
  fullCpuS: fullCpu,
  oneChangedCpuS: oneCpu,
  unchangedMs: noop,
  oneChangedMs: one,
  oneChangedMedianMs: median(one),
  oneChangedShare: +(median(one) / median(full)).toFixed(3),
  packPages: pages,
};

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
results.machine.loadAfter = os.loadavg().map((x) => +x.toFixed(2));
writeFileSync(join(out, 'build-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
const cpu = (xs) => (xs.length && xs[0] !== null ? `, ${median(xs)} CPU-s` : '');
console.log(`machine: ${results.machine.cpus} cores, load ${results.machine.load.join(' ')} -> ${results.machine.loadAfter.join(' ')}, node ${results.machine.node}`);
console.log(`10 SOPs -> PDF: sop build ${s(results.tenSops.sopMedianMs)}${cpu(sop10cpu)}${peer10.length ? `; md-to-pdf ${s(results.tenSops.mdToPdfMedianMs)}${cpu(peer10cpu)} (ratio ${results.tenSops.ratio}, target <= 1.0)` : ''}`);
console.log(`100 SOPs full build (site + PDFs + pack, ${pages} pack pages): ${s(results.hundredSops.fullMedianMs)}${cpu(fullCpu)} (target <= 20 s)`);
console.log(`100 SOPs unchanged rebuild: ${s(median(noop))}`);
console.log(`100 SOPs one SOP changed: ${s(results.hundredSops.oneChangedMedianMs)}${cpu(oneCpu)} = ${(results.hundredSops.oneChangedShare * 100).toFixed(1)}% of a full build (target <= 15%)`);
console.log(`details: ${relative(root, join(out, 'build-bench.json'))}`);
