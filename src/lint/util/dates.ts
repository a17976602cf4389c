// Calendar checks for ISO dates (YYYY-MM-DD, and month dates YYYY-MM of format 1.1) shared by date-order, nomor-pattern and nip-format.

/** The shape the schema accepts; whether the day exists is checked here. */
export const DATE_SHAPE = /^([0-9]{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?$/;

export interface CalendarDate {
  year: number;
  month: number;
  /** Absent for a month date (`2023-08`). */
  day?: number;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a date-shaped string; `exists` is false for 2025-02-30. Undefined when not date-shaped. */
export function parseIsoDate(v: unknown): (CalendarDate & { exists: boolean }) | undefined {
  if (typeof v !== 'string') return undefined;
  const m = DATE_SHAPE.exec(v);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (m[3] === undefined) return { year, month, exists: true };
  const day = Number(m[3]);
  return { year, month, day, exists: day <= daysInMonth(year, month) };
}

/** Negative, zero or positive like a comparator. When either is a month date, only year and month count (spec §7.3). */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || (a.day === undefined || b.day === undefined ? 0 : a.day - b.day);
}

/** The message of a date that does not exist (date-order, status-dates), and its data. */
export const NO_SUCH_DATE = {
  id: 'tanggal `{{date}}` tidak ada: bulan {{month}} tahun {{year}} hanya memiliki {{days}} hari',
  en: 'the date `{{date}}` does not exist: month {{month}} of {{year}} has only {{days}} days',
} as const;

export function noSuchDateData(written: unknown, d: CalendarDate): { date: string; month: number; year: number; days: number } {
  return { date: String(written), month: d.month, year: d.year, days: daysInMonth(d.year, d.month) };
}
