// waktu-format: a row's `waktu` is no time standard ("-", "Sesuai kebutuhan": a warning) or not readable at all (an error), spec §7.2.
import { classifyWaktu } from '../../model/duration.js';
import { DEFAULT_NO_STANDARD, DEFAULT_TIME } from '../../model/flow-types.js';
import { defineRule } from '../types.js';
import { rowsOf } from '../util/data.js';

export default defineRule({
  id: 'waktu-format',
  meta: {
    description: {
      id: '`waktu` adalah baku waktu: angka dan satuan (atau laju seperti `2 menit/berkas`); `-` dan frasa tanpa baku waktu hanya diperingatkan',
      en: '`waktu` is a time standard: a number and a unit (or a rate such as `2 menit/berkas`); `-` and no-standard phrases only get a warning',
    },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/waktu-format.md',
    scope: 'file',
    messages: {
      notDuration: {
        id: '`{{value}}` bukan durasi: tulis angka dan satuan, mis. `15 menit`, `1 jam 30 menit`, `1-2 hari kerja` (satuan: detik, menit, jam, hari, hari kerja, minggu, bulan), laju seperti `2 menit/berkas`, atau `-` bila tidak ada baku waktu',
        en: '`{{value}}` is not a duration: write a number and a unit, e.g. `15 menit`, `1 jam 30 menit`, `1-2 hari kerja` (units: detik, menit, jam, hari, hari kerja, minggu, bulan, or English units), a rate such as `2 menit/berkas`, or `-` when there is no time standard',
      },
      noStandard: {
        id: '`{{value}}` berarti kegiatan ini tidak memiliki baku waktu; kegiatan ini tidak dihitung dalam Jumlah waktu. Bila ada, tulis angka dan satuan, mis. `15 menit`',
        en: '`{{value}}` means this activity has no time standard; it is left out of the total time. If there is one, write a number and a unit, e.g. `15 menit`',
      },
    },
  },
  check(ctx) {
    const time = { ...DEFAULT_TIME, ...ctx.config.time };
    const phrases = Array.isArray(ctx.config.time?.noStandard) ? ctx.config.time.noStandard : DEFAULT_NO_STANDARD;
    for (const { index, row } of rowsOf(ctx.data)) {
      // an empty or non-text waktu is a schema error at the same node
      if (typeof row.waktu !== 'string' || row.waktu.trim() === '') continue;
      const kind = classifyWaktu(row.waktu, time, phrases);
      const at = ['prosedur', index, 'waktu'];
      if (kind === 'invalid') ctx.report({ messageId: 'notDuration', data: { value: row.waktu }, at });
      else if (kind === 'none') ctx.report({ messageId: 'noStandard', data: { value: row.waktu }, at, severity: 'warning' });
    }
  },
});
