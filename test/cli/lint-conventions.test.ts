// sop lint conventions of issue #13 run in-process: --print-config, --stdin --stdin-filename, --cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../src/api/lint.js';
import { run, SOP } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

const within = async (files: Record<string, string>, body: (root: string) => Promise<void>) => {
  const root = tree(files);
  try {
    await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};

test('--print-config <file>: the merged config for that file and each file of its extends chain', () => within({
  '.git/HEAD': '',
  'sop.config.yaml': 'lang: id\npaper: F4\ndefaults:\n  logo: logo.png\n  instansi: [PEMERINTAH KABUPATEN SUKAMAJU]\n',
  'mutasi/sop.config.yaml': 'extends: ../sop.config.yaml\npaper: A4\ndefaults:\n  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BIDANG MUTASI]\n',
}, async (root) => {
  const r = await run(['lint', '--print-config', 'mutasi/belum-ada.md'], root);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), {
    file: 'mutasi/belum-ada.md',
    configFiles: ['mutasi/sop.config.yaml', 'sop.config.yaml'],
    config: { lang: 'id', paper: 'A4', defaults: { logo: '../logo.png', instansi: ['PEMERINTAH KABUPATEN SUKAMAJU', 'BIDANG MUTASI'] } },
    origins: { lang: 'sop.config.yaml', paper: 'mutasi/sop.config.yaml', defaults: 'mutasi/sop.config.yaml' },
  });
  assert.deepEqual(JSON.parse((await run(['lint', '--print-config', 'x.md'], root)).out).configFiles, ['sop.config.yaml']);
  assert.deepEqual(JSON.parse((await run(['lint', '--print-config', 'mutasi/x.md', '--config', 'sop.config.yaml'], root)).out).configFiles, ['sop.config.yaml']);
}));

test('--stdin --stdin-filename F lints the text as F, under F\'s config and beside F\'s repository', () => within({
  '.git/HEAD': '',
  'sop.config.yaml': 'numbering: "800/{seq:3}/SOP/BKD/{year}"\n',
  'unit/lain.md': SOP('001'),
}, async (root) => {
  const stdin = (text: string) => ({ readStdin: async () => Buffer.from(text) });
  // the same nomor as unit/lain.md: the repository is the context of the cross-file rules
  const dup = await run(['lint', '--stdin', '--stdin-filename', 'unit/tambahan.md', '--format', 'json'], root, stdin(SOP('001').replace('Cuti 001', 'Cuti Baru')));
  assert.equal(dup.code, 1);
  const [res] = JSON.parse(dup.out) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
  assert.equal(res.filePath, path.join(root, 'unit/tambahan.md'));
  assert.deepEqual(res.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`), ['duplicate-nomor 2:8']);
  assert.deepEqual(await run(['lint', '--stdin', '--stdin-filename', 'unit/baru.md'], root, stdin(SOP('002'))), { code: 0, out: '', err: '' });
  assert.ok(!existsSync(path.join(root, 'unit/baru.md')), 'nothing written');
  // the text, not the file on disk, is what counts
  const over = await run(['lint', '--stdin', '--stdin-filename', 'unit/lain.md', '--format', 'json'], root, stdin('---\nnomor: [\n---\n'));
  assert.deepEqual((JSON.parse(over.out) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId), ['yaml-syntax']);
  const bad = await run(['lint', '--stdin', 'unit'], root, stdin(''));
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--stdin/);
  assert.equal((await run(['lint', '--stdin-filename', 'a.md'], root)).code, 2);
}));

test('--cache: an unchanged file is not linted again, a changed one is, and the results are the same as without the cache', () => within({
  '.git/HEAD': '',
  'sop.config.yaml': 'lang: id\n',
  'a/x.md': SOP('001'),
  'a/y.md': SOP('002').replace('"19750312 200012 1 003"', '"19750312 200012 1 03"'),
  'a/z.md': SOP('003'),
  'README.md': '# bukan SOP\n',
}, async (root) => {
  const opts = { cwd: root, history: false, workers: 0 };
  const plain = await lint(opts);
  const first = await lint({ ...opts, cache: true });
  assert.deepEqual(first.cache, { reused: [], linted: ['README.md', 'a/x.md', 'a/y.md', 'a/z.md'] });
  assert.deepEqual(first.results, plain.results);
  assert.ok(readdirSync(path.join(root, '.sop-cache')).some((f) => /^lint-[0-9a-f]{12}\.json$/.test(f)));
  const second = await lint({ ...opts, cache: true });
  assert.deepEqual(second.cache, { reused: ['README.md', 'a/x.md', 'a/y.md', 'a/z.md'], linted: [] });
  assert.deepEqual(second.results, plain.results);
  // a cross-file problem still appears when only one of the two files changed
  writeFileSync(path.join(root, 'a/z.md'), SOP('001').replace('Cuti 001', 'Cuti Z'));
  const third = await lint({ ...opts, cache: true });
  assert.deepEqual(third.cache, { reused: ['README.md', 'a/x.md', 'a/y.md'], linted: ['a/z.md'] });
  assert.deepEqual(third.results, (await lint(opts)).results);
  assert.deepEqual(third.results.map((r) => [r.filePath, r.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`)]), [
    ['a/x.md', []], ['a/y.md', ['nip-format 14:8']], ['a/z.md', ['duplicate-nomor 2:8']],
  ]);
  // another config (or program, rule settings, day) starts afresh
  writeFileSync(path.join(root, 'sop.config.yaml'), 'lang: id\nrules:\n  nip-format: off\n');
  const fourth = await lint({ ...opts, cache: true });
  assert.deepEqual(fourth.cache?.reused, []);
  assert.deepEqual(fourth.results, (await lint(opts)).results);
  // the CLI flag
  const cli = await run(['lint', '--cache', '--format', 'json'], root);
  assert.equal(cli.code, 1);
}));
