// The js-yaml fast path reads exactly what the `yaml` reference path reads, and steps aside for anything it should not handle.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lintTexts } from '../../src/api/lint.js';
import { parseSop } from '../../src/document/sop-document.js';
import { fastParseSop, fastPathAvailable } from '../../src/lint/fast-yaml.js';
import { isUnusual, UNUSUAL } from '../../src/yaml/js-yaml.js';
import { splitFrontmatter } from '../../src/yaml/frontmatter.js';
import { NOW } from './rule-tester.js';
import { FLOW, IDENTITY, sop } from './sop-text.js';

const root = path.resolve(import.meta.dirname, '../..');
const bytes = (s: string) => Buffer.from(s, 'utf8');
const fm = (yaml: string) => `---\n${yaml}\n---\nbody\n`;

/** Scalars whose meaning differs between YAML 1.1, js-yaml's own core schema and YAML 1.2 core. */
const SCALARS = [
  '1_000', '0b101', '0o14', '014', '0x1F', '+12', '-3.5', '1e3', '1.', '.5', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'NULL', '',
  'true', 'True', 'TRUE', 'yes', 'no', 'on', 'off', 'y', 'n', '2025-01-15', '2025-01-15T10:00:00Z', '12:30', '1:20:30', '"1"', "'it''s'",
  '"tab\\there é \\u00e9"', '0.1e-2', '-0', '+.inf', '0x', '1e', 'NaN', 'Infinity',
];

