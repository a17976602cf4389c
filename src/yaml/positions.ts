// The one place that turns offsets and YAML paths into 1-based line/column ranges (see style anchors §3.4).
import type { Document, Node, Pair } from 'yaml';
import { yamlLibrary } from './library.js';
import type { Location, Range } from '../core/types.js';

/**
 * Maps UTF-16 offsets of one text to 1-based line and column. The line starts are found on the
 * first question (lint asks none of a clean file), with indexOf rather than a loop per character.
 */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(readonly text: string) {}
  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return (this.starts = starts);
  }
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1 };
  }
  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
  /** Offset where 1-based `line` starts. */
  lineStart(line: number): number {
    const starts = this.lineStarts();
    return starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
  }
}

/** 1-based line of `offset` in `text`, without building a LineIndex (counts the line breaks before it). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A YAML document inside a file: an SOP frontmatter or a config file. */
export interface YamlSource {
  /** Path as reported (POSIX, relative to cwd where possible). */
  file: string;
  doc: Document;
  /** Offset of the YAML text inside the file text. */
  offset: number;
  lines: LineIndex;
  /** Range reported for problems of the whole mapping (e.g. a missing top-level key). */
  wholeRange: Range;
}

export type YamlPath = ReadonlyArray<string | number>;

export interface LocateOptions {
  /** Point at the key of the last path segment instead of its value. */
  key?: boolean;
}

function findPair(map: unknown, seg: string | number): Pair | undefined {
  const { isMap, isScalar } = yamlLibrary();
  if (!isMap(map)) return undefined;
  return map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
}

function nodeRange(src: YamlSource, node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return src.lines.range(src.offset + r[0], src.offset + r[1]);
}

/**
 * Locates `path` in a YAML source. Walks as deep as the path exists: a missing key is reported
 * at its parent mapping's key (or the whole frontmatter for a top-level key).
 */
export function locateInYaml(src: YamlSource, path: YamlPath, opts: LocateOptions = {}): Location {
  // a Document exists, so `yaml` is loaded: this only looks its type guards up
  const { isSeq, isPair } = yamlLibrary();
  let node: unknown = src.doc.contents;
  let best: Range = nodeRange(src, node as Node) ?? src.wholeRange;
  let parentKey: Range = src.wholeRange;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return { file: src.file, ...parentKey };
      node = item;
      best = nodeRange(src, item as Node) ?? best;
      continue;
    }
    const pair = findPair(node, seg);
    if (!pair || !isPair(pair)) return { file: src.file, ...parentKey };
    const keyRange = nodeRange(src, pair.key as Node) ?? best;
    const valueRange = nodeRange(src, pair.value as Node);
    if (last && opts.key) return { file: src.file, ...keyRange };
    // an empty value (`key:`) has no range of its own: the key stands for it
    const v = pair.value as Node | null;
    const empty = !v?.range || v.range[0] === v.range[1];
    best = valueRange && !empty ? valueRange : keyRange;
    parentKey = keyRange;
    node = pair.value;
  }
  return { file: src.file, ...best };
}
