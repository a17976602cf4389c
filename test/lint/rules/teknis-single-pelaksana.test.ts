// Tests of the teknis-single-pelaksana rule: a technical SOP has one actor.
import { ruleTester } from '../rule-tester.js';
import { FLOW, IDENTITY, sop, within } from '../sop-text.js';

const teknis = IDENTITY.replace('jenis: administratif', 'jenis: teknis');
const many = sop({ identity: teknis });
const one = FLOW.replace('  pemohon: Pemohon\n  pengelola: Pengelola Kepegawaian\n  kepala: Kepala Badan\n', '  pengelola: Pengelola Kepegawaian\n')
  .replace(/pelaksana: (pemohon|kepala)\n/g, 'pelaksana: pengelola\n');

ruleTester('teknis-single-pelaksana', {
  valid: [sop(), sop({ identity: teknis, flow: one })],
  invalid: [{ code: many, errors: [{ messageId: 'many', ...within(many, '\npelaksana:', 'pelaksana'), severity: 'warning', message: /memuat 3;/ }] }],
});
