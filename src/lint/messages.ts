// Fills rule message templates (`{{name}}`) in the run's language; the only place message text is assembled.
import type { Lang, Localized, MessageData, RuleModule } from './types.js';

function isLocalized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && 'id' in v && 'en' in v;
}

/** Picks the language of a Localized value; plain values pass through as text. */
export function pick(v: string | number | Localized, lang: Lang): string {
  return isLocalized(v) ? v[lang] : String(v);
}

export function fillTemplate(template: string, data: MessageData | undefined, lang: Lang): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => {
    const v = data?.[name];
    return v === undefined ? whole : pick(v, lang);
  });
}

/** The text of `messageId` of `rule`; an unknown id is a bug in the rule, so it says so plainly. */
export function ruleMessage(rule: RuleModule<any>, messageId: string, data: MessageData | undefined, lang: Lang): string {
  const m = rule.meta.messages[messageId];
  if (!m) throw new Error(`rule ${rule.id} reported unknown messageId "${messageId}"`);
  return fillTemplate(m[lang], data, lang);
}

/** Both languages at once, for values whose wording differs (e.g. a list joined with "atau"/"or"). */
export function both(id: string, en: string): Localized {
  return { id, en };
}

/** `a`, `b` atau `c` / `a`, `b` or `c`. */
export function orList(values: readonly string[]): Localized {
  const q = values.map((v) => `\`${v}\``);
  const join = (word: string) => (q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${word} ${q[q.length - 1]}`);
  return { id: join('atau'), en: join('or') };
}
