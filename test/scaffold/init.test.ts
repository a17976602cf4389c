// Tests of the init API (`sop init`): the files, the config they hold, refusal, --force safety, questions.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { init, type InitOptions } from '../../src/api/init.js';
import { scaffold } from '../../src/api/scaffold.js';
import { readConfigFile } from '../../src/config/load.js';
import { SopUsageError } from '../../src/core/errors.js';
import { configObject } from '../../src/scaffold/init-files.js';
import { assertValidSop, readSop, scriptedPrompter, tempDir } from './helpers.js';

const NOW = new Date(2025, 4, 6, 10, 30);
const FLAGS: InitOptions = {
  cwd: '',
  instansi: ['PEMERINTAH KABUPATEN SUKAMAJU', 'DINAS KOMUNIKASI DAN INFORMATIKA'],
  singkatan: 'DISKOMINFO',
  pejabat: { jabatan: 'Kepala Dinas Komunikasi dan Informatika', nama: 'Ir. SITI RAHAYU, M.T.', nip: '19780214 200312 2 005' },
  paper: 'F4',
  now: NOW,
};
const FILES = [
  'sop.config.yaml', 'penjelasan.md', 'contoh/contoh-pelayanan-permohonan.md', '.github/workflows/sop-lint.yml',
  '.vscode/settings.json', '.vscode/extensions.json', '.gitignore', 'package.json',
];

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ dir: cwd, cleanup } = tempDir('sop-init-')));
afterEach(() => cleanup());

const rejectsUsage = (p: Promise<unknown>, re: RegExp) => assert.rejects(p, (e: Error) => e instanceof SopUsageError && re.test(e.message));

