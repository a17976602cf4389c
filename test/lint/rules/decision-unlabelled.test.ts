// Tests of the decision-unlabelled rule (spec §7.1): decisions drawn with `label: false`.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, sop, span, within } from '../sop-text.js';

const row = sop({ flow: FLOW.replace('      tidak: 1\n', '      tidak: 1\n      label: false\n') });
const item = sop({ flow: FLOW_11.replace('          tidak: telaah\n', '          tidak: telaah\n          label: false\n') });

ruleTester('decision-unlabelled', {
  valid: [sop(), sop({ flow: FLOW.replace('      tidak: 1\n', '      tidak: 1\n      label: [Lengkap, Tidak lengkap]\n') }), sop({ flow: FLOW_11 })],
  invalid: [
    { name: 'a row', code: row, errors: [{ messageId: 'unlabelled', ...span(row, 'false'), severity: 'warning', message: /^cabang keputusan ini digambar tanpa label;/ }] },
    { name: 'a langkah item', code: item, lang: 'en', errors: [{ messageId: 'unlabelled', ...within(item, 'label: false', 'false'), message: /^the branches of this decision are drawn without labels;/ }] },
  ],
});
