// Spec §7.4 "which config applies": the nearest sop.config.yaml above each SOP (up to the
// repository root), `extends` (objects merge key by key, lists and scalars replace), --config for all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tree } from '../helpers/tree.js';
import { findConfigFile, loadConfig, readConfigFile } from '../../src/config/load.js';
import { SopConfigError } from '../../src/core/errors.js';
import { lint } from '../../src/api/lint.js';
import { run, SOP } from '../helpers/cli.js';

const within = async (files: Record<string, string>, body: (root: string) => Promise<void> | void) => {
  const root = tree(files);
  try {
    await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};

test('the config search stops at the repository root (the folder holding .git)', () => within({ 'sop.config.yaml': 'paper: F4\n', 'repo/unit/x.md': '' }, (root) => {
  assert.equal(findConfigFile(path.join(root, 'repo/unit')), path.join(root, 'sop.config.yaml'));
  mkdirSync(path.join(root, 'repo/.git'));
  assert.equal(findConfigFile(path.join(root, 'repo/unit')), undefined, 'a config above the repository belongs to something else');
}));

test('extends: objects merge key by key, lists and scalars replace, inherited file paths keep pointing where they were written', () => within({
  'sop.config.yaml': [
    'lang: id', 'paper: F4', 'numbering: "800/{seq:3}/SOP/BKD/{year}"',
    'defaults:', '  logo: assets/logo.png', '  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BADAN KEPEGAWAIAN DAERAH]',
    '  disahkan_oleh: {jabatan: Kepala Badan, nama: Budi, nip: "19750312 200012 1 003"}',
    'rules:', '  active-verb: warn', '  waktu-format: off', '',
  ].join('\n'),
  'bidang/sop.config.yaml': [
    'extends: ../sop.config.yaml', 'paper: A4',
    'defaults:', '  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BIDANG MUTASI]', '  disahkan_oleh: {nama: Siti}',
    'rules:', '  active-verb: off', '',
  ].join('\n'),
}, (root) => {
  const c = readConfigFile(path.join(root, 'bidang/sop.config.yaml'), root);
  assert.deepEqual(c.config, {
    lang: 'id',
    paper: 'A4',
    numbering: '800/{seq:3}/SOP/BKD/{year}',
    defaults: {
      logo: '../assets/logo.png',
      instansi: ['PEMERINTAH KABUPATEN SUKAMAJU', 'BIDANG MUTASI'],
      disahkan_oleh: { jabatan: 'Kepala Badan', nama: 'Siti', nip: '19750312 200012 1 003' },
    },
    rules: { 'active-verb': 'off', 'waktu-format': 'off' },
  });
  assert.equal(c.dir, path.join(root, 'bidang'));
  assert.deepEqual(c.chain?.map((l) => l.file), [path.join(root, 'bidang/sop.config.yaml'), path.join(root, 'sop.config.yaml')]);
}));

test('extends: a missing file, a circle and a file outside the repository are config errors at the extends line', () => within({
  'a/sop.config.yaml': 'lang: id\nextends: ../tidak-ada.yaml\n',
  'cyc/.git/HEAD': '',
  'cyc/b/sop.config.yaml': 'extends: ../c/sop.config.yaml\n',
  'cyc/c/sop.config.yaml': 'paper: A4\nextends: ../b/sop.config.yaml\n',
  'repo/.git/HEAD': '',
  'repo/sop.config.yaml': 'extends: ../a/sop.config.yaml\n',
}, (root) => {
  const err = (file: string) => {
    try {
      readConfigFile(path.join(root, file), root);
    } catch (e) {
      assert.ok(e instanceof SopConfigError);
      return { file: e.file, line: e.line, column: e.column, message: e.message };
    }
    assert.fail(`${file} loaded`);
  };
  assert.deepEqual(err('a/sop.config.yaml'), { file: 'a/sop.config.yaml', line: 2, column: 10, message: 'extends: berkas konfigurasi tidak ditemukan: ../tidak-ada.yaml' });
  assert.deepEqual(err('cyc/b/sop.config.yaml'), {
    file: 'cyc/c/sop.config.yaml', line: 2, column: 10,
    message: 'extends berputar: cyc/b/sop.config.yaml -> cyc/c/sop.config.yaml -> cyc/b/sop.config.yaml',
  });
  assert.deepEqual(err('repo/sop.config.yaml'), {
    file: 'repo/sop.config.yaml', line: 1, column: 10,
    message: 'extends: ../a/sop.config.yaml berada di luar repositori; konfigurasi hanya mewarisi dari dalam repositori',
  });
}));

test('extends: a schema problem is reported in the file of the chain that writes it', () => within({
  'sop.config.yaml': 'lang: id\npaper: A3\n',
  'u/sop.config.yaml': 'extends: ../sop.config.yaml\nlang: en\n',
}, (root) => {
  assert.throws(() => readConfigFile(path.join(root, 'u/sop.config.yaml'), root), (e: unknown) =>
    e instanceof SopConfigError && e.file === 'sop.config.yaml' && e.line === 2 && e.column === 8 && /`A3` tidak diizinkan/.test(e.message));
}));

test("the run's config is the one above the target path, before the working directory's", () => within({
  'sop.config.yaml': 'paper: F4\n',
  'other/sop.config.yaml': 'paper: A4\n',
  'other/x.md': '',
}, (root) => {
  assert.equal(loadConfig({ cwd: root, paths: ['other'] }).file, path.join(root, 'other/sop.config.yaml'));
  assert.equal(loadConfig({ cwd: root, paths: ['other/x.md'] }).config.paper, 'A4');
  assert.equal(loadConfig({ cwd: root }).config.paper, 'F4');
}));

// Repository A numbers its SOPs 800/.../SOP/BKD, repository B {seq}/SOP/DKI and turns active-verb off.
const TWO_REPOS = {
  'a/.git/HEAD': '',
  'a/sop.config.yaml': 'numbering: "800/{seq:3}/SOP/BKD/{year}"\n',
  'a/unit/x.md': SOP('003'),
  'b/.git/HEAD': '',
  'b/sop.config.yaml': 'numbering: "{seq:3}/SOP/DKI/{year}"\n',
  'b/unit/x.md': SOP('001'),
  'b/unit/sub/sop.config.yaml': 'extends: ../../sop.config.yaml\nnumbering: "800/{seq:3}/SOP/BKD/{year}"\n',
  'b/unit/sub/y.md': SOP('002'),
};
const byFile = (r: Awaited<ReturnType<typeof lint>>) => Object.fromEntries(r.results.map((f) => [f.filePath, f.diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`)]));

test('one run over two repositories uses each file\'s own config (and a nested one that extends)', () => within(TWO_REPOS, async (root) => {
  const r = await lint({ cwd: root, paths: ['a', 'b'], history: false });
  assert.deepEqual(byFile(r), { 'a/unit/x.md': [], 'b/unit/sub/y.md': [], 'b/unit/x.md': ['nomor-pattern@2:8'] });
  // `.` from above both: the same
  assert.deepEqual(byFile(await lint({ cwd: root, history: false })), byFile(r));
  // --config forces one config on every file
  const forced = await lint({ cwd: root, paths: ['a', 'b'], configPath: 'b/sop.config.yaml', history: false });
  assert.deepEqual(byFile(forced), { 'a/unit/x.md': ['nomor-pattern@2:8'], 'b/unit/sub/y.md': ['nomor-pattern@2:8'], 'b/unit/x.md': ['nomor-pattern@2:8'] });
}));

test('the CLI: `sop lint a b` reports each repository under its config; --config forces one', () => within(TWO_REPOS, async (root) => {
  const r = await run(['lint', 'a', 'b', '--format', 'json'], root);
  assert.equal(r.code, 1, r.err);
  assert.deepEqual((JSON.parse(r.out) as { filePath: string; messages: { ruleId: string }[] }[]).map((f) => [path.relative(root, f.filePath), f.messages.map((m) => m.ruleId)]), [
    ['a/unit/x.md', []], ['b/unit/sub/y.md', []], ['b/unit/x.md', ['nomor-pattern']],
  ]);
  assert.equal((await run(['lint', 'a', 'b/unit/sub', '-q'], root)).code, 0);
  assert.equal((await run(['lint', 'a', '--config', 'b/sop.config.yaml', '-q'], root)).code, 1);
}));
