// Tests of the unknown-pelaksana rule: rows naming an undeclared actor.
import { ruleTester } from '../rule-tester.js';
import { FLOW, pos, sop, span } from '../sop-text.js';

const typo = sop({ flow: FLOW.replace('pelaksana: kepala\n', 'pelaksana: kepla\n') });
const title = sop({ flow: FLOW.replace('pelaksana: pemohon\n', 'pelaksana: Pemohon\n') });
const far = sop({ flow: FLOW.replace('pelaksana: kepala\n', 'pelaksana: sekretaris_daerah\n') });

ruleTester('unknown-pelaksana', {
  valid: [
    sop(),
    // a missing or broken `pelaksana` mapping is the schema's error, not one per row
    { name: 'no pelaksana mapping', code: sop({ flow: FLOW.replace(/^pelaksana:\n(  \w+: .*\n)+/m, '') }) },
    { name: 'non-string row actor (schema)', code: sop({ flow: FLOW.replace('pelaksana: kepala\n', 'pelaksana: [kepala]\n') }) },
  ],
  invalid: [
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