describe('init: a ready repository', () => {
  it('creates every file, in a new folder, and reports them', async () => {
    const r = await init({ ...FLAGS, cwd, dir: 'sop-diskominfo' });
    const dir = path.join(cwd, 'sop-diskominfo');
    assert.equal(r.done, true);
    assert.equal(r.dir, 'sop-diskominfo');
    assert.deepEqual(r.files.map((f) => [f.file, f.status]), FILES.map((f) => [`sop-diskominfo/${f}`, 'created']));
    for (const f of FILES) assert.ok(existsSync(path.join(dir, f)), f);
    assert.deepEqual(r.example, { file: 'sop-diskominfo/contoh/contoh-pelayanan-permohonan.md', nomor: '001/SOP/DISKOMINFO/2025' });
    assert.deepEqual(r.samples, []);
  });

  it('writes a config that validates, matches the answers and carries the schema modeline', async () => {
    await init({ ...FLAGS, cwd, logo: 'logo.png', pejabat: { ...FLAGS.pejabat, pangkat: 'Pembina Tingkat I (IV/b)' } }).catch((e) => assert.match(e.message, /logo/));
    writeFileSync(path.join(cwd, 'logo.png'), 'png');
    await init({ ...FLAGS, cwd, logo: 'logo.png', pejabat: { ...FLAGS.pejabat, pangkat: 'Pembina Tingkat I (IV/b)' } });
    const text = readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8');
    // sop is pinned in package.json, so `npm install` puts the schema where this line points (the $id host serves nothing)
    assert.equal(text.split('\n')[0], '# yaml-language-server: $schema=./node_modules/sop/schemas/config.schema.json');
    const loaded = readConfigFile(path.join(cwd, 'sop.config.yaml'), cwd);
    assert.deepEqual(loaded.config, {
      lang: 'id',
      paper: 'F4',
      numbering: '{seq:3}/SOP/DISKOMINFO/{year}',
      defaults: {
        instansi: FLAGS.instansi,
        logo: 'logo.png',
        disahkan_oleh: { ...FLAGS.pejabat, pangkat: 'Pembina Tingkat I (IV/b)' },
      },
      pack: {
        id: 'sop-diskominfo-2025',
        title: 'Standar Operasional Prosedur Administrasi Pemerintahan',
        subtitle: 'Dinas Komunikasi dan Informatika Kabupaten Sukamaju',
        year: 2025,
        penjelasan: 'penjelasan.md',
      },
    });
    assert.doesNotMatch(text, /GANTI/, 'nothing marked as a sample');
  });

  it('writes an example SOP that follows the schema with the config defaults', async () => {
    await init({ ...FLAGS, cwd });
    const sop = readSop(path.join(cwd, 'contoh', 'contoh-pelayanan-permohonan.md'));
    assert.equal(sop.data.nomor, '001/SOP/DISKOMINFO/2025');
    assert.equal(sop.data.tanggal_pembuatan, '2025-05-06');
    assert.equal(sop.data.jenis, 'administratif');
    assert.equal(Object.keys(sop.data.pelaksana).length, 3);
    assertValidSop(sop.data, (parse(readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8')) as any).defaults);
  });

  it('writes usage notes, a CI workflow and editor settings', async () => {
    await init({ ...FLAGS, cwd });
    const penjelasan = readFileSync(path.join(cwd, 'penjelasan.md'), 'utf8');
    assert.deepEqual(penjelasan.match(/^## .+$/gm), ['## Ruang Lingkup', '## Ringkasan', '## Definisi']);
    const wf = parse(readFileSync(path.join(cwd, '.github/workflows/sop-lint.yml'), 'utf8'));
    assert.ok('pull_request' in wf.on);
    const steps = wf.jobs.lint.steps;
    assert.equal(steps.find((s: any) => s.uses?.startsWith('actions/setup-node')).with['node-version'], 'lts/*');
    assert.equal(wf.jobs.lint.env.PUPPETEER_SKIP_DOWNLOAD, 'true', 'a lint job downloads no browser');
    assert.equal(wf.jobs.lint.permissions['security-events'], 'write', 'SARIF upload needs it');
    assert.equal(steps.find((s: any) => s.name === 'sop lint').run, 'npx --no-install sop lint --format github --output-file sop-lint.sarif --output-format sarif');
    const upload = steps.at(-1);
    assert.match(upload.uses, /^github\/codeql-action\/upload-sarif@/);
    assert.equal(upload.with.sarif_file, 'sop-lint.sarif');
    // the sop the workflow runs is the one package.json pins
    const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8'));
    assert.match(pkg.devDependencies.sop, /^\^\d+\.\d+\.\d+/);
    assert.equal(pkg.private, true);
    const settings = JSON.parse(readFileSync(path.join(cwd, '.vscode/settings.json'), 'utf8'));
    assert.deepEqual(Object.values(settings['yaml.schemas']), [['sop.config.yaml', 'sop.config.yml']]);
    assert.match(Object.keys(settings['yaml.schemas'])[0], /config\.schema\.json$/);
    assert.deepEqual(JSON.parse(readFileSync(path.join(cwd, '.vscode/extensions.json'), 'utf8')).recommendations, ['redhat.vscode-yaml']);
  });

  it('points the schema lines into node_modules/sop when installed there', async () => {
    for (const n of ['sop.schema.json', 'config.schema.json']) {
      mkdirSync(path.join(cwd, 'node_modules/sop/schemas'), { recursive: true });
      writeFileSync(path.join(cwd, 'node_modules/sop/schemas', n), '{}');
    }
    await init({ ...FLAGS, cwd });
    assert.equal(readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8').split('\n')[0], '# yaml-language-server: $schema=./node_modules/sop/schemas/config.schema.json');
    assert.equal(readSop(path.join(cwd, 'contoh/contoh-pelayanan-permohonan.md')).yamlLines[0], '# yaml-language-server: $schema=../node_modules/sop/schemas/sop.schema.json');
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(path.join(cwd, '.vscode/settings.json'), 'utf8'))['yaml.schemas']), ['./node_modules/sop/schemas/config.schema.json']);
  });

  it('numbers the example after SOPs already in the folder', async () => {
    mkdirSync(path.join(cwd, 'lama'));
    writeFileSync(path.join(cwd, 'lama', 'a.md'), '---\nnomor: "004/SOP/DISKOMINFO/2025"\nnama: Lama\n---\n');
    const r = await init({ ...FLAGS, cwd });
    assert.equal(r.example?.nomor, '005/SOP/DISKOMINFO/2025');
    // and `sop new` continues from there with the written config
    assert.equal((await scaffold({ cwd, title: 'Berikutnya', now: NOW })).nomor, '006/SOP/DISKOMINFO/2025');
  });
});

describe('init: never breaks an existing repository', () => {
  it('refuses a folder with a config, before asking anything, and changes nothing', async () => {
    writeFileSync(path.join(cwd, 'sop.config.yml'), 'lang: id\n');
    const prompt = scriptedPrompter({});
    await rejectsUsage(init({ ...FLAGS, cwd, prompt }), /sop\.config\.yml sudah ada.*--force/);
    assert.deepEqual(prompt.asked, []);
    assert.equal(readFileSync(path.join(cwd, 'sop.config.yml'), 'utf8'), 'lang: id\n');
    assert.ok(!existsSync(path.join(cwd, 'penjelasan.md')));
  });

  it('--force rewrites only its own files, keeps user files, and merges editor settings', async () => {
    await init({ ...FLAGS, cwd });
    const own = await scaffold({ cwd, title: 'SOP Pengguna', dir: 'umum', now: NOW });
    writeFileSync(path.join(cwd, 'sop.config.yaml'), 'lang: en\n');
    writeFileSync(path.join(cwd, 'catatan-saya.md'), 'milik pengguna\n');
    writeFileSync(path.join(cwd, '.gitignore'), 'rahasia/\n');
    writeFileSync(path.join(cwd, '.vscode/settings.json'), JSON.stringify({ 'editor.fontSize': 16, 'yaml.schemas': { 'lain.json': 'x.yaml' } }));
    const ownBytes = readFileSync(own.absPath, 'utf8');
    const mtime = statSync(own.absPath).mtimeMs;

    const r = await init({ ...FLAGS, cwd, force: true });
    const status = Object.fromEntries(r.files.map((f) => [f.file, f.status]));
    assert.deepEqual(status, {
      'sop.config.yaml': 'replaced', 'penjelasan.md': 'kept', 'contoh/contoh-pelayanan-permohonan.md': 'kept',
      '.github/workflows/sop-lint.yml': 'replaced', '.vscode/settings.json': 'merged', '.vscode/extensions.json': 'kept', '.gitignore': 'kept',
    });
    assert.match(readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8'), /numbering: "\{seq:3\}\/SOP\/DISKOMINFO\/\{year\}"/);
    assert.equal(readFileSync(path.join(cwd, 'catatan-saya.md'), 'utf8'), 'milik pengguna\n');
    assert.equal(readFileSync(path.join(cwd, '.gitignore'), 'utf8'), 'rahasia/\n');
    assert.equal(readFileSync(own.absPath, 'utf8'), ownBytes);
    assert.equal(statSync(own.absPath).mtimeMs, mtime);
    const settings = JSON.parse(readFileSync(path.join(cwd, '.vscode/settings.json'), 'utf8'));
    assert.equal(settings['editor.fontSize'], 16);
    assert.equal(settings['yaml.schemas']['lain.json'], 'x.yaml');
    assert.equal(Object.keys(settings['yaml.schemas']).length, 2);
    // the example keeps number 001: it is the file being replaced; the user's SOP has 002
    assert.equal(r.example?.nomor, '001/SOP/DISKOMINFO/2025');
    assert.equal(own.nomor, '002/SOP/DISKOMINFO/2025');
  });

  it('--force never replaces the user\'s content files (penjelasan.md, the example SOP) and says so', async () => {
    await init({ ...FLAGS, cwd });
    writeFileSync(path.join(cwd, 'penjelasan.md'), '# Penjelasan kami\n\nTeks yang ditulis tim.\n');
    const example = path.join(cwd, 'contoh/contoh-pelayanan-permohonan.md');
    const edited = readFileSync(example, 'utf8').replace('Contoh Pelayanan Permohonan', 'Pelayanan Permohonan Kami');
    writeFileSync(example, edited);
    const r = await init({ ...FLAGS, cwd, force: true });
    assert.equal(readFileSync(path.join(cwd, 'penjelasan.md'), 'utf8'), '# Penjelasan kami\n\nTeks yang ditulis tim.\n');
    assert.equal(readFileSync(example, 'utf8'), edited);
    const byFile = Object.fromEntries(r.files.map((f) => [f.file, f]));
    assert.equal(byFile['penjelasan.md'].status, 'kept');
    assert.match(byFile['penjelasan.md'].note ?? '', /isi milik pengguna, tidak ditimpa \(juga dengan --force\)/);
    assert.equal(byFile['sop.config.yaml'].status, 'replaced');
  });

  it('does not write through a symlinked .github or contoh folder to outside the target', async () => {
    const outside = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'sop-init-out-')));
    try {
      symlinkSync(outside, path.join(cwd, '.github'));
      const r = await init({ ...FLAGS, cwd });
      const byFile = Object.fromEntries(r.files.map((f) => [f.file, f]));
      assert.equal(byFile['.github/workflows/sop-lint.yml'].status, 'skipped');
      assert.match(byFile['.github/workflows/sop-lint.yml'].note ?? '', /tautan simbolik ke luar folder ini/);
      assert.deepEqual(readdirSync(outside), []);
      assert.equal(byFile['sop.config.yaml'].status, 'created');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('--force keeps the config file name the repository already uses', async () => {
    writeFileSync(path.join(cwd, 'sop.config.yml'), 'lang: id\n');
    await init({ ...FLAGS, cwd, force: true });
    assert.ok(!existsSync(path.join(cwd, 'sop.config.yaml')));
    assert.match(readFileSync(path.join(cwd, 'sop.config.yml'), 'utf8'), /DISKOMINFO/);
  });

  it('without a config keeps files that are already there and leaves commented settings alone', async () => {
    mkdirSync(path.join(cwd, '.vscode'));
    writeFileSync(path.join(cwd, 'penjelasan.md'), 'punya saya\n');
    writeFileSync(path.join(cwd, '.vscode/settings.json'), '{\n  // komentar\n  "a": 1\n}\n');
    const r = await init({ ...FLAGS, cwd });
    const byFile = Object.fromEntries(r.files.map((f) => [f.file, f]));
    assert.equal(byFile['penjelasan.md'].status, 'kept');
    assert.equal(byFile['.vscode/settings.json'].status, 'skipped');
    assert.match(byFile['.vscode/settings.json'].note ?? '', /bukan JSON murni.*yaml\.schemas/);
    assert.equal(readFileSync(path.join(cwd, 'penjelasan.md'), 'utf8'), 'punya saya\n');
    assert.equal(readFileSync(path.join(cwd, '.vscode/settings.json'), 'utf8'), '{\n  // komentar\n  "a": 1\n}\n');
    assert.equal(byFile['sop.config.yaml'].status, 'created');
  });

  it('adds the sop pin to an existing package.json, keeps the rest, and leaves one that already has sop alone', async () => {
    writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: 'milik-kami', scripts: { test: 'x' }, devDependencies: { prettier: '^3.0.0' } }));
    const r = await init({ ...FLAGS, cwd });
    assert.equal(r.files.find((f) => f.file === 'package.json')?.status, 'merged');
    const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'milik-kami');
    assert.deepEqual(pkg.scripts, { test: 'x' });
    assert.equal(pkg.devDependencies.prettier, '^3.0.0');
    assert.match(pkg.devDependencies.sop, /^\^\d/);
    const again = await init({ ...FLAGS, cwd, force: true });
    assert.equal(again.files.find((f) => f.file === 'package.json'), undefined, 'sop already pinned: package.json untouched');
  });

  it('refuses a target that is a file', async () => {
    writeFileSync(path.join(cwd, 'berkas'), '');
    await rejectsUsage(init({ ...FLAGS, cwd, dir: 'berkas' }), /bukan folder/);
  });
});

