// Tests the sarif formatter: exact log for a small run and a structural check of SARIF 2.1.0 essentials.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sarif } from '../../src/report/formatters/sarif.js';
import { context, fileResult, sampleResults } from './factories.js';

// Parsed SARIF is untyped on purpose: every field the check relies on is asserted below.
type Json = any;

const isPosInt = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 1;

function checkRegion(region: Json, where: string): void {
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
    assert.ok(isPosInt(region[key]), `${where}.region.${key} = ${region[key]}`);
  }
  assert.ok(region.endLine >= region.startLine, `${where}: endLine before startLine`);
  if (region.endLine === region.startLine) assert.ok(region.endColumn >= region.startColumn, `${where}: endColumn before startColumn`);
}

function checkPhysical(loc: Json, log: Json, where: string): void {
  const art = loc.physicalLocation.artifactLocation;
  assert.equal(typeof art.uri, 'string', `${where}.uri`);
  if (art.uriBaseId !== undefined) {
    assert.ok(art.uriBaseId in log.runs[0].originalUriBaseIds, `${where}: unknown uriBaseId ${art.uriBaseId}`);
    assert.ok(!art.uri.startsWith('/') && !art.uri.includes('\\'), `${where}: uri must be a relative POSIX reference`);
    assert.doesNotThrow(() => new URL(art.uri, 'file:///base/'));
  }
  checkRegion(loc.physicalLocation.region, where);
}

/** The parts of SARIF 2.1.0 that consumers (GitHub code scanning, viewers) rely on. */
function checkSarif(log: Json): void {
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'sop');
  assert.equal(typeof driver.version, 'string');
  assert.ok(Array.isArray(driver.rules));
  const ids = driver.rules.map((r: Json) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  for (const rule of driver.rules) {
    assert.equal(typeof rule.shortDescription.text, 'string');
    assert.ok(['none', 'note', 'warning', 'error'].includes(rule.defaultConfiguration.level));
    if (rule.helpUri !== undefined) assert.doesNotThrow(() => new URL(rule.helpUri));
  }
  for (const [name, base] of Object.entries<Json>(run.originalUriBaseIds ?? {})) {
    assert.ok(base.uri.endsWith('/'), `${name} must be a directory URI`);
  }
  assert.ok(Array.isArray(run.results));
  run.results.forEach((r: Json, i: number) => {
    const where = `results[${i}]`;
    assert.ok(Number.isInteger(r.ruleIndex) && r.ruleIndex >= 0 && r.ruleIndex < driver.rules.length, `${where}.ruleIndex`);
    assert.equal(driver.rules[r.ruleIndex].id, r.ruleId, `${where}: ruleIndex points to another rule`);
    assert.ok(['none', 'note', 'warning', 'error'].includes(r.level), `${where}.level`);
    assert.equal(typeof r.message.text, 'string');
    assert.ok(r.locations.length >= 1);
    r.locations.forEach((l: Json, j: number) => checkPhysical(l, log, `${where}.locations[${j}]`));
    const relIds = new Set<number>();
    (r.relatedLocations ?? []).forEach((l: Json, j: number) => {
      assert.ok(Number.isInteger(l.id) && l.id >= 0 && !relIds.has(l.id), `${where}.relatedLocations[${j}].id`);
      relIds.add(l.id);
      checkPhysical(l, log, `${where}.relatedLocations[${j}]`);
    });
  });
}

test('exact log for one warning', () => {
  const results = [fileResult('sop/a.md', [{ severity: 'warning', ruleId: 'unused-pelaksana', message: 'm', line: 2, column: 3, endLine: 2, endColumn: 9 }])];
  const expected = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sop',
            version: '0.1.0',
            rules: [{ id: 'unused-pelaksana', shortDescription: { text: 'Every declared actor has a row' }, helpUri: 'https://example.test/rules/unused-pelaksana', defaultConfiguration: { level: 'warning' } }],
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///repo/' } },
        artifacts: [{ location: { uri: 'sop/a.md', uriBaseId: '%SRCROOT%' } }],
        columnKind: 'utf16CodeUnits',
        results: [
          {
            ruleId: 'unused-pelaksana',
            ruleIndex: 0,
            level: 'warning',
            message: { text: 'm' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'sop/a.md', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 9 },
                },
              },
            ],
          },
        ],
      },
    ],
  };
  assert.equal(sarif(results, context()), `${JSON.stringify(expected, null, 2)}\n`);
});

