// A small RuleTester (after eslint's): runs the real engine on in-memory SOP texts and checks one rule's diagnostics.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintTexts } from '../../src/api/lint.js';
import type { LoadedConfig, RuleSetting, SopConfig } from '../../src/config/config-types.js';
import type { Diagnostic } from '../../src/core/types.js';
import { configurableRuleIds, rules } from '../../src/lint/rules/index.js';
import type { HistoryFacts } from '../../src/lint/types.js';

/** A case: one SOP text, or several (cross-file rules); the first file is the one errors refer to unless `file` says otherwise. */
export interface Case {
  name?: string;
  code: string | { file: string; text: string }[];
  options?: Record<string, unknown>;
  config?: SopConfig | LoadedConfig | string;
  lang?: 'id' | 'en';
  now?: Date;
  /** Git history facts by file name, for rules that read history (revisi-outdated). */
  history?: Record<string, HistoryFacts>;
}

export interface ExpectedError {
  messageId?: string;
  /** Exact text, or a RegExp. */
  message?: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** File the diagnostic points into (default: the SOP itself). */
  file?: string;
  /** File whose result holds the diagnostic (cross-file cases). */
  in?: string;
  severity?: 'error' | 'warning';
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
}

/** Fixed "today" so NIP and date checks do not drift with the calendar. */
export const NOW = new Date('2026-06-01T00:00:00Z');

function files(code: Case['code']): { file: string; text: string }[] {
  return typeof code === 'string' ? [{ file: 'sop.md', text: code }] : code;
}

/** Matches a message against a messageId's template in the case's language (placeholders match anything). */
function templateRegex(ruleId: string, messageId: string, lang: 'id' | 'en'): RegExp {
  const m = rules[ruleId].meta.messages[messageId];
  assert.ok(m, `rule ${ruleId} has no messageId ${messageId}`);
  const parts = m[lang].split(/\{\{\s*[\w-]+\s*\}\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

/** Runs `ruleId` alone (every other rule off) and returns its diagnostics, per file in path order. */
export async function runRule(ruleId: string, c: Case): Promise<(Diagnostic & { in: string })[]> {
  const settings: Record<string, RuleSetting> = {};
  for (const id of configurableRuleIds) settings[id] = 'off';
  if (configurableRuleIds.includes(ruleId)) {
    // the rule's own default level, so severities are tested too; rules that are off by default run as errors
    const level = rules[ruleId].meta.defaultLevel === 'off' ? 'error' : rules[ruleId].meta.defaultLevel;
    settings[ruleId] = c.options ? [level, c.options] : level;
  }
  const results = await lintTexts(files(c.code), { config: c.config, lang: c.lang, rules: settings, now: c.now ?? NOW, cwd: '/virtual', history: c.history });
  return results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => ({ ...d, in: r.filePath })));
}

export function ruleTester(ruleId: string, tests: { valid: (string | Case)[]; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => assert.ok(rules[ruleId], `no rule ${ruleId} in the registry`));
    tests.valid.forEach((v, i) => {
      const c: Case = typeof v === 'string' ? { code: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const ds = await runRule(ruleId, c);
        assert.deepEqual(ds.map((d) => `${d.line}:${d.column} ${d.message}`), [], 'expected no diagnostics');
      });
    });
    tests.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const ds = await runRule(ruleId, c);
        assert.equal(ds.length, c.errors.length, `expected ${c.errors.length} diagnostics, got:\n${ds.map((d) => `${d.in} → ${d.file}:${d.line}:${d.column} ${d.message}`).join('\n')}`);
        const first = files(c.code)[0].file;
        c.errors.forEach((e, j) => {
          const d = ds[j];
          assert.equal(d.ruleId, ruleId);
          const where = `diagnostic #${j + 1} (${d.message})`;
          assert.equal(d.line, e.line, `${where}: line`);
          assert.equal(d.column, e.column, `${where}: column`);
          if (e.endLine !== undefined) assert.equal(d.endLine, e.endLine, `${where}: endLine`);
          if (e.endColumn !== undefined) assert.equal(d.endColumn, e.endColumn, `${where}: endColumn`);
          assert.equal(d.file, e.file ?? e.in ?? first, `${where}: file`);
          if (e.in) assert.equal(d.in, e.in, `${where}: result file`);
          if (e.severity) assert.equal(d.severity, e.severity);
          if (e.messageId) assert.match(d.message, templateRegex(ruleId, e.messageId, c.lang ?? 'id'), `${where}: messageId ${e.messageId}`);
          if (typeof e.message === 'string') assert.equal(d.message, e.message);
          else if (e.message) assert.match(d.message, e.message);
          assert.equal(d.url, `https://github.com/sop-ap/sop/blob/main/docs/rules/${ruleId}.md`);
        });
      });
    });
  });
}
