// Mermaid input is data: directives, click/style/classDef statements and HTML written in SOP text never
// reach Mermaid as syntax, and the Mermaid page makes no network request even when a directive gets in.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer';
import { buildFlowModel } from '../../../src/model/flow.js';
import { findBrowser, launchBrowser } from '../../../src/print/browser.js';
import { createMermaidEngine, MERMAID_PAGE_ORIGIN } from '../../../src/render/mermaid/engine.js';
import { escapeMermaidText, neutraliseSource } from '../../../src/render/mermaid/neutralise.js';
import { toMermaid } from '../../../src/render/mermaid/source.js';

const noBrowser = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;

/** A local server that counts every request it gets: the diagram must never reach it. */
let server: Server;
let hits: string[] = [];
let base = '';
before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

// a theme change plus CSS that makes the page fetch two URLs while the diagram is laid out
const directive = () => `%%{init: {"theme": "dark", "themeCSS": "svg, .node rect {background-image: url(${base}/bg.png); fill: url(${base}/f.svg#p)}"}}%%`;

function model(kegiatan: string, actor = 'Pemohon') {
  return buildFlowModel({
    pelaksana: { a: actor, b: 'Petugas' },
    prosedur: [
      { kegiatan, pelaksana: 'a', waktu: '1 jam', output: 'x' },
      { kegiatan: 'Memeriksa', pelaksana: 'b', waktu: '1 jam', output: 'y', keputusan: { ya: 'selesai', tidak: 1, label: [`Ya ${directive()}`, 'Tidak'] } },
    ],
  });
}

describe('Mermaid neutralising', () => {
  it('escapes %, quotes and HTML so no directive or tag survives in a label', () => {
    const t = escapeMermaidText('100% %%{init: {"theme":"dark"}}%% <img src=x onerror=alert(1)> `md`');
    assert.equal(t, '100#37; #37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37; #lt;img src=x onerror=alert(1)#gt; #96;md#96;');
  });

  it('SOP text cannot add a directive, click, style or classDef to the generated source', () => {
    const evil = `Mengisi ${directive()}"]\nclick r1 "${base}/click"\nstyle r1 fill:#f00\nclassDef x fill:#f00\n<b onclick=alert(1)>tebal</b>`;
    const src = toMermaid(model(evil, `Pemohon"]\nclick r2 call alert()\n%%{init: {}}%%`));
    assert.doesNotMatch(src, /%%/);
    assert.doesNotMatch(src, /^\s*(?:click|style|classDef|class|linkStyle)\b/m);
    assert.doesNotMatch(src, /<(?!br>)/);
    // the text is still there, as text
    assert.match(src, /r1\(\["1\. Mengisi #37;#37;\{init:/);
  });

  it('neutraliseSource drops directives, comments and statements sop never writes', () => {
    const src = `%%{init: {"theme":"dark"}}%%\nflowchart TB\n  %% comment\n  a["A"] --> b["B"]\n  click a "${base}/x"\n  style a fill:#f00\n  classDef k fill:#f00\n  linkStyle 0 stroke:red\n`;
    assert.equal(neutraliseSource(src), 'flowchart TB\n  a["A"] --> b["B"]\n');
  });

  describe('in Chromium', { skip: noBrowser }, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
    });

    it('renders the escaped SOP text with the sop theme and sends no request', async () => {
      hits = [];
      const engine = createMermaidEngine({ browser, cacheDir: false });
      const { svg } = await engine.render(toMermaid(model(`Mengisi ${directive()} <img src="${base}/img">`)), 'mmd-evil');
      await engine.close();
      const style = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '';
      assert.doesNotMatch(style, /bg\.png|f\.svg/, 'the directive did not reach the theme');
      assert.match(style, /\.node rect[^{]*\{fill:#eee;/, 'the neutral theme is kept');
      assert.match(svg.replace(/<[^>]+>/g, ''), /Mengisi (?:%|&#37;){2}(?:\{|&#123;)init:/, 'the directive is shown as the text it is');
      assert.deepEqual(hits, []);
      assert.equal(engine.stats.blockedRequests, 0);
    });

    it('blocks the request a directive would make if one ever reached the page', async () => {
      hits = [];
      const engine = createMermaidEngine({ browser, cacheDir: false });
      // raw source straight to the engine, past the generator: the page itself must stay offline
      const raw = `${directive()}\nflowchart TB\n  a["A"] --> b["B"]\n`;
      await engine.render(raw, 'mmd-raw');
      // give a late stylesheet/font fetch time to be attempted
      await new Promise((r) => setTimeout(r, 300));
      await engine.close();
      assert.deepEqual(hits, []);
      assert.ok(engine.stats.blockedRequests >= 1, `blocked ${engine.stats.blockedRequests}`);
    });

    it('answers only the vendored Mermaid modules under its own origin: other names there are refused too', async () => {
      const engine = createMermaidEngine({ browser, cacheDir: false });
      const own = MERMAID_PAGE_ORIGIN;
      // the record and the package file sit beside the modules on disk; neither may be served
      const raw = `%%{init: {"themeCSS": "svg {background-image: url(${own}mermaid.json)} .node rect {fill: url(${own}chunks/../../../package.json#p)}"}}%%\nflowchart TB\n  a["A"] --> b["B"]\n`;
      const { svg } = await engine.render(raw, 'mmd-own');
      await new Promise((r) => setTimeout(r, 300));
      await engine.close();
      assert.match(svg, /^<svg/);
      assert.ok(engine.stats.blockedRequests >= 1, `blocked ${engine.stats.blockedRequests}`);
    });
  });
});
