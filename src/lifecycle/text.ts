// Small shared types and helpers of the lifecycle records: bilingual texts, unit display names.

export type Lang = 'id' | 'en';

export interface Localized {
  id: string;
  en: string;
}

export function say(lang: Lang, id: string, en: string): string {
  return lang === 'en' ? en : id;
}
