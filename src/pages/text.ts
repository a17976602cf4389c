// Text helpers for document content in any format: Indonesian/English long dates, natural sort of SOP numbers, lists.
import type { Lang } from '../core/types.js';

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/**
 * `2025-01-15` as `15 Januari 2025` (or `15 January 2025`). `-`, null and empty print `-` (a date
 * that does not apply, e.g. never revised); anything else that is not an ISO date prints as written.
 */
export function formatDate(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '-';
  const text = String(value).trim();
  if (text === '' || text === '-') return '-';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!m) return text;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return text;
  // Format 1.1: a month-only date (`2023-08`) prints as `Agustus 2023`.
  if (m[3] === undefined) return `${MONTHS[lang][month - 1]} ${m[1]}`;
  return `${Number(m[3])} ${MONTHS[lang][month - 1]} ${m[1]}`;
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/** Compares SOP numbers and names the way people read them (`800/2` before `800/10`). */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A string as a list of strings: lists keep their items, a scalar is one item, nothing is none. */
export function asTextList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => String(v));
  if (value === null || value === undefined || value === '') return [];
  return [String(value)];
}

/** Lower case without accents, for the catalogue's search index. */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
