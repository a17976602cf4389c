// Tests of the path-outside rule: symlinks out of the repository (files, folders, `/`, loops), logo and pack paths; nothing outside is read.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lint } from '../../../src/api/lint.js';
import { IDENTITY, sop as sopText } from '../sop-text.js';

/** A valid SOP with its own nomor and nama (duplicates would add diagnostics), and extra keys. */
function sop(o: { nomor: string; nama: string; logo?: string }): string {
  const identity = IDENTITY.replace('"800/001/SOP/BKD/2025"', JSON.stringify(o.nomor)).replace('Pelayanan Permohonan Cuti Tahunan', o.nama);
  return sopText({ identity: o.logo ? `${identity}logo: ${o.logo}\n` : identity });
}

describe('rule path-outside', () => {
  let base: string;
  let repo: string;
  let outside: string;
  beforeEach(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'sop-path-outside-')));
    repo = path.join(base, 'repo');
    outside = path.join(base, 'luar');
    mkdirSync(path.join(repo, 'umum'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(repo, 'sop.config.yaml'), 'lang: id\n');
    writeFileSync(path.join(repo, 'umum/a.md'), sop({ nomor: '001/SOP/A/2025', nama: 'Surat Masuk' }));
    writeFileSync(path.join(outside, 'rahasia.md'), sop({ nomor: '099/SOP/RAHASIA/2025', nama: 'Rahasia' }));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const summary = (r: Awaited<ReturnType<typeof lint>>) =>
    r.results.map((f) => [f.filePath, f.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`)]);

  it('reports symlinks to an outside file and folder and does not read them', async () => {
    symlinkSync(path.join(outside, 'rahasia.md'), path.join(repo, 'umum/tautan.md'));
    symlinkSync(outside, path.join(repo, 'luar'));
    const r = await lint({ cwd: repo, workers: 0 });
    assert.deepEqual(summary(r), [
      ['luar', ['path-outside 1:1']],
      ['umum/a.md', []],
      ['umum/tautan.md', ['path-outside 1:1']],
    ]);
    assert.match(r.results[2].diagnostics[0].message, /^path `umum\/tautan\.md` mengarah ke luar repositori \(.*\/luar\/rahasia\.md\); berkas tidak dibaca$/);
    assert.equal(r.results[0].diagnostics[0].severity, 'error');
    // an explicitly named link is refused the same way
    const one = await lint({ cwd: repo, paths: ['umum/tautan.md'], workers: 0 });
    assert.deepEqual(summary(one), [['umum/tautan.md', ['path-outside 1:1']]]);
  });

  it('does not walk the machine through a link to / and never loops on a link up the tree', async () => {
    symlinkSync('/', path.join(repo, 'akar'));
    symlinkSync('..', path.join(repo, 'umum/naik'));
    const t = Date.now();
    const r = await lint({ cwd: repo, workers: 0 });
    assert.ok(Date.now() - t < 5000, `took ${Date.now() - t} ms`);
    assert.deepEqual(summary(r), [['akar', ['path-outside 1:1']], ['umum/a.md', []]]);
  });

  it('follows a symlink that stays inside the repository', async () => {
    mkdirSync(path.join(repo, 'bersama'));
    writeFileSync(path.join(repo, 'bersama/b.md'), sop({ nomor: '002/SOP/A/2025', nama: 'Surat Keluar' }));
    symlinkSync(path.join(repo, 'bersama'), path.join(repo, 'umum/bersama'));
    const r = await lint({ cwd: repo, paths: ['umum'], workers: 0 });
    assert.deepEqual(summary(r), [['umum/a.md', []], ['umum/bersama/b.md', []]]);
  });

  it('reports a logo and pack files outside the repository at their YAML node', async () => {
    writeFileSync(path.join(outside, 'logo.png'), 'PNG');
    writeFileSync(
      path.join(repo, 'sop.config.yaml'),
      `lang: en\ndefaults:\n  logo: ../luar/logo.png\npack:\n  penjelasan: /etc/passwd\n  keputusan:\n    file: ../../keputusan.md\n    nomor: \"1\"\n    tentang: SOP\n    tanggal: 2025-01-02\n  title: Paket\n  year: 2025\n`,
    );
    const r = await lint({ cwd: repo, workers: 0 });
    const all = r.results.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'path-outside').map((d) => `${d.file} ${d.line}:${d.column} ${d.message}`)).sort();
    assert.deepEqual(all, [
      'sop.config.yaml 3:9 path `../luar/logo.png` leads outside the repository (' + `${outside}/logo.png` + '); the file is not read',
      'sop.config.yaml 5:15 path `/etc/passwd` leads outside the repository (/etc/passwd); the file is not read',
      'sop.config.yaml 7:11 path `../../keputusan.md` leads outside the repository (' + `${path.dirname(base)}/keputusan.md` + '); the file is not read',
    ]);
  });

  it('reports an SOP\'s own logo written with ../ out of the repository', async () => {
    writeFileSync(path.join(repo, 'umum/a.md'), sop({ nomor: '001/SOP/A/2025', nama: 'Surat Masuk', logo: '../../luar/logo.png' }));
    const r = await lint({ cwd: repo, workers: 0 });
    const d = r.results[0].diagnostics.find((x) => x.ruleId === 'path-outside');
    assert.ok(d, JSON.stringify(r.results[0].diagnostics));
    assert.equal(d.file, 'umum/a.md');
  });
});
