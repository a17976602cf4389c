// `sop build` refuses to build SOPs with lint errors (listed like `sop lint`, exit 1) unless --force, and refuses unsafe output folders (exit 2).
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, writeRepo } from '../helpers/build.js';
import { run } from '../helpers/cli.js';

const BIN = fileURLToPath(new URL('../../bin/sop.js', import.meta.url));
let dir: string;
let cleanup: () => void;

/** As a process: node bin/sop.js ARGS. */
function sopProcess(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `sop ARGS` in-process through main(), stdout and stderr piped (no terminal). */
async function sop(...args: string[]) {
  const r = await run(args, dir, { env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

before(() => {
  ({ dir, cleanup } = tempDir('sop-build-refuse-'));
  writeRepo(path.join(dir, 'repo'), {
    sops: [
      { file: 'baik.md', nomor: 'B/1', nama: 'Layanan Baik' },
      // A row names an actor that `pelaksana` does not declare.
      {
        file: 'rusak.md',
        nomor: 'B/2',
        nama: 'Layanan Rusak',
        extra: {
          prosedur: [
            { kegiatan: 'Mengajukan permohonan', pelaksana: 'siapa', kelengkapan: 'Formulir', waktu: '10 menit', output: 'Permohonan' },
            { kegiatan: 'Menerima hasil', pelaksana: 'pemohon', kelengkapan: 'Permohonan', waktu: '5 menit', output: 'Hasil' },
          ],
          pelaksana: { pemohon: 'Pemohon' },
        },
      },
    ],
  });
});
after(() => cleanup());

describe('sop build refusals', () => {
  it('lists lint errors as sop lint does, builds nothing and exits 1', async () => {
    const r = await sop('build', 'repo', '--format', 'html');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /repo\/rusak\.md/);
    assert.match(r.stderr, /^\s+\d+:\d+\s+error\s+.*unknown-pelaksana$/m);
    assert.match(r.stderr, /--force/);
    assert.doesNotMatch(r.stderr, /baik\.md/);
    assert.ok(!existsSync(path.join(dir, 'repo', '_site')));
  });

  it('as a process (node bin/sop.js): builds anyway with --force, and says so', () => {
    const r = sopProcess('build', 'repo', '--format', 'html', '--force');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /--force/);
    assert.ok(existsSync(path.join(dir, 'repo', '_site', 'rusak.html')));
    assert.ok(existsSync(path.join(dir, 'repo', '_site', 'index.html')));
  });

  it('refuses an output folder that holds the sources, or files it did not write (exit 2)', async () => {
    let r = await sop('build', 'repo', '--force', '--format', 'html', '--out', '.');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /berisi folder sumber SOP/);
    r = await sop('build', 'repo/baik.md', '--force', '--format', 'html', '--out', 'repo', '--lang', 'en');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /contains the SOP sources/);
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', 'catatan.txt'), 'milik orang lain');
    r = await sop('build', 'repo', '--force', '--format', 'html', '--out', 'docs');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bukan hasil `sop build`/);
    assert.ok(existsSync(path.join(dir, 'docs', 'catatan.txt')));
  });

  it('rejects an unknown format (exit 2)', async () => {
    const r = await sop('build', 'repo', '--format', 'docx');
    assert.equal(r.code, 2);
  });
});