describe('fast path (js-yaml)', { skip: fastPathAvailable() ? false : 'js-yaml is not installed' }, () => {
  it('reads every scalar as YAML 1.2 core does', () => {
    for (const s of SCALARS) {
      const text = fm(`v: ${s}\nw: [${s || '~'}]`);
      const fast = fastParseSop(bytes(text), 'a.md', '/a.md');
      const slow = parseSop(bytes(text), 'a.md', '/a.md');
      assert.ok(fast, `fast path declined \`${s}\``);
      assert.deepEqual(fast.data, slow.data, `scalar \`${s}\``);
    }
  });

  it('isUnusual() is UNUSUAL.test() without the regex for text without &*!%, on 20,000 random texts', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const alphabet = ['a', ' ', '\n', '\t', ',', '[', '{', ':', '-', '&', '*', '!', '%', 'x', '\r'];
    let unusual = 0;
    for (let n = 0; n < 20000; n++) {
      let t = '';
      for (let i = next() % 12; i > 0; i--) t += alphabet[next() % (n % 2 ? alphabet.length : 9)];
      assert.equal(isUnusual(t), UNUSUAL.test(t), JSON.stringify(t));
      if (UNUSUAL.test(t)) unusual++;
    }
    assert.ok(unusual > 1000, `${unusual} unusual texts: the sample must hold both kinds`);
  });

  it('splitFrontmatter finds the closing line only at a line start of `---` or `...`', () => {
    assert.deepEqual(splitFrontmatter('---\na: 1\n  ---\nb: 2\n---\nbody'), { kind: 'ok', yamlStart: 4, yamlEnd: 20, bodyStart: 24, openLineEnd: 3 });
    assert.deepEqual(splitFrontmatter('---\r\na: 1\r\n... \r\nbody'), { kind: 'ok', yamlStart: 5, yamlEnd: 11, bodyStart: 17, openLineEnd: 4 });
    assert.deepEqual(splitFrontmatter('---\na: 1\n---x\n-- -\n'), { kind: 'unterminated', yamlStart: 4 });
  });

  it('reads whole SOPs, block scalars, flow collections and CRLF like the reference', () => {
    const texts = [
      sop(),
      sop().replace(/\n/g, '\r\n'),
      sop({ extra: 'x-catatan: |\n  baris satu\n\n  baris dua\nx-lipat: >-\n  satu\n  dua\nx-peta: {a: 1, "b c": [1, 2, {d: e}]}\n# komentar\nx-kosong:\n' }),
      fm(''),
      fm('# hanya komentar'),
      fm('- a\n- b'),
      fm('teks saja'),
      fm('"kunci: dengan titik dua": nilai\n? kunci kompleks\n: nilai'),
    ];
    for (const t of texts) {
      const fast = fastParseSop(bytes(t), 'a.md', '/a.md');
      const slow = parseSop(bytes(t), 'a.md', '/a.md');
      assert.ok(fast, `fast path declined:\n${t}`);
      assert.deepEqual(fast.data, slow.data);
      assert.equal(fast.bodyLine, slow.bodyLine);
      assert.equal(fast.body, slow.body);
      // the Document for positions is built on demand and agrees with the data
      assert.deepEqual(fast.frontmatter?.doc.toJS(), slow.frontmatter?.doc.toJS());
    }
  });

  it('merges config defaults like parseSop', () => {
    const config = { dir: '/', config: { defaults: { instansi: ['X'], logo: 'l.png' } } };
    const text = fm('nama: a\nlogo: own.png');
    const fast = fastParseSop(bytes(text), 'a.md', '/a.md', config)!;
    const slow = parseSop(bytes(text), 'a.md', '/a.md', config);
    assert.deepEqual(fast.data, slow.data);
    assert.deepEqual([...fast.fromDefaults], [...slow.fromDefaults]);
  });

  it('steps aside for broken YAML, duplicate keys, aliases, tags, directives, bad bytes and missing fences', () => {
    const declined = [
      fm('a: 1\na: 2'),
      fm('a: [1, 2'),
      fm('a:\n\t- b'),
      fm('a: &x [1]\nb: *x'),
      fm('a: !!binary aGVsbG8='),
      fm('a: !lokal x'),
      // accepted by js-yaml, rejected by yaml: a flow collection continued below its key, a key over 1024 characters
      fm('a: [1,\n2]'),
      fm('a: {b: 1,\nc: 2}'),
      fm(`${'k'.repeat(1100)}: 1`),
      '---\n%YAML 1.1\n---\n',
      '# tanpa frontmatter\n',
      '---\na: 1\n',
    ];
    for (const t of declined) assert.equal(fastParseSop(bytes(t), 'a.md', '/a.md'), undefined, t);
    assert.equal(fastParseSop(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x61, 0x3a, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]), 'a.md', '/a.md'), undefined);
  });

  it('never accepts what yaml rejects, nor reads it differently, on 3,000 random edits of an SOP', () => {
    const chars = [':', '-', ' ', '  ', '\t', '"', "'", '#', '>', '|', '\n', '? ', ', ', '[', ']', '{', '}', '~', 'null', '0x1', '1e3', '\\', '@', '`'];
    const text = sop();
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let t = text;
      for (let j = 1 + rnd(3); j > 0; j--) {
        const at = 4 + rnd(text.length - 20);
        t = rnd(2) ? t.slice(0, at) + chars[rnd(chars.length)] + t.slice(at) : t.slice(0, at) + t.slice(at + 1 + rnd(3));
      }
      const fast = fastParseSop(bytes(t), 'a.md', '/a.md');
      if (!fast) continue;
      const slow = parseSop(bytes(t), 'a.md', '/a.md');
      assert.deepEqual(slow.problems, [], `fast path accepted what yaml rejects:\n${t}`);
      assert.deepEqual(fast.data, slow.data, t);
    }
  });

  it('gives the same lint results as the `yaml`-only path on every fixture and example', async () => {
    const files: { file: string; text: Uint8Array }[] = [];
    const collect = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) collect(p);
        else if (name.endsWith('.md')) files.push({ file: path.relative(root, p), text: readFileSync(p) });
      }
    };
    collect(path.join(root, 'test/fixtures/lint'));
    const broken = [
      sop({ identity: IDENTITY.replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2025-02-30'), flow: FLOW.replace('ya: tandatangan', 'ya: 9') }),
      sop({ identity: IDENTITY.replace('nomor: "800/001/SOP/BKD/2025"\n', 'nomor: 800_001\n'), flow: FLOW.replace('waktu: 30 menit', 'waktu: 30') }),
    ];
    broken.forEach((t, i) => files.push({ file: `broken-${i}.md`, text: bytes(t) }));
    const fast = await lintTexts(files, { now: NOW, cwd: root });
    const slow = await lintTexts(files, { now: NOW, cwd: root, fastYaml: false });
    assert.deepEqual(fast, slow);
    assert.ok(fast.some((r) => r.errorCount > 0));
  });
});
