// Text helpers for scaffolding: file-name slugs, actor ids, YAML-safe scalars, abbreviations, bilingual messages.
import { yamlLibrary } from '../yaml/library.js';

export type Lang = 'id' | 'en';

/** Picks the Indonesian or the English text. */
export function say(lang: Lang, id: string, en: string): string {
  return lang === 'en' ? en : id;
}

/** Longest file-name slug; long titles are cut at a word boundary. */
const MAX_SLUG = 80;

/**
 * Lower-case ASCII words joined by `sep`. Diacritics are folded (`é` -> `e`), so a title typed with
 * accents or smart quotes still gives a portable file name.
 */
export function slugify(text: string, sep: '-' | '_' = '-'): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // apostrophes join a word instead of splitting it: Jum'at -> jumat
    .replace(/['\u2018\u2019`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}${sep}${w}` : w;
    if (next.length > MAX_SLUG && slug) break;
    slug = next.slice(0, MAX_SLUG);
  }
  return slug;
}

/** An actor id (`^[a-z][a-z0-9_-]*$`) for a column title; `taken` keeps ids unique. */
export function actorId(title: string, taken: Set<string>, index: number): string {
  let base = slugify(title, '_');
  if (!base) base = `pelaksana_${index + 1}`;
  else if (!/^[a-z]/.test(base)) base = `p_${base}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/**
 * A YAML scalar for `value` that reads back as the same string under YAML 1.2 and 1.1, so editors
 * that still speak 1.1 do not turn `yes`, `no` or `2025-01-02` into other types. Plain when safe.
 */
export function yamlString(value: string): string {
  return yamlLibrary().stringify(value, { version: '1.1', lineWidth: 0, minContentWidth: 0 }).trimEnd();
}

/** Always double-quoted: for values that look like numbers to a human (nomor, NIP). */
export function yamlQuoted(value: string): string {
  return JSON.stringify(value);
}

// Short words that are not part of an abbreviation or stay lower-case in a title.
const SMALL_WORDS = new Set(['dan', 'serta', 'di', 'ke', 'dari', 'untuk', 'pada', 'atau', 'yang', 'dengan', '&']);

/** `DINAS KOMUNIKASI DAN INFORMATIKA` -> `DKI`; the user can always type a better one. */
export function abbreviate(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').charAt(0).toUpperCase())
    .join('');
  return letters.length >= 2 ? letters : 'SOP';
}

/** `DINAS KOMUNIKASI DAN INFORMATIKA` -> `Dinas Komunikasi dan Informatika`. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

/** Splits a comma-separated flag value into trimmed, non-empty parts. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** `YYYY-MM-DD` of `now` in local time: the date the civil servant sees on the wall calendar. */
export function isoDate(now: Date): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * Checks an 18-digit NIP the way the `nip-format` rule does (spec §2): birth date, appointment
 * month, sex digit 1/2, serial not 000. Returns a reason, or undefined when it is valid.
 */
export function nipProblem(nip: string, lang: Lang): string | undefined {
  const digits = nip.replace(/[\s.]/g, '');
  if (!/^\d{18}$/.test(digits)) return say(lang, 'NIP harus 18 digit (spasi atau titik di antara kelompok boleh)', 'a NIP has 18 digits (spaces or dots between groups are allowed)');
  const y = Number(digits.slice(0, 4));
  const mo = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  const birth = new Date(Date.UTC(y, mo - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== mo - 1 || birth.getUTCDate() !== d) {
    return say(lang, 'digit 1-8 NIP harus tanggal lahir YYYYMMDD yang ada', 'digits 1-8 of a NIP must be a real birth date YYYYMMDD');
  }
  const am = Number(digits.slice(12, 14));
  if (am < 1 || am > 12) return say(lang, 'digit 13-14 NIP harus bulan pengangkatan 01-12', 'digits 13-14 of a NIP must be the appointment month 01-12');
  if (!'12'.includes(digits[14])) return say(lang, 'digit 15 NIP harus 1 atau 2', 'digit 15 of a NIP must be 1 or 2');
  if (digits.slice(15) === '000') return say(lang, 'nomor urut NIP (digit 16-18) tidak boleh 000', 'the serial of a NIP (digits 16-18) cannot be 000');
  return undefined;
}
