// waktu-format: a row's `waktu` is not a duration the toolkit can read (and so cannot be totalled).
import { parseDuration } from '../../model/duration.js';
import { DEFAULT_TIME } from '../../model/flow-types.js';
import { defineRule } from '../types.js';
import { rowsOf } from '../util/data.js';

export default defineRule({
  id: 'waktu-format',
  meta: {
    description: { id: '`waktu` adalah durasi: angka dan satuan', en: '`waktu` is a duration: a number and a unit' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/waktu-format.md',
    scope: 'file',
    messages: {
      notDuration: {
        id: '`{{value}}` bukan durasi: tulis angka dan satuan, mis. `15 menit`, `1 jam 30 menit`, `1-2 hari kerja` (satuan: detik, menit, jam, hari, hari kerja, minggu, bulan)',
        en: '`{{value}}` is not a duration: write a number and a unit, e.g. `15 menit`, `1 jam 30 menit`, `1-2 hari kerja` (units: detik, menit, jam, hari, hari kerja, minggu, bulan, or English units)',
      },
    },
  },
  check(ctx) {
    const time = { ...DEFAULT_TIME, ...ctx.config.time };
    for (const { index, row } of rowsOf(ctx.data)) {
      // an empty or non-text waktu is a schema error at the same node
      if (typeof row.waktu !== 'string' || row.waktu.trim() === '') continue;
      if (parseDuration(row.waktu, time) === null) ctx.report({ messageId: 'notDuration', data: { value: row.waktu }, at: ['prosedur', index, 'waktu'] });
    }
  },
});
