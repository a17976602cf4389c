// Document profiles: layout defaults, malformed values fall back, labels and signature footer resolved; the schema lists the same label keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LABEL_KEYS } from '../../src/core/labels.js';
import { DEFAULT_LAYOUT, applyCase, resolveLayout, resolveProfile } from '../../src/core/profile.js';

test('layout defaults: flow on a new page, no column numbers, case as written, numbered identity lists, dashed cells, total row', () => {
  assert.deepEqual(resolveLayout(undefined), DEFAULT_LAYOUT);
  assert.deepEqual(resolveLayout({}), {
    flowOnIdentityPage: false,
    columnNumbers: false,
    case: 'asis',
    listStyle: { identity: 'number', cells: 'dash' },
    totalRow: true,
  });
});

test('layout values as written win; malformed ones fall back to the default', () => {
  const l = resolveLayout({ flowOnIdentityPage: true, columnNumbers: true, case: 'upper', listStyle: { identity: 'dash', cells: 'number' }, totalRow: false });
  assert.deepEqual(l, { flowOnIdentityPage: true, columnNumbers: true, case: 'upper', listStyle: { identity: 'dash', cells: 'number' }, totalRow: false });
  const bad = resolveLayout({ flowOnIdentityPage: 'ya', case: 'lower', listStyle: { identity: 'roman' } } as never);
  assert.equal(bad.flowOnIdentityPage, false);
  assert.equal(bad.case, 'asis');
  assert.equal(bad.listStyle.identity, 'number');
});

test('resolveProfile: labels over the language defaults, the signature footer only when it has text', () => {
  const p = resolveProfile('id', { labels: { kegiatan: 'Uraian Prosedur' }, signature: { footer: 'Dokumen ini telah ditandatangani secara elektronik' } });
  assert.equal(p.labels.kegiatan, 'Uraian Prosedur');
  assert.equal(p.labels.waktu, 'Waktu');
  assert.equal(p.signatureFooter, 'Dokumen ini telah ditandatangani secara elektronik');
  assert.equal(resolveProfile('en', { signature: { footer: ' ' } }).signatureFooter, undefined);
});

test('applyCase: as written by default, capitals (Indonesian rules) with case: upper', () => {
  assert.equal(applyCase('Kepala Badan', { case: 'asis' }), 'Kepala Badan');
  assert.equal(applyCase('Kepala Badan', { case: 'upper' }), 'KEPALA BADAN');
});

test('the config schema, where it describes `labels`, lists exactly LABEL_KEYS (one source of truth)', (t) => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };
  const labels = schema.properties.labels;
  if (!labels?.properties) {
    t.skip('the config schema has no `labels` yet');
    return;
  }
  assert.deepEqual(Object.keys(labels.properties).sort(), [...LABEL_KEYS].sort());
});
