// The label registry (format §7.4): every key, defaults per language, overrides, unknown keys, the page pattern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LABEL_KEYS, defaultLabels, pageLabel, pageLabelParts, resolveLabels, unknownLabelKeys } from '../../src/core/labels.js';

test('LABEL_KEYS holds every identity key of §2 and the flow, approval, footer and notes keys of §7.4', () => {
  const identity = ['nomor', 'nama', 'jenis', 'instansi', 'logo', 'tanggal_pembuatan', 'tanggal_revisi', 'tanggal_efektif', 'disahkan_oleh',
    'dasar_hukum', 'kualifikasi_pelaksana', 'keterkaitan', 'peralatan_perlengkapan', 'peringatan', 'pencatatan_pendataan'];
  const more = ['no', 'kegiatan', 'pelaksana', 'mutu_baku', 'kelengkapan', 'waktu', 'output', 'keterangan', 'jumlah_waktu', 'nip', 'halaman', 'catatan'];
  for (const k of [...identity, ...more]) assert.ok((LABEL_KEYS as readonly string[]).includes(k), k);
  assert.equal(new Set(LABEL_KEYS).size, LABEL_KEYS.length, 'no key twice');
});

test('both languages define a non-empty label for every key', () => {
  for (const lang of ['id', 'en'] as const) {
    const labels = defaultLabels(lang);
    assert.deepEqual(Object.keys(labels).sort(), [...LABEL_KEYS].sort());
    for (const k of LABEL_KEYS) assert.ok(labels[k].trim().length > 0, `${lang}.${k}`);
  }
  assert.equal(defaultLabels('id').tanggal_efektif, 'Tgl. Efektif');
  assert.equal(defaultLabels('en').kegiatan, 'Activity');
});

test('resolveLabels puts the overrides on the language defaults and ignores unknown keys and empty values', () => {
  const l = resolveLabels('id', { tanggal_efektif: 'Tanggal Pengesahan', mutu_baku: 'Baku Mutu', kegiatan: 'Uraian Prosedur', bogus: 'x', nip: '  ' });
  assert.equal(l.tanggal_efektif, 'Tanggal Pengesahan');
  assert.equal(l.mutu_baku, 'Baku Mutu');
  assert.equal(l.kegiatan, 'Uraian Prosedur');
  assert.equal(l.nip, 'NIP.');
  assert.equal(l.nomor, 'Nomor SOP');
  assert.equal((l as Record<string, string>).bogus, undefined);
  assert.equal(resolveLabels('en', { nomor: 'NOMOR SOP AP' }).nomor, 'NOMOR SOP AP');
  assert.equal(resolveLabels('en').nomor, 'SOP Number');
});

test('unknownLabelKeys names exactly the keys that are not labels', () => {
  assert.deepEqual(unknownLabelKeys({ nomor: 'a', tgl_efektif: 'b', kegiatan: 'c', Nomor: 'd' }), ['tgl_efektif', 'Nomor']);
  assert.deepEqual(unknownLabelKeys(undefined), []);
});

test('pageLabel fills the Halaman pattern, and drops the total part when there is no total', () => {
  assert.equal(pageLabel('Halaman {x} dari {y}', 2, 5), 'Halaman 2 dari 5');
  assert.equal(pageLabel('Hal. {x}/{y}', 1, 3), 'Hal. 1/3');
  assert.equal(pageLabel('Halaman {x} dari {y}', 4), 'Halaman 4');
  assert.deepEqual(pageLabelParts('Halaman {x} dari {y}'), [{ text: 'Halaman ' }, { counter: 'page' }, { text: ' dari ' }, { counter: 'pages' }]);
  assert.deepEqual(pageLabelParts('{x}'), [{ counter: 'page' }]);
});
