// Tests of the unused-pelaksana rule: declared actors without a row.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, sop, span, within } from '../sop-text.js';

const extra = sop({ flow: FLOW.replace('  kepala: Kepala Badan\n', '  kepala: Kepala Badan\n  sekretaris: Sekretaris\n  bendahara: Bendahara\n') });

const unused11 = sop({ flow: FLOW_11.replace('  penyedia: Penyedia\n', '  penyedia: Penyedia\n  bendahara: Bendahara\n') });
ruleTester('unused-pelaksana', {
  valid: [
    { name: '1.1: actors used only in joint steps and langkah items', code: sop({ flow: FLOW_11 }) },sop(), { name: 'no prosedur list (schema)', code: sop({ flow: FLOW.replace(/prosedur:[\s\S]*$/, 'prosedur: 3\n') }) }],
  invalid: [
    { name: '1.1: an actor no joint step or item names', code: unused11, errors: [{ messageId: 'unused', ...within(unused11, '  bendahara: Bendahara', 'bendahara') }] },
    {
      code: extra,
      errors: [
        { messageId: 'unused', ...span(extra, 'sekretaris'), severity: 'warning' },
        { messageId: 'unused', ...span(extra, 'bendahara'), severity: 'warning' },
      ],
    },
  ],
});
