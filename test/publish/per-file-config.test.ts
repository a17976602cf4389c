// `sop build` over folders with their own configs (spec §7.4): each SOP gets its nearest config's
// defaults (instansi, logo) and is linted under it; the site follows the run's config.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { tempDir, writeRepo } from '../helpers/build.js';
import { sharedBrowser } from '../helpers/shared-browser.js';

// one Chromium for every build of this file (each build closing and starting one cost 0.5-2 s)
const chromium = sharedBrowser();
after(() => chromium.close());

test('each SOP is built and linted under its own folder\'s config', async () => {
  const { dir, cleanup } = tempDir('sop-perfile-');
  try {
    writeRepo(dir, {
      config: { numbering: '{seq:3}/SOP/{year}', defaults: { logo: 'assets/logo.png' } },
      sops: [],
      files: {
        '.git/HEAD': '',
        'assets/logo.png': 'PNG-LOGO-DINAS-INDUK',
        'mutasi/sop.config.yaml': 'extends: ../sop.config.yaml\ndefaults:\n  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BIDANG MUTASI PEGAWAI]\n',
        'diklat/sop.config.yaml': 'numbering: "{seq:3}/SOP/DIKLAT/{year}"\ndefaults:\n  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BIDANG PENGEMBANGAN KOMPETENSI]\n',
      },
    });
    writeRepo(path.join(dir, 'mutasi'), { config: undefined, sops: [{ file: 'a.md', nomor: '001/SOP/2025', nama: 'Mutasi Pegawai', extra: { instansi: undefined } }] });
    writeRepo(path.join(dir, 'diklat'), { config: undefined, sops: [{ file: 'b.md', nomor: '001/SOP/DIKLAT/2025', nama: 'Diklat Pegawai', extra: { instansi: undefined } }] });
    // writeRepo wrote empty configs over the two folder configs: put them back
    writeFileSync(path.join(dir, 'mutasi/sop.config.yaml'), 'extends: ../sop.config.yaml\ndefaults:\n  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BIDANG MUTASI PEGAWAI]\n');
    writeFileSync(path.join(dir, 'diklat/sop.config.yaml'), 'numbering: "{seq:3}/SOP/DIKLAT/{year}"\ndefaults:\n  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BIDANG PENGEMBANGAN KOMPETENSI]\n');
    const r = await build({ launch: chromium.launch, cwd: dir, formats: ['html'], outDir: path.join(dir, '_site') });
    assert.equal(r.ok, true, JSON.stringify(r.ok ? '' : r.lint.results.flatMap((f) => f.diagnostics.map((d) => `${f.filePath} ${d.ruleId} ${d.message}`))));
    assert.deepEqual(r.lint.results.flatMap((f) => f.diagnostics.map((d) => `${f.filePath} ${d.ruleId}`)), [], 'each nomor follows its own config\'s numbering');
    const a = readFileSync(path.join(dir, '_site/mutasi/a.html'), 'utf8');
    const b = readFileSync(path.join(dir, '_site/diklat/b.html'), 'utf8');
    assert.match(a, /BIDANG MUTASI PEGAWAI/);
    assert.doesNotMatch(a, /PENGEMBANGAN KOMPETENSI/);
    assert.match(b, /BIDANG PENGEMBANGAN KOMPETENSI/);
    assert.doesNotMatch(b, /MUTASI PEGAWAI/);
    // the inherited default logo (written in the root config) is the root's assets/logo.png
    assert.match(a, /<img[^>]+logo/);
    assert.doesNotMatch(b, /<img[^>]+logo/);
  } finally {
    cleanup();
  }
});

test("each SOP's page takes labels and layout from its nearest config; catalogue and output from the build's", async () => {
  const { dir, cleanup } = tempDir('sop-perfile-look-');
  try {
    const folderConfig = (labels: string) => `extends: ../sop.config.yaml\nlabels:\n  tanggal_efektif: ${labels}\n  kegiatan: Uraian Prosedur\nlayout:\n  columnNumbers: true\n`;
    writeRepo(dir, {
      config: { labels: { mutu_baku: 'Baku Mutu' }, output: 'situs' },
      sops: [{ file: 'umum/c.md', nomor: '003/SOP/2025', nama: 'Umum Pegawai' }],
      files: { '.git/HEAD': '' },
    });
    writeRepo(path.join(dir, 'mutasi'), { config: undefined, sops: [{ file: 'a.md', nomor: '001/SOP/2025', nama: 'Mutasi Pegawai' }] });
    writeFileSync(path.join(dir, 'mutasi/sop.config.yaml'), folderConfig('Tanggal Pengesahan'));
    const first = await build({ launch: chromium.launch, cwd: dir, formats: ['html'] });
    assert.equal(first.ok, true);
    // output comes from the build root's config, not from mutasi/sop.config.yaml
    const a = readFileSync(path.join(dir, 'situs/mutasi/a.html'), 'utf8');
    const c = readFileSync(path.join(dir, 'situs/umum/c.html'), 'utf8');
    // mutasi/: its own labels, the inherited one, and its layout (the column-number row of the flow table)
    assert.match(a, /Tanggal Pengesahan/);
    assert.match(a, />Uraian Prosedur</);
    assert.match(a, />Baku Mutu</);
    assert.match(a, />\(1\)</);
    // umum/ has no config of its own: the root's labels and layout
    assert.doesNotMatch(c, /Tanggal Pengesahan|Uraian Prosedur|>\(1\)</);
    assert.match(c, />Baku Mutu</);
    assert.match(c, /Tgl\. Efektif/);
    // a changed folder config rebuilds that folder's page only
    writeFileSync(path.join(dir, 'mutasi/sop.config.yaml'), folderConfig('Tanggal Penetapan'));
    const second = await build({ launch: chromium.launch, cwd: dir, formats: ['html'] });
    assert.equal(second.ok, true);
    assert.equal(second.ok && second.stats.htmlRendered, 1);
    assert.match(readFileSync(path.join(dir, 'situs/mutasi/a.html'), 'utf8'), /Tanggal Penetapan/);
  } finally {
    cleanup();
  }
});
