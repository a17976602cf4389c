// `sop monev new`: one Tabel 7 sheet per unit with every SOP in force, pre-filled from the previous sheet, never overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { monevNew } from '../../src/api/lifecycle.js';
import { main } from '../../src/cli/main.js';
import { repo, row, sheet } from './repo.js';

const NOW = new Date('2026-06-01T08:00:00');

test('writes one sheet per unit with every SOP in force, rows unassessed, dated today; the result lints as a record', async () => {
  const root = repo({ 'unit-baru/belum.md': '' });
  try {
    const r = await monevNew({ cwd: root, periode: '2026-S1', now: NOW });
    assert.deepEqual(r.sheets.map((s) => [s.file, s.rows, s.status]), [['monev/2026-S1/mutasi.yaml', 2, 'created'], ['monev/2026-S1/umum.yaml', 2, 'created']]);
    const data = parse(readFileSync(path.join(root, 'monev/2026-S1/umum.yaml'), 'utf8'));
    assert.equal(data.periode, '2026-S1');
    assert.equal(data.unit, 'umum');
    assert.equal(data.tanggal, '2026-06-01');
    assert.deepEqual(data.baris.map((b: { prosedur: string }) => b.prosedur), ['800/002/SOP/BKD/2025', '800/001/SOP/BKD/2025']);
    assert.ok(data.baris.every((b: { penilaian: unknown }) => b.penilaian === null));
    assert.equal(data.penilai.nama, 'ISI NAMA PENILAI');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an SOP not yet effective at the end of the period is left out; --unit limits to one unit', async () => {
  const root = repo({}, {
    'umum/lama.md': { nomor: '800/001/SOP/BKD/2025', nama: 'Penanganan Surat Masuk' },
    'umum/baru.md': { nomor: '800/002/SOP/BKD/2026', nama: 'Pelayanan Baru', efektif: '2026-08-01' },
    'mutasi/x.md': { nomor: '800/003/SOP/BKD/2025', nama: 'Pelayanan X' },
  });
  try {
    const r = await monevNew({ cwd: root, periode: '2026-S1', unit: 'umum', now: NOW });
    assert.deepEqual(r.sheets.map((s) => [s.file, s.rows]), [['monev/2026-S1/umum.yaml', 1]]);
    const s2 = await monevNew({ cwd: root, periode: '2026-S2', unit: 'umum', now: NOW, dryRun: true });
    assert.equal(s2.sheets[0].rows, 2);
    assert.equal(s2.sheets[0].status, 'dry-run');
    // a date outside the period: the sheet is dated the period's last day
    assert.match(s2.sheets[0].content, /^tanggal: 2026-12-31$/m);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('penilai and metode come from the unit\'s previous sheet, its findings as comments', async () => {
  const prev = sheet('2025-S2', 'umum', '2025-11-02', row('800/001/SOP/BKD/2025', 'tidak-baik') + '    tindakan: Menata ulang buku agenda\n').replace('baris:', 'metode:\n  - Wawancara dengan pelaksana\nbaris:');
  const root = repo({ 'monev/2025-S2/umum.yaml': prev });
  try {
    const r = await monevNew({ cwd: root, periode: '2026-S1', unit: 'umum', now: NOW });
    const text = r.sheets[0].content;
    assert.match(text, /^penilai:\n {2}nama: Budi\n {2}jabatan: Kepala Bagian$/m);
    assert.match(text, /^metode:\n {2}- Wawancara dengan pelaksana$/m);
    assert.match(text, /^ {4}# 2025-S2: tidak-baik; tindakan: Menata ulang buku agenda$/m);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an existing sheet is never overwritten (CLI reports it and exits 0)', async () => {
  const root = repo({});
  try {
    const file = path.join(root, 'monev/2026-S1/umum.yaml');
    await monevNew({ cwd: root, periode: '2026-S1', unit: 'umum', now: NOW });
    writeFileSync(file, '# diisi tangan\n' + readFileSync(file, 'utf8'));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['monev', 'new', '--periode', '2026-S1'], { cwd: root, env: {}, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), stdoutIsTTY: false, stdinIsTTY: false });
    assert.equal(code, 0);
    assert.match(err.join(''), /Sudah ada, tidak ditimpa: monev\/2026-S1\/umum\.yaml/);
    assert.match(out.join(''), /Dibuat: monev\/2026-S1\/mutasi\.yaml \(2 SOP\)/);
    assert.match(readFileSync(file, 'utf8'), /^# diisi tangan/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a bad period or an unknown unit is a usage error (exit 2) naming the fix', async () => {
  const root = repo({});
  try {
    const err: string[] = [];
    const io = { cwd: root, env: {}, stdout: () => undefined, stderr: (t: string) => void err.push(t), stdoutIsTTY: false, stdinIsTTY: false };
    assert.equal(await main(['monev', 'new', '--periode', '2026-Q1'], io), 2);
    assert.match(err.join(''), /--periode "2026-Q1" tidak sah; tulis tahun dan semester, mis\. 2026-S1/);
    assert.equal(await main(['monev', 'new', '--periode', '2026-S1', '--unit', 'keuangan'], io), 2);
    assert.match(err.join(''), /unit "keuangan" tidak dikenal; unit \(folder SOP\): mutasi, umum/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
