// Format 1.0 renders byte for byte as before format 1.1 (issue: "adding 1.1 by itself changes no 1.0
// rendering"): SHA-256 of every flow-table SVG page (A4 and F4) and of the Mermaid source of each
// 1.0 example and fixture, against golden-1.0.json. A deliberate layout change updates the goldens
// in its own commit: `UPDATE_GOLDEN=1 node --import tsx --test test/render/flowtable/golden-1.0.test.ts`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseSop } from '../../../src/document/sop-document.js';
import { buildFlowModel } from '../../../src/model/flow.js';
import { renderFlowTable } from '../../../src/render/flowtable/index.js';
import { toMermaid } from '../../../src/render/mermaid/source.js';
import type { SopData } from '../../../src/model/sop-types.js';

const root = path.resolve(import.meta.dirname, '../../..');
const goldenFile = path.join(import.meta.dirname, 'golden-1.0.json');

/** Markdown files under examples/ and test/fixtures/, leaving out the format 1.1 fixtures and build output. */
function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!name.startsWith('_') && !name.startsWith('.') && name !== 'node_modules' && name !== 'format-1.1') files(p, out);
    } else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

function hashes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of [...files(path.join(root, 'examples')), ...files(path.join(root, 'test/fixtures'))]) {
    const doc = parseSop(readFileSync(f), path.relative(root, f), f);
    const data = doc.data as SopData | undefined;
    if (!data || typeof data !== 'object' || !Array.isArray((data as { prosedur?: unknown }).prosedur)) continue;
    const model = buildFlowModel(data);
    const h = (s: string) => createHash('sha256').update(s).digest('hex');
    for (const paper of ['A4', 'F4'] as const) out[`${doc.file} ${paper}`] = h(renderFlowTable(model, { paper }).pages.map((p) => p.svg).join('\n'));
    out[`${doc.file} mermaid`] = h(toMermaid(model));
  }
  return out;
}

test('1.0 examples and fixtures render byte-identically (flow-table SVG and Mermaid source)', () => {
  const now = hashes();
  if (process.env.UPDATE_GOLDEN) writeFileSync(goldenFile, `${JSON.stringify(now, null, 2)}\n`);
  const golden = JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, string>;
  assert.ok(Object.keys(golden).length >= 40, 'golden file lists the 1.0 renders');
  assert.deepEqual(now, golden);
});
