// Words of thousands of characters (a pasted hash, a run of letters, a 1 MB token) wrap in time
// proportional to their length: hyphenated between syllables while possible, then cut; no line is
// wider than its cell and no character is lost. (Before: every line hyphenated the whole rest of
// the word, so a 200 KB word took hours.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureText } from '../../../src/render/flowtable/index.js';
import { hyphenatedWordWidth, measureRuns, wrapInline, wrapText } from '../../../src/render/flowtable/font.js';
import { syllableBreaks } from '../../../src/render/flowtable/hyphenate.js';
import { renderFlowTable } from '../../../src/render/flowtable/index.js';
import { buildModel } from './model-fixtures.js';

/** The word back from its lines: a hyphen the wrapper added at a line end is dropped. */
function rejoin(lines: { text: string }[], word: string): string {
  let out = '';
  for (const l of lines) {
    const next = word.slice(out.length);
    out += l.text.endsWith('-') && !next.startsWith(l.text) ? l.text.slice(0, -1) : l.text;
  }
  return out;
}

for (const [name, word] of [
  ['letters (syllable breaks)', 'pelaksanaan'.repeat(20_000)],
  ['digits (no syllable break: cut)', '7'.repeat(200_000)],
  ['letters with a long code inside', `${'verifikasi'.repeat(5000)}${'0123456789'.repeat(5000)}${'persetujuan'.repeat(5000)}`],
] as const) {
  test(`a ${word.length}-character word of ${name} wraps within the cell, nothing lost`, { timeout: 60_000 }, () => {
    const maxWidth = 60;
    const lines = wrapText(`Awal ${word} akhir`, maxWidth, 8);
    assert.ok(lines.length > word.length / 40, `${lines.length} lines`);
    for (const l of lines) assert.ok(l.width <= maxWidth + 1e-6 && Math.abs(l.width - measureText(l.text, 8)) < 1e-6, `line ${JSON.stringify(l.text)} is ${l.width} pt`);
    assert.equal(lines[0].text, 'Awal');
    assert.equal(lines.at(-1)!.text.endsWith('akhir'), true);
    const inner = lines.slice(1);
    const last = inner.at(-1)!;
    inner[inner.length - 1] = { ...last, text: last.text.replace(/ akhir$/, '') };
    assert.equal(rejoin(inner, word), word);
  });
}

test('a word past 256 characters takes the long path and still hyphenates between syllables', () => {
  const long = wrapText('pertanggungjawabannya'.repeat(15), 40, 8);
  assert.ok(long.length > 10);
  assert.ok(long.slice(0, -1).every((l) => l.text.endsWith('-')), long.map((l) => l.text).join('|'));
});

test('hyphenatedWordWidth of a long word equals the exhaustive answer', () => {
  const word = 'administrasipemerintahan'.repeat(13); // 312 characters: the running-sum path
  let best = measureText(word, 1);
  for (const b of syllableBreaks(word)) {
    const head = word.slice(0, b);
    best = Math.min(best, Math.max(measureText(/[-/]$/.test(head) ? head : `${head}-`, 1), measureText(word.slice(b), 1)));
  }
  assert.ok(Math.abs(hyphenatedWordWidth(word, 9) - best * 9) < 1e-9);
  assert.ok(hyphenatedWordWidth('x'.repeat(1_000_000), 9) > 0);
});

test('a flow table whose kegiatan is one 100 KB word is drawn with every character of it', { timeout: 120_000 }, () => {
  const word = 'berkaspermohonan'.repeat(6400);
  const model = buildModel(['Pemohon', 'Petugas'], [
    { actor: 0, kegiatan: 'Mengajukan permohonan' },
    { actor: 1, kegiatan: `Memeriksa ${word}` },
    { actor: 0, kegiatan: 'Menerima hasil' },
  ]);
  const r = renderFlowTable(model, { paper: 'A4' });
  const svg = r.pages.map((p) => p.svg).join('');
  // The row is taller than a page: its parts, page after page, hold the word's lines in order.
  assert.ok(r.pages.some((p) => p.continued?.row === 1));
  const cells = [...svg.matchAll(/<text data-row="1" data-col="kegiatan"[^>]*>(.*?)<\/text>/gs)].map((m) => m[1]);
  const lines = cells.flatMap((cell) => [...cell.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => ({ text: m[1] })));
  assert.equal(lines[0].text, 'Memeriksa');
  assert.equal(rejoin(lines.slice(1), word), word);
});

test('a long word that turns bold half-way (inline Markdown) keeps each line within the cell, measured in its faces', { timeout: 60_000 }, () => {
  const plain = 'penandatanganan'.repeat(2000);
  const strong = 'persetujuan'.repeat(2000);
  const lines = wrapInline([[{ text: plain }, { text: strong, strong: true }]], 50, 8);
  for (const l of lines) {
    const w = l.runs ? measureRuns(l.runs, 8) : measureText(l.text, 8);
    assert.ok(Math.abs(w - l.width) < 1e-6 && l.width <= 50 + 1e-6, `${l.text}: ${l.width} / ${w}`);
  }
  assert.equal(rejoin(lines, plain + strong), plain + strong);
  assert.ok(lines.some((l) => l.runs?.some((r) => r.strong)), 'the bold half is drawn bold');
});
