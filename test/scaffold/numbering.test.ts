// Tests of numbering: the next free nomor for a config pattern across existing numbers, gaps and years.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FALLBACK_NUMBERING, fitsPattern, nextNomor, numberingRegex } from '../../src/scaffold/numbering.js';

const may2025 = new Date(2025, 4, 6, 12);

describe('nextNomor', () => {
  const pattern = '800/{seq:3}/SOP/BKD/{year}';

  it('starts at 001 in an empty repository', () => {
    assert.deepEqual(nextNomor(pattern, [], may2025), { nomor: '800/001/SOP/BKD/2025', seq: 1 });
  });
  it('takes the highest serial of the same year plus one, not the first gap', () => {
    const used = ['800/001/SOP/BKD/2025', '800/005/SOP/BKD/2025', '800/003/SOP/BKD/2025'];
    assert.equal(nextNomor(pattern, used, may2025).nomor, '800/006/SOP/BKD/2025');
  });
  it('ignores other years, other patterns and numbers with stray spaces trimmed', () => {
    const used = ['800/040/SOP/BKD/2024', '900/050/SOP/BKD/2025', '800/007/SOP/DINKES/2025', ' 800/002/SOP/BKD/2025 ', '-'];
    assert.equal(nextNomor(pattern, used, may2025).nomor, '800/003/SOP/BKD/2025');
  });
  it('grows past the padding width instead of wrapping', () => {
    assert.equal(nextNomor(pattern, ['800/999/SOP/BKD/2025'], may2025).nomor, '800/1000/SOP/BKD/2025');
  });
  it('counts every year alike when the pattern has no {year}', () => {
    assert.equal(nextNomor('SOP-{seq:2}', ['SOP-07', 'SOP-3'], may2025).nomor, 'SOP-08');
  });
  it('supports {seq} without width and patterns with regex characters', () => {
    assert.equal(nextNomor('445.8/{seq}-Sekret.({year})', ['445.8/9-Sekret.(2025)', '44548/99-Sekret.(2025)'], may2025).nomor, '445.8/10-Sekret.(2025)');
  });
  it('fills a pattern without {seq} as it is (the caller warns)', () => {
    assert.deepEqual(nextNomor('SOP/BKD/{year}', ['SOP/BKD/2025'], may2025), { nomor: 'SOP/BKD/2025' });
  });
  it('has a fallback pattern for repositories without numbering', () => {
    assert.equal(nextNomor(FALLBACK_NUMBERING, ['001/SOP/2025'], may2025).nomor, '002/SOP/2025');
  });
});

describe('numberingRegex', () => {
  it('matches whole numbers only', () => {
    const re = numberingRegex('800/{seq:3}/SOP/{year}');
    assert.ok(re.test('800/012/SOP/2025'));
    assert.ok(!re.test('x800/012/SOP/2025'));
    assert.ok(!re.test('800/012/SOP/25'));
  });
});

describe('fitsPattern', () => {
  it('accepts a number of the pattern in the current year only', () => {
    assert.ok(fitsPattern('800/{seq:3}/SOP/{year}', '800/012/SOP/2025', may2025));
    assert.ok(!fitsPattern('800/{seq:3}/SOP/{year}', '800/012/SOP/2024', may2025));
    assert.ok(!fitsPattern('800/{seq:3}/SOP/{year}', '-', may2025));
    assert.ok(fitsPattern('SOP-{seq}', 'SOP-4', may2025));
  });
});
