// Bad input never crashes `sop lint`: every file of test/fixtures/lint/bad-input (plus big, binary, deeply nested,
// unreadable and symlink-loop cases made here at run time) gets its diagnostic, the others are still linted, no stack trace.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IDENTITY, sop } from '../lint/sop-text.js';

/** A valid SOP with its own nomor and nama (so duplicate-nomor stays out of the picture). */
const unique = (n: number) => sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', `"800/${100 + n}/SOP/BKD/2025"`).replace('Cuti Tahunan', `Cuti ${n}`) });

const root = path.resolve(import.meta.dirname, '../..');
const isRoot = process.getuid?.() === 0;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[];
}

describe('sop lint on bad input', { skip: existsSync(path.join(root, 'dist/cli/main.js')) ? false : 'run `npx tsc -p tsconfig.json` first' }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sop-bad-input-'));
    cpSync(path.join(root, 'test/fixtures/lint/bad-input'), dir, { recursive: true });
    // generated here rather than committed: 5 MB, raw bytes, machine-made nesting, links
    writeFileSync(path.join(dir, 'big.md'), unique(1) + `${'Catatan panjang untuk menguji berkas besar. '.repeat(24)}\n`.repeat(5000));
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.concat([Buffer.from('---\nnama: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]));
    writeFileSync(path.join(dir, 'deep.md'), `---\nnomor: ${'['.repeat(1000)}${']'.repeat(1000)}\n---\n`);
    writeFileSync(path.join(dir, 'locked.md'), unique(2));
    chmodSync(path.join(dir, 'locked.md'), 0o000);
    const loops = path.join(dir, 'loops');
    mkdirSync(loops);
    symlinkSync('.', path.join(loops, 'self'));
    symlinkSync('b', path.join(loops, 'a'));
    symlinkSync('a', path.join(loops, 'b'));
    symlinkSync('..', path.join(loops, 'up'));
    // a folder whose every entry is a loop back into itself
    const only = path.join(dir, 'loops-only', 'inner');
    mkdirSync(only, { recursive: true });
    symlinkSync('..', path.join(only, 'back'));
    symlinkSync('.', path.join(only, 'self'));
    symlinkSync('x', path.join(only, 'y'));
    symlinkSync('y', path.join(only, 'x'));
  });
  after(() => {
    chmodSync(path.join(dir, 'locked.md'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each file its rule, keeps linting the rest, prints no stack trace', () => {
    const files = ['alias-bomb', 'big', 'binary', 'bom', 'crlf', 'deep', 'duplicate-keys', 'empty', 'invalid-yaml', 'latin1', 'list-frontmatter', 'locked', 'no-frontmatter', 'scalar-frontmatter', 'tabs', 'unterminated'].map((f) => `${f}.md`);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/sop.js'), 'lint', '--format', 'json', ...files, 'loops', 'hilang.md'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    // the missing path makes it a usage error (2); every other file is still reported
    assert.equal(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /^\s+at /m, 'stack trace on stderr');
    assert.equal(r.stderr, 'sop lint: path `hilang.md` tidak ada\n');
    assert.ok(Date.now() - t0 < 30_000, 'took too long');
    const json = JSON.parse(r.stdout) as JsonResult[];
    const byFile = Object.fromEntries(json.map((f) => [f.filePath.split(path.sep).join('/').replace(`${dir.split(path.sep).join('/')}/`, ''), f.messages.map((m) => m.ruleId)]));
    assert.deepEqual(byFile, {
      'alias-bomb.md': ['yaml-syntax'],
      'big.md': [],
      'binary.md': ['file-encoding'],
      'bom.md': [],
      'crlf.md': [],
      'deep.md': ['yaml-syntax'],
      'duplicate-keys.md': ['yaml-syntax'],
      'empty.md': ['frontmatter-missing'],
      'invalid-yaml.md': ['yaml-syntax'],
      'latin1.md': ['file-encoding'],
      'list-frontmatter.md': ['schema'],
      // root reads a chmod-000 file anyway; for anyone else it is a file-read error
      'locked.md': isRoot ? [] : ['file-read'],
      'no-frontmatter.md': ['frontmatter-missing'],
      'scalar-frontmatter.md': ['schema'],
      'tabs.md': ['yaml-syntax'],
      'unterminated.md': ['yaml-syntax'],
      // `loops/up` leads back here: those files are the same files, linted once
    });
    for (const f of json) {
      for (const m of f.messages) assert.ok(m.line >= 1 && m.column >= 1 && m.endLine >= m.line, `${f.filePath} ${m.ruleId} position`);
    }
    const where = (file: string) => json.find((f) => f.filePath.endsWith(file))!.messages[0];
    assert.deepEqual([where('duplicate-keys.md').line, where('duplicate-keys.md').column], [4, 1]);
    assert.deepEqual([where('tabs.md').line, where('tabs.md').column], [4, 1]);
    assert.deepEqual([where('latin1.md').line, where('latin1.md').column], [2, 10]);
  });

  it('a folder of symlink loops alone is an empty, successful run', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/sop.js'), 'lint', 'loops-only'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', '']);
  });
});
