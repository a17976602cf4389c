// Tests of the keterkaitan-unresolved rule (cross-file, off by default): related SOPs that match no nomor or nama.
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

const related = (entries: string[]) => sop({ identity: IDENTITY.replace('keterkaitan: "-"', `keterkaitan:\n${entries.map((e) => `  - ${e}\n`).join('')}`) });
const target = sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', '"800/002/SOP/BKD/2025"').replace('Pelayanan Permohonan Cuti Tahunan', 'Penerbitan Surat Izin Cuti') });
const typo = related(['Penerbitan Surat Izin Cuty']);
const prefixed = related(['SOP Penerbitan Surat Izin Cuti']);
const prefixedTypo = related(['SOP Penerbitan Surat Izin Cuty']);
const far = related(['Pengelolaan Arsip Vital']);
const self = related(['Pelayanan Permohonan Cuti Tahunan']);

ruleTester('keterkaitan-unresolved', {
  valid: [
    { name: 'by nama, any case', code: [{ file: 'a.md', text: related(['penerbitan surat izin cuti']) }, { file: 'b.md', text: target }] },
    { name: 'by nomor', code: [{ file: 'a.md', text: related(['"800/002/SOP/BKD/2025"']) }, { file: 'b.md', text: target }] },
    { name: 'dash', code: [{ file: 'a.md', text: sop() }] },
    // spec §7.5: a leading "SOP", "SOP AP" or "Standar Operasional Prosedur [Administrasi Pemerintahan]", trailing punctuation and spaces do not count
    { name: '"SOP " prefix', code: [{ file: 'a.md', text: prefixed }, { file: 'b.md', text: target }] },
    { name: 'long prefix, trailing dot, repeated spaces', code: [{ file: 'a.md', text: related(['Standar Operasional Prosedur Administrasi Pemerintahan  Penerbitan Surat Izin Cuti.']) }, { file: 'b.md', text: target }] },
    { name: '"SOP AP:" prefix', code: [{ file: 'a.md', text: related(['"SOP AP: penerbitan surat izin cuti"']) }, { file: 'b.md', text: target }] },
    // naming this SOP itself is keterkaitan-self's report, not this rule's
    { name: 'itself', code: [{ file: 'a.md', text: self }, { file: 'b.md', text: target }] },
  ],
  invalid: [
    { name: 'near miss', code: [{ file: 'a.md', text: typo }, { file: 'b.md', text: target }], errors: [{ messageId: 'unresolvedSuggest', ...span(typo, 'Penerbitan Surat Izin Cuty'), message: /mungkin maksudnya `Penerbitan Surat Izin Cuti`\?$/ }] },
    { name: 'nothing close', code: [{ file: 'a.md', text: far }], lang: 'en', errors: [{ messageId: 'unresolved', ...span(far, 'Pengelolaan Arsip Vital') }] },
    { name: 'a near miss with the prefix', code: [{ file: 'a.md', text: prefixedTypo }, { file: 'b.md', text: target }], errors: [{ messageId: 'unresolvedSuggest', ...span(prefixedTypo, 'SOP Penerbitan Surat Izin Cuty'), message: /mungkin maksudnya `Penerbitan Surat Izin Cuti`\?$/ }] },
  ],
});
