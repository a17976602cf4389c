// Logo and image SVGs are copied into the site without what runs or fetches: checked on the markup and
// by opening each copied file on its own in headless Chromium (the way a reader double-clicks it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { build } from '../../src/api/build.js';
import { findBrowser } from '../../src/print/browser.js';
import { sanitiseSvg } from '../../src/publish/svg-sanitise.js';
import { tempDir, writeRepo } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for the build and the checks of its pages
const chromium = sharedBrowser();

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const SHAPE = '<rect id="r" width="10" height="10" fill="#17693A"/>';
/** One file per way an SVG can run code or reach out when opened on its own. */
const MALICIOUS: Record<string, string> = {
  script: `<svg ${NS}>${SHAPE}<script>window.__pwned='script'</script></svg>`,
  'script-cdata': `<svg ${NS}>${SHAPE}<script type="application/ecmascript"><![CDATA[window.__pwned='cdata']]></script></svg>`,
  onload: `<svg ${NS} onload="window.__pwned='onload'">${SHAPE}</svg>`,
  'onclick-upper': `<svg ${NS}><rect width="10" height="10" ONCLICK="window.__pwned='click'"/><circle r="3" onmouseover="window.__pwned='over'"/></svg>`,
  'xlink-http': `<svg ${NS}><image xlink:href="http://evil.invalid/x.png" width="5" height="5"/><a xlink:href="javascript:window.__pwned='a'"><text>klik</text></a></svg>`,
  'href-http': `<svg ${NS}><image href="https://evil.invalid/y.png" width="5" height="5"/><feImage href="//evil.invalid/z.png"/></svg>`,
  foreignObject: `<svg ${NS}><foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://evil.invalid/f"></iframe><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned='fo'"/></foreignObject>${SHAPE}</svg>`,
  'use-external': `<svg ${NS}><use href="http://evil.invalid/s.svg#a"/><use xlink:href="other.svg#b"/><use href="#r"/>${SHAPE}</svg>`,
  'style-url': `<svg ${NS}><style>@import url(http://evil.invalid/a.css); rect { fill: url(http://evil.invalid/p.svg#g); background: image-set("http://evil.invalid/i.png" 1x) } @font-face { font-family: F; src: url(//evil.invalid/f.woff) }</style><rect width="9" height="9" style="fill:url('https://evil.invalid/q#a')" filter="url(http://evil.invalid/f.svg#x)"/></svg>`,
  'style-escape': `<svg ${NS}><style>rect { fill: u\\72l(http://evil.invalid/e.svg#a) }</style>${SHAPE}</svg>`,
  'xml-stylesheet': `<?xml version="1.0"?><?xml-stylesheet href="http://evil.invalid/s.css" type="text/css"?><svg ${NS}>${SHAPE}</svg>`,
  'set-href': `<svg ${NS}><a href="#r"><set attributeName="href" to="javascript:window.__pwned='set'"/><animate attributeName="xlink:href" values="javascript:window.__pwned='anim'"/><text>x</text></a></svg>`,
  doctype: `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg ${NS}><text>&b;</text></svg>`,
};

describe('sanitiseSvg (markup)', () => {
  const out = Object.fromEntries(Object.entries(MALICIOUS).map(([k, v]) => [k, sanitiseSvg(v)]));
  it('drops scripts, handlers, foreignObject and code-bearing animations', () => {
    for (const [k, svg] of Object.entries(out)) {
      assert.doesNotMatch(svg, /<script|<foreignObject|<iframe|<set |<animate /i, k);
      assert.doesNotMatch(svg, /\son[a-z]+=/i, k);
      assert.doesNotMatch(svg, /javascript:|__pwned/i, k);
    }
  });
  it('keeps no address outside the file', () => {
    for (const [k, svg] of Object.entries(out)) {
      assert.doesNotMatch(svg, /evil\.invalid|other\.svg|@import|<\?xml-stylesheet|<!DOCTYPE|<!ENTITY/i, k);
    }
  });
  it('keeps the drawing and its references inside the file', () => {
    assert.match(out['use-external']!, /<use href="#r"\/>/);
    assert.match(out['script']!, /<rect id="r" width="10" height="10" fill="#17693A"\/>/);
    assert.match(out['set-href']!, /<a href="#r"><text>x<\/text><\/a>/);
    const logo = readFileSync(new URL('../../examples/assets/logo-sukamaju.svg', import.meta.url), 'utf8');
    const clean = sanitiseSvg(logo);
    for (const tag of ['path', 'polygon', 'rect', 'clipPath', 'title']) {
      assert.equal(clean.split(`<${tag}`).length, logo.split(`<${tag}`).length, `every <${tag}> of the example logo is kept`);
    }
    assert.match(clean, /clip-path="url\(#perisai-dalam\)"/);
    assert.equal(sanitiseSvg(clean), clean, 'a clean SVG passes unchanged a second time');
  });
  it('inlined images stay; a data: document does not', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    assert.match(sanitiseSvg(`<svg ${NS}><image href="${png}"/></svg>`), /href="data:image\/png;base64/);
    assert.doesNotMatch(sanitiseSvg(`<svg ${NS}><image href="data:text/html,<script>1</script>"/></svg>`), /data:text/);
  });
  it('throws on a file that is not XML', () => {
    assert.throws(() => sanitiseSvg('<svg><rect></svg'));
  });
});

