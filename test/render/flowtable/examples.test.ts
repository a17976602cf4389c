// Golden geometric checks of the flow table over every example SOP, loaded with the real loader and model builder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadSop } from '../../../src/document/sop-document.js';
import { buildFlowModel } from '../../../src/model/flow.js';
import { renderFlowTable } from '../../../src/render/flowtable/index.js';
import { geometryProblems, modelProblems, readPage } from './svg-check.js';

const root = resolve('examples');

function sopFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => (d.isDirectory() ? sopFiles(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : []))
    .filter((f) => f.endsWith('.md') && /^---\r?\n[\s\S]*?\bprosedur:/.test(readFileSync(f, 'utf8')));
}

const files = sopFiles(root);

test('the examples folder holds SOPs to check', () => {
  assert.ok(files.length >= 3, `found ${files.length} SOP files under examples/`);
});

for (const file of files) {
  const name = relative(root, file);
  test(`example ${name}: flow table on A4 and F4 keeps every rule`, async () => {
    const doc = await loadSop(file, name);
    assert.deepEqual(doc.problems, []);
    const model = buildFlowModel(doc.data);
    assert.ok(model.rows.length > 0);
    for (const paper of ['A4', 'F4'] as const) {
      for (const firstPageAvailableHeight of [undefined, 100]) {
        const result = renderFlowTable(model, { paper, firstPageAvailableHeight });
        assert.deepEqual(modelProblems(model, result), [], `${paper} first=${firstPageAvailableHeight}`);
        result.pages.forEach((p, i) => assert.deepEqual(geometryProblems(readPage(p.svg), i), [], `${paper} page ${i}`));
        // Same input, same bytes.
        assert.deepEqual(
          renderFlowTable(model, { paper, firstPageAvailableHeight }).pages.map((p) => p.svg),
          result.pages.map((p) => p.svg),
        );
      }
    }
  });
}
