// Tests of the keterkaitan-unresolved rule (cross-file, off by default): related SOPs that match no nomor or nama.
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

const related = (entries: string[]) => sop({ identity: IDENTITY.replace('keterkaitan: "-"', `keterkaitan:\n${entries.map((e) => `  - ${e}\n`).join('')}`) });
const target = sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', '"800/002/SOP/BKD/2025"').replace('Pelayanan Permohonan Cuti Tahunan', 'Penerbitan Surat Izin Cuti') });
const typo = related(['Penerbitan Surat Izin Cuty']);
const prefixed = related(['SOP Penerbitan Surat Izin Cuti']);
const far = related(['Pengelolaan Arsip Vital']);
const self = related(['Pelayanan Permohonan Cuti Tahunan']);

ruleTester('keterkaitan-unresolved', {
  valid: [
    { name: 'by nama, any case', code: [{ file: 'a.md', text: related(['penerbitan surat izin cuti']) }, { file: 'b.md', text: target }] },
    { name: 'by nomor', code: [{ file: 'a.md', text: related(['"800/002/SOP/BKD/2025"']) }, { file: 'b.md', text: target }] },
    { name: 'dash', code: [{ file: 'a.md', text: sop() }] },
  ],
  invalid: [
    { name: 'near miss', code: [{ file: 'a.md', text: typo }, { file: 'b.md', text: target }], errors: [{ messageId: 'unresolvedSuggest', ...span(typo, 'Penerbitan Surat Izin Cuty'), message: /mungkin maksudnya `Penerbitan Surat Izin Cuti`\?$/ }] },
    { name: '"SOP " prefix', code: [{ file: 'a.md', text: prefixed }, { file: 'b.md', text: target }], errors: [{ messageId: 'unresolvedSuggest', ...span(prefixed, 'SOP Penerbitan Surat Izin Cuti') }] },
    { name: 'nothing close', code: [{ file: 'a.md', text: far }], lang: 'en', errors: [{ messageId: 'unresolved', ...span(far, 'Pengelolaan Arsip Vital') }] },
    { name: 'itself', code: [{ file: 'a.md', text: self }, { file: 'b.md', text: target }], errors: [{ messageId: 'self', ...span(self, 'Pelayanan Permohonan Cuti Tahunan', 2) }] },
  ],
});
