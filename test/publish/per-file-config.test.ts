// `sop build` over folders with their own configs (spec §7.4): each SOP gets its nearest config's
// defaults (instansi, logo) and is linted under it; the site follows the run's config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { tempDir, writeRepo } from '../helpers/build.js';

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
    const r = await build({ cwd: dir, formats: ['html'], outDir: path.join(dir, '_site') });
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
