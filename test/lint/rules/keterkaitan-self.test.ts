// Tests of the keterkaitan-self rule (spec §7.5): a keterkaitan entry naming the SOP itself.
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

const related = (entries: string[]) => sop({ identity: IDENTITY.replace('keterkaitan: "-"', `keterkaitan:\n${entries.map((e) => `  - ${e}\n`).join('')}`) });
const byNama = related(['Pengelolaan Arsip', 'SOP Pelayanan Permohonan Cuti Tahunan.']);
const byNomor = related(['"800/001/SOP/BKD/2025"']);

ruleTester('keterkaitan-self', {
  valid: [sop(), related(['Penerbitan Surat Izin Cuti', 'SOP Pelayanan Permohonan Cuti Besar'])],
  invalid: [
    { name: 'by nama, with the SOP prefix and a dot', code: byNama, errors: [{ messageId: 'self', ...span(byNama, 'SOP Pelayanan Permohonan Cuti Tahunan.'), severity: 'warning', message: '`SOP Pelayanan Permohonan Cuti Tahunan.` merujuk SOP ini sendiri; `keterkaitan` berisi SOP lain yang berkaitan' }] },
    { name: 'by nomor', code: byNomor, lang: 'en', errors: [{ messageId: 'self', ...span(byNomor, '"800/001/SOP/BKD/2025"', 2), message: '`800/001/SOP/BKD/2025` names this SOP itself; `keterkaitan` lists other, related SOPs' }] },
  ],
});
