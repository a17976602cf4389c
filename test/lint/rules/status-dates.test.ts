// Tests of the status-dates rule (issue #14): tanggal_dicabut required for dicabut, fits the status, exists, not before tanggal_efektif.
import { ruleTester } from '../rule-tester.js';
import { sop, span } from '../sop-text.js';

const revokedNoDate = sop({ extra: 'status: dicabut\n' });
const inForceWithDate = sop({ extra: 'status: berlaku\ntanggal_dicabut: 2026-03-31\n' });
const noSuchDay = sop({ extra: 'status: dicabut\ntanggal_dicabut: 2026-02-30\n' });
const beforeEffective = sop({ extra: 'status: dicabut\ntanggal_dicabut: 2025-01-20\n' });

ruleTester('status-dates', {
  valid: [
    sop(),
    sop({ extra: 'status: dicabut\ntanggal_dicabut: 2026-03-31\n' }),
    sop({ extra: 'status: dicabut\ntanggal_dicabut: 2026-03\n' }),
    { name: 'a replaced SOP may say when it stopped', code: sop({ extra: 'status: diganti\ndiganti_oleh: X\ntanggal_dicabut: 2026-03-31\n' }) },
    // enacted but not yet in force: fine for lint, the catalogue says "belum berlaku"
    { name: 'berlaku with a future tanggal_efektif', code: sop().replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 2027-01-01') },
  ],
  invalid: [
    { name: 'dicabut without a date', code: revokedNoDate, errors: [{ messageId: 'noDate', severity: 'error', ...span(revokedNoDate, 'dicabut'), message: '`status: dicabut` tanpa `tanggal_dicabut`; isi tanggal SOP ini dicabut (YYYY-MM-DD)' }] },
    {
      name: 'a revocation date on an SOP in force (English)',
      lang: 'en',
      code: inForceWithDate,
      errors: [{ messageId: 'dateInForce', ...span(inForceWithDate, '2026-03-31'), message: '`tanggal_dicabut` is set, but this SOP’s status is `berlaku`; set `status: dicabut` (or `diganti`) or remove `tanggal_dicabut`' }],
    },
    { name: 'a day that does not exist', code: noSuchDay, errors: [{ messageId: 'noSuchDate', ...span(noSuchDay, '2026-02-30'), message: 'tanggal `2026-02-30` tidak ada: bulan 2 tahun 2026 hanya memiliki 28 hari' }] },
    { name: 'before tanggal_efektif', code: beforeEffective, errors: [{ messageId: 'beforeEffective', ...span(beforeEffective, '2025-01-20'), message: '`tanggal_dicabut` (2025-01-20) lebih awal daripada `tanggal_efektif` (2025-02-01); SOP tidak dapat dicabut sebelum berlaku' }] },
  ],
});
