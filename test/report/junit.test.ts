// Tests the junit formatter: exact XML, well-formedness, escaping and the tests/failures/errors counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { junit } from '../../src/report/formatters/junit.js';
import { context, fileResult, sampleResults } from './factories.js';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(s)) throw new Error(`bad entity in ${JSON.stringify(s)}`);
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITY[e]!);
}

/** A strict little XML reader: enough to prove the output is well-formed and to read it back. */
function parseXml(xml: string): El {
  let rest = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text.includes('>')) throw new Error('raw > in text');
    stack.at(-1)!.text += unescape(text);
    if (lt === -1) break;
    rest = rest.slice(lt);
    const close = /^<\/([A-Za-z][\w-]*)>/.exec(rest);
    if (close) {
      const open = stack.pop()!;
      if (open.name !== close[1]) throw new Error(`</${close[1]}> closes <${open.name}>`);
      rest = rest.slice(close[0].length);
      continue;
    }
    const tag = /^<([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w-]*="[^"<]*")*)\s*(\/?)>/.exec(rest);
    if (!tag) throw new Error(`malformed tag at ${JSON.stringify(rest.slice(0, 40))}`);
    const attrs: Record<string, string> = {};
    for (const m of tag[2]!.matchAll(/([A-Za-z][\w-]*)="([^"]*)"/g)) {
      if (m[1]! in attrs) throw new Error(`duplicate attribute ${m[1]}`);
      attrs[m[1]!] = unescape(m[2]!);
    }
    const el: El = { name: tag[1]!, attrs, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    if (!tag[3]) stack.push(el);
    rest = rest.slice(tag[0].length);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('need exactly one root element');
  return root.children[0]!;
}

test('exact XML for failures, a clean file and a related location', () => {
  const expected = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites name="sop lint" tests="4" failures="3" errors="0">',
    '  <testsuite name="sop/a.md" tests="2" failures="2" errors="0">',
    '    <testcase name="schema at 3:5" classname="sop/a.md">',
    '      <failure message="Missing key &quot;nip&quot; in disahkan_oleh" type="schema">sop/a.md:3:5: error: Missing key &quot;nip&quot; in disahkan_oleh (schema)</failure>',
    '    </testcase>',
    '    <testcase name="unused-pelaksana at 12:10" classname="sop/a.md">',
    '      <failure message="Actor &quot;kepala&quot; has no row" type="unused-pelaksana">sop/a.md:12:10: warning: Actor &quot;kepala&quot; has no row (unused-pelaksana)</failure>',
    '    </testcase>',
    '  </testsuite>',
    '  <testsuite name="sop/b.md" tests="1" failures="0" errors="0">',
    '    <testcase name="lint: no problems" classname="sop/b.md"/>',
    '  </testsuite>',
    '  <testsuite name="sop/c.md" tests="1" failures="1" errors="0">',
    '    <testcase name="duplicate-nomor at 2:8" classname="sop/c.md">',
    '      <failure message="Duplicate nomor &quot;800/01&quot;" type="duplicate-nomor">sop/c.md:2:8: error: Duplicate nomor &quot;800/01&quot; (duplicate-nomor)',
    'sop/a.md:2:8: First used here</failure>',
    '    </testcase>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
  assert.equal(junit(sampleResults(), context()), expected);
});

test('is well-formed and its counts match the elements', () => {
  const results = [
    ...sampleResults(),
    fileResult('sop/d.md', [{ source: 'io', ruleId: 'io', message: 'cannot read' }, { message: 'x' }]),
  ];
  const root = parseXml(junit(results, context()));
  assert.equal(root.name, 'testsuites');
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const suite of root.children) {
    assert.equal(suite.name, 'testsuite');
    const cases = suite.children.filter((c) => c.name === 'testcase');
    const f = cases.flatMap((c) => c.children).filter((c) => c.name === 'failure').length;
    const e = cases.flatMap((c) => c.children).filter((c) => c.name === 'error').length;
    assert.equal(Number(suite.attrs.tests), cases.length, suite.attrs.name);
    assert.equal(Number(suite.attrs.failures), f);
    assert.equal(Number(suite.attrs.errors), e);
    tests += cases.length;
    failures += f;
    errors += e;
  }
  assert.deepEqual([tests, failures, errors], [6, 4, 1]);
  assert.deepEqual([root.attrs.tests, root.attrs.failures, root.attrs.errors], ['6', '4', '1']);
});

test('escapes markup and drops characters XML cannot hold', () => {
  const message = 'a <b> & "c" \'d\' \u0001end';
  const root = parseXml(junit([fileResult('sop/<&>.md', [{ message, ruleId: 'r&d' }])], context()));
  const suite = root.children[0]!;
  assert.equal(suite.attrs.name, 'sop/<&>.md');
  const failure = suite.children[0]!.children[0]!;
  assert.equal(failure.attrs.message, 'a <b> & "c" \'d\' end');
  assert.equal(failure.attrs.type, 'r&d');
  assert.equal(failure.text, 'sop/<&>.md:1:1: error: a <b> & "c" \'d\' end (r&d)');
});

test('the passing testcase label follows lang, and an empty run is an empty testsuites', () => {
  assert.match(junit([fileResult('a.md')], context({ lang: 'id' })), /<testcase name="lint: tanpa masalah" classname="a.md"\/>/);
  assert.equal(junit([], context()), '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sop lint" tests="0" failures="0" errors="0">\n</testsuites>\n');
});

test('the reader used above rejects malformed XML', () => {
  assert.throws(() => parseXml('<a><b></a></b>'));
  assert.throws(() => parseXml('<a x="1 & 2"/>'));
  assert.throws(() => parseXml('<a>'));
});
