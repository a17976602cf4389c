// Tests the formatter registry the CLI builds `--format` choices from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNames, formatters } from '../../src/report/index.js';
import { context, sampleResults } from './factories.js';

test('formatNames lists every registered formatter, stylish (the default) first', () => {
  assert.deepEqual(formatNames, ['stylish', 'json', 'sarif', 'github', 'junit']);
});

test('every formatter returns text that ends with a newline for a run with problems', () => {
  for (const name of formatNames) {
    const out = formatters[name](sampleResults(), context());
    assert.ok(out.length > 0 && out.endsWith('\n'), name);
    assert.ok(!out.endsWith('\n\n'), `${name}: no trailing blank line`);
  }
});

test('machine formats never contain ANSI codes, even with color on', () => {
  for (const name of formatNames.filter((n) => n !== 'stylish')) {
    assert.ok(!formatters[name](sampleResults(), context({ color: true })).includes('\u001b'), name);
  }
});
