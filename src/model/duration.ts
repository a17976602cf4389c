// Parses `waktu` durations (Indonesian and English units, decimals, ranges) and formats totals.
import { DEFAULT_NO_STANDARD, DEFAULT_TIME, type Duration, type TimeSettings, type WaktuKind } from './flow-types.js';

type Unit = 'detik' | 'menit' | 'jam' | 'hari' | 'hari kerja' | 'minggu' | 'bulan';

/** Unit words, longest first so `hari kerja` wins over `hari`. */
const UNIT_WORDS: [string, Unit][] = [
  ['working days', 'hari kerja'], ['working day', 'hari kerja'], ['hari kerja', 'hari kerja'],
  ['seconds', 'detik'], ['second', 'detik'], ['detik', 'detik'],
  ['minutes', 'menit'], ['minute', 'menit'], ['menit', 'menit'],
  ['hours', 'jam'], ['hour', 'jam'], ['jam', 'jam'],
  ['days', 'hari'], ['day', 'hari'], ['hari', 'hari'],
  ['weeks', 'minggu'], ['week', 'minggu'], ['minggu', 'minggu'],
  ['months', 'bulan'], ['month', 'bulan'], ['bulan', 'bulan'],
];

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const UNIT = `(${UNIT_WORDS.map(([w]) => w.replace(' ', String.raw`\s+`)).join('|')})`;
const PART = new RegExp(String.raw`^${NUMBER}(?:\s*[-–]\s*${NUMBER})?\s*${UNIT}(?![a-z])\s*(?:,|\bdan\b|\band\b)?\s*`, 'i');

function unitMinutes(unit: Unit, t: TimeSettings): number {
  switch (unit) {
    case 'detik': return 1 / 60;
    case 'menit': return 1;
    case 'jam': return 60;
    case 'hari': return t.dayHours * 60;
    case 'hari kerja': return t.workingDayHours * 60;
    case 'minggu': return t.weekWorkingDays * t.workingDayHours * 60;
    case 'bulan': return t.monthWorkingDays * t.workingDayHours * 60;
  }
}

const UNIT_OF: ReadonlyMap<string, Unit> = new Map(UNIT_WORDS);

/** The unit a word of PART names (PART matches only these words, in any case, with any spaces). */
function toUnit(word: string): Unit {
  return UNIT_OF.get(word.toLowerCase().replace(/\s+/g, ' '))!;
}

/** `15 menit`, `1 jam 30 menit`, `1,5 jam`, `2 hari kerja`, `1-2 hari` (upper bound), `3 working days`. */
export function parseDuration(text: unknown, time: TimeSettings = DEFAULT_TIME): Duration | null {
  if (typeof text !== 'string') return null;
  let rest = text.trim();
  if (!rest) return null;
  let minutes = 0;
  let working = false;
  while (rest) {
    const m = PART.exec(rest);
    if (!m) return null;
    const upper = Number((m[2] ?? m[1]).replace(',', '.'));
    const unit = toUnit(m[3]);
    if (unit === 'hari kerja' || unit === 'minggu' || unit === 'bulan') working = true;
    minutes += upper * unitMinutes(unit, time);
    rest = rest.slice(m[0].length);
  }
  return { minutes, working };
}

/** `2 menit/berkas`, `15 menit per dokumen`: a duration, then `/` or `per`, then what it is per. */
const RATE = /^(.*?\S)\s*(?:\/|\bper\b)\s*\S.*$/i;

/** A `waktu` of this shape is a rate (time per unit of work); prints as written, never summed. */
export function parseRate(text: unknown, time: TimeSettings = DEFAULT_TIME): Duration | null {
  if (typeof text !== 'string') return null;
  const m = RATE.exec(text.trim());
  return m ? parseDuration(m[1], time) : null;
}

/** Compares a `waktu` with the no-standard phrases: case, spaces and trailing punctuation do not count. */
function phraseKey(s: string): string {
  // toLowerCase(): the same as the Indonesian locale's, for less (see normalizeName in names.ts)
  return s.trim().replace(/\s+/g, ' ').replace(/[.;,:!]+$/, '').toLowerCase();
}

// a run passes the same phrase list for every row: its keys are made once per list, not per row
const phraseKeysOf = new WeakMap<readonly string[], Set<string>>();

function noStandardKeys(list: readonly string[]): Set<string> {
  let keys = phraseKeysOf.get(list);
  if (!keys) phraseKeysOf.set(list, (keys = new Set(list.map(phraseKey))));
  return keys;
}

/**
 * What a `waktu` value is (spec §7.2): a duration, a rate, no time standard (`-` or one of the
 * `noStandard` phrases, default `sesuai kebutuhan`, `menyesuaikan`, `tentatif`), or unreadable.
 * `duration`: parseDuration(text, time) when the caller has it already.
 */
export function classifyWaktu(
  text: unknown, time: TimeSettings = DEFAULT_TIME, noStandard: readonly string[] = DEFAULT_NO_STANDARD,
  duration: Duration | null = parseDuration(text, time),
): WaktuKind {
  if (typeof text !== 'string') return 'invalid';
  if (duration) return 'duration';
  const key = phraseKey(text);
  if (key === '-' || key === '–' || key === '—') return 'none';
  if (noStandardKeys(noStandard).has(key)) return 'none';
  if (parseRate(text, time)) return 'rate';
  return 'invalid';
}

/**
 * Formats a total: in working days when any part used working units (hari kerja, minggu, bulan),
 * otherwise in calendar days, then hours, minutes and seconds. `2 hari 2 jam 35 menit`.
 */
export function formatDuration(d: Duration, lang: 'id' | 'en' = 'id', time: TimeSettings = DEFAULT_TIME): string {
  let seconds = Math.round(d.minutes * 60);
  const dayLen = (d.working ? time.workingDayHours : time.dayHours) * 3600;
  const parts: [number, string, string, string][] = [];
  const days = Math.floor(seconds / dayLen);
  seconds -= days * dayLen;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const mins = Math.floor(seconds / 60);
  seconds -= mins * 60;
  parts.push([days, d.working ? 'hari kerja' : 'hari', d.working ? 'working day' : 'day', d.working ? 'working days' : 'days']);
  parts.push([hours, 'jam', 'hour', 'hours'], [mins, 'menit', 'minute', 'minutes'], [seconds, 'detik', 'second', 'seconds']);
  const shown = parts.filter(([n]) => n > 0).map(([n, id, one, many]) => `${n} ${lang === 'id' ? id : n === 1 ? one : many}`);
  return shown.length ? shown.join(' ') : lang === 'id' ? '0 menit' : '0 minutes';
}
