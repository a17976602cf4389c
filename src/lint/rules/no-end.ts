// no-end: from some row the procedure can never reach `selesai` (a loop without a way out).
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';
import { canReachEnd, reachableFromStart, trappedLoops } from '../util/graph.js';

export default defineRule({
  id: 'no-end',
  meta: {
    description: { id: 'Dari setiap kegiatan prosedur dapat mencapai `selesai`', en: 'From every row the procedure can reach `selesai`' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/no-end.md',
    scope: 'file',
    messages: {
      loop: {
        id: 'prosedur tidak pernah mencapai `selesai`: kegiatan {{rows}} berulang tanpa jalan keluar; beri salah satunya `keputusan` dengan cabang keluar atau `ke: selesai`',
        en: 'the procedure never reaches `selesai`: rows {{rows}} repeat with no way out; give one of them a `keputusan` with an exit branch or `ke: selesai`',
      },
      selfLoop: {
        id: 'kegiatan {{n}} menuju dirinya sendiri sehingga prosedur tidak pernah mencapai `selesai`',
        en: 'row {{n}} leads to itself, so the procedure never reaches `selesai`',
      },
    },
  },
  check(ctx) {
    const model = ctx.flow();
    if (model.rows.length === 0) return;
    const reached = reachableFromStart(model);
    const ends = canReachEnd(model);
    // rows that row 1 never reaches are unreachable-kegiatan's; every trapped row drains into a loop, report the loop once
    const trapped = model.rows.map((_, i) => reached[i] && !ends[i]);
    const prosedur = isObj(ctx.data) && Array.isArray(ctx.data.prosedur) ? ctx.data.prosedur : [];
    for (const loop of trappedLoops(model, trapped)) {
      // the last row of a loop usually holds the arrow back: point at that `ke` (or `keputusan`)
      const last = loop[loop.length - 1];
      const raw = prosedur[last];
      const at = isObj(raw) && raw.keputusan !== undefined ? ['prosedur', last, 'keputusan'] : isObj(raw) && raw.ke !== undefined ? ['prosedur', last, 'ke'] : ['prosedur', last];
      const key = isObj(raw) && raw.keputusan !== undefined;
      if (loop.length === 1) ctx.report({ messageId: 'selfLoop', data: { n: last + 1 }, at, key });
      else ctx.report({ messageId: 'loop', data: { rows: loop.map((i) => i + 1).join(', ') }, at, key });
    }
  },
});
