// Tests of the unused-pelaksana rule: declared actors without a row.
import { ruleTester } from '../rule-tester.js';
import { FLOW, span, sop } from '../sop-text.js';

const extra = sop({ flow: FLOW.replace('  kepala: Kepala Badan\n', '  kepala: Kepala Badan\n  sekretaris: Sekretaris\n  bendahara: Bendahara\n') });

ruleTester('unused-pelaksana', {
  valid: [sop(), { name: 'no prosedur list (schema)', code: sop({ flow: FLOW.replace(/prosedur:[\s\S]*$/, 'prosedur: 3\n') }) }],
  invalid: [
    {
      code: extra,
      errors: [
        { messageId: 'unused', ...span(extra, 'sekretaris'), severity: 'warning' },
        { messageId: 'unused', ...span(extra, 'bendahara'), severity: 'warning' },
      ],
    },
  ],
});
