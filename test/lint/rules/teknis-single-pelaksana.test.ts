// Tests of the teknis-single-pelaksana rule: a technical SOP has one actor.
import { ruleTester } from '../rule-tester.js';
import { FLOW, IDENTITY, sop, within } from '../sop-text.js';

const teknis = IDENTITY.replace('jenis: administratif', 'jenis: teknis');
const many = sop({ identity: teknis });
const one = FLOW.replace('  pemohon: Pemohon\n  pengelola: Pengelola Kepegawaian\n  kepala: Kepala Badan\n', '  pengelola: Pengelola Kepegawaian\n')
  .replace(/pelaksana: (pemohon|kepala)\n/g, 'pelaksana: pengelola\n');

const teknisJoint = sop({ identity: teknis, flow: one.replace('pelaksana: pengelola\n    kelengkapan: Berkas', 'pelaksana: [pengelola, arsiparis]\n    kelengkapan: Berkas') });
ruleTester('teknis-single-pelaksana', {
  valid: [sop(), sop({ identity: teknis, flow: one })],
  invalid: [
    { name: '1.1: a joint step counts every actor it lists', code: teknisJoint, errors: [{ messageId: 'many', ...within(teknisJoint, '\npelaksana:', 'pelaksana'), message: /melibatkan 2 pelaksana;/ }] },{ code: many, errors: [{ messageId: 'many', ...within(many, '\npelaksana:', 'pelaksana'), severity: 'warning', message: /melibatkan 3 pelaksana;/ }] }],
});
