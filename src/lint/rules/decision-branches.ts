// decision-branches: a decision (a row's or a `langkah` item's) whose two branches lead to the same place, or a row with both `ke` and `keputusan`.
import type { ResolvedTarget } from '../../model/flow-types.js';
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';

/** Same symbol: the same row and, inside a chain, the same item (a branch back to an earlier item of its own chain is a real branch). */
function sameTarget(a: ResolvedTarget, b: ResolvedTarget): boolean {
  if (a.kind === 'end' && b.kind === 'end') return true;
  return a.kind === 'row' && b.kind === 'row' && a.index === b.index && (a.item ?? 0) === (b.item ?? 0);
}

export default defineRule({
  id: 'decision-branches',
  meta: {
    description: {
      id: 'Keputusan bercabang ke dua tujuan berbeda; baris tidak memuat `ke` dan `keputusan` sekaligus',
      en: 'A decision branches to two different places; a row never has both `ke` and `keputusan`',
    },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/decision-branches.md',
    scope: 'file',
    messages: {
      keAndKeputusan: { id: '{{detail}}', en: '{{detail}}' },
      sameRow: {
        id: 'kedua cabang keputusan (`ya` dan `tidak`) menuju kegiatan {{n}}; keputusan harus bercabang ke dua tujuan yang berbeda',
        en: 'both branches of the decision (`ya` and `tidak`) lead to row {{n}}; a decision must branch to two different places',
      },
      sameEnd: {
        id: 'kedua cabang keputusan (`ya` dan `tidak`) menuju `selesai`; keputusan harus bercabang ke dua tujuan yang berbeda',
        en: 'both branches of the decision (`ya` and `tidak`) lead to `selesai`; a decision must branch to two different places',
      },
    },
  },
  check(ctx) {
    for (const p of ctx.schemaProblems()) {
      if (p.ruleId === 'decision-branches') {
        ctx.report({ messageId: 'keAndKeputusan', data: { detail: { id: p.message, en: p.messageEn } }, at: p.path, key: p.atKey });
      }
    }
    const prosedur = isObj(ctx.data) && Array.isArray(ctx.data.prosedur) ? ctx.data.prosedur : [];
    for (const node of ctx.flow().nodes) {
      const d = node.decision;
      if (!d || !sameTarget(d.yes, d.no)) continue;
      const raw = prosedur[node.row];
      const chain = isObj(raw) && Array.isArray(raw.langkah);
      const owner = chain ? (raw.langkah as unknown[])[node.item] : raw;
      const base = chain ? ['prosedur', node.row, 'langkah', node.item, 'keputusan'] : ['prosedur', node.row, 'keputusan'];
      // `tidak` is required, so it is the branch that is written; point at it
      const at = isObj(owner) && isObj(owner.keputusan) && owner.keputusan.tidak !== undefined ? [...base, 'tidak'] : base;
      if (d.yes.kind === 'end') ctx.report({ messageId: 'sameEnd', at });
      else if (d.yes.kind === 'row') ctx.report({ messageId: 'sameRow', data: { n: d.yes.index + 1 }, at });
    }
  },
});