test('sample run passes the structural check; rules are the referenced ones, in first-use order', () => {
  const log = JSON.parse(sarif(sampleResults(), context({ informationUri: 'https://example.test/sop' })));
  checkSarif(log);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.informationUri, 'https://example.test/sop');
  assert.deepEqual(driver.rules.map((r: Json) => r.id), ['schema', 'unused-pelaksana', 'duplicate-nomor']);
  assert.deepEqual(driver.rules.map((r: Json) => r.helpUri), ['https://example.test/rules/schema', 'https://example.test/rules/unused-pelaksana', 'https://example.test/rules/duplicate-nomor']);
  assert.deepEqual(log.runs[0].results.map((r: Json) => [r.ruleId, r.ruleIndex, r.level]), [
    ['schema', 0, 'error'],
    ['unused-pelaksana', 1, 'warning'],
    ['duplicate-nomor', 2, 'error'],
  ]);
  assert.deepEqual(log.runs[0].artifacts.map((a: Json) => a.location.uri), ['sop/a.md', 'sop/b.md', 'sop/c.md']);
  const related = log.runs[0].results[2].relatedLocations;
  assert.deepEqual(related, [
    {
      id: 0,
      physicalLocation: { artifactLocation: { uri: 'sop/a.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 8, endLine: 2, endColumn: 20 } },
      message: { text: 'First used here' },
    },
  ]);
});

test('a rule that is off by default and an unknown rule get legal levels', () => {
  const results = [fileResult('a.md', [{ ruleId: 'output-chain', severity: 'warning' }, { ruleId: 'internal', severity: 'error', url: 'https://example.test/internal' }])];
  const log = JSON.parse(sarif(results, context()));
  checkSarif(log);
  assert.deepEqual(log.runs[0].tool.driver.rules, [
    { id: 'output-chain', shortDescription: { text: 'Output feeds the next row' }, helpUri: 'https://example.test/rules/output-chain', defaultConfiguration: { level: 'none' } },
    { id: 'internal', shortDescription: { text: 'internal' }, helpUri: 'https://example.test/internal', defaultConfiguration: { level: 'error' } },
  ]);
});

test('uris are relative POSIX and percent-encoded; the config file gets its own location', () => {
  const results = [
    fileResult('/repo/sop/cuti tahunan#1.md', [{ file: '/repo/sop/cuti tahunan#1.md' }, { file: 'sop.config.yaml' }]),
    fileResult('/other/x.md', [{ file: '/other/x.md' }]),
  ];
  const log = JSON.parse(sarif(results, context()));
  checkSarif(log);
  const uris = log.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.artifactLocation);
  assert.deepEqual(uris, [
    { uri: 'sop/cuti%20tahunan%231.md', uriBaseId: '%SRCROOT%' },
    { uri: 'sop.config.yaml', uriBaseId: '%SRCROOT%' },
    { uri: 'file:///other/x.md' },
  ]);
});

test('positions that are not positive are clamped so the region stays valid', () => {
  const log = JSON.parse(sarif([fileResult('a.md', [{ line: 0, column: 0, endLine: 0, endColumn: 0 }, { line: 5, column: 7, endLine: 4, endColumn: 2 }])], context()));
  checkSarif(log);
  assert.deepEqual(log.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.region), [
    { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    { startLine: 5, startColumn: 7, endLine: 5, endColumn: 7 },
  ]);
});

test('the structural check rejects a log whose ruleIndex points to another rule', () => {
  const log = JSON.parse(sarif(sampleResults(), context()));
  log.runs[0].results[1].ruleIndex = 0;
  assert.throws(() => checkSarif(log), /ruleIndex points to another rule/);
});

test('a clean run has no results but lists the files it checked', () => {
  const log = JSON.parse(sarif([fileResult('a.md')], context()));
  checkSarif(log);
  assert.deepEqual(log.runs[0].results, []);
  assert.deepEqual(log.runs[0].tool.driver.rules, []);
  assert.equal(log.runs[0].artifacts.length, 1);
});
