// Tests of the decision-branches rule: both branches to one place, or `ke` together with `keputusan`.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, pos, sop, span, within } from '../sop-text.js';

const same = sop({ flow: FLOW.replace('ya: tandatangan', 'ya: 3').replace('tidak: 1', 'tidak: tandatangan') });
// `ya` defaults to the row below (3), and `tidak: 3` says the same
const implicit = sop({ flow: FLOW.replace('      ya: tandatangan\n', '').replace('tidak: 1', 'tidak: 3') });
const bothEnd = sop({ flow: FLOW.replace('ya: tandatangan', 'ya: selesai').replace('tidak: 1', 'tidak: selesai') });
const keToo = sop({ flow: FLOW.replace('    keputusan:\n', '    ke: 3\n    keputusan:\n') });

const chainSame = sop({ flow: FLOW_11.replace('          tidak: telaah\n      - pelaksana: kabag\n', '          tidak: arsip\n      - pelaksana: kabag\n        id: arsip\n') });
ruleTester('decision-branches', {
  valid: [
    { name: '1.1: a chain diamond looping back inside its own row', code: sop({ flow: FLOW_11 }) },sop(), { name: 'one branch ends', code: sop({ flow: FLOW.replace('tidak: 1', 'tidak: selesai') }) }],
  invalid: [
    { name: '1.1: a chain diamond whose branches meet', code: chainSame, errors: [{ messageId: 'sameRow', ...within(chainSame, 'tidak: arsip', 'arsip'), message: /menuju kegiatan 3;/ }] },
    { name: 'same row', code: same, errors: [{ messageId: 'sameRow', ...span(same, 'tandatangan', 1), message: 'kedua cabang keputusan (`ya` dan `tidak`) menuju kegiatan 3; keputusan harus bercabang ke dua tujuan yang berbeda' }] },
    { name: 'implicit ya', code: implicit, errors: [{ messageId: 'sameRow', ...pos(implicit, '3\n') }] },
    { name: 'both end', code: bothEnd, errors: [{ messageId: 'sameEnd', ...pos(bothEnd, 'selesai', 2) }] },
    { name: 'ke and keputusan', code: keToo, errors: [{ messageId: 'keAndKeputusan', ...span(keToo, 'keputusan'), message: /tidak boleh memiliki `ke` dan `keputusan` sekaligus/ }] },
  ],
});
