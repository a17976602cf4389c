// Inline disables in the frontmatter (`# sop-disable-next-line`, `# sop-disable` / `# sop-enable`) and
// rule unused-disable: what they silence, by rule id and line, and how an unused one is reported.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/api/lint.js';
import { directivesOf } from '../../../src/lint/directives.js';
import { NOW } from '../rule-tester.js';
import { IDENTITY, pos, sop } from '../sop-text.js';

const BAD_NIP = '"19750312 200012 1 03"';
const BAD_DATE = 'tanggal_efektif: 2024-02-01'; // before tanggal_pembuatan: date-order
const withBad = (identity: string) => sop({ identity: identity.replace('"19750312 200012 1 003"', BAD_NIP).replace('tanggal_efektif: 2025-02-01', BAD_DATE) });
const found = async (text: string, lang: 'id' | 'en' = 'id') =>
  (await lintText(text, { now: NOW, lang })).diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity}${d.ruleId === 'unused-disable' ? ` ${d.message}` : ''}`);

describe('inline disables', () => {
  it('without directives both problems are reported (the base of the cases below)', async () => {
    const text = withBad(IDENTITY);
    const nip = pos(text, BAD_NIP);
    const date = pos(text, '2024-02-01');
    assert.deepEqual((await found(text)).map((l) => l.split(' ').slice(0, 2).join(' ').replace(/-\d+:\d+$/, '')), [`date-order ${date.line}:${date.column}`, `nip-format ${nip.line}:${nip.column}`]);
  });

  it('# sop-disable-next-line <rule> silences that rule on the next line only', async () => {
    const text = withBad(IDENTITY.replace('  nip: ', '  # sop-disable-next-line nip-format -- NIP lama\n  nip: '));
    assert.deepEqual((await found(text)).map((l) => l.split(' ')[0]), ['date-order']);
    // another rule named: the NIP problem stays and the directive is unused, reported where it is written
    const other = withBad(IDENTITY.replace('  nip: ', '  # sop-disable-next-line active-verb\n  nip: '));
    const at = pos(other, '# sop-disable-next-line');
    const r = await found(other);
    assert.ok(r.some((l) => l.startsWith('nip-format ')), r.join('\n'));
    assert.ok(r.includes(`unused-disable ${at.line}:${at.column}-${at.line}:${at.column + '# sop-disable-next-line active-verb'.length} warning \`# sop-disable-next-line active-verb\` tidak menekan temuan apa pun (active-verb); hapus komentar ini`), r.join('\n'));
  });

  it('# sop-disable <rule> ... # sop-enable silences the lines between', async () => {
    const block = withBad(IDENTITY.replace('tanggal_pembuatan:', '# sop-disable date-order, nip-format\ntanggal_pembuatan:').replace('disahkan_oleh:', '# sop-enable date-order\ndisahkan_oleh:'));
    // date-order (inside) silenced; nip-format stays off to the end of the file
    assert.deepEqual(await found(block), []);
    // the enable before the date: date-order is back, and its disable silenced nothing
    const early = withBad(IDENTITY.replace('tanggal_pembuatan:', '# sop-disable date-order\n# sop-enable\ntanggal_pembuatan:'));
    const at = pos(early, '# sop-disable date-order');
    const date = pos(early, '2024-02-01');
    const r = await found(early, 'en');
    assert.deepEqual(r.filter((l) => !l.startsWith('nip-format')), [
      `unused-disable ${at.line}:1-${at.line}:25 warning \`# sop-disable date-order\` suppresses nothing (date-order); remove the comment`,
      `date-order ${date.line}:${date.column}-${date.line}:${date.column + 10} error`,
    ].sort((a, b) => Number(a.split(' ')[1].split(':')[0]) - Number(b.split(' ')[1].split(':')[0])));
  });

  it('without a rule id every rule is silenced; an unknown id is reported', async () => {
    assert.deepEqual(await found(withBad(`# sop-disable\n${IDENTITY}`)), []);
    const text = sop({ identity: IDENTITY.replace('jenis:', '# sop-disable-next-line nip-fromat\njenis:') });
    const at = pos(text, '# sop-disable-next-line nip-fromat');
    assert.deepEqual(await found(text), [`unused-disable ${at.line}:1-${at.line}:35 warning \`# sop-disable-next-line nip-fromat\`: aturan \`nip-fromat\` tidak dikenal`]);
  });

  it('unused-disable follows the rules config; directives outside the frontmatter are not read', async () => {
    const text = sop({ identity: IDENTITY.replace('jenis:', '# sop-disable-next-line nip-format\njenis:') });
    assert.equal((await lintText(text, { now: NOW, rules: { 'unused-disable': 'off' } })).diagnostics.length, 0);
    assert.equal((await lintText(text, { now: NOW, rules: { 'unused-disable': 'error' } })).diagnostics[0].severity, 'error');
    assert.deepEqual(directivesOf(`${sop()}\n# sop-disable nip-format\n`), []);
    assert.deepEqual(directivesOf('---\n  # sop-disable-next-line a, b -- why\nx: 1\n---\n').map((d) => [d.kind, d.rules, d.line, d.column, d.endColumn]), [['disable-next-line', ['a', 'b'], 2, 3, 38]]);
  });
});