const noBrowser = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;

describe('copied SVGs opened on their own in Chromium', { skip: noBrowser }, () => {
  let dir: string;
  let cleanup: () => void;
  let browser: Browser;
  let copied: Record<string, string>;

  before(async () => {
    ({ dir, cleanup } = tempDir('sop-svg-'));
    const files: Record<string, string> = {};
    for (const [k, svg] of Object.entries(MALICIOUS)) files[`gambar/${k}.svg`] = svg;
    // the logo goes through the build; every other file as an image of the body
    const body = Object.keys(MALICIOUS).map((k) => `![${k}](../gambar/${k}.svg)`).join('\n\n');
    writeRepo(dir, { sops: [{ file: 'unit/a.md', nomor: '800/001/SOP/BKD/2025', nama: 'SOP Logo', body, extra: { logo: '../gambar/onload.svg' } }], files });
    const r = await build({ launch: chromium.launch, cwd: dir, env: process.env, formats: ['html'] });
    assert.equal(r.ok, true, JSON.stringify(r));
    const assets = path.join(dir, '_site/assets/files');
    copied = {};
    for (const name of readdirSync(assets)) {
      const k = Object.keys(MALICIOUS).find((key) => name.endsWith(`-${key}.svg`));
      if (k) copied[k] = path.join(assets, name);
    }
    browser = await chromium.launch(); // the browser the build used
  });
  after(async () => {
    await browser?.close();
    await chromium.close();
    cleanup();
  });

  /** Opens a file as the top document, clicks and hovers it, and reports what ran or was fetched. */
  async function open(file: string): Promise<{ pwned: unknown; requests: string[]; events: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    const events: string[] = [];
    const self = pathToFileURL(file).href;
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url() !== self) requests.push(req.url());
      void (req.url() === self ? req.continue() : req.abort('blockedbyclient')).catch(() => undefined);
    });
    page.on('dialog', (d) => void events.push(`dialog ${d.message()}`));
    page.on('pageerror', (e) => void events.push(`pageerror ${String(e)}`));
    try {
      await page.goto(self, { waitUntil: 'load' });
      await page.mouse.move(5, 5);
      await page.mouse.click(5, 5);
      await page.mouse.click(2, 2);
      await new Promise((r) => setTimeout(r, 150));
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      return { pwned, requests, events };
    } finally {
      await page.close();
    }
  }

  it('every malicious file is in the site, and none of the copies runs or fetches anything', async () => {
    assert.deepEqual(Object.keys(copied).sort(), Object.keys(MALICIOUS).sort());
    for (const [k, file] of Object.entries(copied)) {
      const r = await open(file);
      assert.deepEqual(r, { pwned: undefined, requests: [], events: [] }, k);
    }
  });

  it('the originals do run and fetch (so the check above can fail)', async () => {
    const original = (k: string) => path.join(dir, 'gambar', `${k}.svg`);
    assert.equal((await open(original('script'))).pwned, 'script');
    assert.equal((await open(original('onload'))).pwned, 'onload');
    assert.ok((await open(original('xlink-http'))).requests.some((u) => u.includes('evil.invalid')));
    assert.ok((await open(original('style-url'))).requests.some((u) => u.includes('evil.invalid')));
  });

  it('the page that shows the logo points at the cleaned copy', () => {
    const html = readFileSync(path.join(dir, '_site/unit/a.html'), 'utf8');
    const logo = path.basename(copied['onload']!);
    assert.ok(html.includes(logo), 'logo link');
    assert.doesNotMatch(readFileSync(copied['onload']!, 'utf8'), /onload/);
  });

  it('a file that is not XML is left out with a warning, never copied as it is', async () => {
    const { dir: d2, cleanup: c2 } = tempDir('sop-svg-bad-');
    try {
      writeRepo(d2, { sops: [{ file: 'a.md', nomor: '800/002/SOP/BKD/2025', nama: 'SOP Rusak', extra: { logo: 'rusak.svg' } }], files: { 'rusak.svg': '<svg onload="x()"><rect></svg' } });
      const r = await build({ launch: chromium.launch, cwd: d2, env: process.env, formats: ['html'] });
      assert.ok(r.ok);
      assert.ok(r.warnings.some((w) => w.includes('rusak.svg')), r.warnings.join('\n'));
      let names: string[] = [];
      try {
        names = readdirSync(path.join(d2, '_site/assets/files'));
      } catch {
        // no copied files at all
      }
      assert.equal(names.filter((n) => n.endsWith('rusak.svg')).length, 0);
    } finally {
      c2();
    }
  });
});


