// The PDF library loads from the single-file build the package ships (src/print/pdf/lib.ts), not from its
// ~340 CommonJS or ES module files: the fallback must not take over unnoticed when a version moves the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument } from '../../src/print/pdf/lib.js';

test('@cantoo/pdf-lib is loaded from dist/pdf-lib.js, and works', async () => {
  const require = createRequire(import.meta.url);
  const loaded = Object.keys(require.cache).filter((f) => f.includes(`${path.sep}@cantoo${path.sep}pdf-lib${path.sep}`));
  assert.deepEqual(loaded.map((f) => path.relative(path.dirname(path.dirname(require.resolve('@cantoo/pdf-lib'))), f)), [path.join('dist', 'pdf-lib.js')]);
  const doc = await PDFDocument.create();
  doc.addPage();
  assert.equal((await PDFDocument.load(await doc.save())).getPageCount(), 1);
});
