// Tests of the unknown-pelaksana rule: rows naming an undeclared actor.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, pos, sop, span, within } from '../sop-text.js';

const typo = sop({ flow: FLOW.replace('pelaksana: kepala\n', 'pelaksana: kepla\n') });
const title = sop({ flow: FLOW.replace('pelaksana: pemohon\n', 'pelaksana: Pemohon\n') });
const far = sop({ flow: FLOW.replace('pelaksana: kepala\n', 'pelaksana: sekretaris_daerah\n') });

const joint11 = sop({ flow: FLOW_11.replace('pelaksana: [ppk, penyedia]\n    opsional', 'pelaksana: [ppk, penyedai]\n    opsional') });
const chain11 = sop({ flow: FLOW_11.replace('      - pelaksana: kabag\n', '      - pelaksana: bupati\n') });
ruleTester('unknown-pelaksana', {
  valid: [
    { name: '1.1: joint steps and langkah items', code: sop({ flow: FLOW_11 }) },
    sop(),
    // a missing or broken `pelaksana` mapping is the schema's error, not one per row
    { name: 'no pelaksana mapping', code: sop({ flow: FLOW.replace(/^pelaksana:\n(  \w+: .*\n)+/m, '') }) },
    { name: 'non-string row actor (schema)', code: sop({ flow: FLOW.replace('pelaksana: kepala\n', 'pelaksana: [kepala]\n') }) },
  ],
  invalid: [
    { name: '1.1: each id of a joint step', code: joint11, errors: [{ messageId: 'unknownSuggest', ...span(joint11, 'penyedai'), message: /mungkin maksudnya `penyedia`\?$/ }] },
    { name: '1.1: a langkah item', code: chain11, errors: [{ messageId: 'unknown', ...within(chain11, '- pelaksana: bupati', 'bupati') }] },
    { name: 'typo', code: typo, errors: [{ messageId: 'unknownSuggest', ...span(typo, 'kepla'), message: 'pelaksana `kepla` tidak dideklarasikan di `pelaksana`; mungkin maksudnya `kepala`?' }] },
    { name: 'column title instead of id', code: title, errors: [{ messageId: 'unknownSuggest', ...pos(title, 'Pemohon\n    kelengkapan'), message: /`pemohon`\?$/ }] },
    {
      name: 'english, no close match',
      code: far,
      lang: 'en',
      errors: [{ messageId: 'unknown', ...pos(far, 'sekretaris_daerah'), severity: 'error', message: 'actor `sekretaris_daerah` is not declared in `pelaksana`; expected one of: `pemohon`, `pengelola`, `kepala`' }],
    },
  ],
});
