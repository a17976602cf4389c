// Linting one file reads one file: the other SOPs give their facts through a scan of their
// frontmatter (key by key), never a read and parse of the whole file.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../src/api/lint.js';
import { scanFacts } from '../../src/lint/header-scan.js';
import { sopText, tempDir } from '../helpers/build.js';

describe('header scan for cross-file facts', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('sop-header-scan-'));
    writeFileSync(path.join(dir, 'sop.config.yaml'), 'lang: en\n');
    writeFileSync(path.join(dir, 'z.md'), sopText({ file: 'z.md', nomor: '001/SOP/A/2025', nama: 'Surat Masuk' }));
  });
  afterEach(() => cleanup());

  it('does not read past the frontmatter of the other SOPs, and still finds their nomor', async () => {
    // b.md: the same nomor, then a body whose bytes are not UTF-8 beyond the first 64 KiB; a full
    // read would call it file-encoding and give no facts, so the duplicate is only seen by a scan
    // that stops at the closing `---`
    const head = Buffer.from(sopText({ file: 'b.md', nomor: '001/SOP/A/2025', nama: 'Surat Keluar', body: `${'Isi. '.repeat(20000)}\n` }));
    writeFileSync(path.join(dir, 'b.md'), Buffer.concat([head, Buffer.from([0xff, 0xfe, 0xfd])]));
    const r = await lint({ cwd: dir, paths: ['z.md'], workers: 0 });
    assert.deepEqual(r.results.map((f) => [f.filePath, f.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`)]), [['z.md', ['duplicate-nomor 2:8']]]);
    // the related place is located by reading b.md in full, only because a diagnostic needs it
    // (here that read meets the bad bytes, so the place falls back to the file's first line)
    assert.deepEqual(r.results[0].diagnostics[0].related?.map((x) => x.file), ['b.md']);
  });

  it('reads only the keys the facts need, with config defaults merged', () => {
    writeFileSync(path.join(dir, 'c.md'), '---\nnomor: "002/X"\nprosedur:\n  - kegiatan: a\nketerkaitan:\n- Surat Masuk\n- "002/Y" # komentar\nnama: >-\n  Nama\n  Panjang\n---\nisi\n');
    const facts = scanFacts('c.md', path.join(dir, 'c.md'), { dir, config: { defaults: { status: 'berlaku' } } });
    assert.deepEqual(facts, {
      file: 'c.md',
      keterkaitan: [{ value: 'Surat Masuk', at: ['keterkaitan', 0] }, { value: '002/Y', at: ['keterkaitan', 1] }],
      nomor: { value: '002/X', at: ['nomor'] },
      nama: { value: 'Nama Panjang', at: ['nama'] },
      status: { value: 'berlaku', at: ['status'] },
    });
  });

  it('falls back to a full read when the scan cannot be trusted, and gives nothing for a non-SOP', () => {
    writeFileSync(path.join(dir, 'd.md'), '---\nnomor: a\nnomor: b\n---\n');
    assert.equal(scanFacts('d.md', path.join(dir, 'd.md'), { dir, config: {} }), undefined);
    writeFileSync(path.join(dir, 'e.md'), '# Catatan\n');
    assert.equal(scanFacts('e.md', path.join(dir, 'e.md'), { dir, config: {} }), null);
  });
});
