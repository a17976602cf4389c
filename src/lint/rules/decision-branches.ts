// decision-branches: a decision whose two branches lead to the same place, or a row with both `ke` and `keputusan`.
import type { ResolvedTarget } from '../../model/flow-types.js';
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';

function sameTarget(a: ResolvedTarget, b: ResolvedTarget): boolean {
  if (a.kind === 'end' && b.kind === 'end') return true;
  return a.kind === 'row' && b.kind === 'row' && a.index === b.index;
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
    for (const row of ctx.flow().rows) {
      const d = row.decision;
      if (!d || !sameTarget(d.yes, d.no)) continue;
      const raw = prosedur[row.index];
      // `tidak` is required, so it is the branch that is written; point at it
      const at = isObj(raw) && isObj(raw.keputusan) && raw.keputusan.tidak !== undefined ? ['prosedur', row.index, 'keputusan', 'tidak'] : ['prosedur', row.index, 'keputusan'];
      if (d.yes.kind === 'end') ctx.report({ messageId: 'sameEnd', at });
      else if (d.yes.kind === 'row') ctx.report({ messageId: 'sameRow', data: { n: d.yes.index + 1 }, at });
    }
  },
});
