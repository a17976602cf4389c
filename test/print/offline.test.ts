// The print pages are offline: a document that names a web address or a file outside the site
// prints without fetching either (the request is refused and counted); the site's own files load.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBrowser, launchBrowser, type Browser } from '../../src/print/browser.js';
import { createPrinter } from '../../src/print/pool.js';
import { tempDir } from '../helpers/build.js';

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
      // (Chromium asks once per address; `//host/x` in a file: page names no file it would load)
      assert.deepEqual([...new Set(blocked)].sort(), ['OUTSIDE/secret.png', 'WEB/bg.png', 'WEB/img.png', 'WEB/x.css']);
      assert.ok(!printer.blocked.some((u) => u.endsWith('own.png') || u.endsWith('sop.css')), 'the site\'s own files load');
    } finally {
      cleanup();
      cleanOutside();
    }
  });
});
