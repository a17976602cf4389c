// Puts the actors given with --pelaksana in place of a template's actors and spreads its rows over them.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { actorId, say, yamlString, type Lang } from './text.js';

/**
 * What is wrong with a list of actor titles for a template of this `jenis` (and `rows` rows, when
 * known): a title given twice (case aside), several for a teknis SOP, more than there are rows.
 * The one check of `--pelaksana` and of the answer `sop new` asks for, so a wrong answer is refused
 * as it is typed and asked again.
 */
export function actorListProblem(given: string[], jenis: string, rows: number | undefined, lang: Lang): string | undefined {
  const dup = given.find((p, i) => given.findIndex((q) => q.toLowerCase() === p.toLowerCase()) !== i);
  if (dup) return say(lang, `pelaksana "${dup}" disebut dua kali`, `actor "${dup}" is given twice`);
  if (jenis === 'teknis' && given.length > 1) {
    return say(
      lang,
      `SOP teknis hanya mempunyai satu pelaksana, tetapi ${given.length} diberikan; untuk beberapa pelaksana pakai --template administratif`,
      `a teknis SOP has a single actor, but ${given.length} were given; for several actors use --template administratif`,
    );
  }
  if (rows !== undefined && given.length > rows) return say(lang, `paling banyak ${rows} pelaksana untuk templat ini`, `at most ${rows} actors for this template`);
  return undefined;
}

/**
 * For each template row (given as the index of its template actor), the index of the given actor
 * that takes it, such that every one of the `n` given actors gets at least one row and column order
 * follows the template. Returns undefined when that is impossible (more actors than rows).
 *
 * - n = T: actor i of the template becomes given actor i.
 * - n < T: the first template actor (who usually starts the procedure: the applicant) stays first;
 *   the other template actors are merged, in order, into the remaining given actors.
 * - n > T: each template actor is split over a run of given actors (more rows, more actors), and
 *   its rows are shared out in order among them.
 */
export function assignRows(templateActors: number, rowActors: number[], n: number): number[] | undefined {
  const T = templateActors;
  if (n < 1 || T < 1) return undefined;
  if (n > rowActors.length) return undefined;
  if (n === T) return [...rowActors];
  if (n < T) {
    const map = (a: number) => (a === 0 || n === 1 ? 0 : 1 + Math.floor(((a - 1) * (n - 1)) / (T - 1)));
    const result = rowActors.map(map);
    return new Set(result).size === n ? result : undefined;
  }
  const rowsOf: number[][] = Array.from({ length: T }, () => []);
  rowActors.forEach((a, r) => rowsOf[a]?.push(r));
  if (rowsOf.some((rows) => rows.length === 0)) {
    // a template actor without rows cannot be split: fall back to spreading rows in order
    return rowActors.map((_a, r) => Math.floor((r * n) / rowActors.length));
  }
  // how many given actors each template actor becomes: one each, the rest to whoever has most rows per actor
  const size = rowsOf.map(() => 1);
  for (let extra = n - T; extra > 0; extra--) {
    let best = -1;
    for (let a = 0; a < T; a++) {
      if (size[a] >= rowsOf[a].length) continue;
      if (best === -1 || rowsOf[a].length / size[a] > rowsOf[best].length / size[best]) best = a;
    }
    if (best === -1) return undefined;
    size[best]++;
  }
  const first: number[] = [];
  size.reduce((acc, s, a) => ((first[a] = acc), acc + s), 0);
  const result = new Array<number>(rowActors.length);
  rowsOf.forEach((rows, a) => rows.forEach((r, k) => (result[r] = first[a] + Math.floor((k * size[a]) / rows.length))));
  return result;
}

export interface ActorSwap {
  /** The frontmatter YAML with the new `pelaksana` mapping and row actors. */
  yaml: string;
  /** id -> title of the new columns. */
  actors: Array<[string, string]>;
}

export type SwapProblem = { kind: 'no-pelaksana' } | { kind: 'too-many'; rows: number };

/**
 * Rewrites the frontmatter YAML text in place (only the `pelaksana` mapping and each row's
 * `pelaksana` value change; comments and layout elsewhere stay as written).
 */
export function swapActors(yamlText: string, titles: string[]): ActorSwap | SwapProblem {
  const doc = parseDocument(yamlText, { version: '1.2' });
  const map = doc.get('pelaksana', true) as Node | undefined;
  const rows = doc.get('prosedur', true) as Node | undefined;
  if (!isMap(map) || !map.range || map.items.length === 0 || !isSeq(rows)) return { kind: 'no-pelaksana' };
  const templateIds = map.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key));
  const rowNodes = rows.items.map((r) => (isMap(r) ? r.get('pelaksana', true) : undefined));
  const rowActors = rowNodes.map((node) => (isScalar(node) ? templateIds.indexOf(String(node.value)) : -1));
  // rows naming an unknown actor keep their text; they are spread as if they belonged to the first
  const assignment = assignRows(templateIds.length, rowActors.map((a) => Math.max(a, 0)), titles.length);
  if (!assignment) return { kind: 'too-many', rows: rowNodes.length };

  const taken = new Set<string>();
  const actors: Array<[string, string]> = titles.map((t, i) => [actorId(t, taken, i), t]);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  rowNodes.forEach((node, r) => {
    if (isScalar(node) && node.range && rowActors[r] !== -1) edits.push({ start: node.range[0], end: node.range[1], text: yamlString(actors[assignment[r]][0]) });
  });
  const [start, end] = map.range;
  const lineStart = yamlText.lastIndexOf('\n', start - 1) + 1;
  const indent = ' '.repeat(start - lineStart);
  const block = actors.map(([id, title], i) => `${i === 0 ? '' : indent}${yamlString(id)}: ${yamlString(title)}`).join('\n');
  edits.push({ start, end, text: block + (yamlText.slice(start, end).endsWith('\n') ? '\n' : '') });
  let out = yamlText;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { yaml: out, actors };
}
