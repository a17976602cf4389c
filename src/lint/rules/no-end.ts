// no-end: from some row the procedure can never reach `selesai` (a loop without a way out).
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';
import { nodesReachingEnd, reachableNodes, trappedLoops } from '../../model/graph.js';

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
    const reached = reachableNodes(model);
    const ends = nodesReachingEnd(model);
    // symbols no start reaches are unreachable-kegiatan's; every trapped symbol drains into a loop, report the loop once
    const trapped = model.nodes.map((_, i) => reached[i] && !ends[i]);
    const prosedur = isObj(ctx.data) && Array.isArray(ctx.data.prosedur) ? ctx.data.prosedur : [];
    for (const loop of trappedLoops(model, trapped)) {
      const rows = [...new Set(loop.map((v) => model.nodes[v].row))].sort((a, b) => a - b);
      // the last symbol of a loop usually holds the arrow back: point at that `ke` (or `keputusan`)
      const lastNode = model.nodes[loop[loop.length - 1]];
      const last = lastNode.row;
      const raw = prosedur[last];
      const item = isObj(raw) && Array.isArray(raw.langkah) ? raw.langkah[lastNode.item] : undefined;
      let at: (string | number)[];
      let key = false;
      if (isObj(item) && item.keputusan !== undefined) {
        at = ['prosedur', last, 'langkah', lastNode.item, 'keputusan'];
        key = true;
      } else if (isObj(raw) && raw.keputusan !== undefined) {
        at = ['prosedur', last, 'keputusan'];
        key = true;
      } else if (isObj(raw) && raw.ke !== undefined) at = ['prosedur', last, 'ke'];
      else at = ['prosedur', last];
      if (loop.length === 1) ctx.report({ messageId: 'selfLoop', data: { n: last + 1 }, at, key });
      else ctx.report({ messageId: 'loop', data: { rows: rows.map((i) => i + 1).join(', ') }, at, key });
    }
  },
});
