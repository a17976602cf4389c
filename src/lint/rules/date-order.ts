// date-order: a date that does not exist (2025-02-30), or tanggal_efektif / tanggal_revisi before tanggal_pembuatan.
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';
import { compareDates, NO_SUCH_DATE, noSuchDateData, parseIsoDate } from '../util/dates.js';

const KEYS = ['tanggal_pembuatan', 'tanggal_revisi', 'tanggal_efektif'] as const;

export default defineRule({
  id: 'date-order',
  meta: {
    description: {
      id: 'Tanggal benar-benar ada; `tanggal_efektif` dan `tanggal_revisi` tidak sebelum `tanggal_pembuatan`',
      en: 'Dates exist; `tanggal_efektif` and `tanggal_revisi` are not before `tanggal_pembuatan`',
    },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/date-order.md',
    scope: 'file',
    messages: {
      noSuchDate: NO_SUCH_DATE,
      efektifBefore: {
        id: '`tanggal_efektif` ({{date}}) lebih awal daripada `tanggal_pembuatan` ({{pembuatan}}); SOP tidak dapat berlaku sebelum selesai dibuat',
        en: '`tanggal_efektif` ({{date}}) is before `tanggal_pembuatan` ({{pembuatan}}); an SOP cannot take effect before it is finished',
      },
      revisiBefore: {
        id: '`tanggal_revisi` ({{date}}) lebih awal daripada `tanggal_pembuatan` ({{pembuatan}}); revisi atau rencana peninjauan datang setelah pembuatan',
        en: '`tanggal_revisi` ({{date}}) is before `tanggal_pembuatan` ({{pembuatan}}); a revision or planned review comes after the SOP was made',
      },
      pembuatanHere: { id: '`tanggal_pembuatan` ditulis di sini', en: '`tanggal_pembuatan` is written here' },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data)) return;
    const data = ctx.data;
    const dates = Object.fromEntries(KEYS.map((k) => [k, parseIsoDate(data[k])]));
    for (const k of KEYS) {
      const d = dates[k];
      if (d && !d.exists) ctx.report({ messageId: 'noSuchDate', data: noSuchDateData(data[k], d), at: [k] });
    }
    const made = dates.tanggal_pembuatan;
    if (!made?.exists) return;
    for (const [k, messageId] of [['tanggal_efektif', 'efektifBefore'], ['tanggal_revisi', 'revisiBefore']] as const) {
      const d = dates[k];
      if (d?.exists && compareDates(d, made) < 0) {
        ctx.report({
          messageId,
          data: { date: String(data[k]), pembuatan: String(data.tanggal_pembuatan) },
          at: [k],
          related: [{ messageId: 'pembuatanHere', at: ['tanggal_pembuatan'] }],
        });
      }
    }
  },
});
