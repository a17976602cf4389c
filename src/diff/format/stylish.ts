// `sop diff` as terminal text: one block per SOP, signs + - ~ per change, a summary line.
import type { TreeDiff } from '../types.js';
import { sections } from './sections.js';
import { revisionText, sopTitle, summaryText, words, type Lang } from './words.js';

export interface DiffFormatContext {
  lang: Lang;
  color?: boolean;
}

const paint = (on: boolean | undefined, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function formatStylish(d: TreeDiff, ctx: DiffFormatContext): string {
  const w = words(ctx.lang);
  const c = ctx.color;
  const out: string[] = [`${w.title}: ${revisionText(d.from, ctx.lang)} → ${revisionText(d.to, ctx.lang)}`, ''];
  for (const e of d.entries) {
    const s = e.new ?? e.old!;
    const kind = paint(c, e.kind === 'added' ? '32' : e.kind === 'removed' ? '31' : '33', `[${w[e.kind]}]`);
    out.push(`${paint(c, '4', s.path)}  ${kind}  ${sopTitle(e)}`);
    if (e.kind === 'renamed') out.push(`  ${w.movedFrom} ${e.old!.path}`);
    for (const sec of e.changes ? sections(e.changes, ctx.lang) : []) {
      out.push(`  ${paint(c, '1', sec.title)}`);
      for (const l of sec.lines) {
        const sign = paint(c, l.sign === '+' ? '32' : l.sign === '-' ? '31' : '33', l.sign);
        out.push(`    ${sign} ${l.text}`);
        for (const det of l.details ?? []) out.push(`        ${det}`);
      }
    }
    out.push('');
  }
  if (d.entries.length === 0) out.push(w.noChanges, '');
  out.push(summaryText(d, ctx.lang));
  return `${out.join('\n')}\n`;
}
