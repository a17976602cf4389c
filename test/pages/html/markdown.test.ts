// Unit tests of Markdown bodies: GFM rendered, raw HTML shown as text, unsafe URLs dropped, local files made site-relative.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from '../../../src/pages/html/markdown.js';

describe('renderMarkdown', () => {
  it('renders GFM tables and lists', () => {
    const html = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n- satu\n- dua\n');
    assert.match(html, /<table>[\s\S]*<td>1<\/td>[\s\S]*<\/table>/);
    assert.match(html, /<ul>\s*<li>satu<\/li>/);
  });

  it('shows raw HTML as text, so no element or handler of the author reaches the page', () => {
    const html = renderMarkdown('Teks <script>window.__pwned=1</script> <img src=x onerror="alert(1)">\n\n<div onclick="x()">blok</div>\n');
    // Every `<` of the author's markup is escaped: what remains is text, not tags with handlers.
    assert.doesNotMatch(html, /<(script|img|div)\b/i);
    assert.match(html, /&#x3C;script>window.__pwned=1/);
    assert.match(html, /&#x3C;div onclick="x\(\)">blok/);
  });

  it('drops javascript: links and keeps ordinary ones', () => {
    const html = renderMarkdown('[klik](javascript:alert(1)) [situs](https://example.go.id/a) [surat](mailto:a@b.go.id)');
    assert.doesNotMatch(html, /javascript:/i);
    assert.match(html, /href="https:\/\/example\.go\.id\/a"/);
    assert.match(html, /href="mailto:a@b\.go\.id"/);
  });

  it('never loads a remote image: it becomes a link', () => {
    const html = renderMarkdown('![bagan](https://example.com/bagan.png)');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<a href="https:\/\/example\.com\/bagan\.png">bagan<\/a>/);
  });

  it('asks the caller where local images and links go, and drops images it cannot place', () => {
    const seen: string[] = [];
    const html = renderMarkdown('![a](gambar/alur.png) ![b](hilang.png) [lihat](../umum/surat.md#x)', {
      image: (src) => {
        seen.push(src);
        return src === 'gambar/alur.png' ? '../assets/files/abc-alur.png' : undefined;
      },
      link: (href) => href.replace('.md', '.html'),
    });
    assert.deepEqual(seen, ['gambar/alur.png', 'hilang.png']);
    assert.match(html, /<img src="\.\.\/assets\/files\/abc-alur\.png" alt="a">/);
    assert.match(html, /\[b\]/);
    assert.match(html, /href="\.\.\/umum\/surat\.html#x"/);
  });

  it('shifts headings under the section heading', () => {
    assert.match(renderMarkdown('# Satu\n\n## Dua', { topHeading: 3 }), /<h3>Satu<\/h3>\s*<h4>Dua<\/h4>/);
  });
});
