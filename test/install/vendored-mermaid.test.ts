// The Mermaid sop ships (vendor/mermaid/) is byte for byte the ES-module build (dist/mermaid.esm.min.mjs and its
// chunks) of the mermaid pinned in devDependencies, with the version and SHA-256s it records and the licences of what
// it is built from; the engine reads only those files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MERMAID_ENTRY, mermaidModule, mermaidVersion } from '../../src/render/mermaid/bundle.js';
import { vendoredFiles, vendoredNow } from '../../scripts/vendor-mermaid.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const record = JSON.parse(readFileSync(path.join(root, 'vendor/mermaid/mermaid.json'), 'utf8')) as { version: string; entry: string; bytes: number; sha256: Record<string, string> };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('mermaid is a dev dependency pinned exactly, and the record names that version', () => {
  assert.equal(pkg.dependencies.mermaid, undefined, 'an install does not pull mermaid and its dependency tree');
  assert.match(pkg.devDependencies.mermaid, /^\d+\.\d+\.\d+$/);
  assert.equal(record.version, pkg.devDependencies.mermaid);
  assert.equal(mermaidVersion(), pkg.devDependencies.mermaid);
  assert.ok(pkg.files.includes('vendor'), 'the vendored modules are packed');
});

test('the vendored modules are the pinned mermaid ES-module build, each with its recorded checksum', () => {
  const names = Object.keys(record.sha256);
  assert.equal(record.entry, 'dist/mermaid.esm.min.mjs');
  assert.ok(names.includes(MERMAID_ENTRY));
  assert.ok(names.length > 50, `${names.length} modules`);
  let bytes = 0;
  for (const name of names) {
    const vendored = mermaidModule(name)!;
    assert.equal(sha256(vendored), record.sha256[name], name);
    const installed: Buffer = readFileSync(path.join(root, 'node_modules/mermaid', name === MERMAID_ENTRY ? record.entry : `dist/${name}`));
    assert.equal(sha256(installed), record.sha256[name], `node_modules/mermaid differs (${name}): run node scripts/vendor-mermaid.mjs`);
    bytes += vendored.length;
  }
  assert.equal(bytes, record.bytes);
  // every chunk the entry imports (statically or when a diagram of its kind comes) is vendored
  const imported = [...String(mermaidModule(MERMAID_ENTRY)).matchAll(/(?:from\s*|import\()"\.\/(chunks\/mermaid\.esm\.min\/[^"]+\.mjs)"/g)].map((m) => m[1]);
  assert.ok(imported.length > 20, String(imported.length));
  for (const name of imported) assert.ok(names.includes(name), name);
});

test('the engine reads nothing but the recorded modules', () => {
  for (const name of ['mermaid.json', 'LICENSE', '../../package.json', 'chunks/../mermaid.json', '', 'mermaid.min.js']) assert.equal(mermaidModule(name), undefined, name);
});

test('vendor/mermaid/ holds exactly what scripts/vendor-mermaid.mjs writes (modules, record, licences)', () => {
  const files = vendoredFiles(root);
  assert.deepEqual(vendoredNow(path.join(root, 'vendor/mermaid')), Object.keys(files).sort());
  for (const name of ['LICENSE', 'THIRD-PARTY-LICENSES.txt', 'mermaid.json', MERMAID_ENTRY]) assert.ok(name in files, name);
  for (const [name, data] of Object.entries(files)) {
    assert.ok(readFileSync(path.join(root, 'vendor/mermaid', name)).equals(Buffer.from(data)), `vendor/mermaid/${name} is stale`);
  }
  const notices = String(files['THIRD-PARTY-LICENSES.txt']);
  // packages the build is made from, among them the ones with a licence other than MIT
  for (const name of ['d3@', 'cytoscape@', 'katex@', 'dompurify@', 'dagre-d3-es@']) assert.match(notices, new RegExp(`^${name}`, 'm'));
  assert.match(String(files.LICENSE), /MIT License/);
});
