// The Mermaid bundle sop ships (vendor/mermaid/) is byte for byte the dist/mermaid.min.js of the mermaid
// pinned in devDependencies, with the version and SHA-256 it records and the licences of what it bundles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MERMAID_BUNDLE, mermaidVersion } from '../../src/render/mermaid/bundle.js';
import { vendoredFiles } from '../../scripts/vendor-mermaid.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const record = JSON.parse(readFileSync(path.join(root, 'vendor/mermaid/mermaid.json'), 'utf8'));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('mermaid is a dev dependency pinned exactly, and the record names that version', () => {
  assert.equal(pkg.dependencies.mermaid, undefined, 'an install does not pull mermaid and its dependency tree');
  assert.match(pkg.devDependencies.mermaid, /^\d+\.\d+\.\d+$/);
  assert.equal(record.version, pkg.devDependencies.mermaid);
  assert.equal(mermaidVersion(), pkg.devDependencies.mermaid);
  assert.ok(pkg.files.includes('vendor'), 'the vendored bundle is packed');
});

test('the vendored bundle is the pinned mermaid dist/mermaid.min.js, with the recorded checksum', () => {
  const vendored = readFileSync(MERMAID_BUNDLE);
  assert.equal(path.relative(root, MERMAID_BUNDLE), path.join('vendor', 'mermaid', 'mermaid.min.js'));
  assert.equal(sha256(vendored), record.sha256);
  assert.equal(vendored.length, record.bytes);
  const installed = readFileSync(path.join(root, 'node_modules/mermaid', record.file));
  assert.equal(sha256(installed), record.sha256, 'node_modules/mermaid differs: run node scripts/vendor-mermaid.mjs');
});

test('vendor/mermaid/ holds exactly what scripts/vendor-mermaid.mjs writes (bundle, record, licences)', () => {
  const files = vendoredFiles(root);
  assert.deepEqual(Object.keys(files).sort(), ['LICENSE', 'THIRD-PARTY-LICENSES.txt', 'mermaid.json', 'mermaid.min.js']);
  for (const [name, data] of Object.entries(files)) {
    assert.ok(readFileSync(path.join(root, 'vendor/mermaid', name)).equals(Buffer.from(data)), `vendor/mermaid/${name} is stale`);
  }
  const notices = String(files['THIRD-PARTY-LICENSES.txt']);
  // packages the bundle is built from, among them the ones with a licence other than MIT
  for (const name of ['d3@', 'cytoscape@', 'katex@', 'dompurify@', 'dagre-d3-es@']) assert.match(notices, new RegExp(`^${name}`, 'm'));
  assert.match(String(files.LICENSE), /MIT License/);
});
