// Lone CR line endings (old Mac editors): lint, build and render read the same file the same way.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { lint } from '../../src/api/lint.js';
import { renderSop } from '../../src/api/render.js';
import { parseSop } from '../../src/document/sop-document.js';
import { sopText, tempDir } from '../helpers/build.js';

const CR = sopText({ file: 'a.md', nomor: '001/SOP/A/2025', nama: 'Surat Masuk', body: 'Baris satu.\n\nBaris dua.\n' }).replace(/\n/g, '\r');

describe('lone CR line endings', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('sop-cr-'));
    writeFileSync(path.join(dir, 'a.md'), CR);
  });
  afterEach(() => cleanup());

  it('are read as line breaks: frontmatter found, positions count CR lines', () => {
    const doc = parseSop(Buffer.from(CR), 'a.md', path.join(dir, 'a.md'));
    assert.equal(doc.hasFrontmatter, true);
    assert.deepEqual(doc.problems, []);
    assert.equal((doc.data as { nama: string }).nama, 'Surat Masuk');
    assert.equal(doc.text.length, CR.length);
    assert.equal(doc.lines.position(CR.indexOf('nama:')).line, 3);
  });

  it('lint, build and render agree: the SOP is valid, built and drawn', async () => {
    const l = await lint({ cwd: dir, workers: 0 });
    assert.deepEqual(l.results.map((r) => [r.filePath, r.errorCount]), [['a.md', 0]]);
    const b = await build({ cwd: dir, formats: ['html'], outDir: path.join(dir, '_site') });
    assert.equal(b.ok, true);
    assert.ok(b.ok && b.skipped.length === 0);
    assert.ok(existsSync(path.join(dir, '_site/a.html')));
    const r = await renderSop({ cwd: dir, file: 'a.md', format: 'mermaid' });
    assert.equal(r.ok, true, JSON.stringify(!r.ok && r.problems));
  });
});
