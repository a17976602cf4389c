// output-chain: a row's `output` is not mentioned in the `kelengkapan` of the row that follows (mutu baku chain, fuzzy).
import { defineRule } from '../types.js';
import { rowsOf, textList } from '../util/data.js';

/** Words that carry no meaning for the match. */
const STOP = new Set([
  'dan', 'atau', 'yang', 'di', 'ke', 'dari', 'untuk', 'dengan', 'pada', 'oleh', 'dalam', 'serta', 'sudah', 'telah', 'akan', 'the', 'and', 'of', 'for', 'to',
]);

export function contentWords(text: string): string[] {
  return text
    .toLowerCase() // the Indonesian locale's lower case, for less (names.ts)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

/** `terverifikasi` matches `verifikasi`: one word containing the other (at least 4 letters shared) is a match. */
function wordMatches(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.includes(short);
}

/** True when at least half of an output's content words appear in the next row's kelengkapan. */
export function mentioned(output: string, kelengkapan: string[]): boolean {
  const words = contentWords(output);
  if (words.length === 0) return true;
  const pool = kelengkapan.flatMap(contentWords);
  const found = words.filter((w) => pool.some((p) => wordMatches(w, p))).length;
  return found * 2 >= words.length;
}

export default defineRule({
  id: 'output-chain',
  meta: {
    description: { id: '`output` sebuah kegiatan disebut dalam `kelengkapan` kegiatan berikutnya', en: 'A row’s `output` is mentioned in the next row’s `kelengkapan`' },
    defaultLevel: 'off',
    docsUrl: 'docs/rules/output-chain.md',
    scope: 'file',
    messages: {
      notChained: {
        id: 'output kegiatan {{n}} (`{{output}}`) tidak disebut dalam `kelengkapan` kegiatan {{next}}; output satu kegiatan biasanya menjadi kelengkapan kegiatan berikutnya',
        en: 'the output of row {{n}} (`{{output}}`) is not mentioned in the `kelengkapan` of row {{next}}; one row’s output is usually the next row’s input',
      },
      kelengkapanHere: { id: '`kelengkapan` kegiatan {{next}}', en: '`kelengkapan` of row {{next}}' },
    },
  },
  check(ctx) {
    const model = ctx.flow();
    const raw = new Map(rowsOf(ctx.data).map(({ index, row }) => [index, row]));
    for (const row of model.rows) {
      const src = raw.get(row.index);
      // the row the flow goes to on the main path: `ke` / the row below, or the `ya` branch of a decision
      const t = row.decision ? row.decision.yes : row.next;
      if (!src || !t || t.kind !== 'row') continue;
      const next = raw.get(t.index);
      if (!next) continue;
      const outputs = textList(src.output).filter((o) => o.trim() !== '-');
      const kelengkapan = textList(next.kelengkapan);
      if (outputs.length === 0 || kelengkapan.length === 0) continue;
      if (outputs.some((o) => mentioned(o, kelengkapan))) continue;
      ctx.report({
        messageId: 'notChained',
        data: { n: row.index + 1, next: t.index + 1, output: outputs.join('; ') },
        at: ['prosedur', row.index, 'output'],
        related: [{ messageId: 'kelengkapanHere', data: { next: t.index + 1 }, at: ['prosedur', t.index, 'kelengkapan'] }],
      });
    }
  },
});
