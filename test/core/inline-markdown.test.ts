// Inline Markdown of text fields (format §7.3): emphasis, strong, line breaks, everything else escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineHtml, inlinePlain, inlineSvgLine, isDash, parseInline } from '../../src/core/inline-markdown.js';

test('*emphasis*, **strong** and ***both*** become runs; the markers go', () => {
  assert.deepEqual(parseInline('Melakukan *scanning* dokumen'), [[{ text: 'Melakukan ' }, { text: 'scanning', em: true }, { text: ' dokumen' }]]);
  assert.deepEqual(parseInline('**Penting:** cek'), [[{ text: 'Penting:', strong: true }, { text: ' cek' }]]);
  assert.deepEqual(parseInline('***x***'), [[{ text: 'x', em: true, strong: true }]]);
  assert.deepEqual(parseInline('*a **b** c*'), [[{ text: 'a ', em: true }, { text: 'b', em: true, strong: true }, { text: ' c', em: true }]]);
});

test('a lone or spaced asterisk, and an escaped one, stay literal', () => {
  assert.equal(inlinePlain('5 * 3 * 2'), '5 * 3 * 2');
  assert.equal(inlinePlain('catatan*'), 'catatan*');
  assert.equal(inlinePlain('\\*bukan miring\\*'), '*bukan miring*');
  assert.equal(inlineHtml('**'), '**');
});

test('line breaks of a block scalar are kept; the final newline is not a line', () => {
  assert.deepEqual(parseInline('Baris satu\nBaris *dua*\n').map((l) => l.map((r) => r.text).join('')), ['Baris satu', 'Baris dua']);
  assert.equal(inlineHtml('a\nb\r\nc\n'), 'a<br>b<br>c');
});

test('HTML: em/strong/br only; raw HTML and quotes are escaped', () => {
  assert.equal(inlineHtml('<b>x</b> & *y* "z"'), '&lt;b&gt;x&lt;/b&gt; &amp; <em>y</em> &quot;z&quot;');
  assert.equal(inlineHtml('**<script>**'), '<strong>&lt;script&gt;</strong>');
  assert.equal(inlineHtml(undefined), '');
  assert.equal(inlineHtml(12), '12');
});

test('SVG: styled runs as tspans, plain text bare and escaped', () => {
  assert.equal(inlineSvgLine(parseInline('a *b* **c** <d>')[0]), 'a <tspan font-style="italic">b</tspan> <tspan font-weight="700">c</tspan> &lt;d&gt;');
  assert.equal(inlineSvgLine(parseInline('polos')[0]), 'polos');
});

test('isDash: "-" with or without spaces, nothing else', () => {
  assert.equal(isDash('-'), true);
  assert.equal(isDash(' - '), true);
  assert.equal(isDash('--'), false);
  assert.equal(isDash(undefined), false);
});
