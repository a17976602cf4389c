// Tests of templates: the built-in ones (content, placeholders, modeline), placeholder filling, lookup and path safety.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SopUsageError } from '../../src/core/errors.js';
import { nodeFs } from '../../src/scaffold/fs.js';
import {
  BUILTIN_TEMPLATES_DIR, fillTemplate, listTemplates, loadTemplate, summarizeTemplate, type PlaceholderValue, type TemplateContext,
} from '../../src/scaffold/template.js';
import { parseSopText, tempDir } from './helpers.js';

const v = (yaml: string, text = yaml): PlaceholderValue => ({ yaml, text });
const VALUES = { nomor: v('"001/SOP/2025"', '001/SOP/2025'), nama: v('Uji Coba'), tanggal: v('2025-05-06'), tahun: v('2025'), schema: v('./s.json') };

describe('built-in templates', () => {
  for (const name of ['administratif', 'teknis']) {
    const text = readFileSync(path.join(BUILTIN_TEMPLATES_DIR, `${name}.md`), 'utf8');
    const sop = parseSopText(fillTemplate(text, VALUES, { identitas: '' }, { file: name, lang: 'id' }));

    it(`${name}: the schema modeline is the first line inside the frontmatter`, () => {
      assert.equal(text.split('\n')[0], '---');
      assert.equal(text.split('\n')[1], '# yaml-language-server: $schema={{schema}}');
    });
    it(`${name}: fills nomor, nama and both dates; tanggal_revisi is "-"`, () => {
      assert.equal(sop.data.nomor, '001/SOP/2025');
      assert.equal(sop.data.nama, 'Uji Coba');
      assert.equal(sop.data.tanggal_pembuatan, '2025-05-06');
      assert.equal(sop.data.tanggal_efektif, '2025-05-06');
      assert.equal(sop.data.tanggal_revisi, '-');
      assert.equal(sop.data.jenis, name);
    });
    it(`${name}: every kegiatan starts with an active verb (me-/ber-) and every row has its mutu baku`, () => {
      for (const row of sop.data.prosedur) {
        assert.match(row.kegiatan, /^(Me|Ber)[a-z]+\b/, row.kegiatan);
        for (const k of ['kelengkapan', 'waktu', 'output']) assert.ok(row[k], `${k} of "${row.kegiatan}"`);
      }
    });
  }

  it('administratif: three actors, each with a row, and one decision looping back', () => {
    const s = summarizeTemplate(readFileSync(path.join(BUILTIN_TEMPLATES_DIR, 'administratif.md'), 'utf8'));
    assert.deepEqual(s, { jenis: 'administratif', pelaksana: ['Pemohon', 'Pengadministrasi Perkantoran', 'Kepala Unit Kerja'], rows: 7 });
    const sop = parseSopText(fillTemplate(readFileSync(path.join(BUILTIN_TEMPLATES_DIR, 'administratif.md'), 'utf8'), VALUES, { identitas: '' }, { file: 'a', lang: 'id' }));
    const decisions = sop.data.prosedur.map((r: any, i: number) => [i + 1, r.keputusan]).filter(([, k]: any) => k);
    assert.equal(decisions.length, 1);
    const [row, k] = decisions[0];
    assert.ok(typeof k.tidak === 'number' && k.tidak < row, 'the "tidak" branch goes back to an earlier row');
  });
  it('teknis: one actor, no decision, no jumps', () => {
    const text = readFileSync(path.join(BUILTIN_TEMPLATES_DIR, 'teknis.md'), 'utf8');
    const sop = parseSopText(fillTemplate(text, VALUES, { identitas: '' }, { file: 't', lang: 'id' }));
    assert.equal(Object.keys(sop.data.pelaksana).length, 1);
    for (const r of sop.data.prosedur) assert.ok(!r.keputusan && !r.ke);
  });
});

