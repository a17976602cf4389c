// The catalogue's search index: built at build time, queried by the same browser code the page inlines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEARCH_QUERY_JS, buildSearchIndex, collectText, searchIndexJson, searchTerms, type SearchIndex } from '../../src/search/search-index.js';

const search = new Function(`${SEARCH_QUERY_JS}; return sopSearch;`)() as (ix: SearchIndex, q: string) => number[] | null;

function roundTrip(ix: SearchIndex): SearchIndex {
  return JSON.parse(searchIndexJson(ix)) as SearchIndex;
}

test('terms: folded, accents dropped, split on anything but letters and digits, markers gone', () => {
  assert.deepEqual(searchTerms('Melakukan *scanning* Surat-Masuk 800/012 Café'), ['melakukan', 'scanning', 'surat', 'masuk', '800', '012', 'cafe']);
});

test('collectText gathers every string of nested frontmatter', () => {
  assert.deepEqual(collectText({ a: 'x', b: ['y', { c: 'z', d: 3 }], e: null }), ['x', 'y', 'z', '3']);
});

test('every word must begin a term of the SOP; words may come from different fields', () => {
  const ix = roundTrip(
    buildSearchIndex([
      ['Penanganan Surat Masuk', 'Kepala Badan menerima surat'],
      ['Cuti Tahunan', 'Kepala Bidang memeriksa'],
      ['Izin Belajar', 'Menyusun telaahan staf'],
    ]),
  );
  assert.deepEqual(search(ix, 'kepala badan'), [0]);
  assert.deepEqual(search(ix, 'KEPALA'), [0, 1]);
  assert.deepEqual(search(ix, 'kep bid'), [1]);
  assert.deepEqual(search(ix, 'telaahan'), [2]);
  assert.deepEqual(search(ix, 'tidakada'), []);
  assert.equal(search(ix, '   '), null);
});

test('both posting encodings (gaps and bitsets) decode to the same SOPs', () => {
  const texts = Array.from({ length: 200 }, (_, i) => [`umum dok${i} ${i % 3 === 0 ? 'tiga' : ''} ${i % 50 === 7 ? 'langka' : ''}`]);
  const ix = roundTrip(buildSearchIndex(texts));
  assert.match(ix.p, /~/, 'a frequent term is stored as a bitset');
  assert.equal(search(ix, 'umum')!.length, 200);
  assert.deepEqual(search(ix, 'tiga'), texts.map((_, i) => i).filter((i) => i % 3 === 0));
  assert.deepEqual(search(ix, 'langka'), [7, 57, 107, 157]);
  assert.deepEqual(search(ix, 'dok199'), [199]);
  assert.deepEqual(search(ix, 'dok19'), [19, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199]);
});

test('the JSON cannot close the script block it sits in', () => {
  const json = searchIndexJson(buildSearchIndex([['</script><b>']]));
  assert.doesNotMatch(json, /</);
});

test('front-coded terms decode, also when neighbours share more than 35 characters', () => {
  const long = 'a'.repeat(40);
  const ix = roundTrip(buildSearchIndex([[`${long}x`], [`${long}y zeta`], ['ab']]));
  assert.deepEqual(search(ix, `${long}y`), [1]);
  assert.deepEqual(search(ix, long), [0, 1]);
  assert.deepEqual(search(ix, 'ab'), [2]);
  assert.deepEqual(search(ix, 'a'), [0, 1, 2]);
  assert.deepEqual(search(ix, 'zeta'), [1]);
});
