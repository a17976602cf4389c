// One read, one parse and one FlowModel per SOP per command: `build()` hands lint's documents and models on (to the
// pages, the revision history's working-tree check and the evidence pack), `lint()` reads each file once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { build } from '../../src/api/build.js';
import { lint } from '../../src/api/lint.js';
import { SopBrowserMissingError } from '../../src/core/errors.js';
import { tempDir, writeRepo } from '../helpers/build.js';
import { hasGit, makeRepo, type TestRepo } from '../helpers/git-repo.js';

const SOPS = [
  { file: 'a/satu.md', nomor: 'S/1', nama: 'Layanan Satu' },
  { file: 'a/dua.md', nomor: 'S/2', nama: 'Layanan Dua', keterkaitan: ['S/1'] },
  { file: 'b/tiga.md', nomor: 'S/3', nama: 'Layanan Tiga' },
  { file: 'b/empat.md', nomor: 'S/4', nama: 'Layanan Empat', keterkaitan: ['S/3', 'S/1'] },
];

let dir: string;
let cleanup: () => void;
let sopPaths: Set<string>;

before(() => {
  ({ dir, cleanup } = tempDir('sop-one-read-'));
  writeRepo(dir, { config: { pack: { title: 'Paket Uji', year: 2025 }, history: { enabled: false } }, sops: SOPS });
  sopPaths = new Set(SOPS.map((s) => path.join(dir, s.file)));
});
after(() => cleanup());

interface Counts {
  opens: Map<string, number>;
  parses: Map<string, number>;
  models: number;
}

/**
 * Runs `fn` counting, per SOP file: every fs call that opens it for its content (sync, callback
 * and promise APIs, streams), every SopDocument made from bytes (channel sop:document:parse), and
 * every FlowModel built (sop:model:build, per nomor of the data it was built from).
 */
async function counted(fn: () => Promise<unknown>, watched: Set<string> = sopPaths): Promise<Counts & { modelsBy: Map<string, number> }> {
  const opens = new Map<string, number>();
  const parses = new Map<string, number>();
  const modelsBy = new Map<string, number>();
  let models = 0;
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const note = (p: unknown) => {
    const abs = typeof p === 'string' ? path.resolve(p) : p instanceof URL ? p.pathname : undefined;
    if (abs && watched.has(abs)) bump(opens, abs);
  };
  const restore: (() => void)[] = [];
  let inside = 0; // readFileSync opens through fs.openSync: count the outer call only
  const wrap = (obj: Record<string, any>, name: string) => {
    const original = obj[name];
    obj[name] = function (this: unknown, ...args: unknown[]) {
      if (inside === 0) note(args[0]);
      inside++;
      try {
        return original.apply(this, args);
      } finally {
        inside--;
      }
    };
    restore.push(() => (obj[name] = original));
  };
  for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream']) wrap(fs as any, name);
  for (const name of ['readFile', 'open']) wrap(fsp as any, name);
  syncBuiltinESMExports(); // the named imports of node:fs and node:fs/promises see the wrappers
  const onParse = (m: unknown) => bump(parses, (m as { absPath: string }).absPath);
  const onModel = (m: unknown) => {
    models++;
    const data = (m as { data: { nomor?: unknown } }).data;
    bump(modelsBy, String(data?.nomor));
  };
  subscribe('sop:document:parse', onParse);
  subscribe('sop:model:build', onModel);
  try {
    await fn();
  } finally {
    for (const r of restore) r();
    syncBuiltinESMExports();
    unsubscribe('sop:document:parse', onParse);
    unsubscribe('sop:model:build', onModel);
  }
  return { opens, parses, models, modelsBy };
}

const onceEach = (m: Map<string, number>, watched = sopPaths, root = dir) => Object.fromEntries([...watched].map((p) => [path.relative(root, p), m.get(p) ?? 0]));
const ones = Object.fromEntries(SOPS.map((s) => [s.file, 1]));