describe('fillTemplate', () => {
  const tpl = '---\nnama: {{nama}}\n  {{identitas}}\n# tahun {{ tahun }}\n---\n# {{nama}}\n';
  it('writes YAML values in the frontmatter and plain text in the body', () => {
    const out = fillTemplate(tpl, { ...VALUES, nama: v('"Cuti: Tahunan"', 'Cuti: Tahunan') }, { identitas: 'a: 1\nb:\n  - 2' }, { file: 't', lang: 'id' });
    assert.equal(out, '---\nnama: "Cuti: Tahunan"\n  a: 1\n  b:\n    - 2\n# tahun 2025\n---\n# Cuti: Tahunan\n');
  });
  it('drops the line of an empty block', () => {
    assert.equal(fillTemplate(tpl, VALUES, { identitas: '' }, { file: 't', lang: 'id' }), '---\nnama: Uji Coba\n# tahun 2025\n---\n# Uji Coba\n');
  });
  it('rejects unknown placeholders, naming the template and line', () => {
    assert.throws(() => fillTemplate('---\nx: {{nomer}}\n---\n', VALUES, {}, { file: 'mine.md', lang: 'id' }), (e: Error) => e instanceof SopUsageError && /\{\{nomer\}\}.*mine\.md:2/.test(e.message));
    assert.throws(() => fillTemplate('---\nx: {{identitas}}\n---\n', VALUES, { identitas: 'a: 1' }, { file: 'm', lang: 'en' }), /must stand alone/);
  });
  it('accepts CRLF templates', () => {
    assert.equal(fillTemplate('---\r\nnama: {{nama}}\r\n---\r\n', VALUES, {}, { file: 't', lang: 'id' }), '---\nnama: Uji Coba\n---\n');
  });
});

describe('listTemplates / loadTemplate', () => {
  let root: string;
  let outside: string;
  let cleanup: () => void;
  let cleanup2: () => void;
  let ctx: TemplateContext;
  before(() => {
    ({ dir: root, cleanup } = tempDir());
    ({ dir: outside, cleanup: cleanup2 } = tempDir('sop-outside-'));
    mkdirSync(path.join(root, 'templat'));
    writeFileSync(path.join(root, 'templat', 'teknis.md'), '---\nnama: {{nama}}\njenis: teknis\n---\nmilik repositori\n');
    writeFileSync(path.join(root, 'templat', 'rapat.md'), '---\nnama: {{nama}}\n---\n');
    writeFileSync(path.join(root, 'templat', 'README.md'), '# bukan templat\n');
    writeFileSync(path.join(outside, 'rahasia.md'), '---\nnama: rahasia\n---\n');
    symlinkSync(path.join(outside, 'rahasia.md'), path.join(root, 'templat', 'bocor.md'));
    ctx = { fs: nodeFs, root, userDir: path.join(root, 'templat'), cwd: root, lang: 'id' };
  });
  after(() => {
    cleanup();
    cleanup2();
  });

  it('lists built-ins and repository templates, default first, READMEs excluded, repository winning', async () => {
    const list = await listTemplates(ctx);
    assert.deepEqual(list.map((t) => `${t.name}:${t.source}`), ['administratif:builtin', 'bocor:repository', 'rapat:repository', 'teknis:repository']);
  });
  it('a repository template overrides the built-in of the same name', async () => {
    const t = await loadTemplate('teknis', ctx);
    assert.equal(t.source, 'repository');
    assert.match(t.text, /milik repositori/);
    assert.equal((await loadTemplate('administratif.md', ctx)).source, 'builtin');
  });
  it('loads a template by a path inside the repository', async () => {
    assert.equal((await loadTemplate('templat/rapat.md', ctx)).name, 'rapat');
  });
  it('refuses names and paths that leave the repository', async () => {
    for (const spec of ['../../etc/passwd', '/etc/passwd', path.join(outside, 'rahasia.md'), '..']) {
      await assert.rejects(loadTemplate(spec, ctx), (e: Error) => e instanceof SopUsageError && /di luar repositori/.test(e.message), spec);
    }
  });
  it('refuses a repository template that is a symlink to a file outside', async () => {
    await assert.rejects(loadTemplate('bocor', ctx), (e: Error) => e instanceof SopUsageError && /di luar repositori/.test(e.message));
  });
  it('names the available templates when one is unknown', async () => {
    await assert.rejects(loadTemplate('rapat-koordinasi', { ...ctx, lang: 'en' }), /no template "rapat-koordinasi"\. Available: administratif, bocor, rapat, teknis/);
    await assert.rejects(loadTemplate('a b', ctx), /nama templat tidak sah/);
  });
});
