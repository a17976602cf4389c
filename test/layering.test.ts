// The layering of src/README.md, enforced: every import of src/ points down the layers (or stays in its folder), none forms a circle,
// and nothing outside publish/ imports from publish/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importsOf } from './helpers/imports.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Layers from the README's first code block: a line `a/  b/` (at the start of the line) is one layer of siblings, top first. */
export function readLayers(readme: string): string[][] {
  const block = /```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block
    .split('\n')
    .filter((l) => /^[a-z]/.test(l))
    .map((l) => {
      const names = [...l.matchAll(/(?:^|\s)([a-z][a-z-]*)\/(?=\s|$)/g)].map((m) => m[1]);
      // A line like `cli/   commander: ...` names one folder; a line of folders only names siblings.
      return /^([a-z][a-z-]*\/\s*)+(\(.*\))?$/.test(l.trim()) ? names : names.slice(0, 1);
    });
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const folderOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0];

export interface Violation {
  from: string;
  to: string;
  why: string;
}

/** Imports that run up or sideways between layers, or into publish/ from outside. */
export function upwardImports(graph: Map<string, string[]>, layers: string[][]): Violation[] {
  const rank = new Map<string, number>();
  layers.forEach((names, i) => names.forEach((n) => rank.set(n, i)));
  const out: Violation[] = [];
  for (const [from, tos] of graph) {
    const a = folderOf(from);
    for (const to of tos) {
      const b = folderOf(to);
      if (a === b || !rank.has(b) || b.includes('.')) continue;
      const ra = rank.get(a);
      if (ra === undefined) out.push({ from, to, why: `${a}/ is not in the layers of src/README.md` });
      else if (rank.get(b)! <= ra) out.push({ from, to, why: `${a}/ may not import ${b}/ (${rank.get(b)! < ra ? 'above it' : 'beside it'})` });
    }
  }
  return out;
}

/** One circle of file imports, if there is any (depth-first search). */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | undefined => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (!graph.has(t)) continue;
      if (state.get(t) === 'open') return [...stack.slice(stack.indexOf(t)), t];
      if (!state.has(t)) {
        const c = visit(t);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of graph.keys()) if (!state.has(f)) {
    const c = visit(f);
    if (c) return c;
  }
  return undefined;
}

const rel = (f: string): string => path.relative(SRC, f);

describe('layering of src/', () => {
  const layers = readLayers(readFileSync(path.join(SRC, 'README.md'), 'utf8'));
  const files = sourceFiles(SRC);
  const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));
  const runtime = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'), true)]));

  it('the checker finds an upward import, a sideways one and a circle (so it can fail)', () => {
    const f = (p: string) => path.join(SRC, p);
    const fake = new Map([
      [f('core/a.ts'), [f('cli/main.ts')]],
      [f('lint/x.ts'), [f('report/y.ts')]],
      [f('model/p.ts'), [f('model/q.ts')]],
      [f('model/q.ts'), [f('model/p.ts')]],
    ]);
    const v = upwardImports(fake, layers).map((x) => `${rel(x.from)} -> ${rel(x.to)}`);
    assert.deepEqual(v, ['core/a.ts -> cli/main.ts', 'lint/x.ts -> report/y.ts']);
    assert.deepEqual(findCycle(fake)?.map(rel), ['model/p.ts', 'model/q.ts', 'model/p.ts']);
  });

  it('every folder of src/ has its place in the layers', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const listed = new Set(layers.flat());
    assert.deepEqual(folders.filter((d) => !listed.has(d)), []);
    assert.deepEqual(layers[0], ['cli']);
    assert.deepEqual(layers.at(-1), ['core']);
  });

  it('no import runs up or sideways', () => {
    const v = upwardImports(graph, layers).map((x) => `${rel(x.from)} -> ${rel(x.to)}: ${x.why}`);
    assert.deepEqual(v, []);
  });

  it('no files import each other in a circle (at run time)', () => {
    assert.equal(findCycle(runtime)?.map(rel).join(' -> '), undefined);
  });

  it('the import reader sees every kind of import and tells type-only ones apart', () => {
    const f = path.join(SRC, 'api/x.ts');
    const text = "import { a } from '../core/a.js';\nimport type { B } from '../core/b.js';\nexport { c } from './c.js';\nconst d = await import('../core/d.js');\nimport '../core/e.js';\n";
    const names = (list: string[]) => list.map((p) => path.relative(SRC, p));
    assert.deepEqual(names(importsOf(f, text)), ['core/a.ts', 'core/b.ts', 'api/c.ts', 'core/d.ts', 'core/e.ts']);
    assert.deepEqual(names(importsOf(f, text, true)), ['core/a.ts', 'api/c.ts', 'core/d.ts', 'core/e.ts']);
  });

  it('nothing outside publish/ imports from publish/ but api/build.ts', () => {
    const into = [...graph].flatMap(([from, tos]) => tos.filter((t) => folderOf(t) === 'publish' && folderOf(from) !== 'publish').map(() => rel(from)));
    assert.deepEqual([...new Set(into)], ['api/build.ts']);
  });
});
