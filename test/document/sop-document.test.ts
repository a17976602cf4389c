// Loader: frontmatter split (BOM, CRLF, unterminated), YAML problems with positions, defaults merge, locate().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSop, locate } from '../../src/document/sop-document.js';
import { splitFrontmatter } from '../../src/yaml/frontmatter.js';
import { LineIndex, locateInYaml } from '../../src/yaml/positions.js';
import { parseYaml } from '../../src/yaml/parse.js';
import type { LoadedConfig } from '../../src/config/config-types.js';

const enc = (s: string) => new TextEncoder().encode(s);
const load = (s: string | Uint8Array, config?: LoadedConfig) => parseSop(typeof s === 'string' ? enc(s) : s, 'sop/a.md', '/x/sop/a.md', config);

const SOP = `---
nomor: "800/001/SOP/BKD/2025"
nama: PELAYANAN CUTI
disahkan_oleh:
  jabatan: KEPALA BADAN
  nama: BUDI
prosedur:
  - kegiatan: Menerima berkas
    pelaksana: pemohon
---
Catatan di sini.
`;

test('splits frontmatter and body; body line is right', () => {
  const d = load(SOP);
  assert.equal(d.problems.length, 0);
  assert.equal(d.hasFrontmatter, true);
  assert.equal((d.data as { nama: string }).nama, 'PELAYANAN CUTI');
  assert.equal(d.body, 'Catatan di sini.\n');
  assert.equal(d.bodyLine, 11);
});

test('locate points at the exact YAML node, 1-based', () => {
  const d = load(SOP);
  assert.deepEqual(locate(d, ['nomor']), { file: 'sop/a.md', line: 2, column: 8, endLine: 2, endColumn: 30 });
  assert.deepEqual(locate(d, ['nomor'], { key: true }), { file: 'sop/a.md', line: 2, column: 1, endLine: 2, endColumn: 6 });
  assert.deepEqual(locate(d, ['prosedur', 0, 'pelaksana']), { file: 'sop/a.md', line: 9, column: 16, endLine: 9, endColumn: 23 });
  assert.equal(locate(d, ['disahkan_oleh', 'nama']).line, 6);
});

test('a missing key points at its parent mapping key; a missing top-level key at the opening fence', () => {
  const d = load(SOP);
  assert.deepEqual(locate(d, ['disahkan_oleh', 'nip']), { file: 'sop/a.md', line: 4, column: 1, endLine: 4, endColumn: 14 });
  assert.deepEqual(locate(d, ['tanggal_efektif']), { file: 'sop/a.md', line: 1, column: 1, endLine: 1, endColumn: 4 });
  assert.equal(locate(d, ['prosedur', 5, 'waktu']).line, 7);
});

test('BOM and CRLF keep positions right', () => {
  const crlf = SOP.replace(/\n/g, '\r\n');
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(crlf)]);
  const d = load(bytes);
  assert.equal(d.problems.length, 0);
  assert.equal((d.data as { nomor: string }).nomor, '800/001/SOP/BKD/2025');
  assert.deepEqual(locate(d, ['nomor']), { file: 'sop/a.md', line: 2, column: 8, endLine: 2, endColumn: 30 });
  assert.equal(d.bodyLine, 11);
});

test('YAML 1.2: dates and yes/no stay strings', () => {
  const d = load('---\ntanggal_pembuatan: 2025-01-15\nx-flag: no\n---\n');
  assert.deepEqual(d.data, { 'tanggal_pembuatan': '2025-01-15', 'x-flag': 'no' });
});

test('no frontmatter, empty file and unterminated frontmatter', () => {
  assert.equal(load('# Judul\n\nteks').hasFrontmatter, false);
  assert.equal(load('').hasFrontmatter, false);
  const u = load('---\nnama: x\n');
  assert.equal(u.problems[0].ruleId, 'yaml-syntax');
  assert.equal(u.problems[0].location.line, 1);
  assert.match(u.problems[0].message, /tidak ditutup/);
});

