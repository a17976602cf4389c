// Tests of the scaffold API (`sop new`): file, content, numbering, overwrite safety, path safety, actors, prompts.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scaffold } from '../../src/api/scaffold.js';
import { SopUsageError } from '../../src/core/errors.js';
import { nodeFs, type ScaffoldFs } from '../../src/scaffold/fs.js';
import { assertValidSop, readSop, scriptedPrompter, tempDir } from './helpers.js';

const NOW = new Date(2025, 4, 6, 10, 30);
const DEFAULTS = {
  instansi: ['PEMERINTAH KABUPATEN SUKAMAJU', 'BADAN KEPEGAWAIAN DAERAH'],
  disahkan_oleh: { jabatan: 'Kepala Badan Kepegawaian Daerah', nama: 'Drs. AHMAD SURYADI, M.Si.', nip: '19750312 200012 1 003' },
};
const CONFIG = `lang: id
numbering: "800/{seq:3}/SOP/BKD/{year}"
templates: templat
defaults:
  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BADAN KEPEGAWAIAN DAERAH]
  disahkan_oleh:
    jabatan: Kepala Badan Kepegawaian Daerah
    nama: Drs. AHMAD SURYADI, M.Si.
    nip: "19750312 200012 1 003"
`;

let root: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir: root, cleanup } = tempDir());
  writeFileSync(path.join(root, 'sop.config.yaml'), CONFIG);
});
afterEach(() => cleanup());

const rejectsUsage = (p: Promise<unknown>, re: RegExp) => assert.rejects(p, (e: Error) => e instanceof SopUsageError && re.test(e.message));

