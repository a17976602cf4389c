// row-number-override: a row's printed number (`no`) differs from its position, so the No. column and the targets (`ke: 5`) count differently.
import { defineRule } from '../types.js';
import { rowsOf } from '../util/data.js';

export default defineRule({
  id: 'row-number-override',
  meta: {
    description: { id: 'Nomor tercetak `no` sama dengan urutan baris', en: 'The printed number `no` equals the row’s position' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/row-number-override.md',
    scope: 'file',
    messages: {
      override: {
        id: 'kolom No. mencetak `{{no}}` untuk kegiatan ke-{{n}}; tujuan bernomor (`ke`, `ya`, `tidak`) tetap menghitung urutan baris ({{n}}), bukan nomor tercetak',
        en: 'the No. column prints `{{no}}` for row {{n}}; numbered targets (`ke`, `ya`, `tidak`) still count positions ({{n}}), not printed numbers',
      },
    },
  },
  check(ctx) {
    for (const { index, row } of rowsOf(ctx.data)) {
      if (typeof row.no !== 'string' && typeof row.no !== 'number') continue;
      const no = String(row.no).trim();
      if (no !== String(index + 1)) ctx.report({ messageId: 'override', data: { no, n: index + 1 }, at: ['prosedur', index, 'no'] });
    }
  },
});
