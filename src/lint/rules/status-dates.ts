// status-dates: a revoked SOP says when (`tanggal_dicabut`), the date fits its status, exists and is not before `tanggal_efektif`.
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';
import { compareDates, NO_SUCH_DATE, noSuchDateData, parseIsoDate } from '../util/dates.js';

export default defineRule({
  id: 'status-dates',
  meta: {
    description: {
      id: 'SOP yang dicabut memiliki `tanggal_dicabut` yang sesuai dengan statusnya',
      en: 'A revoked SOP has a `tanggal_dicabut` that fits its status',
    },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/status-dates.md',
    scope: 'file',
    messages: {
      noDate: {
        id: '`status: dicabut` tanpa `tanggal_dicabut`; isi tanggal SOP ini dicabut (YYYY-MM-DD)',
        en: '`status: dicabut` without `tanggal_dicabut`; give the date this SOP was revoked (YYYY-MM-DD)',
      },
      dateInForce: {
        id: '`tanggal_dicabut` diisi, tetapi status SOP ini `{{status}}`; ubah menjadi `status: dicabut` (atau `diganti`) atau hapus `tanggal_dicabut`',
        en: '`tanggal_dicabut` is set, but this SOP’s status is `{{status}}`; set `status: dicabut` (or `diganti`) or remove `tanggal_dicabut`',
      },
      noSuchDate: NO_SUCH_DATE,
      beforeEffective: {
        id: '`tanggal_dicabut` ({{date}}) lebih awal daripada `tanggal_efektif` ({{efektif}}); SOP tidak dapat dicabut sebelum berlaku',
        en: '`tanggal_dicabut` ({{date}}) is before `tanggal_efektif` ({{efektif}}); an SOP cannot be revoked before it takes effect',
      },
      efektifHere: { id: '`tanggal_efektif` ditulis di sini', en: '`tanggal_efektif` is written here' },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data)) return;
    const data = ctx.data;
    const status = typeof data.status === 'string' ? data.status : 'berlaku';
    const has = data.tanggal_dicabut !== undefined && data.tanggal_dicabut !== null;
    // a future tanggal_efektif is fine for `berlaku`: the catalogue shows the SOP as *belum berlaku*
    if (status === 'dicabut' && !has) {
      ctx.report({ messageId: 'noDate', at: 'status' in data ? ['status'] : [] });
      return;
    }
    if (!has) return;
    if (status === 'berlaku' || status === 'draf') ctx.report({ messageId: 'dateInForce', data: { status }, at: ['tanggal_dicabut'] });
    const d = parseIsoDate(data.tanggal_dicabut);
    if (!d) return; // not date-shaped: the schema's report
    if (!d.exists) {
      ctx.report({ messageId: 'noSuchDate', data: noSuchDateData(data.tanggal_dicabut, d), at: ['tanggal_dicabut'] });
      return;
    }
    const efektif = parseIsoDate(data.tanggal_efektif);
    if (efektif?.exists && compareDates(d, efektif) < 0) {
      ctx.report({
        messageId: 'beforeEffective',
        data: { date: String(data.tanggal_dicabut), efektif: String(data.tanggal_efektif) },
        at: ['tanggal_dicabut'],
        related: [{ messageId: 'efektifHere', at: ['tanggal_efektif'] }],
      });
    }
  },
});
