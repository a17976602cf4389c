// The work splitter: worker threads really take batches, and a run below the threshold stays on one thread.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRulesEnabled, runProjectRules, type EngineRun } from '../../src/lint/engine.js';
import { lintWorkspace, workspaceLocator, type RunStats } from '../../src/lint/run.js';
import { resolveRuleSettings } from '../../src/lint/settings.js';
import { openWorkspace } from '../../src/workspace/workspace.js';
import { NOW } from './rule-tester.js';
import { IDENTITY, sop } from './sop-text.js';

describe('lintWorkspace', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sop-lint-run-'));
    for (let i = 0; i < 200; i++) {
      const identity = IDENTITY.replace('"800/001/SOP/BKD/2025"', `"800/${i}/SOP/BKD/2025"`).replace('Cuti Tahunan', `Cuti ${i}`);
      writeFileSync(path.join(dir, `sop-${String(i).padStart(3, '0')}.md`), sop({ identity }));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(workers: number | undefined, mainThread?: boolean) {
    const ws = await openWorkspace({ cwd: dir });
    const settings = await resolveRuleSettings(ws.config);
    const engine: EngineRun = { settings, lang: 'id', now: NOW, config: ws.config.config, facts: projectRulesEnabled(settings) };
    const stats: RunStats = { workers: 0, workerBatches: 0, workerErrors: [] };
    const outcomes = await lintWorkspace(ws, engine, { workers, stats, mainThread });
    await runProjectRules(outcomes, engine, workspaceLocator(ws));
    return { outcomes, stats };
  }

  it('worker threads take part of the batches and every file comes back once', async () => {
    // the main thread stays out, so the two workers must do all 7 batches of 32 files
    const { outcomes, stats } = await run(2, false);
    assert.deepEqual(stats.workerErrors, []);
    assert.equal(stats.workers, 2);
    assert.equal(stats.workerBatches, 7);
    assert.equal(outcomes.length, 200);
    assert.equal(new Set(outcomes.map((o) => o.result.filePath)).size, 200);
    assert.ok(outcomes.every((o) => o.result.errorCount === 0 && o.facts?.nomor?.at[0] === 'nomor'));
  });

  it('stays on one thread below the threshold when left automatic', async () => {
    const { stats } = await run(undefined);
    assert.equal(stats.workers, 0);
  });
});
