// Instansi typography: levels by place in the hierarchy; the agency leads, not "the second line".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instansiLevels, instansiTypography } from '../../src/core/instansi.js';

test('government, agency, units, top-down', () => {
  assert.deepEqual(instansiLevels(['PEMERINTAH KABUPATEN SUKAMAJU', 'BADAN KEPEGAWAIAN DAERAH', 'BIDANG MUTASI']), ['government', 'agency', 'unit']);
  assert.deepEqual(instansiLevels(['Kementerian Keuangan', 'Direktorat Jenderal Pajak', 'Direktorat Peraturan Perpajakan I', 'Subdirektorat X']), ['government', 'agency', 'unit', 'unit']);
  assert.deepEqual(instansiLevels(['BADAN PUSAT STATISTIK', 'BAGIAN UMUM']), ['agency', 'unit']);
});

test('"SEKRETARIAT" or "BAGIAN UMUM" in second place is a unit; "Sekretariat Daerah" is an agency', () => {
  assert.deepEqual(instansiLevels(['PEMERINTAH KOTA X', 'SEKRETARIAT', 'SUBBAGIAN UMUM']), ['government', 'unit', 'unit']);
  assert.deepEqual(instansiLevels(['PEMERINTAH KOTA X', 'BAGIAN UMUM']), ['government', 'unit']);
  assert.deepEqual(instansiLevels(['PEMERINTAH KOTA X', 'SEKRETARIAT DAERAH', 'BAGIAN UMUM']), ['government', 'agency', 'unit']);
});

test('the agency line gets the largest type; without one the government line; units are smaller than both', () => {
  const t = instansiTypography(['PEMERINTAH KABUPATEN SUKAMAJU', 'BADAN KEPEGAWAIAN', 'SEKRETARIAT']);
  assert.deepEqual(t.map((l) => l.lead), [false, true, false]);
  assert.ok(t[1].em > t[0].em && t[0].em > t[2].em);
  const noAgency = instansiTypography(['PEMERINTAH KOTA X', 'BAGIAN UMUM']);
  assert.deepEqual(noAgency.map((l) => l.lead), [true, false]);
  assert.ok(noAgency[0].em > noAgency[1].em);
  assert.deepEqual(instansiTypography(['BIDANG X']).map((l) => l.lead), [true]);
});
