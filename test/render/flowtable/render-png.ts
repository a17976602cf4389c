// Screenshots flow table pages with headless Chromium: `npx tsx test/render/flowtable/render-png.ts [outDir]`.
import { mkdirSync, existsSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import type { FlowModel } from '../../../src/model/flow-types.js';
import { launchBrowser } from '../../../src/print/browser.js';
import { renderFlowTable, type FlowTableOptions } from '../../../src/render/flowtable/index.js';
import { linear6, loops12, long25 } from './model-fixtures.js';
import { stressCorpus } from './stress-corpus.js';

const outDir = resolve(process.argv[2] ?? 'docs/img');
mkdirSync(outDir, { recursive: true });

const jobs: { name: string; model: FlowModel; options?: FlowTableOptions }[] = [
  { name: 'linear6', model: linear6() },
  { name: 'loops12', model: loops12() },
  { name: 'long25', model: long25() },
];
// The three hardest cases of the stress corpus (most actors, longest titles, loops across pages), on A4.
for (const c of stressCorpus().filter((x) => ['perizinan-bupati-34', 'blitar-izin-prinsip', 'wajo-perizinan'].includes(x.name))) {
  jobs.push({ name: `stress-${c.name}`, model: c.model, options: { paper: 'A4' } });
}

// Two real example SOPs, through the real loader and model builder, on the paper their config names (F4).
const examples = ['kesejahteraan/cuti-besar.md', 'mutasi/seleksi-terbuka-jpt-pratama.md'];
if (existsSync('src/model/flow.ts') && existsSync('src/document/sop-document.ts')) {
  const { buildFlowModel } = await import('../../../src/model/flow.js');
  const { loadSop } = await import('../../../src/document/sop-document.js');
  for (const rel of examples) {
    const file = join('examples', rel);
    if (!existsSync(file)) continue;
    const doc = await loadSop(resolve(file), file);
    jobs.push({ name: `example-${basename(rel, '.md')}`, model: buildFlowModel(doc.data), options: { paper: 'F4' } });
  }
}

// The build's own launch: its flags (CHROMIUM_ARGS, no phone-homes), a pipe and a temporary profile;
// the binary from PUPPETEER_EXECUTABLE_PATH, CHROME_PATH or the usual paths.
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const job of jobs) {
    const result = renderFlowTable(job.model, job.options);
    for (let i = 0; i < result.pages.length; i++) {
      const p = result.pages[i];
      // 1 mm = 96/25.4 CSS px; scale 2 for a crisp image.
      const w = Math.ceil((p.widthMm * 96) / 25.4) + 24;
      const h = Math.ceil((p.heightMm * 96) / 25.4) + 24;
      await page.setViewport({ width: w, height: h, deviceScaleFactor: 2 });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff;padding:12px">${p.svg}</body></html>`);
      await page.evaluate(() => document.fonts.ready);
      const file = join(outDir, `flowtable-${job.name}-p${i + 1}.png`);
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width: w, height: h } });
      console.log(file);
    }
  }
  // Check that the browser lays text out with the same widths we measured (kerning off, same font).
  const probe = renderFlowTable(loops12()).pages[0].svg;
  await page.setContent(`<!doctype html><html><body>${probe}</body></html>`);
  await page.evaluate(() => document.fonts.ready);
  const widths = await page.evaluate(() =>
    Array.from(document.querySelectorAll('tspan'))
      .slice(0, 40)
      .map((t) => [t.textContent ?? '', (t as SVGTSpanElement).getComputedTextLength(), getComputedStyle(t).fontWeight, t.parentElement?.getAttribute('font-size') ?? '9'] as [string, number, string, string]),
  );
  const { measureText } = await import('../../../src/render/flowtable/font.js');
  let worst = 0;
  for (const [text, w, weight, size] of widths) {
    const ours = measureText(text, Number(size), Number(weight) >= 700);
    worst = Math.max(worst, Math.abs(ours - w));
  }
  console.log(`text width check: ${widths.length} lines, worst difference ${worst.toFixed(3)} pt`);
} finally {
  await browser.close();
}
