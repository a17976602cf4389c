// Times `sop lint` on 1,000 SOPs with and without lifecycle records (inventory, two monitoring periods, evaluations), side by side in one run.
// Usage: node lifecycle.bench.mjs [--size 1000] [--runs 7]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const NODE = process.execPath;
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const size = Number(option('size', '1000'));
const runs = Number(option('runs', '7'));
const plain = join(BENCH, `corpus-life-${size}-plain`);
const withRecords = join(BENCH, `corpus-life-${size}-records`);

function sopFiles(dir) {
  const out = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...sopFiles(p));
    else if (n.endsWith('.md')) out.push(p);
  }
  return out;
}

const iso = (d) => d.toISOString().slice(0, 10);
const today = new Date();
const recent = iso(new Date(today.getTime() - 10 * 86400e3));
const earlier = iso(new Date(today.getTime() - 150 * 86400e3));
const half = (d) => `${d.slice(0, 4)}-S${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;

/** The same corpus, plus records covering every valid SOP: nothing is due, so both runs report the same SOP diagnostics. */
function writeRecords(dir) {
  const sops = [];
  for (const abs of sopFiles(dir)) {
    const text = readFileSync(abs, 'utf8');
    const m = /^---\n([\s\S]*?)\n---/.exec(text);
    let data;
    try {
      data = parse(m[1]);
    } catch {
      continue;
    }
    if (!data || typeof data.nomor !== 'string' || typeof data.nama !== 'string') continue;
    sops.push({ rel: relative(dir, abs), unit: relative(dir, abs).split('/')[0], nomor: data.nomor, nama: data.nama });
  }
  const rows = sops.map((s) => ({ tugas: `Tugas ${s.unit}`, fungsi: 'Fungsi pelayanan', uraian_tugas: 'Uraian tugas', kegiatan: 'Kegiatan', output: 'Output', aspek_kegiatan: 'Pelayanan', judul_sop: s.nama, peta_proses: `PB.${s.unit}` }));
  writeFileSync(join(dir, 'inventaris.yaml'), stringify({ unit: 'Pemerintah Kabupaten', baris: rows }));
  const units = [...new Set(sops.map((s) => s.unit))];
  for (const [periodDate, periode] of [[earlier, half(earlier)], [recent, half(recent)]]) {
    for (const unit of units) {
      mkdirSync(join(dir, 'monev', periode), { recursive: true });
      const baris = sops.filter((s) => s.unit === unit).map((s) => ({ prosedur: s.nomor, penilaian: 'baik', catatan: 'Dilaksanakan sesuai SOP', tindakan: '-', paraf: 'AB' }));
      writeFileSync(join(dir, 'monev', periode, `${unit}.yaml`), stringify({ periode, unit, tanggal: periodDate, penilai: { nama: 'Penilai', jabatan: 'Kepala Bidang' }, baris }));
    }
  }
  mkdirSync(join(dir, 'evaluasi'), { recursive: true });
  const ya = Object.fromEntries(['mendorong-kinerja', 'mudah-dipahami', 'mudah-dilaksanakan', 'menjalankan-peran', 'mengatasi-permasalahan', 'menjawab-kebutuhan', 'sinergi'].map((k) => [k, 'ya']));
  const due = iso(new Date(today.getTime() + 60 * 86400e3));
  for (const unit of units) {
    const sop = sops.filter((s) => s.unit === unit).map((s, i) => ({
      prosedur: s.nomor,
      kriteria: i % 10 === 0 ? { ...ya, 'mudah-dipahami': { hasil: 'tidak', catatan: 'Perlu disederhanakan', tindak_lanjut: { uraian: 'Merevisi SOP', batas_waktu: due } } } : ya,
    }));
    writeFileSync(join(dir, 'evaluasi', `${unit}.yaml`), stringify({ tanggal: earlier, tim: [{ nama: 'Ketua Tim', jabatan: 'Sekretaris' }], sop }, { aliasDuplicateObjects: false }));
  }
  return { sops: sops.length, units: units.length };
}

if (!existsSync(join(plain, 'manifest.json')) || JSON.parse(readFileSync(join(plain, 'manifest.json'), 'utf8')).count !== size) {
  rmSync(plain, { recursive: true, force: true });
  const r = spawnSync(NODE, [join(BENCH, 'lint-gen.mjs'), String(size), plain], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}
rmSync(withRecords, { recursive: true, force: true });
cpSync(plain, withRecords, { recursive: true });
const made = writeRecords(withRecords);
const recordBytes = ['inventaris.yaml', 'monev', 'evaluasi'].reduce((n, p) => n + sizeOf(join(withRecords, p)), 0);
function sizeOf(p) {
  const s = statSync(p);
  return s.isDirectory() ? readdirSync(p).reduce((n, c) => n + sizeOf(join(p, c)), 0) : s.size;
}

const lintOnce = (dir) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(NODE, [join(ROOT, 'bin/sop.js'), 'lint', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`sop lint failed in ${dir}: ${r.stderr}`);
  const json = JSON.parse(r.stdout);
  return { ms, diagnostics: json.reduce((n, f) => n + f.messages.length, 0), files: json.length };
};

// one untimed run each: the record run must report what the plain one does, and nothing more
const a = lintOnce(plain);
const b = lintOnce(withRecords);
const times = { plain: [], records: [] };
for (let i = 0; i < runs; i++) {
  // interleaved, so load on the machine hits both alike
  times.plain.push(lintOnce(plain).ms);
  times.records.push(lintOnce(withRecords).ms);
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const mp = median(times.plain);
const mr = median(times.records);
const lines = [
  `# sop lint with and without lifecycle records (${size} SOPs, ${runs} interleaved runs, ${cpus().length} vCPU, Node ${process.versions.node})`,
  '',
  `records: inventaris.yaml (${made.sops} rows), 2 periods x ${made.units} monitoring sheets (${made.sops} rows each period), ${made.units} evaluation files (${made.sops} SOPs); ${(recordBytes / 1024).toFixed(0)} KiB of YAML`,
  '',
  '| corpus | median ms | min ms | max ms | diagnostics |',
  '|---|---|---|---|---|',
  `| SOPs only | ${mp.toFixed(0)} | ${Math.min(...times.plain).toFixed(0)} | ${Math.max(...times.plain).toFixed(0)} | ${a.diagnostics} |`,
  `| SOPs + records | ${mr.toFixed(0)} | ${Math.min(...times.records).toFixed(0)} | ${Math.max(...times.records).toFixed(0)} | ${b.diagnostics} |`,
  '',
  `ratio (records / plain, medians): ${(mr / mp).toFixed(3)} (target <= 1.10)`,
];
if (b.diagnostics !== a.diagnostics) lines.push('', `WARNING: the record run reported ${b.diagnostics - a.diagnostics} more diagnostics than the plain one; the comparison is not like for like`);
mkdirSync(join(BENCH, 'out'), { recursive: true });
writeFileSync(join(BENCH, 'out/lifecycle-bench.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
