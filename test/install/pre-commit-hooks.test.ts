// .pre-commit-hooks.yaml: the hook pre-commit installs (language node: this package, its `sop` bin on PATH)
// runs `sop lint` over the whole repository when an SOP or a config is staged, and passes on a clean one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const built = existsSync(path.join(root, 'dist/cli/main.js'));

test('the sop-lint hook matches SOPs and configs and runs sop lint on a whole repository', { skip: built ? false : 'run `npm run build` first' }, () => {
  const hooks = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
  const hook = hooks.find((h) => h.id === 'sop-lint');
  assert.ok(hook);
  assert.equal(hook.language, 'node');
  assert.equal(hook.pass_filenames, false, 'cross-file rules need every SOP');
  const files = new RegExp(hook.files);
  for (const f of ['kepegawaian/cuti.md', 'sop.config.yaml', 'unit/sop.config.yml']) assert.match(f, files);
  for (const f of ['package.json', 'logo.png', 'sop.config.yaml.bak']) assert.doesNotMatch(f, files);
  const [cmd, ...args] = hook.entry.split(' ');
  assert.equal(cmd, 'sop');
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-precommit-'));
  try {
    cpSync(path.join(root, 'examples'), dir, { recursive: true, filter: (src) => !/[\\/](_site|\.sop-cache)$/.test(src) });
    const r = spawnSync(process.execPath, [path.join(root, 'bin/sop.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
