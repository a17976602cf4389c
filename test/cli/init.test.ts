// CLI tests of `sop init`: flags, refusal and exit codes through main() in-process (the first case as the built CLI, a
// process), and in-process with scripted prompts.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { parse } from 'yaml';
import { registerInit } from '../../src/cli/commands/init.js';
import type { CliIO } from '../../src/cli/io.js';
import type { RunState } from '../../src/cli/main.js';
import type { Prompter } from '../../src/scaffold/prompt.js';
import { readSop, scriptedPrompter, tempDir } from '../scaffold/helpers.js';
import { run } from '../helpers/cli.js';

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));
const YEAR = new Date().getFullYear();
const FLAGS = [
  '--instansi', 'PEMERINTAH KABUPATEN SUKAMAJU,DINAS KOMUNIKASI DAN INFORMATIKA',
  '--singkatan', 'DISKOMINFO',
  '--pejabat-jabatan', 'Kepala Dinas Komunikasi dan Informatika',
  '--pejabat-nama', 'Ir. SITI RAHAYU, M.T.',
  '--pejabat-nip', '19780214 200312 2 005',
];

/** As a process: node bin/sop.js ARGS. */
function sopProcess(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `sop ARGS` in-process through main(), with stdout and stderr piped (no terminal), as a script runs it. */
async function sop(cwd: string, ...args: string[]) {
  const r = await run(args, cwd, { env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

let cwd: string;
let cleanup: () => void;
beforeEach(() => ({ dir: cwd, cleanup } = tempDir('sop-cli-init-')));
afterEach(() => cleanup());

describe('sop init (flags, refusal, exit codes)', () => {
  it('as a process (node bin/sop.js): sets up a folder from flags and lists what it made', () => {
    const r = sopProcess(cwd, 'init', 'repo', ...FLAGS, '--paper', 'f4');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        'Repositori SOP siap di repo:',
        '  dibuat    repo/sop.config.yaml',
        '  dibuat    repo/penjelasan.md',
        '  dibuat    repo/contoh/contoh-pelayanan-permohonan.md',
        '  dibuat    repo/.github/workflows/sop-lint.yml',
        '  dibuat    repo/.vscode/settings.json',
        '  dibuat    repo/.vscode/extensions.json',
        '  dibuat    repo/.gitignore',
        '  dibuat    repo/package.json',
        `Contoh SOP: repo/contoh/contoh-pelayanan-permohonan.md (nomor 001/SOP/DISKOMINFO/${YEAR})`,
        'Langkah berikutnya:',
        '  cd repo',
        '  sop new "Judul SOP" --dir <folder-unit>',
        '  sop lint',
        '',
      ].join('\n'),
    );
    const config = parse(readFileSync(path.join(cwd, 'repo', 'sop.config.yaml'), 'utf8'));
    assert.equal(config.paper, 'F4');
    assert.deepEqual(config.defaults.instansi, ['PEMERINTAH KABUPATEN SUKAMAJU', 'DINAS KOMUNIKASI DAN INFORMATIKA']);
    // `sop new` in the new repository continues the numbering
    const n = sopProcess(path.join(cwd, 'repo'), 'new', 'Layanan Pengaduan', '--dir', 'layanan');
    assert.equal(n.code, 0, n.stderr);
    assert.equal(readSop(path.join(cwd, 'repo', 'layanan', 'layanan-pengaduan.md')).data.nomor, `002/SOP/DISKOMINFO/${YEAR}`);
  });

  it('refuses a folder that already has a config (exit 2) and changes nothing', async () => {
    assert.equal((await sop(cwd, 'init', ...FLAGS)).code, 0);
    const before = readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8');
    const r = await sop(cwd, 'init', ...FLAGS, '--paper', 'F4');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^sop: sop\.config\.yaml sudah ada: folder ini sudah menjadi repositori SOP\. Pakai --force/);
    assert.equal(readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8'), before);
    const f = await sop(cwd, 'init', ...FLAGS, '--paper', 'F4', '--force');
    assert.equal(f.code, 0, f.stderr);
    assert.match(f.stdout, /diganti {3}sop\.config\.yaml/);
    assert.match(f.stdout, /tetap {5}\.gitignore {2}\(sudah ada, tidak diubah\)/);
    assert.equal(parse(readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8')).paper, 'F4');
  });

  it('without a terminal names the missing flags (exit 2); --yes uses marked sample values', async () => {
    const r = await sop(cwd, 'init');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /berikan --instansi, --pejabat-jabatan, --pejabat-nama, --pejabat-nip \(atau --yes/);
    assert.deepEqual(readdirSync(cwd), []);
    const y = await sop(cwd, 'init', '--yes', '--lang', 'en');
    assert.equal(y.code, 0, y.stderr);
    assert.match(y.stdout, /^SOP repository ready in \.:\n {2}created {3}sop\.config\.yaml\n/);
    assert.match(y.stderr, /Sample values to replace in sop\.config\.yaml \(marked "GANTI"\): instansi, singkatan, pejabat\.jabatan, pejabat\.nama, pejabat\.nip/);
    assert.equal(parse(readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8')).lang, 'en');
  });

  it('rejects bad flag values (exit 2)', async () => {
    const paper = await sop(cwd, 'init', ...FLAGS, '--paper', 'A5');
    assert.equal(paper.code, 2);
    assert.match(paper.stderr, /A4 atau\/or F4/);
    const nip = await sop(cwd, 'init', ...FLAGS.slice(0, -1), '123');
    assert.equal(nip.code, 2);
    assert.match(nip.stderr, /--pejabat-nip "123": NIP harus 18 digit/);
    assert.deepEqual(readdirSync(cwd), []);
  });
});

/** Runs `sop init` in-process as if on a terminal, with scripted answers. */
async function runTTY(args: string[], prompter: Prompter): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, env: {}, stdout: (t) => void (out += t), stderr: (t) => void (err += t), stdoutIsTTY: true, stdinIsTTY: true };
  const state: RunState = { exitCode: 0 };
  const program = new Command('sop').exitOverride();
  registerInit(program, io, state, { prompter: () => prompter, now: () => new Date(2025, 4, 6) });
  await program.parseAsync(['init', ...args], { from: 'user' });
  return { code: state.exitCode, out, err };
}

describe('sop init (terminal, scripted answers)', () => {
  const ANSWERS = {
    instansi: 'PEMERINTAH KOTA TANJUNG HARAPAN',
    unit: 'BADAN KEPEGAWAIAN DAERAH',
    singkatan: 'BKD',
    pejabat_jabatan: 'Kepala Badan Kepegawaian Daerah',
    pejabat_nama: 'Dr. BUDI SANTOSO, M.Si.',
    pejabat_nip: '19760921 199812 1 002',
    kertas: 'A4',
    lanjut: true,
  };

  it('asks in Indonesian and writes the repository', async () => {
    const prompt = scriptedPrompter(ANSWERS);
    const r = await runTTY([], prompt);
    assert.equal(r.code, 0, r.err);
    assert.equal(prompt.asked.length, 8);
    assert.match(prompt.messages.join('\n'), /Nama instansi.*\n.*Unit kerja.*\n.*Singkatan.*\n.*Jabatan pejabat.*\n.*Nama lengkap pejabat.*\n.*NIP pejabat.*\n.*Ukuran kertas.*\n.*Buat repositori SOP di \.\?/);
    assert.match(r.out, /Contoh SOP: contoh\/contoh-pelayanan-permohonan\.md \(nomor 001\/SOP\/BKD\/2025\)/);
    assert.deepEqual(parse(readFileSync(path.join(cwd, 'sop.config.yaml'), 'utf8')).defaults.instansi, ['PEMERINTAH KOTA TANJUNG HARAPAN', 'BADAN KEPEGAWAIAN DAERAH']);
  });

  it('a "no" at the end writes nothing (exit 0)', async () => {
    const r = await runTTY(['--lang', 'en'], scriptedPrompter({ ...ANSWERS, lanjut: false }));
    assert.equal(r.code, 0);
    assert.equal(r.out, 'Cancelled; nothing was written.\n');
    assert.deepEqual(readdirSync(cwd), []);
  });

  it('--yes on a terminal asks nothing', async () => {
    const none = scriptedPrompter({});
    const r = await runTTY(['--yes'], none);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(none.asked, []);
    assert.ok(existsSync(path.join(cwd, 'sop.config.yaml')));
  });

  it('refuses an existing config before asking', async () => {
    writeFileSync(path.join(cwd, 'sop.config.yaml'), 'lang: id\n');
    const prompt = scriptedPrompter(ANSWERS);
    await assert.rejects(runTTY([], prompt), /sudah ada/);
    assert.deepEqual(prompt.asked, []);
  });
});
