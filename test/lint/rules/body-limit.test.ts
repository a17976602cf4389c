// Tests of body-limit and the YAML bounds: 2 KB inputs that exhaust parsers are refused at a stable,
// located place, fast, by lint and build alike; ordinary bodies pass.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../../src/api/build.js';
import { lintText } from '../../../src/api/lint.js';
import { checkBody, checkYaml, MAX_BODY_CHARS } from '../../../src/document/bounds.js';
import { sopText, tempDir } from '../../helpers/build.js';
import { sop } from '../sop-text.js';
import { sharedBrowser } from '../../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

const withBody = (body: string) => sop().replace(/Catatan\.\n$/, body);
const bodyLine = sop().split('\n').length - 1; // line of the body's first line

async function limits(text: string) {
  const r = await lintText(text, { lang: 'en' });
  return r.diagnostics.filter((d) => d.ruleId === 'body-limit' || d.ruleId === 'yaml-syntax').map((d) => `${d.ruleId} ${d.line}:${d.column}`);
}

describe('rule body-limit', () => {
  for (const [name, body] of [
    ['`- ` × 1000', `${'- '.repeat(1000)}a\n`],
    ['`> ` × 5000', `${'> '.repeat(5000)}a\n`],
    ['`*` × 3000', `${'*'.repeat(3000)}a${'*'.repeat(3000)}\n`],
    ['`[` × 3000', `${'['.repeat(3000)}a\n`],
  ] as const) {
    it(`refuses ${name} at the body's first line`, async () => {
      const t = Date.now();
      assert.deepEqual(await limits(withBody(body)), [`body-limit ${bodyLine}:1`]);
      assert.ok(Date.now() - t < 2000);
    });
  }

  it('refuses lists nested 15,000 deep quickly, at the first line past the bound', async () => {
    const t = Date.now();
    assert.deepEqual(await limits(withBody(`${'- '.repeat(15000)}a\n`)), [`body-limit ${bodyLine}:1`]);
    assert.ok(Date.now() - t < 2000, `${Date.now() - t} ms`);
    // nesting by indentation: item i is indented 2·i columns, so item 32 is the 33rd level
    const indented = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n');
    assert.deepEqual(await limits(withBody(`Daftar:\n\n${indented}\n`)), [`body-limit ${bodyLine + 2 + 32}:1`]);
  });

  it('passes ordinary nesting, fenced code with deep indentation and a 1 MB word', async () => {
    const body = '> Dasar\n>\n> - a\n>   - b\n>     1. c\n\n```\n' + ' '.repeat(200) + 'kode\n```\n\n' + 'x'.repeat(1024 * 1024) + '\n';
    assert.deepEqual(await limits(withBody(body)), []);
    assert.equal(checkBody('*'.repeat(64)), undefined);
    assert.equal(checkBody('x'.repeat(MAX_BODY_CHARS + 1))?.kind, 'size');
  });

  it('build refuses exactly what lint reports; the other SOPs still build (--force)', async () => {
    const { dir, cleanup } = tempDir('sop-body-limit-');
    try {
      writeFileSync(path.join(dir, 'a.md'), sopText({ file: 'a.md', nomor: '001/SOP/A/2025', nama: 'A', body: `${'> '.repeat(5000)}a\n` }));
      writeFileSync(path.join(dir, 'b.md'), sopText({ file: 'b.md', nomor: '002/SOP/A/2025', nama: 'B' }));
      const r = await build({ launch: chromium.launch, cwd: dir, formats: ['html'], outDir: path.join(dir, '_site') });
      assert.equal(r.ok, false);
      assert.deepEqual(r.lint.results.map((x) => [x.filePath, x.diagnostics.map((d) => d.ruleId)]), [['a.md', ['body-limit']], ['b.md', []]]);
      const f = await build({ launch: chromium.launch, cwd: dir, formats: ['html'], outDir: path.join(dir, '_site'), force: true });
      assert.ok(f.ok);
      assert.deepEqual(f.skipped, ['a.md']);
      assert.deepEqual(f.sops.map((s) => s.file), ['b.md']);
    } finally {
      cleanup();
    }
  });
});

describe('YAML bounds (yaml-syntax)', () => {
  const deepYaml = (n: number) => `${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n`;

  it('too-deep YAML is reported at the same line and column on every run', async () => {
    const text = `---\n${deepYaml(300)}---\n`;
    const a = await limits(text);
    const b = await limits(text);
    assert.deepEqual(a, ['yaml-syntax 34:1']);
    assert.deepEqual(b, a);
    const flow = `---\nx: ${'['.repeat(5000)}\n---\n`;
    assert.deepEqual(await limits(flow), ['yaml-syntax 2:1']);
    assert.deepEqual(await limits(`---\n${'- '.repeat(3000)}a\n---\n`), ['yaml-syntax 2:1']);
  });

  it('a 1 MB YAML list is refused by size without being parsed', async () => {
    const text = `---\nketerkaitan:\n${'  - SOP Nomor 123\n'.repeat(60000)}---\n`;
    const before = process.memoryUsage().heapUsed;
    const t = Date.now();
    const r = await lintText(text, { lang: 'en' });
    assert.ok(Date.now() - t < 3000, `${Date.now() - t} ms`);
    assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024);
    assert.deepEqual(r.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`), ['yaml-syntax 2:1']);
    assert.match(r.diagnostics[0].message, /too large \(\d+ characters; the limit is 524288\)/);
  });

  it('ordinary YAML with block scalars and flow lists passes the bounds', () => {
    assert.equal(checkYaml('a:\n  b:\n    - c: |\n        ' + 'x\n'.repeat(3) + '      d: [1, [2, {e: 3}]]\n'), undefined);
  });
});
