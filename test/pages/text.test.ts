// Unit tests of the build's text helpers: long dates in both languages, HTML/CSS escaping, natural order of SOP numbers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cssString, escapeHtml } from '../../src/pages/html/escape.js';
import { formatDate, naturalCompare } from '../../src/pages/text.js';

describe('formatDate', () => {
  it('prints Indonesian long dates without a leading zero', () => {
    assert.equal(formatDate('2025-01-15', 'id'), '15 Januari 2025');
    assert.equal(formatDate('2024-12-05', 'id'), '5 Desember 2024');
    assert.equal(formatDate('2025-08-31', 'id'), '31 Agustus 2025');
  });
  it('prints a month date (format 1.1) as month and year', () => {
    assert.equal(formatDate('2023-08', 'id'), 'Agustus 2023');
    assert.equal(formatDate('2023-08', 'en'), 'August 2023');
    assert.equal(formatDate('2023-13', 'id'), '2023-13');
  });
  it('prints English month names with lang en', () => {
    assert.equal(formatDate('2025-01-15', 'en'), '15 January 2025');
  });
  it('prints - for a date that does not apply', () => {
    assert.equal(formatDate('-', 'id'), '-');
    assert.equal(formatDate(null, 'id'), '-');
    assert.equal(formatDate(undefined, 'en'), '-');
    assert.equal(formatDate('  ', 'id'), '-');
  });
  it('leaves what is not an ISO date as written', () => {
    assert.equal(formatDate('awal 2026', 'id'), 'awal 2026');
    assert.equal(formatDate('2025-13-01', 'id'), '2025-13-01');
  });
});

describe('escaping', () => {
  it('escapes every character that could open markup or close an attribute', () => {
    assert.equal(escapeHtml(`<img src=x onerror="a('1')">&`), '&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;');
  });
  it('turns anything outside a safe set into CSS hex escapes', () => {
    const s = cssString('800/1 "x" </style>{}\\');
    assert.ok(!/["{}<\\]\s*style/.test(s.slice(1, -1).replace(/\\[0-9a-f]+ /g, '')), s);
    assert.ok(s.startsWith('"800/1 \\22 x\\22 '), s);
    assert.ok(!s.slice(1, -1).includes('"'));
  });
});

describe('naturalCompare', () => {
  it('orders numbers inside SOP numbers by value', () => {
    const list = ['800/010/SOP', '800/002/SOP', '800/1/SOP', '800/100/SOP'];
    assert.deepEqual([...list].sort(naturalCompare), ['800/1/SOP', '800/002/SOP', '800/010/SOP', '800/100/SOP']);
  });
});
