// The semantic diff of two SOP versions: rows matched by id, text and similarity; actors; Mutu Baku; flow branches; repository level.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readContent } from '../../src/diff/content.js';
import { diffSop } from '../../src/diff/sop-diff.js';
import { diffTrees } from '../../src/diff/tree-diff.js';
import { FLOW, IDENTITY, sop } from '../lint/sop-text.js';

const c = (text: string, path = 'a.md') => readContent(path, Buffer.from(text));

describe('readContent', () => {
  it('ignores comments, quoting, key order and blank lines, not values', () => {
    const a = c(sop());
    const b = c(sop({ identity: `# komentar\n${IDENTITY.replace('nomor: "800/001/SOP/BKD/2025"\nnama: Pelayanan Permohonan Cuti Tahunan', "nama: Pelayanan   Permohonan Cuti Tahunan\nnomor: '800/001/SOP/BKD/2025'")}\n` }).replace('Catatan.', '<!-- x -->\nCatatan.\n\n'));
    assert.equal(a.canonical, b.canonical);
    assert.notEqual(a.canonical, c(sop({ flow: FLOW.replace('15 menit', '20 menit') })).canonical);
  });

  it('keeps the column order of pelaksana', () => {
    const swapped = FLOW.replace('  pemohon: Pemohon\n  pengelola: Pengelola Kepegawaian\n', '  pengelola: Pengelola Kepegawaian\n  pemohon: Pemohon\n');
    assert.notEqual(c(sop()).canonical, c(sop({ flow: swapped })).canonical);
    const d = diffSop(c(sop()), c(sop({ flow: swapped })));
    assert.deepEqual(d.actors.map((x) => [x.kind, x.id, x.oldColumn, x.column]), [['moved', 'pengelola', 2, 1], ['moved', 'pemohon', 1, 2]]);
  });
});

