// Positions in config files reached through `extends` are the same when lint runs in worker threads:
// a value from `defaults` of the inherited file is reported at its file:line:col, not in the nearest config.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRulesEnabled, type EngineRun } from '../../src/lint/engine.js';
import { lintWorkspace, type RunStats } from '../../src/lint/run.js';
import { resolveRuleSettings } from '../../src/lint/settings.js';
import { openWorkspace } from '../../src/workspace/workspace.js';
import { NOW } from './rule-tester.js';
import { IDENTITY, sop } from './sop-text.js';

describe('lint in worker threads with an extends chain', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sop-lint-extends-'));
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'bersama'));
    writeFileSync(path.join(dir, 'sop.config.yaml'), '# the unit config\nextends: bersama/dasar.yaml\n');
    // line 5 col 10: the NIP value, too short for nip-format
    writeFileSync(path.join(dir, 'bersama/dasar.yaml'), '# shared by every unit\ndefaults:\n  disahkan_oleh:\n    jabatan: Kepala Badan Kepegawaian Daerah\n    nip: "1975"\n    nama: Drs. Ahmad Suryadi, M.Si.\n');
    const identity = IDENTITY.replace(/disahkan_oleh:\n(  .*\n)+/, '');
    assert.doesNotMatch(identity, /disahkan_oleh/);
    for (let i = 0; i < 120; i++) {
      const own = identity.replace('"800/001/SOP/BKD/2025"', `"800/${i}/SOP/BKD/2025"`).replace('Cuti Tahunan', `Cuti ${i}`);
      writeFileSync(path.join(dir, `sop-${String(i).padStart(3, '0')}.md`), sop({ identity: own }));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(workers: number, mainThread: boolean) {
    const ws = await openWorkspace({ cwd: dir });
    const settings = await resolveRuleSettings(ws.config);
    const engine: EngineRun = { settings, lang: 'id', now: NOW, config: ws.config.config, facts: projectRulesEnabled(settings) };
    const stats: RunStats = { workers: 0, workerBatches: 0, workerErrors: [] };
    const outcomes = await lintWorkspace(ws, engine, { workers, stats, mainThread });
    const nip = outcomes.map((o) => o.result.diagnostics.filter((d) => d.ruleId === 'nip-format').map((d) => `${o.result.filePath} -> ${d.file}:${d.line}:${d.column}`));
    return { nip: nip.flat().sort(), stats };
  }

  it('reports the inherited default at bersama/dasar.yaml:5:10 from the workers as on the main thread', async () => {
    const main = await run(0, true);
    const workers = await run(2, false);
    assert.deepEqual(workers.stats.workerErrors, []);
    assert.ok(workers.stats.workerBatches > 0, 'the workers linted the files');
    assert.equal(main.nip.length, 120);
    assert.equal(main.nip[0], 'sop-000.md -> bersama/dasar.yaml:5:10');
    assert.deepEqual(workers.nip, main.nip);
  });
});
