// Tests of the duplicate-id rule: two rows with one id, or the reserved id `selesai`.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, sop, span, within } from '../sop-text.js';

const dup = sop({ flow: FLOW.replace('id: tandatangan', 'id: verifikasi').replace('ya: tandatangan', 'ya: 3') });
const reserved = sop({ flow: FLOW.replace('id: tandatangan', 'id: selesai').replace('ya: tandatangan', 'ya: 3') });

const itemDup = sop({ flow: FLOW_11.replace('        id: telaah\n', '        id: disposisi\n').replace('tidak: telaah', 'tidak: disposisi') });
ruleTester('duplicate-id', {
  valid: [
    { name: '1.1: row and langkah item ids', code: sop({ flow: FLOW_11 }) },sop(), { name: 'no ids', code: sop({ flow: FLOW.replace(/ {2}- id: \w+\n {4}kegiatan/g, '  - kegiatan').replace('ya: tandatangan', 'ya: 3') }) }],
  invalid: [
    { name: '1.1: a langkah item reusing a row id', code: itemDup, errors: [{ messageId: 'duplicate', ...within(itemDup, 'id: disposisi\n      - pelaksana: kepala', 'disposisi'), message: 'id `disposisi` sudah dipakai oleh kegiatan 3; setiap `id` harus unik' }] },
    { name: 'same id twice', code: dup, errors: [{ messageId: 'duplicate', ...within(dup, 'id: verifikasi', 'verifikasi', 2), message: 'id `verifikasi` sudah dipakai oleh kegiatan 2; setiap `id` harus unik' }] },
    { name: 'reserved word', code: reserved, errors: [{ messageId: 'reserved', ...span(reserved, 'selesai') }] },
  ],
});
