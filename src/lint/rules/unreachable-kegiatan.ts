// unreachable-kegiatan: a row that no arrow from a start (row 1, or a `mulai` row) ever reaches (dead text in the flow table).
import { defineRule } from '../types.js';
import { hasUnknownTarget, reachableRows } from '../../model/graph.js';

export default defineRule({
  id: 'unreachable-kegiatan',
  meta: {
    description: { id: 'Setiap kegiatan dapat dicapai dari kegiatan 1 (atau dari baris `mulai`)', en: 'Every row can be reached from row 1 (or from a `mulai` row)' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/unreachable-kegiatan.md',
    scope: 'file',
    messages: {
      unreachable: {
        id: 'kegiatan {{n}} tidak pernah dicapai dari kegiatan 1: tidak ada `ke`, `ya` atau `tidak` yang menuju ke sini dan baris sebelumnya tidak berlanjut ke baris ini; bila baris ini awal tersendiri, tulis `mulai: true`',
        en: 'row {{n}} is never reached from row 1: no `ke`, `ya` or `tidak` leads here and the row above does not continue to it; if this row is a start of its own, write `mulai: true`',
      },
    },
  },
  check(ctx) {
    const model = ctx.flow();
    // a target that names no row might be meant to lead here: report that first (unknown-target), not its echo
    if (model.rows.length === 0 || hasUnknownTarget(model)) return;
    // entries: row 1 and every `mulai` row; a chain row counts as reached when any of its symbols is
    const seen = reachableRows(model);
    seen.forEach((reached, index) => {
      if (!reached) ctx.report({ messageId: 'unreachable', data: { n: index + 1 }, at: ['prosedur', index] });
    });
  },
});
