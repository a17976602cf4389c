// unknown-target: `ke`, `keputusan.ya` or `keputusan.tidak` names a row number or id that does not exist.
import { didYouMean } from '../../schema/translate.js';
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';
import { wellFormedTarget, writtenIds, writtenTargets } from '../util/targets.js';

export default defineRule({
  id: 'unknown-target',
  meta: {
    description: { id: '`ke`, `ya` dan `tidak` menunjuk baris yang ada atau `selesai`', en: '`ke`, `ya` and `tidak` name an existing row or `selesai`' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/unknown-target.md',
    scope: 'file',
    messages: {
      noRow: {
        id: 'tidak ada kegiatan nomor {{n}}: prosedur ini hanya memiliki {{count}} kegiatan',
        en: 'there is no row {{n}}: this procedure has only {{count}} rows',
      },
      noId: {
        id: 'tidak ada baris dengan id `{{id}}`; tulis nomor baris, `id` sebuah baris atau butir `langkah`, atau `selesai`',
        en: 'no row has the id `{{id}}`; write a row number, the `id` of a row or `langkah` item, or `selesai`',
      },
      noIdSuggest: {
        id: 'tidak ada baris dengan id `{{id}}`; mungkin maksudnya `{{suggestion}}`?',
        en: 'no row has the id `{{id}}`; did you mean `{{suggestion}}`?',
      },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data) || !Array.isArray(ctx.data.prosedur)) return;
    const count = ctx.data.prosedur.length;
    // rows' ids and (format 1.1) `langkah` items' ids
    const ids = writtenIds(ctx.data).map((w) => w.id).filter((id): id is string => typeof id === 'string');
    for (const t of writtenTargets(ctx.data)) {
      // a target of the wrong shape is a schema error at the same node; say it once
      if (!wellFormedTarget(t.value)) continue;
      if (typeof t.value === 'number') {
        if (t.value > count) ctx.report({ messageId: 'noRow', data: { n: t.value, count }, at: t.path });
        continue;
      }
      if (t.value === 'selesai' || ids.includes(t.value)) continue;
      const suggestion = didYouMean(t.value, [...ids, 'selesai']);
      ctx.report(
        suggestion
          ? { messageId: 'noIdSuggest', data: { id: t.value, suggestion }, at: t.path }
          : { messageId: 'noId', data: { id: t.value }, at: t.path },
      );
    }
  },
});
