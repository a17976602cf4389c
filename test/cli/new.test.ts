// CLI tests of `sop new`: flags, exit codes and output through main() in-process (one case as the built CLI, a process),
// in-process with scripted prompts, and the built CLI on a pseudo-terminal.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerNew } from '../../src/cli/commands/new.js';
import type { CliIO } from '../../src/cli/io.js';
import type { RunState } from '../../src/cli/main.js';
import type { Prompter } from '../../src/scaffold/prompt.js';
import { parseSopText, readSop, scriptedPrompter, tempDir } from '../scaffold/helpers.js';
import { run } from '../helpers/cli.js';

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));
const YEAR = new Date().getFullYear();
const CONFIG = `numbering: "800/{seq:3}/SOP/BKD/{year}"
defaults:
  instansi: [PEMERINTAH KABUPATEN SUKAMAJU, BADAN KEPEGAWAIAN DAERAH]
  disahkan_oleh: {jabatan: Kepala Badan, nama: Drs. AHMAD SURYADI, nip: "19750312 200012 1 003"}
`;

/** `sop ARGS` in-process through main(), with stdout and stderr piped (no terminal), as a script runs it. */
async function sop(cwd: string, ...args: string[]) {
  const r = await run(args, cwd, { env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

/** The same as a process: node bin/sop.js ARGS. */
function sopProcess(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let root: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir: root, cleanup } = tempDir('sop-cli-new-'));
  writeFileSync(path.join(root, 'sop.config.yaml'), CONFIG);
});
afterEach(() => cleanup());

