// Inline Markdown in flow table cells (format §7.3): *emphasis*, **strong** and line breaks are drawn, everything else escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFlowTable } from '../../../src/render/flowtable/index.js';
import { measureRuns, measureText, wrapInline } from '../../../src/render/flowtable/font.js';
import { buildModel } from './model-fixtures.js';
import { parseXml } from './svg-check.js';

function model() {
  return buildModel({ pemohon: 'Pemohon', petugas: 'Petugas Arsip' }, [
    { actor: 'pemohon', kegiatan: 'Melakukan *scanning* surat dan **lampirannya**', kelengkapan: ['Surat *asli*', 'Formulir\nrangkap dua'], output: 'Berkas **PDF**', waktu: '10 menit' },
    { actor: 'petugas', kegiatan: 'Memeriksa <b>data</b> & nilai 5 * 3', kelengkapan: 'Berkas PDF', output: 'Berkas diperiksa', keterangan: 'Baris satu\nbaris *dua*' },
  ]);
}

/** The markup of one body cell's <text> (the XML parser checks the page is well-formed). */
function cell(svg: string, row: number, col: string): string {
  parseXml(svg);
  const m = new RegExp(`<text data-row="${row}" data-col="${col}"[^>]*>([\\s\\S]*?)</text>`).exec(svg);
  assert.ok(m, `${col} of row ${row}`);
  return m[1];
}

const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Each printed line of a cell (a <tspan x y> of its <text>): its x, its text and its styled pieces. */
function lines(markup: string): { x: number; text: string; styled: { text: string; italic: boolean; bold: boolean }[] }[] {
  return [...markup.matchAll(/<tspan x="([\d.]+)" y="[\d.]+">((?:(?!<tspan x=).)*?)<\/tspan>(?=<tspan x=|$)/g)].map((m) => ({
    x: Number(m[1]),
    text: decode(m[2]),
    styled: [...m[2].matchAll(/<tspan( [^>]*)>([^<]*)<\/tspan>/g)].map((t) => ({ text: decode(t[2]).trim(), italic: t[1].includes('font-style="italic"'), bold: t[1].includes('font-weight="700"') })),
  }));
}

test('emphasis and strong print as italic and bold pieces, without asterisks', () => {
  const svg = renderFlowTable(model(), { embedFont: false }).pages[0].svg;
  const kegiatan = lines(cell(svg, 0, 'kegiatan'));
  const joined = kegiatan.map((l) => l.text).join(' ');
  assert.equal(joined.replace(/\s+/g, ' '), 'Melakukan scanning surat dan lampirannya');
  const styled = kegiatan.flatMap((l) => l.styled);
  assert.deepEqual(styled, [
    { text: 'scanning', italic: true, bold: false },
    { text: 'lampirannya', italic: false, bold: true },
  ]);
  assert.deepEqual(lines(cell(svg, 0, 'output')).flatMap((l) => l.styled), [{ text: 'PDF', italic: false, bold: true }]);
  // No asterisk in any cell of the row.
  for (const col of ['kegiatan', 'kelengkapan', 'output']) assert.doesNotMatch(lines(cell(svg, 0, col)).map((l) => l.text).join(' '), /\*/, col);
});

test('a line break inside a list item stays in that item; one in Keterangan starts a new line', () => {
  const svg = renderFlowTable(model(), { embedFont: false }).pages[0].svg;
  const kel = lines(cell(svg, 0, 'kelengkapan'));
  assert.deepEqual(
    kel.map((l) => l.text),
    ['- Surat asli', '- Formulir', 'rangkap dua'],
  );
  // the continuation hangs under the item's text, not under its dash
  assert.ok(kel[2].x > kel[1].x, `hanging indent: ${kel.map((l) => l.x)}`);
  assert.deepEqual(kel[0].styled, [{ text: 'asli', italic: true, bold: false }]);
  assert.deepEqual(lines(cell(svg, 1, 'keterangan')).map((l) => l.text), ['Baris satu', 'baris dua']);
});

test('anything else is text: raw HTML escaped, a lone * kept', () => {
  const svg = renderFlowTable(model(), { embedFont: false }).pages[0].svg;
  assert.match(svg, /Memeriksa &lt;b&gt;data&lt;\/b&gt; &amp; nilai/);
  const k = lines(cell(svg, 1, 'kegiatan'));
  assert.equal(k.map((l) => l.text).join(' ').replace(/\s+/g, ' '), 'Memeriksa <b>data</b> & nilai 5 * 3');
  assert.deepEqual(k.flatMap((l) => l.styled), []);
  // plain cells stay one bare <tspan> per line, as before
  assert.match(cell(svg, 1, 'output'), /^(<tspan x="[\d.]+" y="[\d.]+">[^<]+<\/tspan>)+$/);
});

test('strong words are measured in bold: the line breaks where the bold text no longer fits', () => {
  const plain = measureText('aaaa bbbb', 9);
  const runs = [{ text: 'aaaa ' }, { text: 'bbbb', strong: true }];
  assert.ok(measureRuns(runs, 9) > plain);
  // room for the regular text, not for the bold word: two lines
  const two = wrapInline([runs], plain + 0.01, 9);
  assert.deepEqual(two.map((l) => l.text), ['aaaa', 'bbbb']);
  assert.equal(two[0].runs, undefined);
  assert.deepEqual(two[1].runs, [{ text: 'bbbb', strong: true }]);
  // room for the bold word too: one line, one styled piece after the plain one
  const one = wrapInline([runs], measureRuns(runs, 9) + 0.01, 9);
  assert.deepEqual(one.map((l) => l.text), ['aaaa bbbb']);
  assert.deepEqual(one[0].runs, [{ text: 'aaaa ' }, { text: 'bbbb', strong: true }]);
  // a strong word wider than the cell is hyphenated between syllables, both pieces bold
  const long = wrapInline([[{ text: 'pertanggungjawaban', strong: true }]], measureText('pertanggung-', 9, true) + 0.01, 9);
  assert.deepEqual(long.map((l) => l.text), ['pertanggung-', 'jawaban']);
  assert.ok(long.every((l) => l.runs?.every((r) => r.strong)));
});

test('listStyle number: list cells get 1. 2. marks, styled items keep their styles', () => {
  const svg = renderFlowTable(model(), { embedFont: false, listStyle: 'number' }).pages[0].svg;
  const kel = lines(cell(svg, 0, 'kelengkapan'));
  assert.deepEqual(kel.slice(0, 2).map((l) => l.text), ['1. Surat asli', '2. Formulir']);
  // the rest of item 2 hangs under its text (the wider mark may wrap it once more)
  assert.equal(kel.slice(2).map((l) => l.text).join(' '), 'rangkap dua');
  assert.ok(kel.slice(2).every((l) => l.x > kel[1].x));
  assert.deepEqual(kel[0].styled, [{ text: 'asli', italic: true, bold: false }]);
  // a one-item value is no list: no mark
  assert.deepEqual(lines(cell(svg, 1, 'kelengkapan')).map((l) => l.text), ['Berkas PDF']);
});
