// The fuzz suite in `npm test`: a few hundred seeded mutations of the examples and fixtures through
// lint (CLI, JSON), render and build; every outcome orderly, every file reported. Thousands: bench/fuzz.bench.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mutate, rng, runFuzz } from './harness.js';

describe('fuzz (seeded)', () => {
  it('mutations are reproducible from the seed', () => {
    const input = Buffer.from('---\nnama: A\n---\nisi\n');
    const a = mutate(input, rng(7));
    const b = mutate(input, rng(7));
    assert.deepEqual(a, b);
    assert.notDeepEqual(mutate(input, rng(8)), a);
  });

  it('lint, render and build stay orderly on 300 mutated SOPs', { timeout: 300_000 }, async () => {
    const f = await runFuzz({ seed: 16, lintCases: 200, renderCases: 60, buildCases: 40, batch: 50, timeoutMs: 60_000 });
    assert.equal(f.cases, 300);
    assert.deepEqual(f.failures, []);
    assert.equal(f.crashes, 0);
    assert.equal(f.hangs, 0);
    assert.equal(f.unreported, 0);
  });
});
