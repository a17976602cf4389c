// Size and build time of the catalogue's search index for 1,000 SOPs (target: under 1 MB), two corpora.
// Usage: npx tsx bench/search-index.bench.ts [N]
//  - "lint corpus": N files from bench/lint-gen.mjs (every identity key, 6-15 rows, a Markdown body; ~3.9 KB each);
//  - "examples + unique words": the 12 example SOPs repeated to N, each copy given its own number, name
//    and 80 words found in no other SOP (people's names, places, form codes): a vocabulary much larger
//    than one agency's SOPs have, so the index is measured above what real repositories need.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { buildSearchIndex, collectText, searchIndexJson } from '../src/search/search-index.js';

const n = Number(process.argv[2] ?? 1000);
const root = path.resolve(import.meta.dirname, '..');

function mdFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return mdFiles(p);
    return name.endsWith('.md') ? [p] : [];
  });
}

function sopTexts(file: string): string[] | undefined {
  const text = readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return undefined;
  try {
    return [...collectText(parse(m[1])), m[2]];
  } catch {
    return undefined;
  }
}

function measure(name: string, texts: string[][]): void {
  const t0 = performance.now();
  const json = searchIndexJson(buildSearchIndex(texts));
  const ms = performance.now() - t0;
  const bytes = Buffer.byteLength(json);
  const source = texts.reduce((s, t) => s + t.join(' ').length, 0);
  console.log(
    `| ${name} | ${texts.length} | ${(source / 1024).toFixed(0)} KiB | ${(bytes / 1024).toFixed(0)} KiB | ${(gzipSync(json).length / 1024).toFixed(0)} KiB | ${ms.toFixed(0)} ms |`,
  );
}

const tmp = mkdtempSync(path.join(tmpdir(), 'sop-search-bench-'));
try {
  execFileSync(process.execPath, [path.join(root, 'bench/lint-gen.mjs'), String(n), tmp], { stdio: 'ignore' });
  const lint = mdFiles(tmp).map(sopTexts).filter((t): t is string[] => t !== undefined);
  const examples = mdFiles(path.join(root, 'examples')).map(sopTexts).filter((t): t is string[] => t !== undefined && t.length > 5);
  let word = 0;
  const unique = (): string => `kata${(word++ * 7919).toString(36)}x`;
  const grown = Array.from({ length: n }, (_, i) => [
    ...examples[i % examples.length],
    `800/${i}/SOP/${unique()}`,
    Array.from({ length: 80 }, unique).join(' '),
  ]);
  console.log('| corpus | SOPs | text | index (JSON) | gzip | build |');
  console.log('|---|---|---|---|---|---|');
  measure('lint corpus', lint);
  measure('examples + unique words', grown);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
