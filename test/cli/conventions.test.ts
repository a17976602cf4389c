// CLI conventions that ESLint and markdownlint-cli2 users expect, run in-process through main(argv, io):
// commander's errors in Indonesian, exit 2 for a missing path, `!` negation, globs in a fresh init repository, 130 on Ctrl-C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tree } from '../helpers/tree.js';
import { run, SOP } from '../helpers/cli.js';
import type { CliIO } from '../../src/cli/io.js';

test("commander's own errors are Indonesian by default and English with --lang en; exit 2", async () => {
  const dir = tree({});
  try {
    assert.deepEqual(await run(['lint', '--fromat', 'json'], dir), { code: 2, out: '', err: 'error: opsi `--fromat` tidak dikenal\n(Mungkin maksudnya --format?)\n' });
    assert.deepEqual(await run(['lnt'], dir), { code: 2, out: '', err: 'error: perintah `lnt` tidak dikenal\n(Mungkin maksudnya lint?)\n' });
    assert.equal(
      (await run(['lint', '--format', 'xml'], dir)).err,
      'error: nilai `xml` untuk opsi `-f, --format <name>` tidak sah. Pilihan yang diizinkan: stylish, json, sarif, github, junit.\n',
    );
    assert.equal((await run(['lint', '--max-warnings'], dir)).err, 'error: opsi `--max-warnings <n>` membutuhkan nilai\n');
    assert.equal((await run(['init', 'a', 'b'], dir)).err, 'error: argumen terlalu banyak untuk `init`: paling banyak 1, diberikan 2.\n');
    assert.deepEqual(await run(['lint', '--lang', 'en', '--fromat', 'json'], dir), { code: 2, out: '', err: "error: unknown option '--fromat'\n(Did you mean --format?)\n" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the help frame is bilingual', async () => {
  const r = await run(['lint', '--help'], tree({}));
  assert.equal(r.code, 0);
  assert.match(r.out, /^Pemakaian \/ Usage: sop lint \[options\] \[paths\.\.\.\]$/m);
  assert.match(r.out, /^Opsi \/ Options:$/m);
  assert.match(r.out, /-h, --help +tampilkan bantuan \/ display help/);
  assert.match(r.out, /pilihan \/ choices: "stylish"/);
  const top = await run(['--help'], tree({}));
  assert.match(top.out, /^Perintah \/ Commands:$/m);
  assert.match(top.out, /-v, --version +tampilkan versi \/ output the version number/);
});

test('a missing path or a glob with no match exits 2 after the rest was linted', async () => {
  const dir = tree({ 'a/x.md': SOP('001') });
  try {
    const r = await run(['lint', 'a', 'hilang.md', 'tidak/**/*.md'], dir);
    assert.deepEqual(r, { code: 2, out: '', err: 'sop lint: path `hilang.md` tidak ada\nsop lint: tidak ada berkas yang cocok dengan pola `tidak/**/*.md`\n' });
    const en = await run(['lint', 'hilang.md', '--lang', 'en'], dir);
    assert.deepEqual(en, { code: 2, out: '', err: 'sop lint: path `hilang.md` does not exist\n' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("'!dir/**' is a negation: package.json, .gitignore and the excluded folder are not linted", async () => {
  const dir = tree({ 'a/x.md': SOP('001'), 'salah/y.md': '---\nnomor: [\n---\n', 'README.md': '# Repositori SOP\n', 'package.json': '{}', '.gitignore': 'node_modules/\n' });
  try {
    assert.deepEqual(await run(['lint', '**/*.md', '!salah/**'], dir), { code: 0, out: '', err: '' });
    assert.deepEqual(await run(['lint', '!salah/**'], dir), { code: 0, out: '', err: '' });
    const all = await run(['lint', '**/*.md', '--format', 'json'], dir);
    assert.equal(all.code, 1);
    assert.deepEqual((JSON.parse(all.out) as { messages: { ruleId: string }[] }[]).map((f) => f.messages.map((m) => m.ruleId)), [[], ['yaml-syntax']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("in a fresh `sop init` repository, `sop lint '**/*.md'` passes (penjelasan.md is documentation)", async () => {
  const dir = tree({});
  try {
    assert.equal((await run(['init', '--yes'], dir)).code, 0);
    assert.deepEqual(await run(['lint', '**/*.md'], dir), { code: 0, out: '', err: '' });
    // named explicitly, the same file must be an SOP
    const named = await run(['lint', 'penjelasan.md'], dir);
    assert.equal(named.code, 1);
    assert.match(named.out, /frontmatter-missing/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Ctrl-C in a prompt exits 130 in sop init as in sop new and sop build', async () => {
  const dir = tree({});
  try {
    const { registerInit } = await import('../../src/cli/commands/init.js');
    const { Command } = await import('commander');
    const cancel = async () => { throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' }); };
    let err = '';
    const io: CliIO = { cwd: dir, env: {}, stdoutIsTTY: true, stdinIsTTY: true, stdout: () => {}, stderr: (t) => void (err += t) };
    const state = { exitCode: 0 as number };
    const program = new Command('sop').exitOverride();
    registerInit(program, io, state as never, { prompter: () => ({ input: cancel, select: cancel, confirm: cancel }) });
    await program.parseAsync(['init'], { from: 'user' });
    assert.equal(state.exitCode, 130);
    assert.equal(err, 'sop init: dibatalkan, tidak ada berkas yang ditulis\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
