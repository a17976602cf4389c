// Tests of the duplicate-id rule: two rows with one id, or the reserved id `selesai`.
import { ruleTester } from '../rule-tester.js';
import { FLOW, span, sop, within } from '../sop-text.js';

const dup = sop({ flow: FLOW.replace('id: tandatangan', 'id: verifikasi').replace('ya: tandatangan', 'ya: 3') });
const reserved = sop({ flow: FLOW.replace('id: tandatangan', 'id: selesai').replace('ya: tandatangan', 'ya: 3') });

ruleTester('duplicate-id', {
  valid: [sop(), { name: 'no ids', code: sop({ flow: FLOW.replace(/ {2}- id: \w+\n {4}kegiatan/g, '  - kegiatan').replace('ya: tandatangan', 'ya: 3') }) }],
  invalid: [
    { name: 'same id twice', code: dup, errors: [{ messageId: 'duplicate', ...within(dup, 'id: verifikasi', 'verifikasi', 2), message: 'id `verifikasi` sudah dipakai oleh kegiatan 2; setiap `id` harus unik' }] },
    { name: 'reserved word', code: reserved, errors: [{ messageId: 'reserved', ...span(reserved, 'selesai') }] },
  ],
});
