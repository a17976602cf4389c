// Shared body of duplicate-nomor and duplicate-nama: group one fact across files and report every repeat.
import type { Fact, FileFacts, ProjectContext } from '../types.js';
import { normalizeName } from './data.js';

export function reportDuplicates(ctx: ProjectContext<unknown>, pick: (f: FileFacts) => Fact | undefined, skip: (value: string) => boolean): void {
  const first = new Map<string, { file: string; fact: Fact }>();
  for (const f of ctx.files) {
    const fact = pick(f);
    if (!fact || skip(fact.value)) continue;
    const key = normalizeName(fact.value);
    const prev = first.get(key);
    if (!prev) {
      first.set(key, { file: f.file, fact });
      continue;
    }
    ctx.report({
      file: f.file,
      at: fact.at,
      messageId: 'duplicate',
      data: { value: fact.value, other: prev.file },
      related: [{ file: prev.file, at: prev.fact.at, messageId: 'firstHere', data: { value: prev.fact.value } }],
    });
  }
}
