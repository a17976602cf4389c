// Calendar arithmetic of the lifecycle: record dates (YYYY-MM-DD, or YYYY-MM from format 1.1), months added, semesters.

/** A calendar day; months and days are 1-based. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const FULL = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A date written in an SOP or a record. `YYYY-MM` (format 1.1) counts as the first day of that
 * month, the earliest day it can mean. Undefined for anything else (`-`, null, a day that does not exist).
 */
export function parseDay(v: unknown): Day | undefined {
  if (typeof v !== 'string') return undefined;
  const full = FULL.exec(v);
  if (full) {
    const d = { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
    return d.day <= daysInMonth(d.year, d.month) ? d : undefined;
  }
  const m = MONTH.exec(v);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: 1 } : undefined;
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `n` calendar months later; the day is clipped to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(d: Day, n: number): Day {
  const total = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function formatDay(d: Day): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The local calendar day of `now` (what the civil servant's wall calendar says). */
export function dayOf(now: Date): Day {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** A monitoring period: half a year, `2026-S1` (January-June) or `2026-S2` (July-December). */
export interface Period {
  id: string;
  year: number;
  half: 1 | 2;
  start: Day;
  end: Day;
}

export const PERIOD_PATTERN = /^(\d{4})-S([12])$/;

export function parsePeriod(id: string): Period | undefined {
  const m = PERIOD_PATTERN.exec(id.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const half = Number(m[2]) as 1 | 2;
  return half === 1
    ? { id: `${year}-S1`, year, half, start: { year, month: 1, day: 1 }, end: { year, month: 6, day: 30 } }
    : { id: `${year}-S2`, year, half, start: { year, month: 7, day: 1 }, end: { year, month: 12, day: 31 } };
}

/** The period a day falls in. */
export function periodOf(d: Day): Period {
  return parsePeriod(`${d.year}-S${d.month <= 6 ? 1 : 2}`)!;
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `15 Juni 2026` (or `15 June 2026`), the way dates are written on Indonesian forms. */
export function longDay(d: Day, lang: 'id' | 'en' = 'id'): string {
  return `${d.day} ${(lang === 'en' ? MONTHS_EN : MONTHS_ID)[d.month - 1]} ${d.year}`;
}

/** `Semester I 2026 (Januari-Juni)`. */
export function periodLabel(p: Period, lang: 'id' | 'en' = 'id'): string {
  if (lang === 'en') return `${p.half === 1 ? 'First' : 'Second'} half of ${p.year} (${p.half === 1 ? 'January-June' : 'July-December'})`;
  return `Semester ${p.half === 1 ? 'I' : 'II'} ${p.year} (${p.half === 1 ? 'Januari-Juni' : 'Juli-Desember'})`;
}
