// Tests of the date-order rule: dates that do not exist, and effect/revision dates before the date of making.
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, span, within } from '../sop-text.js';

const feb30 = sop({ identity: IDENTITY.replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2025-02-30') });
const notLeap = sop({ identity: IDENTITY.replace('tanggal_revisi: "-"', 'tanggal_revisi: 2027-02-29') });
const early = sop({ identity: IDENTITY.replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2025-01-14').replace('tanggal_revisi: "-"', 'tanggal_revisi: "2024-12-31"') });

const monthEarly = sop({ identity: IDENTITY.replace('tanggal_pembuatan: 2025-01-15', 'tanggal_pembuatan: 2025-01').replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2024-12') });
ruleTester('date-order', {
  valid: [
    { name: '1.1: month dates compare by month', code: sop({ identity: IDENTITY.replace('tanggal_pembuatan: 2025-01-15', 'tanggal_pembuatan: 2025-01').replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2025-01-02') }) },
    sop(),
    { name: 'leap day', code: sop({ identity: IDENTITY.replace('tanggal_revisi: "-"', 'tanggal_revisi: 2028-02-29') }) },
    { name: 'same day, null revision', code: sop({ identity: IDENTITY.replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2025-01-15').replace('tanggal_revisi: "-"', 'tanggal_revisi:') }) },
    // a badly shaped date is the schema's
    { name: 'bad shape', code: sop({ identity: IDENTITY.replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2025-13-01') }) },
  ],
  invalid: [
    { name: '1.1: a month date before tanggal_pembuatan', code: monthEarly, errors: [{ messageId: 'efektifBefore', ...within(monthEarly, 'tanggal_efektif: 2024-12', '2024-12') }] },
    { name: '30 February', code: feb30, errors: [{ messageId: 'noSuchDate', ...span(feb30, '2025-02-30'), message: 'tanggal `2025-02-30` tidak ada: bulan 2 tahun 2025 hanya memiliki 28 hari' }] },
    { name: '29 February of a common year', code: notLeap, lang: 'en', errors: [{ messageId: 'noSuchDate', ...span(notLeap, '2027-02-29') }] },
    {
      name: 'before tanggal_pembuatan',
      code: early,
      errors: [
        { messageId: 'revisiBefore', ...span(early, '"2024-12-31"') },
        { messageId: 'efektifBefore', ...within(early, 'tanggal_efektif: 2025-01-14', '2025-01-14'), message: '`tanggal_efektif` (2025-01-14) lebih awal daripada `tanggal_pembuatan` (2025-01-15); SOP tidak dapat berlaku sebelum selesai dibuat' },
      ],
    },
  ],
});
