// Branch labels wrap onto one, two or three lines split the most even (route.ts labelWraps). The splits are priced from
// prefix sums of word widths; this checks them against measuring every joined candidate, the way they were first
// computed, on labels of every length up to 40 words (and multiple spaces, which the lines join with one).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { labelWraps } from '../../../src/render/flowtable/route.js';
import { measureText } from '../../../src/render/flowtable/font.js';

/** The most even split of the words into `k` lines, each candidate measured as the joined text. */
function measuredSplit(words: string[], k: 2 | 3, size: number): string[] {
  const widest = (lines: string[]) => Math.max(...lines.map((l) => measureText(l, size)));
  let best: string[] | undefined;
  const n = words.length;
  if (k === 2) {
    for (let i = 1; i < n; i++) {
      const c = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
      if (!best || widest(c) < widest(best) - 1e-9) best = c;
    }
  } else {
    for (let i = 1; i < n - 1; i++)
      for (let j = i + 1; j < n; j++) {
        const c = [words.slice(0, i).join(' '), words.slice(i, j).join(' '), words.slice(j).join(' ')];
        if (!best || widest(c) < widest(best) - 1e-9) best = c;
      }
  }
  return best!;
}

/** A seeded generator, so a failure names a label that can be made again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const VOCABULARY = ['Ya', 'Tidak', 'lengkap', 'berkas', 'tidak', 'sesuai', 'WWWWWW', 'i', 'persetujuan', 'Kepala', 'Bidang', 'ﬁ', 'É', '→', 'ok', 'dikembalikan', 'MMM', 'l'];

describe('labelWraps', () => {
  it('yields the label itself first, then no wrap for a single word', () => {
    assert.deepEqual([...labelWraps('Lengkap', 6.5)], [['Lengkap']]);
    assert.deepEqual([...labelWraps('  Tidak  ', 6.5)], [['  Tidak  ']]);
  });

  it('two words: the label, then one word a line', () => {
    assert.deepEqual([...labelWraps('Tidak lengkap', 6.5)], [['Tidak lengkap'], ['Tidak', 'lengkap']]);
  });

  it('splits as evenly as measuring every joined candidate does, for 2 to 40 words', () => {
    const next = random(20261203);
    for (let n = 2; n <= 40; n++) {
      for (let round = 0; round < 6; round++) {
        const words = Array.from({ length: n }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]);
        // some labels carry runs of spaces: the wrapped lines join the words with one
        const label = words.map((w, i) => (i > 0 && next() < 0.2 ? '   ' : i > 0 ? ' ' : '') + w).join('');
        const size = [6, 6.5, 7.25][round % 3];
        const got = [...labelWraps(label, size)];
        const want = [[label], measuredSplit(words, 2, size), ...(n >= 3 ? [measuredSplit(words, 3, size)] : [])];
        assert.deepEqual(got, want, JSON.stringify({ label, size }));
      }
    }
  });
});