/** Every file below `dir`, relative, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, n.name);
      if (n.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe('scaffold: the new file', () => {
  it('is written under --dir with a slug name, numbered, dated and valid', async () => {
    const r = await scaffold({ cwd: root, title: 'Pelayanan Permohonan Cuti Tahunan', dir: 'kepegawaian/cuti', now: NOW });
    const file = path.join(root, 'kepegawaian', 'cuti', 'pelayanan-permohonan-cuti-tahunan.md');
    assert.equal(r.absPath, file);
    assert.equal(r.file, 'kepegawaian/cuti/pelayanan-permohonan-cuti-tahunan.md');
    assert.equal(r.written, true);
    assert.equal(r.replaced, false);
    assert.equal(r.nomor, '800/001/SOP/BKD/2025');
    assert.deepEqual(r.numbering, { pattern: '800/{seq:3}/SOP/BKD/{year}', fromConfig: true });
    assert.deepEqual(r.notes, []);
    const sop = readSop(file);
    assert.equal(sop.text, r.content);
    assert.match(sop.yamlLines[0], /^# yaml-language-server: \$schema=\S+sop\.schema\.json$/);
    assert.equal(sop.data.nomor, '800/001/SOP/BKD/2025');
    assert.equal(sop.data.nama, 'Pelayanan Permohonan Cuti Tahunan');
    assert.equal(sop.data.tanggal_pembuatan, '2025-05-06');
    assert.equal(sop.data.tanggal_efektif, '2025-05-06');
    assert.equal(sop.data.tanggal_revisi, '-');
    assert.equal(sop.data.jenis, 'administratif');
    assert.ok(!('instansi' in sop.data) && !('disahkan_oleh' in sop.data), 'identity comes from config defaults');
    assertValidSop(sop.data, DEFAULTS);
  });

  it('keeps the title as typed, quoting it when YAML needs it', async () => {
    const r = await scaffold({ cwd: root, title: 'Cuti: Tahunan # 2', now: NOW });
    assert.equal(readSop(r.absPath).data.nama, 'Cuti: Tahunan # 2');
    assert.equal(path.basename(r.absPath), 'cuti-tahunan-2.md');
  });

  it('rejects titles that give no file name or span lines', async () => {
    await rejectsUsage(scaffold({ cwd: root, title: '  ', now: NOW }), /tidak boleh kosong/);
    await rejectsUsage(scaffold({ cwd: root, title: '?!', now: NOW }), /tidak menghasilkan nama berkas/);
    await rejectsUsage(scaffold({ cwd: root, title: 'a\nb', now: NOW }), /satu baris/);
    assert.deepEqual(tree(root), ['sop.config.yaml']);
  });

  it('uses --dir relative to the repository root, also from a subfolder', async () => {
    mkdirSync(path.join(root, 'sekretariat'));
    const r = await scaffold({ cwd: path.join(root, 'sekretariat'), title: 'Surat Masuk', dir: 'umum', now: NOW });
    assert.equal(r.absPath, path.join(root, 'umum', 'surat-masuk.md'));
    // shown as the project shows paths outside the working directory: absolute
    assert.equal(r.file, path.join(root, 'umum', 'surat-masuk.md'));
  });
});

describe('scaffold: numbering', () => {
  it('numbers 001, 002, 003 across calls', async () => {
    const got = [];
    for (const t of ['Satu', 'Dua', 'Tiga']) got.push((await scaffold({ cwd: root, title: t, dir: 'a', now: NOW })).nomor);
    assert.deepEqual(got, ['800/001/SOP/BKD/2025', '800/002/SOP/BKD/2025', '800/003/SOP/BKD/2025']);
  });

  it('continues after the highest number of the year, ignoring gaps, other years and other patterns', async () => {
    const put = (rel: string, nomor: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), `---\nnomor: "${nomor}"\nnama: ${rel}\n---\n`);
    };
    put('lama/a.md', '800/001/SOP/BKD/2025');
    put('lama/b.md', '800/007/SOP/BKD/2025');
    put('lama/c.md', '800/050/SOP/BKD/2024');
    put('lama/d.md', '900/099/SOP/BKD/2025');
    writeFileSync(path.join(root, 'README.md'), '# bukan SOP\n');
    assert.equal((await scaffold({ cwd: root, title: 'Baru', now: NOW })).nomor, '800/008/SOP/BKD/2025');
    assert.equal((await scaffold({ cwd: root, title: 'Tahun Depan', now: new Date(2026, 0, 2) })).nomor, '800/001/SOP/BKD/2026');
    assert.equal((await scaffold({ cwd: root, title: 'Lagi', now: NOW })).nomor, '800/009/SOP/BKD/2025');
  });

  it('without a numbering pattern gives a provisional unique number and says so', async () => {
    writeFileSync(path.join(root, 'sop.config.yaml'), CONFIG.replace(/^numbering:.*\n/m, ''));
    const a = await scaffold({ cwd: root, title: 'Satu', now: NOW });
    const b = await scaffold({ cwd: root, title: 'Dua', now: NOW });
    assert.deepEqual([a.nomor, b.nomor], ['001/SOP/2025', '002/SOP/2025']);
    assert.equal(a.numbering.fromConfig, false);
    assert.match(a.notes.join('\n'), /sementara.*numbering/);
    assertValidSop(readSop(b.absPath).data, DEFAULTS);
  });
});

describe('scaffold: never overwrites', () => {
  it('refuses an existing file, naming it and --force, and leaves it byte-for-byte untouched', async () => {
    const first = await scaffold({ cwd: root, title: 'Surat Masuk', dir: 'umum', now: NOW });
    writeFileSync(first.absPath, 'disunting oleh pengguna\n');
    const before = statSync(first.absPath).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await rejectsUsage(scaffold({ cwd: root, title: 'Surat Masuk', dir: 'umum', template: 'teknis', now: NOW }), /berkas sudah ada: umum\/surat-masuk\.md.*--force/);
    assert.equal(readFileSync(first.absPath, 'utf8'), 'disunting oleh pengguna\n');
    assert.equal(statSync(first.absPath).mtimeMs, before);
    assert.deepEqual(tree(path.join(root, 'umum')), ['surat-masuk.md'], 'no temp file left behind');
  });

  it('--force replaces the file atomically and reuses its own number', async () => {
    await scaffold({ cwd: root, title: 'Satu', now: NOW });
    const two = await scaffold({ cwd: root, title: 'Dua', now: NOW });
    const again = await scaffold({ cwd: root, title: 'Dua', template: 'teknis', force: true, now: NOW });
    assert.equal(again.replaced, true);
    assert.equal(again.nomor, two.nomor, 'the replaced file does not count as used');
    assert.equal(readSop(two.absPath).data.jenis, 'teknis');
    assert.deepEqual(tree(root), ['dua.md', 'satu.md', 'sop.config.yaml']);
  });

  it('--force keeps the number of the replaced SOP even when later numbers exist', async () => {
    const one = await scaffold({ cwd: root, title: 'Satu', now: NOW });
    await scaffold({ cwd: root, title: 'Dua', now: NOW });
    const again = await scaffold({ cwd: root, title: 'Satu', force: true, now: NOW });
    assert.equal(again.nomor, one.nomor);
    // a replaced file whose number does not fit the pattern, or is of another year, gets the next free one
    writeFileSync(one.absPath, '---\nnomor: "-"\nnama: Satu\n---\n');
    assert.equal((await scaffold({ cwd: root, title: 'Satu', force: true, now: NOW })).nomor, '800/003/SOP/BKD/2025');
    writeFileSync(one.absPath, '---\nnomor: "800/001/SOP/BKD/2024"\nnama: Satu\n---\n');
    assert.equal((await scaffold({ cwd: root, title: 'Satu', force: true, now: NOW })).nomor, '800/003/SOP/BKD/2025');
  });

  it('keeps the old file when the final rename fails, and cleans the temp file', async () => {
    const r = await scaffold({ cwd: root, title: 'Satu', now: NOW });
    const old = readFileSync(r.absPath, 'utf8');
    const failing: ScaffoldFs = { ...nodeFs, rename: async () => { throw Object.assign(new Error('disk penuh'), { code: 'ENOSPC' }); } };
    await assert.rejects(scaffold({ cwd: root, title: 'Satu', template: 'teknis', force: true, now: NOW, fs: failing }), /disk penuh/);
    assert.equal(readFileSync(r.absPath, 'utf8'), old);
    assert.deepEqual(tree(root), ['satu.md', 'sop.config.yaml']);
  });

  it('falls back to an exclusive create where hard links are not supported', async () => {
    const noLinks: ScaffoldFs = { ...nodeFs, link: async () => { throw Object.assign(new Error('no links'), { code: 'EPERM' }); } };
    const r = await scaffold({ cwd: root, title: 'Satu', now: NOW, fs: noLinks });
    assert.equal(readSop(r.absPath).data.nama, 'Satu');
    assert.deepEqual(tree(root), ['satu.md', 'sop.config.yaml']);
    await rejectsUsage(scaffold({ cwd: root, title: 'Satu', now: NOW, fs: noLinks }), /sudah ada/);
  });
});

describe('scaffold: stays inside the repository', () => {
  let outside: string;
  let cleanOutside: () => void;
  beforeEach(() => ({ dir: outside, cleanup: cleanOutside } = tempDir('sop-outside-')));
  afterEach(() => cleanOutside());

  it('refuses --dir ../.., an absolute path elsewhere and a symlink pointing out', async () => {
    symlinkSync(outside, path.join(root, 'tautan'));
    for (const dir of ['../..', '..', outside, 'tautan', 'tautan/sub', `umum/../../${path.basename(root)}-x`]) {
      await rejectsUsage(scaffold({ cwd: root, title: 'Bocor', dir, now: NOW }), /di luar repositori/);
    }
    assert.deepEqual(readdirSync(outside), []);
    assert.deepEqual(tree(root).filter((f) => f !== 'tautan'), ['sop.config.yaml']);
  });

  it('refuses a --dir that is a file', async () => {
    await rejectsUsage(scaffold({ cwd: root, title: 'X', dir: 'sop.config.yaml', now: NOW }), /"sop\.config\.yaml" adalah berkas, bukan folder/);
  });

  it('accepts an absolute path inside the repository', async () => {
    const r = await scaffold({ cwd: root, title: 'Dalam', dir: path.join(root, 'umum'), now: NOW });
    assert.equal(r.file, 'umum/dalam.md');
  });

  it('refuses --template ../../etc/passwd and a templates folder outside', async () => {
    await rejectsUsage(scaffold({ cwd: root, title: 'X', template: '../../etc/passwd', now: NOW }), /templat "..\/..\/etc\/passwd" berada di luar repositori/);
    writeFileSync(path.join(root, 'sop.config.yaml'), CONFIG.replace('templates: templat', `templates: ${outside}`));
    await rejectsUsage(scaffold({ cwd: root, title: 'X', now: NOW }), /folder templat.*di luar repositori/);
    assert.deepEqual(tree(root), ['sop.config.yaml']);
  });
});

describe('scaffold: --dry-run', () => {
  it('returns the text and writes nothing, not even the folder', async () => {
    const r = await scaffold({ cwd: root, title: 'Uji', dir: 'baru/sekali', dryRun: true, now: NOW });
    assert.equal(r.written, false);
    assert.match(r.content, /^---\n# yaml-language-server/);
    assert.match(r.content, /nomor: "800\/001\/SOP\/BKD\/2025"/);
    assert.deepEqual(tree(root), ['sop.config.yaml']);
  });
  it('still reports an existing file', async () => {
    await scaffold({ cwd: root, title: 'Uji', now: NOW });
    await rejectsUsage(scaffold({ cwd: root, title: 'Uji', dryRun: true, now: NOW }), /sudah ada/);
  });
});

describe('scaffold: templates and actors', () => {
  it('spreads the template rows over the given actors, each getting at least one', async () => {
    for (const list of [['Pemohon'], ['Pemohon', 'Kepala Subbagian Umum'], ['Pemohon', 'Pengelola Kepegawaian', 'Kepala Subbagian Umum', 'Kepala Badan'], ['A', 'B', 'C', 'D', 'E', 'F', 'G']]) {
      const r = await scaffold({ cwd: root, title: `SOP ${list.length}`, pelaksana: list, now: NOW });
      const data = readSop(r.absPath).data;
      assert.deepEqual(Object.values(data.pelaksana), list);
      assert.equal(Object.keys(data.pelaksana)[0], list[0] === 'A' ? 'a' : 'pemohon');
      assertValidSop(data, DEFAULTS);
    }
    const two = readSop(path.join(root, 'sop-2.md')).data;
    assert.deepEqual(two.prosedur.map((r: any) => r.pelaksana), ['pemohon', 'kepala_subbagian_umum', 'kepala_subbagian_umum', 'kepala_subbagian_umum', 'kepala_subbagian_umum', 'pemohon', 'kepala_subbagian_umum']);
  });

  it('refuses more actors than rows, duplicates, and several actors for a teknis SOP', async () => {
    await rejectsUsage(scaffold({ cwd: root, title: 'X', pelaksana: 'ABCDEFGH'.split(''), now: NOW }), /paling banyak 7 pelaksana/);
    await rejectsUsage(scaffold({ cwd: root, title: 'X', pelaksana: ['Pemohon', 'pemohon'], now: NOW }), /dua kali/);
    await rejectsUsage(scaffold({ cwd: root, title: 'X', template: 'teknis', pelaksana: ['A', 'B'], now: NOW }), /SOP teknis hanya mempunyai satu pelaksana/);
    assert.deepEqual(tree(root), ['sop.config.yaml']);
  });

  it('renames the single actor of a teknis SOP', async () => {
    const r = await scaffold({ cwd: root, title: 'Pengagendaan Surat', template: 'teknis', pelaksana: ['Arsiparis Terampil'], now: NOW });
    const data = readSop(r.absPath).data;
    assert.deepEqual(data.pelaksana, { arsiparis_terampil: 'Arsiparis Terampil' });
    assert.equal(r.jenis, 'teknis');
    assertValidSop(data, DEFAULTS);
  });

  it('uses a repository template from the config `templates` folder, overriding the built-in', async () => {
    mkdirSync(path.join(root, 'templat'));
    const own = readFileSync(path.join(import.meta.dirname, '../../templates/teknis.md'), 'utf8').replace('Pengadministrasi Perkantoran', 'Arsiparis');
    writeFileSync(path.join(root, 'templat', 'teknis.md'), own);
    const r = await scaffold({ cwd: root, title: 'Pemindaian Arsip', template: 'teknis', now: NOW });
    assert.deepEqual(r.template, { name: 'teknis', source: 'repository' });
    assert.deepEqual(Object.values(readSop(r.absPath).data.pelaksana), ['Arsiparis']);
  });

  it('reports a broken repository template clearly', async () => {
    mkdirSync(path.join(root, 'templat'));
    writeFileSync(path.join(root, 'templat', 'rusak.md'), '---\nnama: {{nama}}\nnama: lagi\n---\n');
    await rejectsUsage(scaffold({ cwd: root, title: 'X', template: 'rusak', now: NOW }), /templat templat\/rusak\.md menghasilkan YAML yang tidak sah/);
  });
});

describe('scaffold: without a config', () => {
  it('writes identity stubs to fill in and says what to do', async () => {
    const { dir, cleanup: c } = tempDir();
    try {
      const r = await scaffold({ cwd: dir, title: 'Tanpa Konfigurasi', now: NOW });
      assert.equal(r.nomor, '001/SOP/2025');
      const data = readSop(r.absPath).data;
      assert.deepEqual(data.instansi, ['ISI NAMA INSTANSI', 'ISI NAMA UNIT KERJA']);
      assert.equal(data.disahkan_oleh.nip, 'ISI NIP 18 DIGIT');
      assert.match(r.notes.join('\n'), /lengkapi instansi dan disahkan_oleh.*sop init/);
      assert.equal(readSop(r.absPath).yamlLines[0], '# yaml-language-server: $schema=./node_modules/sop/schemas/sop.schema.json', 'no local schema yet: where npm install puts it');
    } finally {
      c();
    }
  });
});

describe('scaffold: schema line', () => {
  it('points into node_modules/sop when the package is installed in the repository', async () => {
    mkdirSync(path.join(root, 'node_modules', 'sop', 'schemas'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', 'sop', 'schemas', 'sop.schema.json'), '{}');
    const r = await scaffold({ cwd: root, title: 'Satu', dir: 'a/b', now: NOW });
    assert.equal(readSop(r.absPath).yamlLines[0], '# yaml-language-server: $schema=../../node_modules/sop/schemas/sop.schema.json');
  });
});

describe('scaffold: questions', () => {
  it('asks for title, folder, template and actors when they are not given', async () => {
    const prompt = scriptedPrompter({ judul: 'Penerbitan Surat Tugas', folder: 'sekretariat', templat: 'administratif', pelaksana: 'Pegawai, Kepala Subbagian Umum, Sekretaris' });
    const r = await scaffold({ cwd: root, prompt, now: NOW });
    assert.deepEqual(prompt.asked, ['judul', 'folder', 'templat', 'pelaksana']);
    assert.equal(r.file, 'sekretariat/penerbitan-surat-tugas.md');
    assert.deepEqual(Object.values(readSop(r.absPath).data.pelaksana), ['Pegawai', 'Kepala Subbagian Umum', 'Sekretaris']);
    assert.match(prompt.messages.join('\n'), /Judul SOP/);
  });
  it('asks only what the flags left open, and keeps template actors on an empty answer', async () => {
    const prompt = scriptedPrompter({ folder: '.', pelaksana: '' });
    const r = await scaffold({ cwd: root, title: 'Rapat', template: 'teknis', prompt, now: NOW });
    assert.deepEqual(prompt.asked, ['folder', 'pelaksana']);
    assert.deepEqual(Object.values(readSop(r.absPath).data.pelaksana), ['Pengadministrasi Perkantoran']);
  });
  it('validates answers like flags: a folder outside, two actors for teknis', async () => {
    await assert.rejects(scaffold({ cwd: root, title: 'X', prompt: scriptedPrompter({ folder: '../luar' }), now: NOW }), /rejected: folder "..\/luar" berada di luar repositori/);
    await assert.rejects(scaffold({ cwd: root, title: 'X', dir: '.', template: 'teknis', prompt: scriptedPrompter({ pelaksana: 'A, B' }), now: NOW }), /rejected: SOP teknis/);
  });
  it('asks in English with lang en', async () => {
    const prompt = scriptedPrompter({ templat: 'teknis', pelaksana: 'Archivist' });
    const r = await scaffold({ cwd: root, title: 'X', dir: '.', prompt, lang: 'en', now: NOW });
    assert.deepEqual(prompt.asked, ['templat', 'pelaksana']);
    assert.match(prompt.messages.join('\n'), /SOP kind \/ template:\nActor \(one position; leave empty for "Pengadministrasi Perkantoran"\)/);
    assert.deepEqual(readSop(r.absPath).data.pelaksana, { archivist: 'Archivist' });
  });
});
