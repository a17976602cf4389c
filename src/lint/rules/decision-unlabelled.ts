// decision-unlabelled: a decision (a row's or a `langkah` item's) drawn without branch labels (`keputusan.label: false`).
import { defineRule } from '../types.js';
import { chainItemsOf, isObj, rowsOf } from '../util/data.js';

export default defineRule({
  id: 'decision-unlabelled',
  meta: {
    description: { id: 'Cabang keputusan berlabel (bukan `label: false`)', en: 'Decision branches carry labels (not `label: false`)' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/decision-unlabelled.md',
    scope: 'file',
    messages: {
      unlabelled: {
        id: 'cabang keputusan ini digambar tanpa label; pembaca harus menebak cabang mana yang `ya` dan mana yang `tidak`. Bila dokumen aslinya tanpa label, jelaskan cabangnya di `kegiatan` atau `keterangan`',
        en: 'the branches of this decision are drawn without labels; readers must guess which is `ya` and which `tidak`. If the signed original has none, explain the branches in `kegiatan` or `keterangan`',
      },
    },
  },
  check(ctx) {
    for (const { index, row } of rowsOf(ctx.data)) {
      if (isObj(row.keputusan) && row.keputusan.label === false) ctx.report({ messageId: 'unlabelled', at: ['prosedur', index, 'keputusan', 'label'] });
      for (const { item, value } of chainItemsOf(row)) {
        if (isObj(value.keputusan) && value.keputusan.label === false) ctx.report({ messageId: 'unlabelled', at: ['prosedur', index, 'langkah', item, 'keputusan', 'label'] });
      }
    }
  },
});