describe('one read and one parse per SOP per command', () => {
  it('the counters see reads, parses and models at all (so the checks below can fail)', async () => {
    const c = await counted(async () => {
      fs.readFileSync(path.join(dir, SOPS[0].file));
      await fsp.readFile(path.join(dir, SOPS[0].file));
      await lint({ cwd: dir, history: false });
    });
    assert.ok((c.opens.get(path.join(dir, SOPS[0].file)) ?? 0) >= 3);
    assert.ok(c.parses.size > 0 && c.models > 0);
  });

  it('sop build (site only, no browser): each SOP is opened once, parsed once, its FlowModel built once', async () => {
    const c = await counted(() =>
      build({
        cwd: dir,
        env: {},
        formats: ['html'],
        launch: async () => {
          throw new SopBrowserMissingError('no browser in this test');
        },
      }).then((r) => assert.equal(r.ok, true)),
    );
    assert.deepEqual(
      { opens: onceEach(c.opens), parses: onceEach(c.parses), models: Object.fromEntries(c.modelsBy) },
      { opens: ones, parses: ones, models: Object.fromEntries(SOPS.map((s) => [s.nomor, 1])) },
    );
  });

  it('sop build again (lint outcomes from its cache, one SOP changed): each SOP is still opened once and parsed once, and only the changed one is linted', async () => {
    const noBrowser = async (): Promise<never> => {
      throw new SopBrowserMissingError('no browser in this test');
    };
    assert.equal((await build({ cwd: dir, env: {}, formats: ['html'], launch: noBrowser })).ok, true);
    const changed = path.join(dir, SOPS[2].file);
    const before = fs.readFileSync(changed, 'utf8');
    fs.appendFileSync(changed, '\nCatatan baru.\n');
    try {
      let result: Awaited<ReturnType<typeof build>> | undefined;
      const c = await counted(async () => {
        result = await build({ cwd: dir, env: {}, formats: ['html'], launch: noBrowser });
      });
      assert.equal(result?.ok, true);
      assert.deepEqual(result!.lint.cache, { reused: SOPS.filter((s) => s !== SOPS[2]).map((s) => s.file).sort(), linted: [SOPS[2].file] });
      assert.deepEqual({ opens: onceEach(c.opens), parses: onceEach(c.parses) }, { opens: ones, parses: ones });
    } finally {
      fs.writeFileSync(changed, before);
    }
  });

  it('sop lint: each SOP is opened once and parsed once, also when a cross-file rule reports on it', async () => {
    // S/2 twice: duplicate-nomor reports on both files, located through their documents
    const twin = path.join(dir, 'b', 'kembar.md');
    fs.writeFileSync(twin, fs.readFileSync(path.join(dir, 'a/dua.md')));
    sopPaths.add(twin);
    try {
      let result: Awaited<ReturnType<typeof lint>> | undefined;
      const c = await counted(async () => {
        result = await lint({ cwd: dir, history: false });
      });
      const dup = result!.results.flatMap((r) => r.diagnostics).filter((d) => d.ruleId === 'duplicate-nomor');
      assert.ok(dup.length >= 1, JSON.stringify(dup));
      // it and the place it points to are located at the `nomor:` line of each file, through the kept documents
      const places = dup.flatMap((d) => [d, ...(d.related ?? [])]);
      assert.ok(places.length >= 2 && places.every((d) => d.line === 2), JSON.stringify(places.map((d) => [d.file, d.line, d.column])));
      const all = { ...ones, 'b/kembar.md': 1 };
      assert.deepEqual({ opens: onceEach(c.opens), parses: onceEach(c.parses) }, { opens: all, parses: all });
    } finally {
      fs.rmSync(twin);
      sopPaths.delete(twin);
    }
  });
});

