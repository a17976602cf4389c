// Every rule has its docs page (docs/rules/<id>.md) and test file, and each page's examples do what they say.
//
// Convention for the examples of a page (sections "## Contoh yang salah" / "## Contoh yang benar"):
// - a ```yaml block holds only the keys that matter; it is merged (top-level keys replaced) into the
//   valid base SOP of test/lint/sop-text.ts. Several ```yaml blocks in one section are several SOP
//   files linted together (cross-file rules); a file that sets no `nomor`/`nama` gets a unique one;
// - a ```yaml sop.config.yaml block is the config for that section;
// - a ```markdown block is a whole file, verbatim (loader rules: yaml-syntax, frontmatter-missing);
// - a ```text block is prose about bytes or commands, not run (file-encoding, file-read, which their
//   own tests cover);
// - lifecycle rules (inventory, monitoring, evaluation records) name each block's file: ```yaml
//   <unit>/<file>.md is an SOP fragment merged into the base, ```yaml <path>.yaml a record file
//   verbatim; the section is written to a temporary repository and linted there.
// The invalid section must make the engine report the page's rule; the valid one must not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { rmSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { lint, lintTexts } from '../../src/api/lint.js';
import type { RuleSetting } from '../../src/config/config-types.js';
import { configurableRuleIds, ruleIds, rules } from '../../src/lint/rules/index.js';
import { NOW } from './rule-tester.js';
import { FLOW, IDENTITY } from './sop-text.js';

const root = path.resolve(import.meta.dirname, '../..');
const docsDir = path.join(root, 'docs/rules');
// revisi-outdated needs git history: test/lint/rules/revisi-outdated.test.ts builds a real repository
const NOT_RUN = new Set(['file-encoding', 'file-read', 'revisi-outdated', 'path-outside']);
const base = parse(IDENTITY + FLOW) as Record<string, unknown>;

interface Block {
  lang: string;
  info: string;
  body: string;
}

function sections(md: string): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  const parts = md.split(/^## /m).slice(1);
  for (const part of parts) {
    const title = part.slice(0, part.indexOf('\n')).trim();
    const blocks = [...part.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], info: m[2].trim(), body: m[3] }));
    out.set(title, blocks);
  }
  return out;
}

function filesOf(blocks: Block[]): { files: { file: string; text: string }[]; config?: string } {
  const config = blocks.find((b) => b.lang === 'yaml' && b.info === 'sop.config.yaml')?.body;
  const files = blocks
    .filter((b) => (b.lang === 'yaml' && b.info === '') || b.lang === 'markdown')
    .map((b, i) => {
      if (b.lang === 'markdown') return { file: `contoh-${i + 1}.md`, text: b.body };
      const fragment = parse(b.body) as Record<string, unknown>;
      const data: Record<string, unknown> = { ...base, ...fragment };
      if (i > 0 && !('nomor' in fragment)) data.nomor = `800/${900 + i}/SOP/BKD/2025`;
      if (i > 0 && !('nama' in fragment)) data.nama = `${String(base.nama)} ${i + 1}`;
      return { file: `contoh-${i + 1}.md`, text: `---\n${stringify(data)}---\n` };
    });
  return { files, config };
}

/** A lifecycle rule's section as a temporary repository, linted as a whole. */
async function reportedInRepository(ruleId: string, blocks: Block[]): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'sop-docs-'));
  try {
    writeFileSync(path.join(root, 'sop.config.yaml'), blocks.find((b) => b.info === 'sop.config.yaml')?.body ?? 'lang: id\n');
    for (const b of blocks.filter((x) => x.lang === 'yaml' && x.info !== '' && x.info !== 'sop.config.yaml')) {
      const abs = path.join(root, b.info);
      mkdirSync(path.dirname(abs), { recursive: true });
      const text = b.info.endsWith('.md') ? `---\n${stringify({ ...base, ...(parse(b.body) as Record<string, unknown>) })}---\n` : b.body;
      writeFileSync(abs, text);
    }
    const r = await lint({ cwd: root, now: NOW, workers: 0 });
    return r.results.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function reported(ruleId: string, blocks: Block[]): Promise<string[]> {
  if (rules[ruleId].meta.scope === 'lifecycle') return reportedInRepository(ruleId, blocks);
  const { files, config } = filesOf(blocks);
  assert.ok(files.length > 0, 'no runnable example block');
  // the page's rule runs even when it is off by default; the others keep their defaults
  const ruleSettings: Record<string, RuleSetting> = {};
  if (configurableRuleIds.includes(ruleId) && rules[ruleId].meta.defaultLevel === 'off') ruleSettings[ruleId] = 'error';
  const results = await lintTexts(files, { config, rules: ruleSettings, now: NOW, cwd: '/virtual' });
  return results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${r.filePath}:${d.line}:${d.column} ${d.message}`));
}

describe('rule docs and tests', () => {
  it('every docs page belongs to a registered rule', () => {
    const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    assert.deepEqual(pages.filter((p) => !ruleIds.includes(p)), []);
  });

  for (const id of ruleIds) {
    describe(id, () => {
      const page = path.join(docsDir, `${id}.md`);
      it('has a docs page titled with its id, its default level and both kinds of example', () => {
        assert.ok(existsSync(page), `missing docs/rules/${id}.md`);
        const md = readFileSync(page, 'utf8');
        assert.equal(md.split('\n')[0], `# ${id}`);
        const s = sections(md);
        for (const title of ['Mengapa', 'Opsi', 'Tingkat bawaan', 'Contoh yang salah', 'Contoh yang benar']) assert.ok(s.has(title), `section "${title}" missing`);
        const level = md.split(/^## Tingkat bawaan$/m)[1].trim().split('\n')[0];
        assert.match(level, new RegExp(`^\`${rules[id].meta.defaultLevel}\``));
        const opts = rules[id].meta.defaultOptions;
        for (const key of Object.keys(opts ?? {})) assert.match(md.split(/^## Opsi$/m)[1], new RegExp(`\`${key}\``), `option ${key} not documented`);
      });

      it('has a test file', () => {
        assert.ok(existsSync(path.join(root, `test/lint/rules/${id}.test.ts`)), `missing test/lint/rules/${id}.test.ts`);
      });

      if (NOT_RUN.has(id)) return;
      it('its invalid example is reported and its valid example is not', async () => {
        const s = sections(readFileSync(page, 'utf8'));
        const bad = await reported(id, s.get('Contoh yang salah')!);
        assert.ok(bad.length > 0, 'the invalid example is not reported');
        const good = await reported(id, s.get('Contoh yang benar')!);
        assert.deepEqual(good, [], 'the valid example is reported');
      });
    });
  }
});
