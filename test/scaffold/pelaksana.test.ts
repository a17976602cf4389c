// Tests of --pelaksana: spreading template rows over the given actors and rewriting only the actor parts of the YAML.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { assignRows, swapActors } from '../../src/scaffold/pelaksana.js';

// rows of the built-in administratif template: pemohon(0), pengadministrasi(1), kepala(2)
const ADMIN_ROWS = [0, 1, 1, 2, 1, 0, 1];

describe('assignRows', () => {
  it('keeps the template assignment when as many actors are given', () => {
    assert.deepEqual(assignRows(3, ADMIN_ROWS, 3), ADMIN_ROWS);
  });
  it('gives every actor at least one row and keeps column order, for 1..7 actors', () => {
    for (let n = 1; n <= ADMIN_ROWS.length; n++) {
      const a = assignRows(3, ADMIN_ROWS, n);
      assert.ok(a, `n=${n}`);
      assert.equal(a.length, ADMIN_ROWS.length);
      assert.deepEqual([...new Set(a)].sort((x, y) => x - y), [...Array(n).keys()], `every actor used, n=${n}`);
      // the first row (who starts the procedure) stays with the first column
      assert.equal(a[0], 0, `n=${n}`);
      // template columns stay in order: a row of a later template actor never lands left of an earlier one's first column
      for (let i = 0; i < ADMIN_ROWS.length; i++) for (let j = 0; j < ADMIN_ROWS.length; j++) {
        if (ADMIN_ROWS[i] < ADMIN_ROWS[j]) assert.ok(a[i] <= a[j], `order n=${n} rows ${i + 1},${j + 1}`);
      }
    }
  });
  it('merges the later template actors when fewer are given', () => {
    // Pemohon keeps the applicant rows; the officer and the head become the second actor
    assert.deepEqual(assignRows(3, ADMIN_ROWS, 2), [0, 1, 1, 1, 1, 0, 1]);
    assert.deepEqual(assignRows(3, ADMIN_ROWS, 1), [0, 0, 0, 0, 0, 0, 0]);
  });
  it('splits the busiest template actor first when more are given', () => {
    assert.deepEqual(assignRows(3, ADMIN_ROWS, 4), [0, 1, 1, 3, 2, 0, 2]);
  });
  it('refuses more actors than rows', () => {
    assert.equal(assignRows(3, ADMIN_ROWS, 8), undefined);
    assert.equal(assignRows(1, [0, 0], 3), undefined);
  });
});

const YAML = `nama: X
# kolom
pelaksana:
  pemohon: Pemohon   # komentar
  petugas: Petugas
# baris
prosedur:
  - kegiatan: Menyampaikan permohonan
    pelaksana: pemohon
    waktu: 5 menit
  - kegiatan: Memeriksa berkas
    pelaksana: petugas
    keputusan: {tidak: 1}
  - kegiatan: Menyerahkan hasil
    pelaksana: "petugas"
`;

describe('swapActors', () => {
  it('replaces the columns and row actors and leaves every other line as written', () => {
    const r = swapActors(YAML, ['Pemohon Izin', 'Kepala Subbagian Umum', 'Yes']);
    assert.ok(!('kind' in r));
    const data = parse(r.yaml, { version: '1.2' });
    assert.deepEqual(data.pelaksana, { pemohon_izin: 'Pemohon Izin', kepala_subbagian_umum: 'Kepala Subbagian Umum', yes: 'Yes' });
    assert.deepEqual(data.prosedur.map((x: any) => x.pelaksana), ['pemohon_izin', 'kepala_subbagian_umum', 'yes']);
    assert.deepEqual(r.actors.map(([id]) => id), ['pemohon_izin', 'kepala_subbagian_umum', 'yes']);
    const before = YAML.split('\n');
    const after = r.yaml.split('\n');
    const removed = before.filter((l) => !after.includes(l));
    const added = after.filter((l) => !before.includes(l));
    for (const l of removed) assert.match(l, /^ {2}(pemohon|petugas): |^ {4}pelaksana: /, `only actor lines change: ${l}`);
    for (const l of added) assert.match(l, /^ {2}(pemohon_izin|kepala_subbagian_umum|"yes"): |^ {4}pelaksana: /, `only actor lines change: ${l}`);
    assert.equal(after.length, before.length + 1, 'one more column, nothing else added');
    assert.match(r.yaml, /^# kolom\npelaksana:\n {2}pemohon_izin: Pemohon Izin\n/m);
    assert.match(r.yaml, /\n# baris\nprosedur:/);
    // an id that YAML 1.1 would read as a boolean stays a string
    assert.equal(parse(r.yaml, { version: '1.1' }).prosedur[2].pelaksana, 'yes');
  });
  it('reports templates without actors or with too few rows', () => {
    assert.deepEqual(swapActors('nama: X\n', ['A']), { kind: 'no-pelaksana' });
    assert.deepEqual(swapActors(YAML, ['A', 'B', 'C', 'D']), { kind: 'too-many', rows: 3 });
  });
});
