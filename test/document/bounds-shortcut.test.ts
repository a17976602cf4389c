// The lint speed-ups must not change verdicts: checkYaml's shortcut against the full line scan, and
// normalizedPrefix against normalizeName for "does the text begin with this name as a whole word".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, checkBodyLines, checkYaml, checkYamlLines, MAX_BODY_NESTING, MAX_DELIMITER_RUN, MAX_YAML_NESTING } from '../../src/document/bounds.js';
import { normalizedPrefix, normalizeName } from '../../src/model/names.js';
import { rng } from '../helpers/random.js';
import { stringify } from 'yaml';

/** YAML-ish lines: indentation by spaces or tabs, `- ` runs, keys, brackets, block scalars, comments. */
function yamlLike(next: () => number): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(next() * 60);
  const climb = next() < 0.3 ? 1 : -1; // some texts climb steadily, past the bound; most stay shallow
  let indent = 0;
  for (let i = 0; i < n; i++) {
    indent = climb > 0 ? indent + 1 + Math.floor(next() * 2) : Math.max(0, indent + Math.floor(next() * 5) - 2);
    const lead = next() < 0.05 ? '\t'.repeat(1 + Math.floor(indent / 4)) : ' '.repeat(indent);
    const dashes = next() < 0.3 ? '- '.repeat(1 + Math.floor(next() * 4)) : '';
    const tail = climb > 0 && next() < 0.9 ? 'k:' : ['k: v', 'k:', 'k: |', 'k: >-', '[a, [b, {c: d}]]', '{a: [', ']}', '# x - |', "'[q'", 'x'][Math.floor(next() * 10)];
    lines.push(lead + dashes + tail);
  }
  return lines.join('\n');
}

test('checkYaml with its shortcut finds exactly what the full scan finds (2000 seeded texts and the bound itself)', () => {
  const next = rng(35);
  let deep = 0;
  for (let i = 0; i < 2000; i++) {
    const yaml = yamlLike(next);
    const full = checkYamlLines(yaml);
    if (full) deep++;
    assert.deepEqual(checkYaml(yaml), full, `text ${i}:\n${yaml}`);
  }
  assert.ok(deep > 100 && deep < 1900, `both verdicts are compared (${deep} of 2000 go past the bound)`);
  // exactly at the bound and one past it, by spaces only (the shortcut's own case)
  const stair = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
  assert.equal(checkYaml(stair(MAX_YAML_NESTING)), undefined);
  assert.equal(checkYaml(stair(MAX_YAML_NESTING + 1))?.kind, 'nesting');
  // brackets add levels the indentation does not show
  const flowDeep = `${stair(20)}\n${' '.repeat(20)}k: ${'['.repeat(13)}${']'.repeat(13)}`;
  assert.equal(checkYaml(flowDeep)?.kind, 'nesting');
  assert.deepEqual(checkYaml(flowDeep), checkYamlLines(flowDeep));
});

/** Markdown-ish lines: indentation by spaces or tabs, quote and list markers, numbers, fences, emphasis and link runs. */
function bodyLike(next: () => number): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(next() * 40);
  const deep = next() < 0.5; // some texts nest or repeat delimiters past the bounds; most stay ordinary
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  for (let i = 0; i < n; i++) {
    const width = deep ? Math.floor(next() * 60) : Math.floor(next() * 8);
    let lead = '';
    for (let k = 0; k < width; k++) lead += pick([' ', '  ', '\t', '> ', '>', '- ', '* ', '+ ', '1. ', '12) ', '-', '9']);
    const runs = deep && next() < 0.3 ? pick(['*', '_', '[', '* ']).repeat(Math.floor(next() * 80)) : '';
    lines.push(lead + pick(['teks biasa', '**tebal** dan _miring_', '[tautan](x)', '```', '~~~', '', '- [ ] tugas', runs]) + runs.slice(0, 5));
  }
  return lines.join(next() < 0.1 ? '\r\n' : '\n');
}

test('checkBody with its shortcut finds exactly what the full scan finds (3000 seeded bodies and the bounds themselves)', () => {
  const next = rng(36);
  let over = 0;
  for (let i = 0; i < 3000; i++) {
    const body = bodyLike(next);
    const full = checkBodyLines(body);
    if (full) over++;
    assert.deepEqual(checkBody(body), full, `body ${i}:\n${body}`);
  }
  assert.ok(over > 150 && over < 2850, `both verdicts are compared (${over} of 3000 go past a bound)`);
  // at each bound and one past it
  assert.equal(checkBody('>'.repeat(MAX_BODY_NESTING)), undefined);
  assert.equal(checkBody('>'.repeat(MAX_BODY_NESTING + 1))?.kind, 'nesting');
  assert.equal(checkBody('\t'.repeat(16)), undefined);
  assert.equal(checkBody(`${'\t'.repeat(16)}  x`)?.kind, 'nesting');
  for (const c of ['*', '_', '[']) {
    assert.equal(checkBody(`a ${c.repeat(MAX_DELIMITER_RUN)}`), undefined, c);
    assert.equal(checkBody(`a ${c.repeat(MAX_DELIMITER_RUN + 1)}`)?.kind, 'delimiters', c);
    assert.equal(checkBody(`a ${`${c} `.repeat(MAX_DELIMITER_RUN + 1)}`)?.kind, 'delimiters', `${c} with spaces`);
  }
});

test('normalizedPrefix gives the same whole-word verdict as normalizing the whole text', () => {
  const next = rng(7);
  const alphabet = ['a', 'B', ' ', '\t', '\u00a0', '\u2003', 'İ', '-', 'x', '  ', '.', '7'];
  const whole = (text: string, t: string) => text.startsWith(t) && (text.length === t.length || !/[\p{L}\p{N}]/u.test(text[t.length]));
  for (let k = 0; k < 5000; k++) {
    let s = '';
    const n = Math.floor(next() * 30);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    const full = normalizeName(s);
    const limit = Math.floor(next() * 12);
    const prefix = normalizedPrefix(s, limit);
    for (let m = 1; m <= Math.min(limit, full.length); m++) {
      const title = full.slice(0, m).trim();
      if (title) assert.equal(whole(prefix, title), whole(full, title), JSON.stringify({ s, limit, title }));
    }
  }
  assert.equal(normalizedPrefix('  Kepala   Bagian  Umum memeriksa berkas', 'kepala bagian umum'.length), 'kepala bagian umum'); // cut after the space that ends the name
});

test('brackets inside a quoted scalar folded over several lines are text, not nesting', () => {
  // the yaml library folds long quoted strings; before, each continuation line was scanned as if
  // unquoted (and `\"` ended the quote), so this valid SOP text was refused as "nested too deeply"
  const text = `%%{init: {"theme":"dark","themeCSS":"*{x:url(a)}"}}%% "<img onerror=\\"a\\">" ${'[{'.repeat(20)} ${'x '.repeat(60)}`;
  for (const yaml of [stringify({ nama: text, prosedur: [{ kegiatan: text }] }), `nama: '${text.replace(/'/g, "''")}\n  ${'{['.repeat(20)}\n  it''s'\nb: 1\n`]) {
    assert.ok(yaml.split('\n').length > 3, yaml);
    assert.equal(checkYamlLines(yaml), undefined, yaml);
    assert.equal(checkYaml(yaml), undefined);
  }
  // a bracket run outside quotes still counts, also after an apostrophe in a plain scalar
  assert.ok(checkYamlLines(`a: don't\nb: ${'['.repeat(40)}\n`));
  assert.ok(checkYamlLines(`a: "x"\nb: ${'{'.repeat(40)}\n`));
});
