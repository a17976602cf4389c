// The flow table's text alternative: one step per row, actors by title, decision branches and jumps spelled out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFlowModel } from '../../src/model/flow.js';
import { flowSteps } from '../../src/pages/flow-steps.js';

const data = {
  pelaksana: { pemohon: 'Pemohon', petugas: 'Petugas Layanan', kabid: 'Kepala Bidang' },
  prosedur: [
    { kegiatan: 'Mengajukan permohonan', pelaksana: 'pemohon', kelengkapan: 'Formulir', waktu: '10 menit', output: 'Permohonan' },
    { kegiatan: 'Memeriksa berkas', pelaksana: 'petugas', kelengkapan: 'Permohonan', waktu: '15 menit', output: 'Berkas', keputusan: { ya: 3, tidak: 1 } },
    { kegiatan: 'Menyetujui', pelaksana: 'kabid', kelengkapan: 'Berkas', waktu: '1 jam', output: 'Persetujuan', ke: 'selesai' },
    { kegiatan: 'Mengarsipkan', pelaksana: 'petugas', kelengkapan: 'Berkas', waktu: '5 menit', output: 'Arsip' },
  ],
};

test('flowSteps: numbers, kegiatan, actor titles; branches with their words; a jump or end where the flow does not go on', () => {
  const steps = flowSteps(buildFlowModel(data, { lang: 'id' }), 'id');
  assert.deepEqual(steps[0], { no: '1', kegiatan: 'Mengajukan permohonan', pelaksana: ['Pemohon'], branches: [], next: undefined });
  assert.deepEqual(steps[1].branches, [
    { label: 'Ya', to: 'langkah 3' },
    { label: 'Tidak', to: 'langkah 1' },
  ]);
  assert.equal(steps[2].next, 'selesai');
  assert.deepEqual(steps[2].pelaksana, ['Kepala Bidang']);
  assert.equal(steps[3].next, 'selesai', 'the last row ends the procedure');
  assert.equal(flowSteps(buildFlowModel(data, { lang: 'en' }), 'en')[1].branches[0].to, 'step 3');
});
