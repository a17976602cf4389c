// Format 1.1 fixtures modelled on published SOPs (test/fixtures/format-1.1, sources in each file's
// header): exactly the diagnostics expected (rule id, severity, line, column), the flow model each
// construct gives, and `sop lint` exiting 0 when there are only warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintTexts } from '../../src/api/lint.js';
import { buildFlowModel } from '../../src/model/flow.js';
import { parse } from 'yaml';
import { NOW } from './rule-tester.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, 'test/fixtures/format-1.1');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const modelOf = (name: string) => buildFlowModel(parse(read(name).split('---\n')[1]));

async function diagnostics(name: string): Promise<string[]> {
  const [r] = await lintTexts([{ file: name, text: read(name) }], { now: NOW, cwd: dir });
  return r.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}`);
}

test('pengurusan-surat-masuk: chains Sekretaris -> Lurah (diamond) -> JFU; only the unlabelled diamond is warned', async () => {
  assert.deepEqual(await diagnostics('pengurusan-surat-masuk.md'), ['decision-unlabelled warning 42:18']);
  const model = modelOf('pengurusan-surat-masuk.md');
  assert.deepEqual(model.rows.map((r) => r.chain?.map((n) => n.lanes[0].actorId).join('>') ?? r.actorId), ['jfu', 'sekretaris>lurah>jfu', 'sekretaris>lurah>jfu', 'jfu']);
  assert.equal(model.totalText, '25 menit');
});

test('pengaduan-masyarakat: two starts, "-" times, a subject-first kegiatan and no NIP: warnings only', async () => {
  assert.deepEqual(await diagnostics('pengaduan-masyarakat.md'), [
    'nip-missing warning 14:1',
    'waktu-format warning 40:12',
    'active-verb warning 42:15',
    'waktu-format warning 50:12',
    'waktu-format warning 60:12',
  ]);
  const model = modelOf('pengaduan-masyarakat.md');
  assert.deepEqual(model.nodes.filter((n) => n.start).map((n) => n.row), [0, 1]);
  assert.equal(model.totalUncounted, 2);
  assert.equal(model.totalNote, 'tidak termasuk 2 kegiatan tanpa baku waktu');
});

test('sop lint on an e-signed file with "-" times, month dates and tte without NIP exits 0 with warnings only', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/sop.js'), 'lint', 'pengaduan-elektronik.md', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const results = JSON.parse(r.stdout) as { messages?: { ruleId: string; severity: number; line: number; column: number }[] }[];
  const ds = results.flatMap((x) => x.messages ?? []).map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}`);
  assert.deepEqual(ds, ['waktu-format 1 41:12', 'waktu-format 1 51:12', 'waktu-format 1 61:12']);
});

test('pengendalian-pelaksanaan-kontrak: 30 rows, 11 joint PPK dan Penyedia steps, 18 optional steps; only "no standard" times warned', async () => {
  assert.deepEqual(await diagnostics('pengendalian-pelaksanaan-kontrak.md'), [
    'waktu-format warning 61:12',
    'waktu-format warning 84:12',
    'waktu-format warning 117:12',
    'waktu-format warning 123:12',
    'waktu-format warning 147:12',
    'waktu-format warning 171:12',
  ]);
  const model = modelOf('pengendalian-pelaksanaan-kontrak.md');
  assert.equal(model.rows.length, 30);
  const joint = model.rows.filter((r) => r.lanes?.map((l) => l.actorId).join('+') === 'ppk+penyedia');
  assert.equal(joint.length, 11);
  // A joint step is one node spanning both lanes, not two rows.
  assert.equal(model.nodes.length, 30);
  assert.equal(model.rows.filter((r) => r.optional).length, 18);
  assert.equal(model.rows[3].optionalNote, 'Apabila diperlukan');
  // The counted path answers every decision yes: row 11 goes straight to the hand-over (row 21).
  assert.deepEqual(model.mainPath, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
  assert.equal(model.totalUncounted, 3);
});

test('izin-pemanfaatan-air-tanah: 7 actors, 10 rows, 5 unlabelled decisions, a rate and an actor named in the wrong column', async () => {
  assert.deepEqual(await diagnostics('izin-pemanfaatan-air-tanah.md'), [
    'decision-unlabelled warning 51:14',
    'active-verb warning 53:15',
    'pelaksana-mismatch warning 53:15',
    'decision-unlabelled warning 71:14',
    'decision-unlabelled warning 81:14',
    'decision-unlabelled warning 90:14',
    'decision-unlabelled warning 98:14',
  ]);
  const model = modelOf('izin-pemanfaatan-air-tanah.md');
  assert.equal(model.actors.length, 7);
  assert.equal(model.rows.filter((r) => r.decision?.unlabelled).length, 5);
  assert.ok(model.edges.filter((e) => e.kind !== 'next').every((e) => e.label === ''));
  assert.equal(model.rows[1].waktuKind, 'rate');
  assert.equal(model.totalNote, 'tidak termasuk 1 kegiatan tanpa baku waktu');
});

test('perizinan-rekomendasi-teknis: extra start, fork and join, 5a/5b numbers, a chain loop, the SOP naming itself', async () => {
  assert.deepEqual(await diagnostics('perizinan-rekomendasi-teknis.md'), [
    'keterkaitan-self warning 25:5',
    'waktu-format warning 50:12',
    'row-number-override warning 68:9',
    'row-number-override warning 75:9',
    'row-number-override warning 81:9',
    'row-number-override warning 87:9',
    'row-number-override warning 100:9',
  ]);
  const model = modelOf('perizinan-rekomendasi-teknis.md');
  assert.deepEqual(model.nodes.filter((n) => n.start).map((n) => n.row), [0, 1]);
  assert.deepEqual(model.rows[3].fork?.map((t) => (t.kind === 'row' ? t.index : t.kind)), [4, 5]);
  assert.deepEqual(model.rows.map((r) => r.no ?? String(r.number)), ['1', '2', '3', '4', '5a', '5b', '6', '7', '8']);
  const chain = model.rows[7].chain!;
  assert.deepEqual(chain.map((n) => n.text), ['Paraf', 'Setuju?']);
  assert.deepEqual(chain[1].decision?.no, { kind: 'row', index: 7, item: 0 });
  // The fork's total follows its longest branch (3 hari kerja beats 1 jam).
  assert.ok(model.mainPath.includes(4) && !model.mainPath.includes(5), String(model.mainPath));
  assert.equal(model.totalText, '4 hari kerja 3 jam 5 menit');
});

test('every format 1.1 fixture lints with exit 0 from the command line (warnings only)', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/sop.js'), 'lint', '.'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /0 error|0 kesalahan/);
});
