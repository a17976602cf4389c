// Tests the json formatter: ESLint's result shape, key order, absolute paths, clean files included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json } from '../../src/report/formatters/json.js';
import { context, fileResult, sampleResults } from './factories.js';

const ESLINT_KEYS = [
  'filePath',
  'messages',
  'suppressedMessages',
  'errorCount',
  'fatalErrorCount',
  'warningCount',
  'fixableErrorCount',
  'fixableWarningCount',
  'usedDeprecatedRules',
];

test('exact output for one file with one warning', () => {
  const out = json([fileResult('sop/a.md', [{ severity: 'warning', ruleId: 'unused-pelaksana', message: 'm', line: 2, column: 3, endLine: 2, endColumn: 9 }])], context());
  assert.equal(
    out,
    '[{"filePath":"/repo/sop/a.md","messages":[{"ruleId":"unused-pelaksana","severity":1,"message":"m","line":2,"column":3,"endLine":2,"endColumn":9,"url":"https://example.test/rules/unused-pelaksana"}],' +
      '"suppressedMessages":[],"errorCount":0,"fatalErrorCount":0,"warningCount":1,"fixableErrorCount":0,"fixableWarningCount":0,"usedDeprecatedRules":[]}]\n',
  );
});

test('parses to one ESLint result per linted file, clean ones included, keys in ESLint order', () => {
  const parsed = JSON.parse(json(sampleResults(), context())) as Record<string, unknown>[];
  assert.equal(parsed.length, 3);
  assert.deepEqual(parsed.map((r) => r.filePath), ['/repo/sop/a.md', '/repo/sop/b.md', '/repo/sop/c.md']);
  for (const r of parsed) assert.deepEqual(Object.keys(r), ESLINT_KEYS);
  assert.deepEqual(parsed[1]!.messages, []);
  assert.equal(parsed[0]!.errorCount, 1);
  assert.equal(parsed[0]!.warningCount, 1);
  const messages = parsed[0]!.messages as Record<string, unknown>[];
  assert.deepEqual(
    messages.map((m) => Object.keys(m)),
    [0, 1].map(() => ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'url']),
  );
  assert.deepEqual(messages.map((m) => m.url), ['https://example.test/rules/schema', 'https://example.test/rules/unused-pelaksana']);
  assert.deepEqual(messages.map((m) => m.severity), [2, 1]);
  assert.deepEqual(messages.map((m) => m.line), [3, 12]);
});

test('an absolute results path stays as it is', () => {
  const parsed = JSON.parse(json([fileResult('/elsewhere/x.md')], context())) as { filePath: string }[];
  assert.equal(parsed[0]!.filePath, '/elsewhere/x.md');
});

test('a position inside another file names that file in the message', () => {
  const parsed = JSON.parse(json([fileResult('sop/a.md', [{ file: 'sop.config.yaml', message: 'Missing nip' }])], context())) as {
    messages: { message: string }[];
  }[];
  assert.equal(parsed[0]!.messages[0]!.message, 'Missing nip (sop.config.yaml)');
});

test('an empty run is an empty array', () => {
  assert.equal(json([], context()), '[]\n');
});
