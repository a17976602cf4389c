// MermaidEngine: one browser for many diagrams, real <text> labels, unique ids, file cache, typed parse errors.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { findBrowser, launchBrowser } from '../../../src/print/browser.js';
import { createMermaidEngine, repairLabelEntities, SopMermaidError, toSvgId } from '../../../src/render/mermaid/engine.js';
import { toMermaid } from '../../../src/render/mermaid/source.js';
import type { FlowModel } from '../../../src/model/flow-types.js';

const noBrowser = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;

/** The visible text of every <text> element: tspans are lines or words, so they are joined by spaces. */
function textContents(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]
      .replace(/<\/tspan>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

const diagram = (first: string, second: string): string => `flowchart TB\n  a(["${first}"]) --> b{"${second}"}\n  b -->|"Ya"| c["Arsip"]\n`;

test('toSvgId makes an id Mermaid can scope its CSS with', () => {
  assert.equal(toSvgId('cuti-tahunan'), 'mmd-cuti-tahunan');
  assert.equal(toSvgId('01 surat.masuk'), 'mmd-01-surat-masuk');
  assert.equal(toSvgId('***'), 'mmd-diagram');
});

test('repairLabelEntities undoes the double escape of decoded entities only', () => {
  assert.equal(repairLabelEntities('<text>say &amp;quot;hi&amp;quot; &amp;#35;1 &amp;amp; R&amp;D</text>'), '<text>say &quot;hi&quot; &#35;1 &amp;amp; R&amp;D</text>');
});

test('render rejects an svgId that is not a valid id, without starting a browser', async () => {
  let launches = 0;
  const engine = createMermaidEngine({ cacheDir: false, launch: async () => (launches++, Promise.reject(new Error('no'))) });
  await assert.rejects(engine.render(diagram('A', 'B'), '1-bad id'), TypeError);
  assert.equal(launches, 0);
  await engine.close();
});

describe('with a browser', { skip: noBrowser }, () => {
  let browser: Browser;
  let cacheRoot: string;
  before(async () => {
    browser = await launchBrowser();
    cacheRoot = mkdtempSync(join(tmpdir(), 'sop-mermaid-test-'));
  });
  after(async () => {
    await browser?.close();
    rmSync(cacheRoot, { recursive: true, force: true });
  });

  test('renders three different diagrams with one launch: <svg>, labels as <text>, no foreignObject, unique ids', async () => {
    let launches = 0;
    const engine = createMermaidEngine({
      cacheDir: false,
      launch: async () => {
        launches++;
        return launchBrowser();
      },
    });
    try {
      const inputs = [
        { src: diagram('Mengajukan permohonan', 'Lengkap?'), id: 'mmd-satu', first: 'Mengajukan permohonan' },
        { src: diagram('Menerima berkas', 'Sah?'), id: 'mmd-dua', first: 'Menerima berkas' },
        { src: diagram('Menyusun konsep surat', 'Disetujui?'), id: 'mmd-tiga', first: 'Menyusun konsep surat' },
      ];
      const svgs: string[] = [];
      for (const d of inputs) {
        const { svg, cached } = await engine.render(d.src, d.id);
        assert.equal(cached, false);
        assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
        assert.ok(!svg.includes('foreignObject'), 'labels must be SVG text');
        assert.ok(textContents(svg).includes(d.first), `${d.first} in ${JSON.stringify(textContents(svg))}`);
        assert.match(svg, new RegExp(`^<svg[^>]* id="${d.id}"`));
        // Mermaid scopes its styles by the id: that is what lets several SVGs share one HTML page
        assert.ok(svg.includes(`#${d.id}{`) || svg.includes(`#${d.id} `));
        svgs.push(svg);
      }
      assert.equal(launches, 1);
      assert.equal(engine.stats.renders, 3);
      assert.equal(engine.stats.cacheHits, 0);
      const rootIds = svgs.map((s) => /^<svg[^>]* id="([^"]+)"/.exec(s)?.[1]);
      assert.equal(new Set(rootIds).size, 3);
    } finally {
      await engine.close();
    }
  });

  test('a second engine on the same cache dir serves the SVG without launching a browser', async () => {
    const cacheDir = join(cacheRoot, 'hit');
    const src = diagram('Mencatat surat masuk', 'Rahasia?');
    const first = createMermaidEngine({ cacheDir, browser });
    const a = await first.render(src, 'mmd-cache');
    await first.close();
    assert.equal(a.cached, false);
    assert.ok(existsSync(join(cacheDir, `${first.cacheKey(src, 'mmd-cache')}.svg`)));
    assert.ok(browser.connected, 'a browser passed in is not closed by the engine');

    let launches = 0;
    const second = createMermaidEngine({ cacheDir, launch: async () => (launches++, Promise.reject(new Error('must not launch'))) });
    const b = await second.render(src, 'mmd-cache');
    assert.deepEqual(b, { svg: a.svg, cached: true });
    assert.equal(launches, 0);
    assert.equal(second.stats.cacheHits, 1);
    assert.equal(second.stats.renders, 0);
    // a different svgId is a different key: a miss, which needs the browser
    await assert.rejects(second.render(src, 'mmd-other'), /must not launch/);
    assert.equal(launches, 1);
    await second.close();
  });

  test('a Mermaid syntax error becomes SopMermaidError with Mermaid\'s message; the page keeps working', async () => {
    const engine = createMermaidEngine({ cacheDir: join(cacheRoot, 'err'), browser });
    try {
      await assert.rejects(engine.render('flowchart TB\n  A --> ', 'mmd-bad'), (err: unknown) => {
        assert.ok(err instanceof SopMermaidError);
        assert.match(err.message, /^Parse error on line \d+:/);
        assert.match(err.message, /Expecting .*got 'EOF'/);
        assert.equal(err.svgId, 'mmd-bad');
        return true;
      });
      assert.ok(!existsSync(join(cacheRoot, 'err', `${engine.cacheKey('flowchart TB\n  A --> ', 'mmd-bad')}.svg`)), 'errors are not cached');
      const ok = await engine.render(diagram('Sesudah galat', 'Lanjut?'), 'mmd-after');
      assert.ok(textContents(ok.svg).includes('Sesudah galat'));
    } finally {
      await engine.close();
    }
  });

  test('concurrent calls are serialised; an identical request in flight is rendered once', async () => {
    const engine = createMermaidEngine({ cacheDir: false, browser });
    try {
      const same = diagram('Kembar', 'Sama?');
      const results = await Promise.all([
        engine.render(same, 'mmd-twin'),
        engine.render(same, 'mmd-twin'),
        ...[1, 2, 3].map((i) => engine.render(diagram(`Paralel ${i}`, 'Ok?'), `mmd-par${i}`)),
      ]);
      assert.equal(engine.stats.renders, 4);
      assert.equal(engine.stats.cacheHits, 1);
      assert.deepEqual(results.map((r) => r.cached), [false, true, false, false, false]);
      assert.equal(results[0].svg, results[1].svg);
      for (const i of [1, 2, 3]) assert.ok(textContents(results[i + 1].svg).includes(`Paralel ${i}`));
    } finally {
      await engine.close();
    }
  });

  test('text from toMermaid survives Mermaid: quotes, tags, ampersands and entity look-alikes print as written', async () => {
    const kegiatan = 'Memeriksa "NIP" <wajib> & R#D; lalu [arsip]';
    const m: FlowModel = {
      actors: [{ id: 'staf', title: 'Staf "TU"', column: 0 }],
      rows: [{ index: 0, number: 1, kegiatan, actorId: 'staf', column: 0, kelengkapan: [], output: [], waktu: '1 jam', symbol: 'terminator', duration: null }],
      edges: [],
      nodes: [{ index: 0, key: 'r1', row: 0, item: 0, lanes: [{ actorId: 'staf', column: 0 }], symbol: 'terminator', optional: false, start: true, next: [] }],
      links: [],
      mainPath: [0],
      total: null,
      totalUncounted: 0,
      totalText: '',
      totalNote: '',
    };
    const engine = createMermaidEngine({ cacheDir: false, browser });
    try {
      const { svg } = await engine.render(toMermaid(m), 'mmd-escape');
      const texts = textContents(svg);
      assert.ok(texts.includes(`1. ${kegiatan}`), JSON.stringify(texts));
      assert.ok(texts.includes('Staf "TU"'), JSON.stringify(texts));
    } finally {
      await engine.close();
    }
  });
});
