// Shared test helpers for sop new / sop init: temp repositories, scripted prompts, SOP file reading and checks.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/yaml/frontmatter.js';
import { buildFlowModel } from '../../src/model/flow.js';
import { getSopValidator } from '../../src/schema/validators.js';
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from '../../src/scaffold/prompt.js';

/** A fresh temp folder (realpath, so paths compare equal on macOS too) and its cleanup. */
export function tempDir(prefix = 'sop-scaffold-'): { dir: string; cleanup: () => void } {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Answer = string | boolean;

/**
 * A Prompter that answers by question name. A question without an answer takes its default, or
 * fails the test. Each answer goes through the question's validate first, like a real prompt, and
 * an invalid answer fails the test with the validation message.
 */
export function scriptedPrompter(answers: Record<string, Answer>): Prompter & { asked: string[]; messages: string[] } {
  const asked: string[] = [];
  const messages: string[] = [];
  const pick = (name: string, def: unknown): unknown => {
    asked.push(name);
    if (name in answers) return answers[name];
    if (def !== undefined) return def;
    throw new Error(`scripted prompter: no answer for question "${name}"`);
  };
  return {
    asked,
    messages,
    async input(q: InputQuestion) {
      messages.push(q.message);
      const v = String(pick(q.name, q.default));
      if (q.validate) {
        const ok = await q.validate(v);
        if (ok !== true) throw new Error(`scripted prompter: answer "${v}" to "${q.name}" rejected: ${ok}`);
      }
      return v;
    },
    async select<T extends string>(q: SelectQuestion<T>) {
      messages.push(q.message);
      const v = pick(q.name, q.default) as T;
      assert.ok(q.choices.some((c) => c.value === v), `"${v}" is not a choice of "${q.name}"`);
      return v;
    },
    async confirm(q: ConfirmQuestion) {
      messages.push(q.message);
      return Boolean(pick(q.name, q.default));
    },
  };
}

export interface SopFile {
  text: string;
  /** Lines of the frontmatter, without the fences. */
  yamlLines: string[];
  data: Record<string, any>;
  body: string;
}

/** Reads an SOP file and parses its frontmatter (YAML 1.2, unique keys), failing the test if it cannot. */
export function readSop(file: string): SopFile {
  return parseSopText(readFileSync(file, 'utf8'));
}

export function parseSopText(text: string): SopFile {
  const split = splitFrontmatter(text);
  assert.equal(split.kind, 'ok', 'file must start with a closed frontmatter block');
  if (split.kind !== 'ok') throw new Error('unreachable');
  const yamlText = text.slice(split.yamlStart, split.yamlEnd);
  const data = parse(yamlText, { version: '1.2', uniqueKeys: true }) as Record<string, any>;
  return { text, yamlLines: yamlText.split('\n'), data, body: text.slice(split.bodyStart) };
}

/**
 * Checks what does not need `sop lint`: the frontmatter merged with config defaults follows
 * sop.schema.json, every row is reachable from row 1 and reaches the end, and every actor has a row.
 */
export function assertValidSop(data: Record<string, any>, defaults: Record<string, unknown> = {}): void {
  const merged = { ...defaults, ...data };
  const validate = getSopValidator();
  assert.ok(validate(merged), JSON.stringify(validate.errors, null, 2));
  const model = buildFlowModel(merged);
  const n = model.rows.length;
  const succ: number[][] = model.rows.map(() => []);
  const ends = new Set<number>();
  for (const e of model.edges) {
    if (e.to === 'end') ends.add(e.from);
    else succ[e.from].push(e.to);
  }
  for (const r of model.rows) if (r.next?.kind === 'end') ends.add(r.index);
  const reach = (from: number): Set<number> => {
    const seen = new Set<number>([from]);
    const stack = [from];
    while (stack.length) for (const m of succ[stack.pop()!]) if (!seen.has(m)) seen.add(m), stack.push(m);
    return seen;
  };
  assert.equal(reach(0).size, n, 'every row is reachable from row 1');
  for (let i = 0; i < n; i++) assert.ok([...reach(i)].some((j) => ends.has(j)), `row ${i + 1} can reach the end`);
  for (const r of model.rows) assert.ok(r.duration, `row ${r.number} has a parsable waktu "${r.waktu}"`);
  const actors = Object.keys(merged.pelaksana);
  const used = new Set(merged.prosedur.map((r: any) => r.pelaksana));
  for (const a of actors) assert.ok(used.has(a), `actor ${a} has a row`);
  for (const r of merged.prosedur) assert.ok(actors.includes(r.pelaksana), `row actor ${r.pelaksana} is declared`);
}

/** `YYYY-MM-DD` of a local date. */
export function ymd(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
