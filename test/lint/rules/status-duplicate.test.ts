// Tests of the status-duplicate rule (issue #14, warning): two SOPs in force share a nama (matched as links are, spec §7.5).
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

const doc = (nomor: string, nama: string, extra = '') => sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', `"${nomor}"`).replace('Pelayanan Permohonan Cuti Tahunan', nama), extra });
const a = doc('800/001/SOP/BKD/2024', 'Pelayanan Cuti Tahunan');
const b = doc('800/001/SOP/BKD/2026', 'SOP pelayanan cuti  tahunan.');
const bExplicit = doc('800/001/SOP/BKD/2026', 'Pelayanan Cuti Tahunan', 'status: berlaku\n');

ruleTester('status-duplicate', {
  valid: [
    { name: 'the old one is replaced', code: [{ file: 'a.md', text: doc('800/001/SOP/BKD/2024', 'Pelayanan Cuti Tahunan', 'status: diganti\ndiganti_oleh: "800/001/SOP/BKD/2026"\n') }, { file: 'b.md', text: b }] },
    { name: 'a draft of the next version', code: [{ file: 'a.md', text: a }, { file: 'b.md', text: doc('800/001/SOP/BKD/2026', 'Pelayanan Cuti Tahunan', 'status: draf\n') }] },
    { name: 'a revoked one', code: [{ file: 'a.md', text: a }, { file: 'b.md', text: doc('800/001/SOP/BKD/2026', 'Pelayanan Cuti Tahunan', 'status: dicabut\ntanggal_dicabut: 2026-01-01\n') }] },
    { name: 'different names', code: [{ file: 'a.md', text: a }, { file: 'b.md', text: doc('800/002/SOP/BKD/2026', 'Pelayanan Cuti Besar') }] },
  ],
  invalid: [
    {
      name: 'both in force by default, names equal by nameKey',
      code: [{ file: 'a.md', text: a }, { file: 'b.md', text: b }],
      errors: [{ messageId: 'duplicate', in: 'b.md', file: 'b.md', severity: 'warning', ...span(b, 'SOP pelayanan cuti  tahunan.'), message: 'SOP `SOP pelayanan cuti  tahunan.` juga berlaku di a.md; bila salah satunya sudah diganti, beri SOP lama `status: diganti` dan `diganti_oleh`' }],
    },
    {
      name: 'status berlaku written out, English',
      lang: 'en',
      code: [{ file: 'a.md', text: a }, { file: 'b.md', text: bExplicit }],
      errors: [{ messageId: 'duplicate', in: 'b.md', file: 'b.md', ...span(bExplicit, 'Pelayanan Cuti Tahunan'), message: 'the SOP `Pelayanan Cuti Tahunan` is also in force in a.md; if one replaces the other, give the old one `status: diganti` and `diganti_oleh`' }],
    },
  ],
});
