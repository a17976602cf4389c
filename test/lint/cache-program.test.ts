// `sop lint --cache` (and `sop build`, which lints through the cache) keys each outcome on a hash of the code that decides
// it (lintProgramKey over LINT_CODE_FOLDERS): every folder the engine and the file rules reach through their imports must
// be hashed, or a change there (the flow-table layout behind flow-header-too-tall, YAML positions) would hand back stale
// diagnostics.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINT_CODE_FOLDERS } from '../../src/lint/cache.js';
import { importsOf } from '../helpers/imports.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every src/ file reachable from `start` through runtime imports (type-only imports decide nothing). */
function reachable(start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    todo.push(...importsOf(f, readFileSync(f, 'utf8'), true));
  }
  return seen;
}

describe('the lint cache keys on all the code that decides a diagnostic', () => {
  const lintDir = path.join(SRC, 'lint');
  const rules = readdirSync(path.join(lintDir, 'rules')).filter((f) => f.endsWith('.ts')).map((f) => path.join(lintDir, 'rules', f));
  const files = reachable([path.join(lintDir, 'engine.ts'), path.join(lintDir, 'run.ts'), path.join(lintDir, 'admit.ts'), ...rules]);
  const folders = new Set([...files].map((f) => path.relative(SRC, f).split(path.sep)[0]));

  it('the import walk sees the rules and the layout behind flow-header-too-tall (so the check below can fail)', () => {
    assert.ok(rules.length >= 20, String(rules.length));
    assert.ok(files.has(path.join(SRC, 'render/flowtable/layout.ts')), 'the layout is reached through the dynamic import of header-check.ts');
  });

  it('every folder lint code imports from is hashed into the program key', () => {
    const missing = [...folders].filter((d) => !(LINT_CODE_FOLDERS as readonly string[]).includes(d)).sort();
    assert.deepEqual(missing, []);
  });

  it('no hashed folder is one lint never reaches (the key would change for code that cannot change a diagnostic)', () => {
    const extra = LINT_CODE_FOLDERS.filter((d) => !folders.has(d));
    assert.deepEqual(extra, []);
  });
});
