// Engine behaviour across rules: one report per node and reason, rules still run on schema-broken data, order of results.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, lintTexts } from '../../src/api/lint.js';
import { configurableRuleIds, ruleIds, rules } from '../../src/lint/rules/index.js';
import { NOW } from './rule-tester.js';
import { FLOW, IDENTITY, pos, sop } from './sop-text.js';

describe('engine', () => {
  it('a valid SOP has no diagnostics', async () => {
    const r = await lintText(sop(), { now: NOW });
    assert.deepEqual(r, { filePath: 'sop.md', diagnostics: [], errorCount: 0, warningCount: 0 });
  });

  it('does not report the same node twice for one reason (schema first)', async () => {
    const code = sop({ flow: FLOW.replace('waktu: 30 menit', 'waktu: ""').replace('tidak: 1', 'tidak: Satu') });
    const r = await lintText(code, { now: NOW });
    assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.line]), [
      ['schema', pos(code, 'waktu: ""').line],
      ['schema', pos(code, 'tidak: Satu').line],
    ]);
  });

  it('still runs the semantic rules when the schema fails elsewhere', async () => {
    const code = sop({
      identity: IDENTITY.replace('nomor: "800/001/SOP/BKD/2025"\n', '').replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2025-02-30'),
      flow: FLOW.replace('pelaksana: kepala\n', 'pelaksana: kepla\n'),
    });
    const r = await lintText(code, { now: NOW });
    assert.deepEqual(r.diagnostics.map((d) => d.ruleId), ['schema', 'date-order', 'unused-pelaksana', 'unknown-pelaksana']);
  });

  it('sorts diagnostics by line and column and counts them', async () => {
    const code = sop({ flow: FLOW.replace('waktu: 30 menit', 'waktu: lama').replace('Mengisi formulir', 'Isi formulir') });
    const r = await lintText(code, { now: NOW });
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.ruleId, d.severity]), [
      [pos(code, 'Isi formulir').line, 'active-verb', 'warning'],
      [pos(code, 'waktu: lama').line, 'waktu-format', 'error'],
    ]);
    assert.equal(r.errorCount, 1);
    assert.equal(r.warningCount, 1);
  });

  it('sorts results by path', async () => {
    const other = sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', '"800/002/SOP/BKD/2025"').replace('Cuti Tahunan', 'Cuti Besar') });
    const rs = await lintTexts([{ file: 'z/b.md', text: sop() }, { file: 'a.md', text: other }], { now: NOW });
    assert.deepEqual(rs.map((r) => r.filePath), ['a.md', 'z/b.md']);
  });

  it('every diagnostic has a full 1-based range', async () => {
    const code = sop({ identity: IDENTITY.replace('jenis: administratif', 'jenis: lain'), flow: FLOW.replace('ya: tandatangan', 'ya: 7') });
    const r = await lintText(code, { now: NOW });
    assert.ok(r.diagnostics.length >= 2);
    for (const d of r.diagnostics) {
      for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(d[k]) && d[k] >= 1, `${d.ruleId} ${k}`);
      assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn > d.column), `${d.ruleId} has an empty range`);
    }
  });
});

describe('registry', () => {
  it('holds every rule id of spec §6 plus the loader ids, each with its own file name', async () => {
    const spec = ['yaml-syntax', 'frontmatter-missing', 'schema', 'unknown-pelaksana', 'unused-pelaksana', 'duplicate-id', 'unknown-target', 'decision-branches', 'unreachable-kegiatan', 'no-end', 'date-order', 'nip-format', 'waktu-format', 'duplicate-nomor', 'duplicate-nama', 'nomor-pattern', 'keterkaitan-unresolved', 'active-verb', 'teknis-single-pelaksana', 'max-pelaksana', 'output-chain',
      // format 1.1 (spec §7.5)
      'pelaksana-mismatch', 'keterkaitan-self', 'decision-unlabelled', 'nip-missing', 'row-number-override',
      // lifecycle records (issue #15)
      'inventaris-coverage', 'monitoring-due', 'evaluasi-tindak-lanjut'];
    const documentControl = ['revisi-outdated', 'status-links', 'status-duplicate', 'status-dates']; // issue #14
    const drawing = ['flow-header-too-tall']; // issue #16: what build and render would refuse
    const inlineDisables = ['unused-disable']; // issue #13
    assert.deepEqual([...configurableRuleIds], [...spec, ...documentControl, ...drawing, ...inlineDisables]);
    assert.deepEqual([...ruleIds], [...spec, ...documentControl, ...drawing, ...inlineDisables, 'file-encoding', 'file-read', 'path-outside', 'body-limit']);
  });

  it('default levels follow spec §6', () => {
    const warn = ['unused-pelaksana', 'duplicate-nama', 'active-verb', 'teknis-single-pelaksana', 'max-pelaksana', 'pelaksana-mismatch', 'keterkaitan-self', 'decision-unlabelled', 'nip-missing', 'row-number-override', 'inventaris-coverage', 'monitoring-due', 'evaluasi-tindak-lanjut', 'revisi-outdated', 'status-duplicate',
      // issue #13: an inline disable that suppressed nothing
      'unused-disable'];
    const off = ['keterkaitan-unresolved', 'output-chain'];
    for (const id of ruleIds) assert.equal(rules[id].meta.defaultLevel, warn.includes(id) ? 'warn' : off.includes(id) ? 'off' : 'error', id);
  });

  it('every rule names its docs page and has messages in both languages', () => {
    for (const r of Object.values(rules)) {
      assert.equal(r.meta.docsUrl, `docs/rules/${r.id}.md`);
      for (const [k, m] of Object.entries(r.meta.messages)) assert.ok(m.id && m.en, `${r.id}.${k}`);
      assert.ok(r.meta.description.id && r.meta.description.en);
    }
  });

  it('config schema and registry agree on the configurable rule ids', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8'));
    assert.deepEqual(schema.properties.rules.propertyNames.enum, [...configurableRuleIds]);
  });
});
