// Tests the default stylish formatter: exact text, alignment, colour on/off, summary language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stylish } from '../../src/report/formatters/stylish.js';
import { context, fileResult, sampleResults } from './factories.js';

const ESC = '\u001b[';

test('prints aligned rows per file and an English summary', () => {
  const expected = [
    'sop/a.md',
    '   3:5   error    Missing key "nip" in disahkan_oleh  schema',
    '  12:10  warning  Actor "kepala" has no row           unused-pelaksana',
    '',
    'sop/c.md',
    '  2:8  error  Duplicate nomor "800/01"  duplicate-nomor',
    '',
    '\u2716 3 problems (2 errors, 1 warning)',
    '',
    'Rule docs:',
    '  schema            https://example.test/rules/schema',
    '  unused-pelaksana  https://example.test/rules/unused-pelaksana',
    '  duplicate-nomor   https://example.test/rules/duplicate-nomor',
    '',
  ].join('\n');
  assert.equal(stylish(sampleResults(), context()), expected);
});

test('summary is Indonesian when lang is id', () => {
  const out = stylish([fileResult('x.md', [{ severity: 'warning', message: 'm' }])], context({ lang: 'id' }));
  assert.equal(out, 'x.md\n  1:1  warning  m  schema\n\n\u2716 1 masalah (0 error, 1 peringatan)\n\nPenjelasan aturan:\n  schema  https://example.test/rules/schema\n');
});

test('English summary uses the singular for one', () => {
  const out = stylish([fileResult('x.md', [{ message: 'm' }])], context());
  assert.match(out, /\u2716 1 problem \(1 error, 0 warnings\)\n\nRule docs:\n/);
});

test('prints nothing at all when there are no problems', () => {
  assert.equal(stylish([fileResult('sop/a.md'), fileResult('sop/b.md')], context()), '');
  assert.equal(stylish([], context({ color: true })), '');
});

test('keeps the input order of diagnostics and files', () => {
  const results = [
    fileResult('z.md', [{ line: 9, message: 'later' }, { line: 2, message: 'earlier' }]),
    fileResult('a.md', [{ message: 'first file' }]),
  ];
  const out = stylish(results, context());
  assert.ok(out.indexOf('z.md') < out.indexOf('a.md'));
  assert.ok(out.indexOf('later') < out.indexOf('earlier'));
});

test('a position in another file (config defaults) names that file', () => {
  const results = [
    fileResult('sop/a.md', [
      { line: 4, column: 3, message: 'local' },
      { file: 'sop.config.yaml', line: 7, column: 5, message: 'from defaults' },
    ]),
  ];
  assert.equal(
    stylish(results, context()),
    [
      'sop/a.md',
      '  4:3                  error  local          schema',
      '  sop.config.yaml:7:5  error  from defaults  schema',
      '',
      '\u2716 2 problems (2 errors, 0 warnings)',
      '',
      'Rule docs:',
      '  schema  https://example.test/rules/schema',
      '',
    ].join('\n'),
  );
});

test('colour: exact ANSI codes when color is true', () => {
  const results = [fileResult('a.md', [{ line: 1, column: 2, message: 'bad' }, { line: 10, column: 1, severity: 'warning', ruleId: 'unused-pelaksana', message: 'meh' }])];
  const expected =
    `${ESC}4ma.md${ESC}24m\n` +
    `  ${ESC}2m 1:2${ESC}22m  ${ESC}31merror${ESC}39m    bad  ${ESC}2mschema${ESC}22m\n` +
    `  ${ESC}2m10:1${ESC}22m  ${ESC}33mwarning${ESC}39m  meh  ${ESC}2munused-pelaksana${ESC}22m\n` +
    '\n' +
    `${ESC}31m${ESC}1m\u2716 2 problems (1 error, 1 warning)${ESC}22m${ESC}39m\n` +
    '\nRule docs:\n' +
    `  schema            ${ESC}2mhttps://example.test/rules/schema${ESC}22m\n` +
    `  unused-pelaksana  ${ESC}2mhttps://example.test/rules/unused-pelaksana${ESC}22m\n`;
  assert.equal(stylish(results, context({ color: true })), expected);
});

test('colour: a warnings-only summary is yellow', () => {
  const out = stylish([fileResult('a.md', [{ severity: 'warning' }])], context({ color: true }));
  assert.ok(out.includes(`${ESC}33m${ESC}1m\u2716 1 problem`));
});

test('colour: no ANSI codes when color is false, even if the environment forces colour', () => {
  const saved = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = '3';
  try {
    const out = stylish(sampleResults(), context({ color: false }));
    assert.ok(out.length > 0);
    assert.ok(!out.includes('\u001b'), 'no escape character expected');
  } finally {
    if (saved === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = saved;
  }
});

test('colour on and off give the same text once ANSI codes are stripped', () => {
  const plain = stylish(sampleResults(), context());
  const coloured = stylish(sampleResults(), context({ color: true }));
  assert.notEqual(coloured, plain);
  assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain);
});

test('control characters in paths and messages reach the terminal as visible escapes', () => {
  const r = fileResult('sop/a\u001b[2Jb.md', [{ message: 'nama `x\u001b]0;judul\u0007\r\u202egnp.exe` tidak sah', ruleId: 'schema', file: 'sop/a\u001b[2Jb.md' }]);
  const out = stylish([r], context({ color: false }));
  assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  assert.match(out, /^sop\/a\\x1b\[2Jb\.md\n/);
  assert.match(out, /nama `x\\x1b\]0;judul\\x07\\x0d\\u202egnp\.exe` tidak sah/);
});