test('duplicate keys and tabs are yaml-syntax problems at their place', () => {
  const dup = load('---\nnama: a\nnomor: "1"\nnama: b\n---\n');
  assert.equal(dup.problems[0].ruleId, 'yaml-syntax');
  assert.equal(dup.problems[0].location.line, 4);
  assert.equal(dup.problems[0].location.column, 1);
  assert.match(dup.problems[0].message, /kunci ganda/);
  const tab = load('---\nnama: a\ndisahkan_oleh:\n\tnama: b\n---\n');
  assert.equal(tab.problems[0].ruleId, 'yaml-syntax');
  assert.equal(tab.problems[0].location.line, 4);
});

test('an alias bomb is refused quickly, not expanded', () => {
  let s = '---\na: &a ["x","x","x","x","x","x","x","x","x"]\n';
  for (let i = 0; i < 9; i++) {
    const p = String.fromCharCode(97 + i);
    s += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${p}`).join(',')}]\n`;
  }
  const t0 = Date.now();
  const d = load(s + '---\n');
  assert.ok(Date.now() - t0 < 2000);
  assert.equal(d.problems[0].ruleId, 'yaml-syntax');
  assert.match(d.problems[0].messageEn, /alias/);
});

test('binary and non-UTF-8 files are file-encoding problems with a position', () => {
  const bin = load(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]));
  assert.equal(bin.problems[0].ruleId, 'file-encoding');
  const latin1 = load(new Uint8Array([...enc('---\nnama: Caf'), 0xe9, ...enc('\n---\n')]));
  assert.equal(latin1.problems[0].ruleId, 'file-encoding');
  assert.deepEqual([latin1.problems[0].location.line, latin1.problems[0].location.column], [2, 10]);
});

test('config defaults fill missing keys and locate() points into the config file', () => {
  const cfgText = 'defaults:\n  instansi: [PEMKAB SUKAMAJU]\n  disahkan_oleh:\n    jabatan: KEPALA\n    nama: BUDI\n    nip: "1"\n';
  const parsed = parseYaml(cfgText);
  const lines = new LineIndex(cfgText);
  const config: LoadedConfig = {
    file: '/x/sop.config.yaml', dir: '/x', config: parsed.value as LoadedConfig['config'],
    source: { file: 'sop.config.yaml', doc: parsed.doc, offset: 0, lines, wholeRange: lines.range(0, 0) },
  };
  const d = load(SOP, config);
  const data = d.data as Record<string, unknown>;
  assert.deepEqual(data.instansi, ['PEMKAB SUKAMAJU']);
  // the file's own disahkan_oleh wins over the default
  assert.equal((data.disahkan_oleh as { nama: string }).nama, 'BUDI');
  assert.equal((data.disahkan_oleh as { nip?: string }).nip, undefined);
  assert.ok(d.fromDefaults.has('instansi'));
  assert.ok(!d.fromDefaults.has('disahkan_oleh'));
  assert.deepEqual(locate(d, ['instansi', 0]), { file: 'sop.config.yaml', line: 2, column: 14, endLine: 2, endColumn: 29 });
  assert.equal(locate(d, ['disahkan_oleh', 'nama']).file, 'sop/a.md');
});

test('splitFrontmatter accepts `...` as the closing line and trailing spaces on fences', () => {
  const s = splitFrontmatter('---  \na: 1\n...\nbody');
  assert.equal(s.kind, 'ok');
  assert.equal(splitFrontmatter('--- x\na: 1\n---\n').kind, 'none');
});

test('locateInYaml walks sequences and empty values', () => {
  const text = 'a:\n  - b: 1\n  - c:\n';
  const p = parseYaml(text);
  const lines = new LineIndex(text);
  const src = { file: 'f', doc: p.doc, offset: 0, lines, wholeRange: lines.range(0, 0) };
  assert.equal(locateInYaml(src, ['a', 1, 'c']).line, 3);
  assert.equal(locateInYaml(src, ['a', 1, 'c']).column, 5);
});

test('absurdly deep nesting is a yaml-syntax problem in plain words, not a crash', () => {
  let deep = '---\n';
  for (let i = 0; i < 1000; i++) deep += `${' '.repeat(i)}k:\n`;
  const d = load(`${deep}---\n`);
  assert.equal(d.problems[0].ruleId, 'yaml-syntax');
  assert.match(d.problems[0].message, /bersarang terlalu dalam/);
  assert.match(d.problems[0].messageEn, /nested too deeply/);
});