describe('cleaned SVGs kept in the build cache', () => {
  const BIN = new URL('../../bin/sop.js', import.meta.url).pathname;
  let dir: string;
  let cleanup: () => void;
  let probe: string;
  before(() => {
    ({ dir, cleanup } = tempDir('sop-svg-cache-'));
    writeRepo(dir, {
      sops: [{ file: 'unit/a.md', nomor: '800/001/SOP/BKD/2025', nama: 'SOP Logo', body: '![skrip](../gambar/script.svg)\n', extra: { logo: '../gambar/onload.svg' } }],
      files: { 'gambar/script.svg': MALICIOUS.script, 'gambar/onload.svg': MALICIOUS.onload },
    });
    // loaded before sop (-r): says at exit whether svgo's code was loaded in that process
    probe = path.join(dir, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write('svgo loaded: ' + Object.keys(require.cache).some((k) => k.includes('/node_modules/svgo/')) + '\\n'));\n");
  });
  after(() => cleanup());

  /** `sop build --format html` in its own process without a browser; whether it loaded svgo. */
  function buildLoadsSvgo(): boolean {
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'build', '.', '--format', 'html', '-q'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: path.join(dir, 'no-chromium') } });
    assert.equal(r.status, 0, r.stderr);
    const said = /svgo loaded: (true|false)/.exec(r.stderr);
    assert.ok(said, r.stderr);
    return said[1] === 'true';
  }
  const sitePath = (name: string) => {
    const f = readdirSync(path.join(dir, '_site/assets/files')).find((n) => n.endsWith(`-${name}.svg`));
    assert.ok(f, name);
    return path.join(dir, '_site/assets/files', f);
  };
  const cached = () => readdirSync(path.join(dir, '.sop-cache/build')).filter((n) => /^svg-[0-9a-f]{64}\.svg$/.test(n));

  it('the first build cleans with svgo and keeps each cleaned file; the site copies are those very bytes', () => {
    assert.equal(buildLoadsSvgo(), true);
    const kept = cached().map((n) => readFileSync(path.join(dir, '.sop-cache/build', n), 'utf8')).sort();
    const site = ['onload', 'script'].map((k) => readFileSync(sitePath(k), 'utf8')).sort();
    assert.deepEqual(kept, site);
    for (const svg of site) assert.doesNotMatch(svg, /<script|onload=/i);
  });

  it('a rebuild takes the cleaned files from the cache and never loads svgo; a changed SVG is cleaned again', () => {
    const before = readFileSync(sitePath('onload'), 'utf8');
    assert.equal(buildLoadsSvgo(), false);
    assert.equal(readFileSync(sitePath('onload'), 'utf8'), before);
    writeFileSync(path.join(dir, 'gambar/onload.svg'), MALICIOUS.onload.replace('#17693A', '#000000'));
    assert.equal(buildLoadsSvgo(), true);
    assert.match(readFileSync(sitePath('onload'), 'utf8'), /#000000|#000/);
    assert.doesNotMatch(readFileSync(sitePath('onload'), 'utf8'), /onload/);
    // the cache keeps what this build used: the old logo's cleaned copy is gone
    assert.equal(cached().length, 2);
  });
});
