// `sop diff --format markdown`: a pull-request comment, one section per SOP with a bulleted change list.
import type { TreeDiff } from '../types.js';
import { sections } from './sections.js';
import type { DiffFormatContext } from './stylish.js';
import { revisionText, sopTitle, summaryText, words } from './words.js';

/** Backticks that survive any value: a run longer than any inside it. */
function code(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return s === '' ? '` `' : `${fence}${/^`|`$/.test(s) ? ` ${s} ` : s}${fence}`;
}

/** Text that Markdown would otherwise read as markup or HTML. */
function escape(s: string): string {
  return s.replace(/[\\*_[\]<>|#]/g, (m) => `\\${m}`);
}

export function formatMarkdown(d: TreeDiff, ctx: DiffFormatContext): string {
  const w = words(ctx.lang);
  const out: string[] = [`## ${w.title}`, '', `${escape(revisionText(d.from, ctx.lang))} → ${escape(revisionText(d.to, ctx.lang))}`, '', `**${summaryText(d, ctx.lang)}**`, ''];
  for (const e of d.entries) {
    const s = e.new ?? e.old!;
    out.push(`### ${escape(sopTitle(e) || s.path)} (${w[e.kind]})`, '', `${code(s.path)}${e.kind === 'renamed' ? ` — ${w.movedFrom} ${code(e.old!.path)}` : ''}`, '');
    for (const sec of e.changes ? sections(e.changes, ctx.lang, code, escape) : []) {
      out.push(`**${sec.title}**`, '');
      for (const l of sec.lines) {
        out.push(`- ${l.sign === '+' ? '➕' : l.sign === '-' ? '➖' : '✏️'} ${l.text}`);
        for (const det of l.details ?? []) out.push(`  - ${det}`);
      }
      out.push('');
    }
  }
  if (d.entries.length === 0) out.push(w.noChanges, '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
