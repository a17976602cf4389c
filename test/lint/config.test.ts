// Config and the engine: values from `defaults` (positions in the config file), rule levels and options from `rules`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, lintTexts } from '../../src/api/lint.js';
import { SopConfigError } from '../../src/core/errors.js';
import { NOW } from './rule-tester.js';
import { FLOW, IDENTITY, pos, sop, span } from './sop-text.js';

/** The identity without `instansi` and `disahkan_oleh`, which the config supplies. */
const SHORT_IDENTITY = IDENTITY.replace(/instansi:\n( {2}- .*\n)+/, '').replace(/disahkan_oleh:\n( {2}\w+: .*\n)+/, '');

const CONFIG = `# konfigurasi uji
defaults:
  instansi: [Pemerintah Kabupaten Sukamaju, Badan Kepegawaian Daerah]
  disahkan_oleh:
    jabatan: Kepala Badan
    nama: Drs. Ahmad Suryadi
    nip: "19750312 200012 1 003"
`;

describe('config defaults', () => {
  it('a key supplied by the config is not missing', async () => {
    const r = await lintText(sop({ identity: SHORT_IDENTITY }), { config: CONFIG, now: NOW });
    assert.deepEqual(r.diagnostics, []);
  });

  it('without the config the same file misses both keys', async () => {
    const r = await lintText(sop({ identity: SHORT_IDENTITY }), { now: NOW });
    assert.deepEqual(r.diagnostics.map((d) => d.message), ['kunci `instansi` wajib diisi', 'kunci `disahkan_oleh` wajib diisi']);
  });

  it('a bad value from the config is located in the config file', async () => {
    const bad = CONFIG.replace('"19750312 200012 1 003"', '"19750312 200012 1 000"');
    const r = await lintText(sop({ identity: SHORT_IDENTITY }), { config: bad, now: NOW, file: 'sop/cuti.md' });
    assert.equal(r.filePath, 'sop/cuti.md');
    assert.deepEqual(r.diagnostics.map((d) => ({ ruleId: d.ruleId, file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn })), [
      { ruleId: 'nip-format', file: 'sop.config.yaml', ...span(bad, '"19750312 200012 1 000"') },
    ]);
    assert.equal(r.errorCount, 1);
  });

  it('a value the SOP sets itself wins over the config and is located in the SOP', async () => {
    const own = sop({ identity: IDENTITY.replace('"19750312 200012 1 003"', '"123"') });
    const r = await lintText(own, { config: CONFIG, now: NOW });
    assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.file, d.line, d.column]), [['nip-format', 'sop.md', pos(own, '"123"').line, pos(own, '"123"').column]]);
  });

  it('a problem with a config value is reported once per run, not once per SOP', async () => {
    const bad = CONFIG.replace('"19750312 200012 1 003"', '"19750312 200012 1 000"');
    const other = SHORT_IDENTITY.replace('"800/001/SOP/BKD/2025"', '"800/002/SOP/BKD/2025"').replace('Cuti Tahunan', 'Cuti Besar');
    const rs = await lintTexts([{ file: 'b.md', text: sop({ identity: other }) }, { file: 'a.md', text: sop({ identity: SHORT_IDENTITY }) }], { config: bad, now: NOW });
    assert.deepEqual(rs.map((r) => [r.filePath, r.diagnostics.map((d) => `${d.ruleId} ${d.file}`)]), [['a.md', ['nip-format sop.config.yaml']], ['b.md', []]]);
  });
});

describe('rule levels and options from the config', () => {
  const loop = sop({ flow: FLOW.replace('    output: Surat izin cuti\n', '    output: Surat izin cuti\n    ke: 3\n') });
  const withSubject = sop({ flow: FLOW.replace('Memverifikasi kelengkapan berkas', 'Petugas memverifikasi kelengkapan berkas') });

  it('defaults: error for no-end, warning for active-verb', async () => {
    const a = await lintText(loop, { now: NOW });
    assert.deepEqual(a.diagnostics.map((d) => [d.ruleId, d.severity]), [['no-end', 'error']]);
    const b = await lintText(withSubject, { now: NOW });
    assert.deepEqual(b.diagnostics.map((d) => [d.ruleId, d.severity]), [['active-verb', 'warning']]);
    assert.equal(b.warningCount, 1);
  });

  it('off, warn and error from `rules`', async () => {
    assert.deepEqual((await lintText(loop, { config: { rules: { 'no-end': 'off' } }, now: NOW })).diagnostics, []);
    assert.deepEqual((await lintText(loop, { config: { rules: { 'no-end': 'warn' } }, now: NOW })).diagnostics.map((d) => d.severity), ['warning']);
    assert.deepEqual((await lintText(withSubject, { config: 'rules:\n  active-verb: error\n', now: NOW })).diagnostics.map((d) => d.severity), ['error']);
  });

  it('options from the config, and API overrides over the config', async () => {
    const r = await lintText(sop(), { config: 'rules:\n  max-pelaksana: [error, {max: 2}]\n', now: NOW });
    assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.severity, d.message.slice(0, 40)]), [['max-pelaksana', 'error', '3 kolom pelaksana melebihi 2 kolom yang ']]);
    const o = await lintText(sop(), { config: 'rules:\n  max-pelaksana: [error, {max: 2}]\n', rules: { 'max-pelaksana': 'off' }, now: NOW });
    assert.deepEqual(o.diagnostics, []);
  });

  it('bad options are a config error located in the config file', async () => {
    const config = 'rules:\n  max-pelaksana: [warn, {max: "tujuh"}]\n';
    await assert.rejects(lintText(sop(), { config }), (err: unknown) => {
      assert.ok(err instanceof SopConfigError);
      assert.deepEqual([err.file, err.line, err.column], ['sop.config.yaml', pos(config, '"tujuh"').line, pos(config, '"tujuh"').column]);
      assert.equal(err.message, 'opsi aturan `max-pelaksana`: `max` harus berupa bilangan bulat, bukan teks');
      return true;
    });
    await assert.rejects(lintText(sop(), { rules: { 'no-such-rule': 'warn' } }), /aturan `no-such-rule` tidak dikenal/);
    await assert.rejects(lintText(sop(), { rules: { 'no-end': ['warn', { max: 1 }] }, lang: 'en' }), /rule `no-end` takes no options/);
  });

  it('messages follow config `lang`, and the lang option wins', async () => {
    const en = await lintText(loop, { config: { lang: 'en' }, now: NOW });
    assert.match(en.diagnostics[0].message, /^row 3 leads to itself/);
    const id = await lintText(loop, { config: { lang: 'en' }, lang: 'id', now: NOW });
    assert.match(id.diagnostics[0].message, /^kegiatan 3 menuju dirinya sendiri/);
  });
});
