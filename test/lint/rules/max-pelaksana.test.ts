// Tests of the max-pelaksana rule: more actor columns than fit a landscape page.
import { ruleTester } from '../rule-tester.js';
import { FLOW, sop, span } from '../sop-text.js';

const extra = Array.from({ length: 6 }, (_, i) => `  unit${i + 1}: Unit ${i + 1}\n`).join('');
const four = sop({ flow: FLOW.replace('  kepala: Kepala Badan\n', '  kepala: Kepala Badan\n  arsip: Arsiparis\n') });
const nine = sop({ flow: FLOW.replace('  kepala: Kepala Badan\n', `  kepala: Kepala Badan\n${extra}`) });

ruleTester('max-pelaksana', {
  valid: [sop(), { name: 'raised limit', code: nine, options: { max: 9 } }],
  invalid: [
    { name: 'default 7: the 8th column is pointed at', code: nine, errors: [{ messageId: 'tooMany', ...span(nine, 'unit5'), severity: 'warning', message: /^9 kolom pelaksana melebihi 7 kolom/ }] },
    { name: 'option max 3', code: four, options: { max: 3 }, errors: [{ messageId: 'tooMany', ...span(four, 'arsip') }] },
  ],
});
