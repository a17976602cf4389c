// Durations: units, decimals, ranges, English words, totals in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseDuration } from '../../src/model/duration.js';

const minutes = (s: string) => parseDuration(s)?.minutes;

test('parses Indonesian units, combined parts, decimals with comma or dot', () => {
  assert.equal(minutes('15 menit'), 15);
  assert.equal(minutes('1 jam 30 menit'), 90);
  assert.equal(minutes('1,5 jam'), 90);
  assert.equal(minutes('1.5 jam'), 90);
  assert.equal(minutes('30 detik'), 0.5);
  assert.equal(minutes('1 hari'), 24 * 60);
  assert.equal(minutes('2 hari kerja'), 2 * 8 * 60);
  assert.equal(minutes('1 minggu'), 5 * 8 * 60);
  assert.equal(minutes('1 bulan'), 22 * 8 * 60);
});

test('a range counts as its upper bound', () => {
  assert.equal(minutes('1-2 hari'), 2 * 24 * 60);
  assert.equal(minutes('10 - 15 menit'), 15);
});

test('English units are accepted', () => {
  assert.equal(minutes('2 hours'), 120);
  assert.equal(minutes('1 hour 15 minutes'), 75);
  assert.equal(minutes('3 working days'), 3 * 480);
  assert.equal(minutes('1 day'), 1440);
  assert.equal(minutes('2 weeks'), 2 * 5 * 480);
});

test('working units are flagged; calendar units are not', () => {
  assert.equal(parseDuration('2 hari kerja')?.working, true);
  assert.equal(parseDuration('1 minggu')?.working, true);
  assert.equal(parseDuration('2 hari')?.working, false);
});

test('conversions are configurable', () => {
  const t = { workingDayHours: 7, dayHours: 24, weekWorkingDays: 6, monthWorkingDays: 20 };
  assert.equal(parseDuration('1 hari kerja', t)?.minutes, 420);
  assert.equal(parseDuration('1 minggu', t)?.minutes, 6 * 420);
});

test('rejects what is not a duration', () => {
  for (const bad of ['', 'segera', '15', 'menit', '15 mnt', '15 menitan', '-', '1 jam lalu', 'x 15 menit']) assert.equal(parseDuration(bad), null, bad);
  assert.equal(parseDuration(15), null);
});

test('formats totals in days, hours and minutes', () => {
  assert.equal(formatDuration({ minutes: 2 * 1440 + 155, working: false }), '2 hari 2 jam 35 menit');
  assert.equal(formatDuration({ minutes: 2 * 480 + 30, working: true }), '2 hari kerja 30 menit');
  assert.equal(formatDuration({ minutes: 61, working: false }, 'en'), '1 hour 1 minute');
  assert.equal(formatDuration({ minutes: 0, working: false }), '0 menit');
  assert.equal(formatDuration({ minutes: 1.5, working: false }), '1 menit 30 detik');
});
