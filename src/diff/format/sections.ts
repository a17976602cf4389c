// Turns one SOP's changes into titled sections of plain lines; stylish text and Markdown only add their own markup.
import { STATUS_KEYS } from '../sop-diff.js';
import type { RowRef, SopChanges, ValueChange } from '../types.js';
import { partName, showValue, words, type Lang } from './words.js';

export interface Section {
  title: string;
  lines: { sign: '+' | '-' | '~'; text: string; details?: string[] }[];
}

/** `quote` marks values (Markdown wraps them in backticks; plain text leaves them). */
export function sections(c: SopChanges, lang: Lang, quote: (s: string) => string = (s) => s, plain: (s: string) => string = (s) => s): Section[] {
  const w = words(lang);
  const v = (x: unknown) => quote(showValue(x, lang));
  const row = (r: RowRef) => plain(`${r.number}. ${r.kegiatan}`);
  const out: Section[] = [];
  const isStatusKey = (k: string) => (STATUS_KEYS as readonly string[]).includes(k.split('.')[0]);
  const fieldLine = (f: ValueChange) => ({ sign: f.old === undefined ? '+' as const : f.new === undefined ? '-' as const : '~' as const, text: `${quote(f.key)}: ${v(f.old)} → ${v(f.new)}` });
  const identity = c.identity.filter((f) => !isStatusKey(f.key));
  if (identity.length) out.push({ title: partName('identitas', lang), lines: identity.map(fieldLine) });
  const statusFields = c.identity.filter((f) => isStatusKey(f.key));
  if (c.status || statusFields.length) {
    out.push({ title: partName('status', lang), lines: [...(c.status ? [{ sign: '~' as const, text: `${quote(c.status.old)} → ${quote(c.status.new)}` }] : []), ...statusFields.map(fieldLine)] });
  }
  if (c.actors.length) {
    out.push({
      title: partName('pelaksana', lang),
      lines: c.actors.map((a) => {
        if (a.kind === 'added') return { sign: '+' as const, text: `${w.actorAdded} ${a.column}: ${plain(a.title)} (${quote(a.id)})` };
        if (a.kind === 'removed') return { sign: '-' as const, text: `${w.actorRemoved} ${a.column}: ${plain(a.title)} (${quote(a.id)})` };
        if (a.kind === 'moved') return { sign: '~' as const, text: `${w.actorMoved}: ${plain(a.title)} ${w.column} ${a.oldColumn} → ${a.column}` };
        const ids = a.oldId !== a.id ? ` (${quote(a.oldId!)} → ${quote(a.id)})` : '';
        return { sign: '~' as const, text: `${w.actorRenamed} ${a.column}: ${plain(a.oldTitle!)} → ${plain(a.title)}${ids}` };
      }),
    });
  }
  if (c.rows.length) {
    out.push({
      title: partName('prosedur', lang),
      lines: c.rows.map((r) => {
        if (r.kind === 'added') return { sign: '+' as const, text: row(r.new!) };
        if (r.kind === 'removed') return { sign: '-' as const, text: row(r.old!) };
        const moved = r.moved ? ` (${w.rowMoved} ${w.row} ${r.old!.number})` : '';
        return { sign: '~' as const, text: `${row(r.new!)}${moved}`, details: r.fields.map((f) => `${quote(f.key)}: ${v(f.old)} → ${v(f.new)}`) };
      }),
    });
  }
  if (c.mutuBaku.length) {
    out.push({ title: partName('mutu_baku', lang), lines: c.mutuBaku.map((m) => ({ sign: '~' as const, text: `${row(m.row)} — ${quote(m.field)}: ${v(m.old)} → ${v(m.new)}` })) });
  }
  if (c.flow.length) {
    out.push({ title: partName('alur', lang), lines: c.flow.map((f) => ({ sign: '~' as const, text: `${row(f.row)} — ${w.branch} ${quote(f.branch)}: ${plain(f.old)} → ${plain(f.new)}` })) });
  }
  if (c.body) out.push({ title: partName('catatan', lang), lines: [{ sign: '~', text: w.bodyChanged }] });
  return out;
}
