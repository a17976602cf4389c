// The lint API on real folders: worker threads give the same results as one thread, and the examples stay clean.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lint } from '../../src/api/lint.js';
import { translateAjvErrors } from '../../src/schema/translate.js';
import { getSopValidator } from '../../src/schema/validators.js';
import { NOW } from './rule-tester.js';
import { FLOW, IDENTITY, sop } from './sop-text.js';

const root = path.resolve(import.meta.dirname, '../..');

/** n SOPs with unique nomor/nama; every 7th has a broken NIP, every 11th an unknown actor, two share a nomor. */
function corpus(dir: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `unit-${i % 3}`);
    mkdirSync(sub, { recursive: true });
    let identity = IDENTITY.replace('"800/001/SOP/BKD/2025"', `"800/${String(i === 41 ? 5 : i).padStart(3, '0')}/SOP/BKD/2025"`).replace('Cuti Tahunan', `Cuti ${i}`);
    if (i % 7 === 0) identity = identity.replace('1 003"', '1 000"');
    const flow = i % 11 === 0 ? FLOW.replace('pelaksana: kepala\n', 'pelaksana: kepla\n') : FLOW;
    writeFileSync(path.join(sub, `sop-${String(i).padStart(3, '0')}.md`), sop({ identity, flow }));
  }
  writeFileSync(path.join(dir, 'README.md'), '# Bukan SOP\n');
}

describe('lint API', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sop-lint-api-'));
    corpus(dir, 90);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the problems of a folder, skipping Markdown without frontmatter', async () => {
    const r = await lint({ cwd: dir, workers: 0, now: NOW });
    assert.equal(r.results.length, 90);
    const byRule = new Map<string, number>();
    for (const f of r.results) for (const d of f.diagnostics) byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(byRule), { 'nip-format': 13, 'unknown-pelaksana': 9, 'unused-pelaksana': 9, 'duplicate-nomor': 1 });
    assert.equal(r.errorCount, 23);
    assert.equal(r.warningCount, 9);
    assert.equal(r.lang, 'id');
    assert.equal(r.rulesMeta['active-verb'].defaultSeverity, 'warning');
    const paths = r.results.map((f) => f.filePath);
    assert.deepEqual(paths, [...paths].sort());
  });

  it('worker threads give exactly the results of one thread', async () => {
    const one = await lint({ cwd: dir, workers: 0, now: NOW });
    const two = await lint({ cwd: dir, workers: 2, now: NOW });
    assert.deepEqual(two.results, one.results);
    // and the `yaml`-only reading gives them too (the project rules locate by reading files again)
    const slow = await lint({ cwd: dir, workers: 0, now: NOW, fastYaml: false });
    assert.deepEqual(slow.results, one.results);
    // the duplicate pair sits in different batches: the cross-file rule still sees both
    const dup = two.results.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'duplicate-nomor').map((d) => [f.filePath, d.related?.[0].file]));
    assert.deepEqual(dup, [['unit-2/sop-041.md', 'unit-2/sop-005.md']]);
  });

  it('lints the examples without errors', { skip: existsSync(path.join(root, 'examples/sop.config.yaml')) ? false : 'no examples yet' }, async () => {
    const r = await lint({ cwd: root, paths: ['examples'], workers: 0 });
    assert.equal(r.errorCount, 0, JSON.stringify(r.results.flatMap((f) => f.diagnostics.map((d) => `${f.filePath}:${d.line} ${d.ruleId} ${d.message}`)), null, 1));
    assert.ok(r.results.length >= 4);
  });
});

describe('precompiled validator (scripts/build-validators.mjs)', () => {
  it('gives the same translated problems as Ajv at runtime', async () => {
    const { generateValidator, schemaHash } = await import('../../scripts/build-validators.mjs');
    const schemaText = readFileSync(path.join(root, 'schemas/sop.schema.json'), 'utf8');
    const mod: { exports: any } = { exports: {} };
    // eslint-disable-next-line no-new-func -- evaluating the generated CommonJS module, as `require` would
    new Function('module', 'exports', 'require', generateValidator(schemaText))(mod, mod.exports, createRequire(path.join(root, 'package.json')));
    assert.equal(mod.exports.schemaHash, schemaHash(schemaText));
    const pre = mod.exports.default as ((d: unknown) => boolean) & { errors?: any[] };
    const ajv = getSopValidator();
    const base = { nomor: 'x', nama: 'y' };
    const samples: unknown[] = [
      [],
      null,
      { ...base, jenis: 'lain', tanggal_efektif: '2025-13-01', keterkaitan: 3, peringatan: [] },
      { ...base, disahkan_oleh: { nama: 'a' }, pelaksana: { A: 'x' }, prosedur: [{ kegiatan: 1, ke: 'Salah', keputusan: { ya: 0 }, durasi: 1 }, 'baris'] },
      // minLength 1 is tested by length in the generated code: empty strings, and strings of one astral code point
      { nomor: '', nama: '\u{1F600}', unit_kerja: '', pelaksana: { A: '', B: '\u{1D400}' }, prosedur: [{ kegiatan: '', pelaksana: 'A' }, { kegiatan: '\uD83D', pelaksana: 'B' }] },
    ];
    const generated = generateValidator(schemaText);
    assert.doesNotMatch(generated, /\bfunc\d+\(data\d+\) < 1\b/, 'every minLength 1 test is a length test');
    assert.match(generated, /data\d+\.length < 1\b/);
    for (const s of samples) {
      assert.equal(pre(s), ajv(s));
      assert.deepEqual(translateAjvErrors(pre.errors ?? []), translateAjvErrors(ajv.errors ?? []));
    }
  });
});
