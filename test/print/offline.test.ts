// The print pages are offline: a document that names a web address or a file outside the site
// prints without fetching either (the request is refused and counted); the site's own files load.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBrowser, launchBrowser, type Browser } from '../../src/print/browser.js';
import { createPrinter } from '../../src/print/pool.js';
import { hasTools, pdfText, tempDir } from '../helpers/build.js';

const noBrowser = findBrowser() === undefined ? 'no Chrome/Chromium on this machine' : false;
// 1x1 transparent PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('print pages are offline', { skip: noBrowser }, () => {
  let browser: Browser;
  let server: Server;
  let port = 0;
  const hits: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end(PNG);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await new Promise((r) => server.close(r));
  });

  it('refuses web addresses and files outside the site, loads the site\'s own files', async () => {
    const { dir: site, cleanup } = tempDir('sop-offline-');
    const { dir: outside, cleanup: cleanOutside } = tempDir('sop-offline-outside-');
    try {
      mkdirSync(path.join(site, 'assets'));
      writeFileSync(path.join(site, 'assets/sop.css'), 'body{margin:0}');
      writeFileSync(path.join(site, 'assets/own.png'), PNG);
      writeFileSync(path.join(outside, 'secret.png'), PNG);
      const web = `http://127.0.0.1:${port}`;
      const printer = createPrinter(browser, 1, site);
      const body =
        `<img src="${web}/img.png"><img src="//127.0.0.1:${port}/rel.png"><img src="${pathToFileURL(path.join(outside, 'secret.png')).href}">` +
        `<img src="assets/../../${path.basename(outside)}/secret.png"><img src="assets/own.png">` +
        `<div style="background:url(${web}/bg.png)">x</div><link rel="stylesheet" href="${web}/x.css">`;
      const pdf = await printer.print({ parts: { lang: 'id', title: 't', css: '@page{size:A4}', bodyClass: '', body }, url: pathToFileURL(path.join(site, 'page.html')).href });
      await printer.close();
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.deepEqual(hits, [], 'no request reached the server');
      const blocked = printer.blocked.map((u) => u.replace(web, 'WEB').replace(pathToFileURL(outside).href, 'OUTSIDE'));
      // Web addresses never leave the page: its CSP allows only file: and data:. A file: URL outside the
      // site passes the CSP and is refused by the page's request filter (isolatePage), which counts it.
      // (`//host/x` in a file: page names no file it would load)
      assert.deepEqual([...new Set(blocked)].sort(), ['OUTSIDE/secret.png']);
      assert.ok(!printer.blocked.some((u) => u.endsWith('own.png') || u.endsWith('sop.css')), 'the site\'s own files load');
    } finally {
      cleanup();
      cleanOutside();
    }
  });

  it('runs no handler that got past the escaping (the print page has a CSP), and still prints images, styles and fonts', { skip: hasTools('pdftotext') ? false : 'pdftotext missing' }, async () => {
    const { dir: site, cleanup } = tempDir('sop-print-csp-');
    try {
      mkdirSync(path.join(site, 'assets'));
      writeFileSync(path.join(site, 'assets/sop.css'), 'body{margin:0;font-family:serif} .own{color:#246}');
      writeFileSync(path.join(site, 'assets/own.png'), PNG);
      const printer = createPrinter(browser, 1, site);
      // what a page would hold if escaping failed: inline handlers writing into the document
      const body =
        `<p class="own">Isi sah</p><img src="assets/own.png" width="20" height="20">` +
        `<img src="missing.png" onerror="this.insertAdjacentText('afterend','DIRETAS-SATU')">` +
        `<svg onload="document.body.insertAdjacentText('beforeend','DIRETAS-DUA')" width="1" height="1"></svg>` +
        `<a href="javascript:document.body.append('DIRETAS-TIGA')">tautan</a>`;
      const file = path.join(site, 'page.pdf');
      writeFileSync(file, await printer.print({ parts: { lang: 'id', title: 't', css: '@page{size:A4}', bodyClass: '', body }, url: pathToFileURL(path.join(site, 'page.html')).href }));
      await printer.close();
      const text = pdfText(file);
      assert.match(text, /Isi sah/);
      assert.match(text, /tautan/);
      assert.doesNotMatch(text, /DIRETAS/, text);
      assert.ok(!printer.blocked.some((u) => u.endsWith('own.png') || u.endsWith('sop.css')), 'the site\'s own files load');
      // the image of the site is in the PDF (an image XObject), so the policy let it load
      assert.match(readFileSync(file, 'latin1'), /\/Subtype\s*\/Image/);
    } finally {
      cleanup();
    }
  });
});