// examples/ in git (history on, lifecycle records, the evidence pack): an SOP evaluated with a Tidak and revised afterwards
// (the evidence pack compares its versions), one SOP changed in the working tree, one changed only in layout
describe('one read and one parse per SOP per command, with git history and the evidence pack', { skip: !hasGit() && 'git is not installed' }, () => {
  const examples = path.resolve(import.meta.dirname, '../../examples');
  const REVISED = 'mutasi/kenaikan-pangkat-reguler.md';
  const CHANGED = 'sekretariat/pengelolaan-surat-keluar.md';
  const LAYOUT = 'pengembangan/izin-belajar.md';
  const now = new Date('2026-12-01T08:00:00');
  let repo: TestRepo;
  let sops: Set<string>;
  before(() => {
    repo = makeRepo('sop-one-read-git-');
    fs.cpSync(examples, repo.root, { recursive: true });
    const revised = fs.readFileSync(path.join(examples, REVISED), 'utf8');
    repo.commit('SOP awal', '2025-08-01', { [REVISED]: revised.replace('    waktu: 1 hari kerja\n', '    waktu: 2 hari kerja\n') });
    repo.commit('Perbaikan SOP hasil evaluasi 2025-08-20', '2025-09-15', { [REVISED]: revised });
    const changed = path.join(repo.root, CHANGED);
    fs.appendFileSync(changed, '\nPerubahan yang belum di-commit.\n');
    fs.appendFileSync(path.join(repo.root, LAYOUT), '\n\n\n');
    // every SOP of the repository: the Markdown files that open with a frontmatter
    const md = execFileSync('git', ['ls-files', '*.md'], { cwd: repo.root, encoding: 'utf8' }).split('\n').filter(Boolean);
    sops = new Set(md.map((f) => path.join(repo.root, f)).filter((f) => fs.readFileSync(f, 'utf8').startsWith('---')));
    assert.ok(sops.size >= 10 && sops.has(changed), [...sops].join(', '));
  });
  after(() => repo?.cleanup());
  const allOnes = () => Object.fromEntries([...sops].map((p) => [path.relative(repo.root, p), 1]));

  it('sop build (history, evidence pack, no browser): each SOP is opened once and parsed once; the working tree is compared through the documents read', async () => {
    let result: Awaited<ReturnType<typeof build>> | undefined;
    const c = await counted(async () => {
      result = await build({
        cwd: repo.root, env: {}, formats: ['html'], now, evidence: 'zi',
        launch: async () => {
          throw new SopBrowserMissingError('no browser in this test');
        },
      });
    }, sops);
    assert.ok(result?.ok, JSON.stringify(result && !result.ok ? result.blocked : undefined));
    // the history was read and used: the changed SOP prints as DRAF, the layout-only change does not, the evidence pack compares the revision
    const draft = Object.fromEntries(result.sops.map((s) => [s.file, s.draft ?? []]));
    assert.deepEqual(draft[CHANGED], ['uncommitted']);
    assert.deepEqual(draft[LAYOUT], []);
    assert.deepEqual(draft[REVISED], []);
    const c3 = result.lifecycle?.evidence?.items.find((i) => i.item === 'c');
    assert.ok(c3?.files.some((f) => f.file.endsWith('/perbandingan.html')), JSON.stringify(c3?.files));
    assert.deepEqual({ opens: onceEach(c.opens, sops, repo.root), parses: onceEach(c.parses, sops, repo.root) }, { opens: allOnes(), parses: allOnes() });
  });

  it('sop lint with history on: each SOP is opened once and parsed once, the changed ones too', async () => {
    let result: Awaited<ReturnType<typeof lint>> | undefined;
    const c = await counted(async () => {
      result = await lint({ cwd: repo.root, history: true, now });
    }, sops);
    assert.equal(result!.results.length >= sops.size, true);
    assert.deepEqual({ opens: onceEach(c.opens, sops, repo.root), parses: onceEach(c.parses, sops, repo.root) }, { opens: allOnes(), parses: allOnes() });
  });
});
