// arimo-metrics.ts (the widths the renderer measures with) is what fontkit reads from the shipped woff2 files, code point by code point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Fontkit from 'fontkit';
import { FACES, TARGET, fontMetricsSource } from '../../../scripts/build-font-metrics.mjs';
import { fontMetrics, measureText } from '../../../src/render/flowtable/font.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof Fontkit;
const open = (file: string): Fontkit.Font => fontkit.create(readFileSync(require.resolve(file))) as Fontkit.Font;

test('the committed arimo-metrics.ts is what the generator makes from the installed fonts', () => {
  assert.equal(TARGET, fileURLToPath(new URL('../../../src/render/flowtable/arimo-metrics.ts', import.meta.url)));
  // fails after an update of @fontsource/arimo until `node scripts/build-font-metrics.mjs` is run
  assert.equal(readFileSync(TARGET, 'utf8'), fontMetricsSource());
});

test('measureText gives fontkit’s advance width for every code point up to U+2FFF and beyond, in both weights', () => {
  const fonts = { regular: open(FACES.regular), bold: open(FACES.bold), regularExt: open(FACES.regularExt), boldExt: open(FACES.boldExt) };
  // the rule the renderer measured with when it read the fonts itself: latin subset, then latin-ext, then `n`
  const reference = (cp: number, bold: boolean): number => {
    const main = bold ? fonts.bold : fonts.regular;
    const ext = bold ? fonts.boldExt : fonts.regularExt;
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return main.glyphForCodePoint(0x20).advanceWidth / main.unitsPerEm;
    if (main.hasGlyphForCodePoint(cp)) return main.glyphForCodePoint(cp).advanceWidth / main.unitsPerEm;
    if (ext.hasGlyphForCodePoint(cp)) return ext.glyphForCodePoint(cp).advanceWidth / ext.unitsPerEm;
    return main.glyphForCodePoint(0x6e).advanceWidth / main.unitsPerEm;
  };
  const points = [...Array.from({ length: 0x3000 }, (_, i) => i), 0xfb01, 0xfeff, 0xfffd, 0x1d400, 0x1f600];
  let fromExt = 0;
  for (const bold of [false, true]) {
    for (const cp of points) {
      const want = reference(cp, bold);
      assert.equal(measureText(String.fromCodePoint(cp), 1, bold), want, `U+${cp.toString(16)} ${bold ? 'bold' : 'regular'}`);
      if (!(bold ? fonts.bold : fonts.regular).hasGlyphForCodePoint(cp) && (bold ? fonts.boldExt : fonts.regularExt).hasGlyphForCodePoint(cp)) fromExt++;
    }
  }
  assert.ok(fromExt > 100, `the latin-ext faces were exercised (${fromExt} code points)`);
  const r = fonts.regular;
  assert.deepEqual(fontMetrics(), { ascent: r.ascent / r.unitsPerEm, descent: -r.descent / r.unitsPerEm, capHeight: r.capHeight / r.unitsPerEm });
});
