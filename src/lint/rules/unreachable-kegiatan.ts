// unreachable-kegiatan: a row that no arrow from row 1 ever reaches (dead text in the flow table).
import { defineRule } from '../types.js';
import { hasUnknownTarget, reachableFromStart } from '../util/graph.js';

export default defineRule({
  id: 'unreachable-kegiatan',
  meta: {
    description: { id: 'Setiap kegiatan dapat dicapai dari kegiatan 1', en: 'Every row can be reached from row 1' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/unreachable-kegiatan.md',
    scope: 'file',
    messages: {
      unreachable: {
        id: 'kegiatan {{n}} tidak pernah dicapai dari kegiatan 1: tidak ada `ke`, `ya` atau `tidak` yang menuju ke sini dan baris sebelumnya tidak berlanjut ke baris ini',
        en: 'row {{n}} is never reached from row 1: no `ke`, `ya` or `tidak` leads here and the row above does not continue to it',
      },
    },
  },
  check(ctx) {
    const model = ctx.flow();
    // a target that names no row might be meant to lead here: report that first (unknown-target), not its echo
    if (model.rows.length === 0 || hasUnknownTarget(model)) return;
    const seen = reachableFromStart(model);
    seen.forEach((reached, index) => {
      if (!reached) ctx.report({ messageId: 'unreachable', data: { n: index + 1 }, at: ['prosedur', index] });
    });
  },
});
