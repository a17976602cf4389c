// "Did you mean": the bounded edit distance gives the same suggestions as the full Levenshtein table, on seeded random
// words and candidate lists (ties included: the first nearest candidate wins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../src/schema/translate.js';
import { rng } from '../helpers/random.js';

/** The textbook table, as the code computed it before the bound. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function reference(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = fullDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

test('editDistance and didYouMean agree with the full table on 3,000 seeded cases', () => {
  const random = rng(35);
  // a small alphabet (with a capital) makes near words, ties and exact matches common
  const word = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => 'abcaB'[Math.floor(random() * 5)]).join('');
  let suggested = 0;
  for (let k = 0; k < 3000; k++) {
    const w = word(14);
    const candidates = Array.from({ length: 1 + Math.floor(random() * 8) }, () => word(14));
    const max = Math.floor(random() * 6);
    const full = fullDistance(w, candidates[0]);
    assert.equal(editDistance(w, candidates[0]), full, `${w} ${candidates[0]}`);
    assert.equal(editDistance(w, candidates[0], max), full <= max ? full : max + 1, `${w} ${candidates[0]} max ${max}`);
    const want = reference(w, candidates);
    assert.equal(didYouMean(w, candidates), want, `${w} in ${candidates.join(',')}`);
    if (want !== undefined) suggested++;
  }
  // the cases are not all misses
  assert.ok(suggested > 500, String(suggested));
});

test('didYouMean suggests the near key and nothing for a long hostile value', () => {
  assert.equal(didYouMean('pelaksanna', ['nomor', 'pelaksana', 'prosedur']), 'pelaksana');
  assert.equal(didYouMean('<img src=x onerror=alert(1)>'.repeat(50), ['nomor', 'pelaksana', 'prosedur']), undefined);
});