describe('init: values', () => {
  it('without a terminal and without --yes, names every missing flag', async () => {
    await rejectsUsage(init({ cwd, now: NOW }), /--instansi, --pejabat-jabatan, --pejabat-nama, --pejabat-nip.*--yes/);
    await rejectsUsage(init({ cwd, lang: 'en', instansi: ['X'], now: NOW }), /without an interactive terminal, give --pejabat-jabatan/);
    assert.ok(!existsSync(path.join(cwd, 'sop.config.yaml')));
  });

  it('rejects an invalid NIP or abbreviation flag before writing', async () => {
    await rejectsUsage(init({ ...FLAGS, cwd, pejabat: { ...FLAGS.pejabat, nip: '12345' } }), /--pejabat-nip "12345": NIP harus 18 digit/);
    await rejectsUsage(init({ ...FLAGS, cwd, singkatan: 'A/B' }), /--singkatan/);
    assert.ok(!existsSync(path.join(cwd, 'sop.config.yaml')));
  });

  it('--yes fills sample values, marks them and reports them', async () => {
    const r = await init({ cwd, yes: true, now: NOW });
    assert.deepEqual(r.samples.sort(), ['instansi', 'pejabat.jabatan', 'pejabat.nama', 'pejabat.nip', 'singkatan']);
    const text = readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8');
    assert.equal(text.match(/# GANTI: nilai contoh/g)?.length, 5);
    const c = readConfigFile(path.join(cwd, 'sop.config.yaml'), cwd).config;
    assert.equal(c.paper, 'A4');
    assert.deepEqual((c.defaults as any).instansi, ['PEMERINTAH KABUPATEN CONTOH', 'DINAS CONTOH']);
  });

  it('--yes keeps the flags that were given', async () => {
    const r = await init({ cwd, yes: true, instansi: FLAGS.instansi, now: NOW });
    assert.deepEqual(r.samples.sort(), ['pejabat.jabatan', 'pejabat.nama', 'pejabat.nip']);
    const c = readConfigFile(path.join(cwd, 'sop.config.yaml'), cwd).config;
    assert.equal(c.numbering, '{seq:3}/SOP/DKI/{year}');
    assert.equal((c.defaults as any).disahkan_oleh.jabatan, 'Kepala Dinas Komunikasi dan Informatika');
  });

  it('config text and configObject agree', async () => {
    await init({ ...FLAGS, cwd });
    const parsed = parse(readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8'));
    const expected = configObject({ instansi: FLAGS.instansi!, singkatan: 'DISKOMINFO', pejabat: FLAGS.pejabat as any, paper: 'F4', lang: 'id', year: 2025, samples: new Set() });
    assert.deepEqual(parsed, expected);
  });
});

describe('init: questions', () => {
  const ANSWERS = {
    instansi: 'PEMERINTAH KOTA TANJUNG HARAPAN',
    unit: 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA',
    singkatan: 'bkpsdm',
    pejabat_jabatan: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    pejabat_nama: 'Dr. BUDI SANTOSO, S.STP., M.Si.',
    pejabat_nip: '19760921 199812 1 002',
    kertas: 'F4',
    lanjut: true,
  };

  it('asks each value in Indonesian, then writes the repository', async () => {
    const prompt = scriptedPrompter(ANSWERS);
    const r = await init({ cwd, prompt, now: NOW });
    assert.deepEqual(prompt.asked, ['instansi', 'unit', 'singkatan', 'pejabat_jabatan', 'pejabat_nama', 'pejabat_nip', 'kertas', 'lanjut']);
    assert.match(prompt.messages[0], /^Nama instansi/);
    assert.equal(r.done, true);
    const c = readConfigFile(path.join(cwd, 'sop.config.yaml'), cwd).config;
    assert.deepEqual((c.defaults as any).instansi, [ANSWERS.instansi, ANSWERS.unit]);
    assert.equal(c.numbering, '{seq:3}/SOP/BKPSDM/{year}');
    assert.equal(c.paper, 'F4');
    assert.equal((c.defaults as any).disahkan_oleh.nip, ANSWERS.pejabat_nip);
  });

  it('offers a derived abbreviation and position as defaults', async () => {
    const { singkatan: _s, pejabat_jabatan: _j, ...rest } = ANSWERS;
    const r = await init({ cwd, prompt: scriptedPrompter(rest), now: NOW });
    assert.equal(r.done, true);
    const c = readConfigFile(path.join(cwd, 'sop.config.yaml'), cwd).config;
    assert.equal(c.numbering, '{seq:3}/SOP/BKPSDM/{year}');
    assert.equal((c.defaults as any).disahkan_oleh.jabatan, 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
  });

  it('asks only what the flags left open', async () => {
    const prompt = scriptedPrompter({ lanjut: true });
    await init({ ...FLAGS, cwd, prompt });
    assert.deepEqual(prompt.asked, ['lanjut']);
  });

  it('rejects an invalid NIP answer', async () => {
    await assert.rejects(init({ cwd, prompt: scriptedPrompter({ ...ANSWERS, pejabat_nip: '19760921 199812 1 000' }), now: NOW }), /rejected: nomor urut NIP/);
  });

  it('writes nothing when the user declines', async () => {
    const r = await init({ cwd, prompt: scriptedPrompter({ ...ANSWERS, lanjut: false }), now: NOW });
    assert.equal(r.done, false);
    assert.deepEqual(r.files, []);
    assert.ok(!existsSync(path.join(cwd, 'sop.config.yaml')));
  });
});