describe('diffSop', () => {
  it('identity fields one level deep, and status with its default', () => {
    const d = diffSop(c(sop()), c(sop({ identity: IDENTITY.replace('nama: Drs. Ahmad Suryadi, M.Si.', 'nama: Dr. Ahmad Suryadi').replace('tanggal_revisi: "-"', 'tanggal_revisi: 2025-06-01'), extra: 'status: diganti\n' })));
    assert.deepEqual(d.identity, [
      { key: 'tanggal_revisi', old: '-', new: '2025-06-01' },
      { key: 'disahkan_oleh.nama', old: 'Drs. Ahmad Suryadi, M.Si.', new: 'Dr. Ahmad Suryadi' },
    ]);
    assert.deepEqual(d.status, { old: 'berlaku', new: 'diganti' });
    assert.deepEqual(d.parts, ['identitas', 'status']);
  });

  it('rows: added, removed, moved, reworded (similar text), Mutu Baku and a branch that goes elsewhere', () => {
    const newFlow = `pelaksana:
  pemohon: Pemohon
  pengelola: Pengelola Kepegawaian
  kepala: Kepala Badan
prosedur:
  - id: verifikasi
    kegiatan: Memverifikasi kelengkapan berkas permohonan
    pelaksana: pengelola
    kelengkapan: Formulir permohonan terisi
    waktu: 45 menit
    output: Berkas terverifikasi
    keputusan:
      ya: tandatangan
      tidak: selesai
  - kegiatan: Mengisi formulir permohonan cuti
    pelaksana: pemohon
    kelengkapan: Blangko permohonan cuti
    waktu: 15 menit
    output: Formulir permohonan terisi
  - kegiatan: Mengarsipkan salinan surat izin
    pelaksana: pengelola
    kelengkapan: Surat izin cuti
    waktu: 5 menit
    output: Arsip
`;
    const d = diffSop(c(sop()), c(sop({ flow: newFlow })));
    assert.deepEqual(d.rows.map((r) => [r.kind, r.old?.number, r.new?.number, r.moved, r.matchedBy, r.fields.map((f) => f.key).join()]), [
      ['changed', 2, 1, true, 'id', 'kegiatan'],
      ['removed', 3, undefined, false, undefined, ''],
      ['added', undefined, 3, false, undefined, ''],
    ]);
    assert.deepEqual(d.mutuBaku.map((m) => [m.row.number, m.field, m.old, m.new]), [[1, 'waktu', '30 menit', '45 menit']]);
    // ya named a removed row: that branch changed too, and tidak went from row 1 to selesai
    assert.deepEqual(d.flow.map((f) => [f.row.number, f.branch, f.old, f.new]), [
      [1, 'ya', '3. Menandatangani surat izin cuti', '?tandatangan'],
      [1, 'tidak', '1. Mengisi formulir permohonan cuti', 'selesai'],
    ]);
    assert.deepEqual(d.parts, ['prosedur', 'mutu_baku', 'alur']);
  });

  it('a number target that follows an inserted row is not a flow change', () => {
    const withNumbers = FLOW.replace('ya: tandatangan', 'ya: 3');
    const inserted = withNumbers.replace('ya: 3', 'ya: 4').replace('prosedur:\n', 'prosedur:\n  - kegiatan: Membuka aplikasi layanan\n    pelaksana: pemohon\n    kelengkapan: "-"\n    waktu: 1 menit\n    output: Aplikasi terbuka\n').replace('tidak: 1', 'tidak: 2');
    const d = diffSop(c(sop({ flow: withNumbers })), c(sop({ flow: inserted })));
    assert.deepEqual(d.flow, []);
    assert.deepEqual(d.rows.map((r) => r.kind), ['added']);
  });

  it('actors: a renamed title, a renamed id (its rows follow it), an added and a removed column', () => {
    const newFlow = FLOW.replace('  pengelola: Pengelola Kepegawaian', '  petugas: Pengelola Kepegawaian').replace(/pelaksana: pengelola/g, 'pelaksana: petugas')
      .replace('kepala: Kepala Badan', 'kepala: Sekretaris Badan\n  arsiparis: Arsiparis').replace('  pemohon: Pemohon\n', '').replace('pelaksana: pemohon', 'pelaksana: arsiparis');
    const d = diffSop(c(sop()), c(sop({ flow: newFlow })));
    assert.deepEqual(d.actors.map((a) => [a.kind, a.oldId, a.id, a.oldTitle, a.title]), [
      ['removed', undefined, 'pemohon', undefined, 'Pemohon'],
      ['renamed', 'pengelola', 'petugas', 'Pengelola Kepegawaian', 'Pengelola Kepegawaian'],
      ['renamed', 'kepala', 'kepala', 'Kepala Badan', 'Sekretaris Badan'],
      ['added', undefined, 'arsiparis', undefined, 'Arsiparis'],
    ]);
    // the row whose actor id was renamed did not change; the one moved to another actor did
    assert.deepEqual(d.rows.map((r) => [r.new?.number, r.fields.map((f) => `${f.key}:${String(f.old)}>${String(f.new)}`).join()]), [[1, 'pelaksana:Pemohon>Arsiparis']]);
  });
});

describe('diffTrees', () => {
  it('pairs by path, then content, nomor or nama; reports added and removed', () => {
    const a = [c(sop(), 'x/cuti.md'), c(sop({ identity: IDENTITY.replace('001', '002').replace('Cuti Tahunan', 'Cuti Besar') }), 'x/besar.md'), c(sop({ identity: IDENTITY.replace('001', '003').replace('Cuti Tahunan', 'Surat') }), 'x/surat.md')];
    const b = [c(sop(), 'y/cuti-tahunan.md'), c(sop({ identity: IDENTITY.replace('001', '002').replace('Cuti Tahunan', 'Cuti Besar'), extra: 'status: dicabut\n' }), 'x/besar.md'), c(sop({ identity: IDENTITY.replace('001', '009').replace('Cuti Tahunan', 'Baru') }), 'x/baru.md'), c('# bukan SOP\n', 'x/README.md')];
    const t = diffTrees(a, b, { name: 'a', commit: 'a'.repeat(40) }, { name: 'working tree' });
    assert.deepEqual(t.entries.map((e) => [e.kind, e.old?.path, e.new?.path, e.changes?.status?.new]), [
      ['added', undefined, 'x/baru.md', undefined],
      ['changed', 'x/besar.md', 'x/besar.md', 'dicabut'],
      ['removed', 'x/surat.md', undefined, undefined],
      ['renamed', 'x/cuti.md', 'y/cuti-tahunan.md', undefined],
    ]);
    assert.equal(t.unchanged, 0);
  });
});
