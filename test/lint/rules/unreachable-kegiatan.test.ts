// Tests of the unreachable-kegiatan rule: rows no arrow from row 1 reaches.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, pos, sop } from '../sop-text.js';

// row 1 jumps over row 2 straight to row 3
const skip = sop({ flow: FLOW.replace('    output: Formulir permohonan terisi\n', '    output: Formulir permohonan terisi\n    ke: tandatangan\n') });
// row 1 ends the procedure: 2 and 3 are dead text
const early = sop({ flow: FLOW.replace('    output: Formulir permohonan terisi\n', '    output: Formulir permohonan terisi\n    ke: selesai\n') });

const noStart = sop({ flow: FLOW_11.replace('    mulai: true\n', '') });
ruleTester('unreachable-kegiatan', {
  valid: [
    { name: '1.1: a mulai row is an entry', code: sop({ flow: FLOW_11 }) },
    sop(),
    // a target naming no row may be the arrow that was meant to lead here: unknown-target speaks first
    { name: 'graph incomplete', code: sop({ flow: FLOW.replace('    output: Formulir permohonan terisi\n', '    output: Formulir permohonan terisi\n    ke: nowhere\n') }) },
  ],
  invalid: [
    { name: '1.1: without mulai the second start is unreachable', code: noStart, errors: [{ messageId: 'unreachable', ...pos(noStart, 'kegiatan: Menerima surat masuk melalui surel'), message: /tulis `mulai: true`$/ }] },
    { code: skip, errors: [{ messageId: 'unreachable', ...pos(skip, 'id: verifikasi'), message: /^kegiatan 2 tidak pernah dicapai dari kegiatan 1/ }] },
    {
      code: early,
      errors: [
        { messageId: 'unreachable', ...pos(early, 'id: verifikasi') },
        { messageId: 'unreachable', ...pos(early, 'id: tandatangan') },
      ],
    },
  ],
});
