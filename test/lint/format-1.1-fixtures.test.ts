// Format 1.1 fixtures modelled on published SOPs (test/fixtures/format-1.1): exactly the diagnostics
// expected (rule id, severity, line, column), and `sop lint` exits 0 when there are only warnings.
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

async function diagnostics(name: string): Promise<string[]> {
  const [r] = await lintTexts([{ file: name, text: read(name) }], { now: NOW, cwd: dir });
  return r.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}`);
}

test('pengurusan-surat-masuk: chains Sekretaris -> Lurah (diamond) -> JFU; only the unlabelled diamond is warned', async () => {
  assert.deepEqual(await diagnostics('pengurusan-surat-masuk.md'), ['decision-unlabelled warning 42:18']);
  const model = buildFlowModel(parse(read('pengurusan-surat-masuk.md').split('---\n')[1]));
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
  const model = buildFlowModel(parse(read('pengaduan-masyarakat.md').split('---\n')[1]));
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
