// `sop lint` end to end: exit codes, flags, formats, files written, through the CLI's main() in-process (as a
// process sees it: argv, cwd, environment, stdout/stderr); one case runs the built CLI (node bin/sop.js) as a process.
// The process case needs `npx tsc -p tsconfig.json` first (npm test builds before running).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../helpers/cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/sop.js');
const fixtures = path.join(root, 'test/fixtures/lint/cli');

/** The environment the command sees: this process's, without colour settings, plus `extra`. */
function envOf(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/** `sop lint ARGS` in-process, stdout and stderr piped (not terminals). */
async function sop(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = await run(['lint', ...args], opts.cwd ?? fixtures, { env: envOf(opts.env) });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

/** The same as a process: node bin/sop.js lint ARGS. */
function sopProcess(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, 'lint', ...args], { cwd: opts.cwd ?? fixtures, env: envOf(opts.env), encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const built = existsSync(path.join(root, 'dist/cli/main.js'));

describe('sop lint (CLI)', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sop-cli-lint-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('exit 0 and no output for a clean folder', async () => {
    const r = await sop(['clean']);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
  });

  it('exit 1 with a stylish report for errors', async () => {
    const r = await sop(['errors']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'errors/cuti-tahunan.md');
    assert.match(lines[1], /^ {2}10:18 {2}error {4}tanggal `2025-02-30` tidak ada: .* date-order$/);
    assert.match(r.stdout, /44:16 {2}error {4}pelaksana `kepla` tidak dideklarasikan/);
    assert.match(r.stdout, /✖ 3 masalah \(2 error, 1 peringatan\)\n\nPenjelasan aturan:\n  date-order +https:\/\/github\.com\/sop-ap\/sop\/blob\/main\/docs\/rules\/date-order\.md\n/);
  });

  it('exit 0 with warnings only; --max-warnings turns them into a failure', async () => {
    assert.equal((await sop(['warnings'])).code, 0);
    assert.equal((await sop(['warnings', '--max-warnings', '2'])).code, 0);
    const r = await sop(['warnings', '--max-warnings', '1']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'sop lint: terlalu banyak peringatan (2, paling banyak 1 menurut --max-warnings)\n');
  });

  it('--quiet drops warnings from the report and from --max-warnings', async () => {
    const r = await sop(['warnings', '--quiet', '--max-warnings', '0']);
    assert.deepEqual([r.code, r.stdout], [0, '']);
    const e = await sop(['errors', '--quiet']);
    assert.equal(e.code, 1);
    assert.doesNotMatch(e.stdout, /warning|unused-pelaksana/);
    assert.match(e.stdout, /✖ 2 masalah \(2 error, 0 peringatan\)/);
  });

  it('--format json: one entry per file, ESLint-shaped', async () => {
    const r = await sop(['errors', '--format', 'json']);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number }[]; errorCount: number; warningCount: number }[];
    assert.deepEqual(json.map((f) => [path.relative(fixtures, f.filePath), f.errorCount, f.warningCount]), [['errors/cuti-tahunan.md', 2, 1], ['errors/surat-tugas.md', 0, 0]]);
    assert.deepEqual(json[0].messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn]), [
      ['date-order', 2, 10, 18, 10, 28],
      ['unused-pelaksana', 1, 26, 3, 26, 9],
      ['unknown-pelaksana', 2, 44, 16, 44, 21],
    ]);
  });

  it('--output-file writes the --output-format report atomically while stdout gets stylish', async () => {
    const out = path.join(tmp, 'reports', 'lint.sarif');
    const r = await sop(['errors', '--format', 'stylish', '--output-format', 'sarif', '--output-file', out]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^errors\/cuti-tahunan\.md\n/);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((x) => x.ruleId).sort(), ['date-order', 'unknown-pelaksana', 'unused-pelaksana']);
    assert.deepEqual(readdirSync(path.dirname(out)), ['lint.sarif'], 'no temp file left behind');
  });

  it('--output-file without --output-format uses --format', async () => {
    const out = path.join(tmp, 'lint.json');
    const r = await sop(['errors', '--format', 'json', '--output-file', out]);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), JSON.parse(r.stdout));
  });

  it('--lang en', async () => {
    const r = await sop(['errors', '--lang', 'en']);
    assert.match(r.stdout, /the date `2025-02-30` does not exist: month 2 of 2025 has only 28 days/);
    assert.match(r.stdout, /✖ 3 problems \(2 errors, 1 warning\)/);
  });

  it('colour: none when piped or NO_COLOR, on with FORCE_COLOR or --color, off with --no-color', async () => {
    const esc = '\u001b[';
    assert.ok(!(await sop(['errors'])).stdout.includes(esc));
    assert.ok((await sop(['errors'], { env: { FORCE_COLOR: '1' } })).stdout.includes(esc));
    assert.ok((await sop(['errors', '--color'])).stdout.includes(esc));
    assert.ok(!(await sop(['errors', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout.includes(esc));
    assert.ok(!(await sop(['errors'], { env: { NO_COLOR: '1' } })).stdout.includes(esc));
  });

  it('exit 2 for usage errors, without a stack trace', async () => {
    const f = await sop(['clean', '--format', 'xml']);
    assert.equal(f.code, 2);
    assert.match(f.stderr, /nilai `xml` untuk opsi `-f, --format <name>` tidak sah\. Pilihan yang diizinkan: stylish, json, sarif, github, junit/);
    const m = await sop(['clean', '--max-warnings', 'banyak']);
    assert.equal(m.code, 2);
    assert.equal(m.stderr, 'sop: --max-warnings: bukan bilangan bulat / not an integer: banyak\n');
  });

  it('exit 2 for a broken config, pointing into it', async () => {
    const dir = mkdtempSync(path.join(tmp, 'cfg-'));
    writeFileSync(path.join(dir, 'sop.config.yaml'), 'rules:\n  max-pelaksana: [warn, {max: 0}]\n');
    const r = await sop(['.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'sop: sop.config.yaml:2:31: opsi aturan `max-pelaksana`: `max` harus paling sedikit 1\n');
    const missing = await sop(['.', '--config', 'tidak-ada.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^sop: berkas konfigurasi tidak ditemukan: tidak-ada\.yaml\n$/);
  });

  it('a path that does not exist exits 2 (as in ESLint); the other paths are still linted', async () => {
    const r = await sop(['clean', 'hilang.md', '--format', 'json']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'sop lint: path `hilang.md` tidak ada\n');
    const json = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.deepEqual(json.map((f) => [path.relative(fixtures, f.filePath), f.messages.map((m) => m.ruleId)]), [['clean/cuti-tahunan.md', []]]);
  });

  it('as a process (node bin/sop.js): the same exit code and report as in-process, no colour on a pipe, exit 2 without a stack trace', { skip: built ? false : 'run `npx tsc -p tsconfig.json` first' }, async () => {
    const p = sopProcess(['errors']);
    const i = await sop(['errors']);
    assert.deepEqual([p.code, p.stdout, p.stderr], [i.code, i.stdout, i.stderr]);
    assert.equal(p.code, 1);
    assert.ok(!p.stdout.includes('\u001b['));
    assert.ok(sopProcess(['errors'], { env: { FORCE_COLOR: '1' } }).stdout.includes('\u001b['));
    const u = sopProcess(['clean', '--max-warnings', 'banyak']);
    assert.deepEqual([u.code, u.stderr], [2, 'sop: --max-warnings: bukan bilangan bulat / not an integer: banyak\n']);
  });

  it('lints the examples without errors', { skip: existsSync(path.join(root, 'examples/sop.config.yaml')) ? false : 'no examples yet' }, async () => {
    const r = await sop(['examples'], { cwd: root });
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });
});
