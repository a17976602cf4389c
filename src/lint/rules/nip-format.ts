// nip-format: `disahkan_oleh.nip` is not a valid 18-digit NIP (Perka BKN 22/2007 structure, domain notes §3.4).
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';
import { daysInMonth } from '../util/dates.js';

export interface NipOptions {
  /** Accept an NI PPPK: digits 13-14 are a 2-digit code, not a month. */
  allowPppk: boolean;
}

/** Civil servants are appointed as adults; an earlier appointment means swapped or mistyped groups. */
const MIN_AGE_YEARS = 17;

export type NipProblem =
  | { messageId: 'chars' }
  | { messageId: 'length'; count: number }
  | { messageId: 'birth'; birth: string }
  | { messageId: 'appointmentMonth'; appointment: string }
  | { messageId: 'appointmentTooEarly'; appointment: string; birth: string }
  | { messageId: 'appointmentFuture'; appointment: string }
  | { messageId: 'sex'; digit: string }
  | { messageId: 'serial' };

/** The first thing wrong with a NIP, or undefined when it is valid. Exported for the tests. */
export function checkNip(nip: string, now: Date, opts: NipOptions): NipProblem | undefined {
  // groups may be separated by spaces or dots: `19750312 200012 1 003`, `19660801.198803.1.001`
  const digits = nip.replace(/[\s.]/g, '');
  if (!/^\d*$/.test(digits)) return { messageId: 'chars' };
  if (digits.length !== 18) return { messageId: 'length', count: digits.length };
  const by = Number(digits.slice(0, 4));
  const bm = Number(digits.slice(4, 6));
  const bd = Number(digits.slice(6, 8));
  const birth = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const nowY = now.getUTCFullYear();
  const nowM = now.getUTCMonth() + 1;
  if (by < 1900 || by > nowY || bm < 1 || bm > 12 || bd < 1 || bd > daysInMonth(by, bm)) return { messageId: 'birth', birth };
  const ay = Number(digits.slice(8, 12));
  const am = Number(digits.slice(12, 14));
  const appointment = `${digits.slice(8, 12)}-${digits.slice(12, 14)}`;
  const monthKnown = !(opts.allowPppk && (am < 1 || am > 12));
  if (!opts.allowPppk && (am < 1 || am > 12)) return { messageId: 'appointmentMonth', appointment };
  const apptKey = ay * 12 + (monthKnown ? am : 12);
  if (apptKey < (by + MIN_AGE_YEARS) * 12 + bm) return { messageId: 'appointmentTooEarly', appointment, birth };
  if ((monthKnown ? apptKey : ay * 12 + 1) > nowY * 12 + nowM) return { messageId: 'appointmentFuture', appointment };
  if (digits[14] !== '1' && digits[14] !== '2') return { messageId: 'sex', digit: digits[14] };
  if (digits.slice(15) === '000') return { messageId: 'serial' };
  return undefined;
}

export default defineRule<NipOptions>({
  id: 'nip-format',
  meta: {
    description: { id: '`nip` adalah NIP 18 digit yang sah', en: '`nip` is a valid 18-digit NIP' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/nip-format.md',
    scope: 'file',
    optionsSchema: {
      type: 'object',
      properties: { allowPppk: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { allowPppk: false },
    messages: {
      chars: {
        id: 'NIP `{{nip}}` hanya boleh berisi angka, dengan spasi atau titik di antara kelompok digit',
        en: 'NIP `{{nip}}` may contain only digits, with spaces or dots between the groups',
      },
      length: {
        id: 'NIP `{{nip}}` harus 18 digit, bukan {{count}}',
        en: 'NIP `{{nip}}` must have 18 digits, not {{count}}',
      },
      birth: {
        id: 'NIP `{{nip}}`: digit 1-8 harus tanggal lahir YYYYMMDD yang ada, bukan {{birth}}',
        en: 'NIP `{{nip}}`: digits 1-8 must be an existing birth date YYYYMMDD, not {{birth}}',
      },
      appointmentMonth: {
        id: 'NIP `{{nip}}`: digit 9-14 harus tahun dan bulan pengangkatan YYYYMM (bulan 01-12), bukan {{appointment}}',
        en: 'NIP `{{nip}}`: digits 9-14 must be the year and month of appointment YYYYMM (month 01-12), not {{appointment}}',
      },
      appointmentTooEarly: {
        id: 'NIP `{{nip}}`: pengangkatan {{appointment}} terlalu dekat dengan tanggal lahir {{birth}} (kurang dari 17 tahun)',
        en: 'NIP `{{nip}}`: appointment {{appointment}} is too close to the birth date {{birth}} (less than 17 years)',
      },
      appointmentFuture: {
        id: 'NIP `{{nip}}`: tahun dan bulan pengangkatan {{appointment}} ada di masa depan',
        en: 'NIP `{{nip}}`: the appointment year and month {{appointment}} are in the future',
      },
      sex: {
        id: 'NIP `{{nip}}`: digit 15 (jenis kelamin) harus 1 atau 2, bukan {{digit}}',
        en: 'NIP `{{nip}}`: digit 15 (sex) must be 1 or 2, not {{digit}}',
      },
      serial: {
        id: 'NIP `{{nip}}`: nomor urut (digit 16-18) tidak boleh 000',
        en: 'NIP `{{nip}}`: the serial number (digits 16-18) must not be 000',
      },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data) || !isObj(ctx.data.disahkan_oleh)) return;
    const nip = ctx.data.disahkan_oleh.nip;
    // empty or non-text is the schema's to report
    if (typeof nip !== 'string' || nip.trim() === '') return;
    // "-" says no NIP applies (spec §7.3: a dash cell, no `NIP. -`); nip-missing warns about it.
    if (nip.trim() === '-') return;
    const problem = checkNip(nip, ctx.now, { allowPppk: ctx.options.allowPppk === true });
    if (!problem) return;
    const { messageId, ...data } = problem;
    ctx.report({ messageId, data: { nip, ...data }, at: ['disahkan_oleh', 'nip'] });
  },
});