describe('sop new (flags, exit codes, output)', () => {
  it('refuses --pelaksana (and a title) with a line break: exit 2, nothing written', async () => {
    const r = await sop(root, 'new', 'Pelayanan Cuti', '--dir', 'umum', '-p', 'Pemohon\nnomor: 999,Kepala Subbagian Umum');
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /--pelaksana "Pemohon\\nnomor: 999": tidak boleh berisi baris baru atau karakter kendali \(U\+000A\)/);
    assert.ok(!existsSync(path.join(root, 'umum')));
    const t = await sop(root, 'new', 'Pelayanan\rCuti', '--lang', 'en');
    assert.equal(t.code, 2);
    assert.match(t.stderr, /judul "Pelayanan\\rCuti": must not contain a line break or control character \(U\+000D\)/);
  });

  it('creates the file and prints its path, nomor and the lint hint', async () => {
    const r = await sop(root, 'new', 'Pelayanan Permohonan Cuti', '--dir', 'kepegawaian', '-p', 'Pemohon,Kepala Subbagian Umum');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      `Dibuat: kepegawaian/pelayanan-permohonan-cuti.md\nNomor:  800/001/SOP/BKD/${YEAR}\n` +
        'Berikutnya: sunting berkasnya, lalu periksa dengan `sop lint kepegawaian/pelayanan-permohonan-cuti.md`\n',
    );
    const data = readSop(path.join(root, 'kepegawaian', 'pelayanan-permohonan-cuti.md')).data;
    assert.deepEqual(data.pelaksana, { pemohon: 'Pemohon', kepala_subbagian_umum: 'Kepala Subbagian Umum' });
    assert.equal((await sop(root, 'new', 'Kedua', '--dir', 'kepegawaian')).stdout.split('\n')[1], `Nomor:  800/002/SOP/BKD/${YEAR}`);
  });

  it('refuses to overwrite (exit 2), leaving the file untouched; --force replaces it', async () => {
    assert.equal((await sop(root, 'new', 'Surat Masuk')).code, 0);
    const file = path.join(root, 'surat-masuk.md');
    writeFileSync(file, 'isi pengguna\n');
    const mtime = statSync(file).mtimeMs;
    const r = await sop(root, 'new', 'Surat Masuk', '--template', 'teknis');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'sop: berkas sudah ada: surat-masuk.md. Pakai judul lain, atau --force untuk menggantinya\n');
    assert.equal(readFileSync(file, 'utf8'), 'isi pengguna\n');
    assert.equal(statSync(file).mtimeMs, mtime);
    const f = await sop(root, 'new', 'Surat Masuk', '--template', 'teknis', '--force');
    assert.equal(f.code, 0, f.stderr);
    assert.match(f.stdout, /^Diganti: surat-masuk\.md\n/);
    assert.equal(readSop(file).data.jenis, 'teknis');
  });

  it('--dry-run prints the file to stdout and writes nothing', async () => {
    const r = await sop(root, 'new', 'Uji Coba', '--dir', 'baru', '--dry-run');
    assert.equal(r.code, 0, r.stderr);
    const parsed = parseSopText(r.stdout);
    assert.equal(parsed.data.nama, 'Uji Coba');
    assert.equal(parsed.data.nomor, `800/001/SOP/BKD/${YEAR}`);
    assert.match(r.stderr, /uji coba: tidak ada yang ditulis; akan membuat baru\/uji-coba\.md/);
    assert.deepEqual(readdirSync(root), ['sop.config.yaml']);
  });

  it('refuses paths that leave the repository (exit 2) and writes nothing', async () => {
    for (const args of [['--dir', '../..'], ['--template', '../../etc/passwd'], ['--dir', '/etc']]) {
      const r = await sop(root, 'new', 'Bocor', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^sop: (folder|templat) ".+" berada di luar repositori/);
    }
    assert.deepEqual(readdirSync(root), ['sop.config.yaml']);
  });

  it('needs a title without a terminal, and speaks English with --lang en', async () => {
    const r = await sop(root, 'new');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /judul SOP belum diberikan: sop new "<judul>"/);
    const en = await sop(root, 'new', 'Leave Request', '--lang', 'en');
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stdout, /^Created: leave-request\.md\nNumber: {2}800\/001\/SOP\/BKD\/\d{4}\nNext: edit the file, then check it with `sop lint leave-request\.md`\n$/);
    assert.match((await sop(root, 'new', 'X', '-t', 'teknis', '-p', 'A,B', '--lang', 'en')).stderr, /a teknis SOP has a single actor/);
  });

  it('as a process (node bin/sop.js): writes the same file and prints the same as in-process; exit 2 on a line break', async () => {
    const p = sopProcess(root, 'new', 'Pelayanan Permohonan Cuti', '--dir', 'kepegawaian', '-p', 'Pemohon,Kepala Subbagian Umum');
    assert.equal(p.code, 0, p.stderr);
    const file = path.join(root, 'kepegawaian', 'pelayanan-permohonan-cuti.md');
    const written = readFileSync(file, 'utf8');
    const i = await sop(root, 'new', 'Pelayanan Permohonan Cuti', '--dir', 'kepegawaian', '-p', 'Pemohon,Kepala Subbagian Umum', '--force');
    assert.equal(i.code, 0, i.stderr);
    assert.equal(i.stdout, p.stdout.replace(/^Dibuat:/, 'Diganti:'));
    assert.equal(readFileSync(file, 'utf8'), written);
    const t = sopProcess(root, 'new', 'Pelayanan\rCuti', '--lang', 'en');
    assert.equal(t.code, 2);
    assert.match(t.stderr, /judul "Pelayanan\\rCuti": must not contain a line break or control character \(U\+000D\)/);
  });

  it('prints notes on stderr when the repository has no numbering or identity defaults', async () => {
    writeFileSync(path.join(root, 'sop.config.yaml'), 'lang: id\n');
    const r = await sop(root, 'new', 'Tanpa Pola');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Nomor: {2}001/SOP/${YEAR}`));
    assert.match(r.stderr, /^Catatan: nomor 001\/SOP\/\d{4} bersifat sementara/m);
    assert.match(r.stderr, /^Catatan: lengkapi instansi dan disahkan_oleh/m);
  });
});

/** Runs `sop new` in-process as if on a terminal, with scripted answers. */
async function runTTY(args: string[], prompter: Prompter, cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, env: {}, stdout: (t) => void (out += t), stderr: (t) => void (err += t), stdoutIsTTY: true, stdinIsTTY: true };
  const state: RunState = { exitCode: 0 };
  const program = new Command('sop').exitOverride();
  registerNew(program, io, state, { prompter: () => prompter, now: () => new Date(2025, 4, 6) });
  await program.parseAsync(['new', ...args], { from: 'user' });
  return { code: state.exitCode, out, err };
}

describe('sop new (terminal, scripted answers)', () => {
  it('asks for everything not given and creates the file', async () => {
    const prompt = scriptedPrompter({ judul: 'Penerbitan Surat Tugas', folder: 'sekretariat', templat: 'administratif', pelaksana: 'Pegawai, Kepala Subbagian Umum, Sekretaris' });
    const r = await runTTY([], prompt, root);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(prompt.asked, ['judul', 'folder', 'templat', 'pelaksana']);
    assert.match(r.out, /^Dibuat: sekretariat\/penerbitan-surat-tugas\.md\nNomor: {2}800\/001\/SOP\/BKD\/2025\n/);
    assert.deepEqual(Object.values(readSop(path.join(root, 'sekretariat', 'penerbitan-surat-tugas.md')).data.pelaksana), ['Pegawai', 'Kepala Subbagian Umum', 'Sekretaris']);
  });

  it('asks nothing with --yes, or when every value is given by flags', async () => {
    const none = scriptedPrompter({});
    assert.equal((await runTTY(['Satu', '--yes'], none, root)).code, 0);
    assert.equal((await runTTY(['Dua', '-d', '.', '-t', 'teknis', '-p', 'Operator'], none, root)).code, 0);
    assert.deepEqual(none.asked, []);
    assert.ok(existsSync(path.join(root, 'satu.md')) && existsSync(path.join(root, 'dua.md')));
  });

  it('reports Ctrl+C as cancelled (exit 130, as Ctrl-C anywhere) and writes nothing', async () => {
    const cancelling: Prompter = {
      input: async () => { throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' }); },
      select: async () => { throw new Error('not reached'); },
      confirm: async () => { throw new Error('not reached'); },
    };
    const r = await runTTY([], cancelling, root);
    assert.equal(r.code, 130);
    assert.equal(r.err, 'sop new: dibatalkan, tidak ada berkas yang ditulis\n');
    assert.deepEqual(readdirSync(root), ['sop.config.yaml']);
  });
});

/**
 * A prompter that types each answer of a question in turn, as a user does after a refusal: every
 * answer goes through the question's check, and a refused one is recorded and the question asked again.
 */
function retryingPrompter(answers: Record<string, string[]>): Prompter & { refused: [string, string, string][]; asked: string[] } {
  const refused: [string, string, string][] = [];
  const asked: string[] = [];
  return {
    refused,
    asked,
    async input(q) {
      for (const a of answers[q.name] ?? [q.default ?? '']) {
        asked.push(q.name);
        const ok = q.validate ? await q.validate(a) : true;
        if (ok === true) return a;
        refused.push([q.name, a, ok]);
      }
      throw new Error(`no accepted answer for ${q.name}`);
    },
    async select(q) {
      asked.push(q.name);
      return (answers[q.name]?.[0] ?? q.default) as never;
    },
    async confirm() {
      return true;
    },
  };
}

describe('sop new checks each answer as it is given', () => {
  it('refuses a duplicate pelaksana at once and asks again, keeping the earlier answers', async () => {
    const prompt = retryingPrompter({
      judul: ['Penerbitan Surat Tugas'], folder: ['sekretariat'], templat: ['administratif'],
      pelaksana: ['Pegawai, Sekretaris, pegawai', 'Pegawai, Kepala Subbagian Umum, Sekretaris'],
    });
    const r = await runTTY([], prompt, root);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(prompt.refused, [['pelaksana', 'Pegawai, Sekretaris, pegawai', 'pelaksana "pegawai" disebut dua kali']]);
    assert.deepEqual(prompt.asked, ['judul', 'folder', 'templat', 'pelaksana', 'pelaksana'], 'only the wrong answer is asked again');
    const data = readSop(path.join(root, 'sekretariat', 'penerbitan-surat-tugas.md')).data;
    assert.equal(data.nama, 'Penerbitan Surat Tugas');
    assert.deepEqual(Object.values(data.pelaksana), ['Pegawai', 'Kepala Subbagian Umum', 'Sekretaris']);
  });

  it('refuses a title without letters, a folder where that SOP already exists, and too many actors, each when given', async () => {
    writeFileSync(path.join(root, 'ada.md'), '---\nnama: Ada\n---\n');
    const prompt = retryingPrompter({
      judul: ['!!!', 'Ada'], folder: ['.', '../luar', 'umum'], templat: ['teknis'], pelaksana: ['Operator, Pengawas', 'Operator'],
    });
    const r = await runTTY([], prompt, root);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(prompt.refused.map(([q, a, m]) => [q, a, m.split(';')[0].split(':')[0]]), [
      ['judul', '!!!', 'judul "!!!" tidak menghasilkan nama berkas'],
      ['folder', '.', 'berkas sudah ada'],
      ['folder', '../luar', prompt.refused[2][2].split(';')[0].split(':')[0]],
      ['pelaksana', 'Operator, Pengawas', 'SOP teknis hanya mempunyai satu pelaksana, tetapi 2 diberikan'],
    ]);
    assert.match(prompt.refused[1][2], /^berkas sudah ada: ada\.md\./);
    assert.match(prompt.refused[2][2], /luar/);
    assert.equal(readFileSync(path.join(root, 'ada.md'), 'utf8'), '---\nnama: Ada\n---\n', 'the existing SOP untouched');
    assert.deepEqual(readSop(path.join(root, 'umum', 'ada.md')).data.pelaksana, { operator: 'Operator' });
  });
});

// A real pseudo-terminal with the real @inquirer/prompts: Linux `script` only, skipped elsewhere.
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

describe('sop new (real pseudo-terminal)', { skip: !hasScript && 'needs util-linux `script`' }, () => {
  it('answers the prompts typed on a terminal', async () => {
    const steps: Array<[RegExp, string]> = [[/Judul SOP/, 'Uji Terminal\r'], [/Folder unit/, 'umum\r'], [/Jenis SOP/, '\x1b[B\r'], [/Pelaksana/, 'Operator Data\r']];
    const child = spawn('script', ['-qfc', `"${process.execPath}" "${BIN}" new`, '/dev/null'], { cwd: root, env: { ...process.env, TERM: 'dumb' } });
    let screen = '';
    let all = '';
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      all += d.toString();
      while (steps.length > 0 && steps[0][0].test(screen)) {
        const [, answer] = steps.shift()!;
        screen = '';
        setTimeout(() => child.stdin.write(answer), 50);
      }
    });
    const timer = setTimeout(() => child.kill(), 20000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    assert.equal(code, 0, all);
    assert.match(all, /Dibuat: umum\/uji-terminal\.md/);
    const data = readSop(path.join(root, 'umum', 'uji-terminal.md')).data;
    assert.equal(data.jenis, 'teknis');
    assert.deepEqual(data.pelaksana, { operator_data: 'Operator Data' });
  });

  it('on a real terminal, a duplicate pelaksana is refused as soon as it is entered, with the answer kept on the line', async () => {
    const steps: Array<[RegExp, string]> = [
      [/Judul SOP/, 'Uji Ganda\r'], [/Folder unit/, 'umum\r'], [/Jenis SOP/, '\r'], [/Pelaksana/, 'Pegawai, Sekretaris, pegawai\r'],
      // refused before anything else is asked; then Ctrl-C: exit 130, nothing written
      [/pelaksana "pegawai" disebut dua kali/, '\x03'],
    ];
    const child = spawn('script', ['-qefc', `"${process.execPath}" "${BIN}" new`, '/dev/null'], { cwd: root, env: { ...process.env, TERM: 'dumb' } });
    let screen = '';
    let all = '';
    let afterRefusal = '';
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      all += d.toString();
      if (steps.length === 0) afterRefusal += d.toString();
      while (steps.length > 0 && steps[0][0].test(screen)) {
        const [, answer] = steps.shift()!;
        if (steps.length === 0) afterRefusal = screen;
        screen = '';
        setTimeout(() => child.stdin.write(answer), 50);
      }
    });
    const timer = setTimeout(() => child.kill(), 20000);
    // `script -e` exits with the command's own status
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    assert.deepEqual(steps, [], `every step was reached:\n${all}`);
    assert.match(afterRefusal, /Kepala Unit Kerja\): Pegawai, Sekretaris, pegawai/, 'the answer stays on the line to be corrected');
    assert.doesNotMatch(all, /Dibuat:/);
    assert.equal(code, 130, all);
    assert.ok(!existsSync(path.join(root, 'umum')), 'nothing written');
  });
});
