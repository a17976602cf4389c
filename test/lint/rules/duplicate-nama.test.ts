// Tests of the duplicate-nama rule (cross-file, warning): two SOPs share a title.
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

const second = sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', '"800/002/SOP/BKD/2025"').replace('Pelayanan Permohonan Cuti Tahunan', 'pelayanan permohonan  cuti tahunan') });

ruleTester('duplicate-nama', {
  valid: [{ code: [{ file: 'a.md', text: sop() }, { file: 'b.md', text: sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', '"800/002/SOP/BKD/2025"').replace('Cuti Tahunan', 'Cuti Besar') }) }] }],
  invalid: [
    {
      code: [{ file: 'a.md', text: sop() }, { file: 'b.md', text: second }],
      errors: [{ messageId: 'duplicate', in: 'b.md', severity: 'warning', ...span(second, 'pelayanan permohonan  cuti tahunan') }],
    },
  ],
});
