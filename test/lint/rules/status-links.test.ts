// Tests of the status-links rule (issue #14): diganti_oleh / menggantikan resolve to SOPs of the run, and both directions agree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester, runRule } from '../rule-tester.js';
import { IDENTITY, sop, span } from '../sop-text.js';

/** An SOP with its own nomor and nama, plus status lines after the flow. */
const doc = (nomor: string, nama: string, extra = '') => sop({ identity: IDENTITY.replace('"800/001/SOP/BKD/2025"', `"${nomor}"`).replace('Pelayanan Permohonan Cuti Tahunan', nama), extra });

const OLD = '800/001/SOP/BKD/2024';
const NEW = '800/001/SOP/BKD/2026';
const oldLinked = doc(OLD, 'Pelayanan Cuti Tahunan', `status: diganti\ndiganti_oleh: "${NEW}"\n`);
const newLinked = doc(NEW, 'Pelayanan Cuti Tahunan', 'menggantikan:\n  - SOP Pelayanan Cuti Tahunan.\n');
const newSilent = doc(NEW, 'Pelayanan Cuti Tahunan Baru');
const oldSilent = doc(OLD, 'Pelayanan Cuti Tahunan');
const newByNomor = doc(NEW, 'Pelayanan Cuti Tahunan Baru', `menggantikan: "${OLD}"\n`);
const typo = doc(OLD, 'Pelayanan Cuti Tahunan', 'status: diganti\ndiganti_oleh: Pelayanan Cuti Tahunann\n');
const stillInForce = doc(OLD, 'Pelayanan Cuti Tahunan', `diganti_oleh: "${NEW}"\n`);
const noSuccessor = doc(OLD, 'Pelayanan Cuti Tahunan', 'status: diganti\n');
const selfRef = doc(NEW, 'Pelayanan Cuti Tahunan Baru', `menggantikan: [Pelayanan Cuti Tahunan Baru, "${OLD}"]\n`);
const third = doc('800/009/SOP/BKD/2026', 'Penerbitan Surat Izin Cuti', 'menggantikan:\n  - SOP Pelayanan Cuti Tahunan\n');

ruleTester('status-links', {
  valid: [
    { name: 'both directions agree (menggantikan by the shared nama, with the SOP prefix)', code: [{ file: 'a.md', text: oldLinked }, { file: 'b.md', text: newLinked }] },
    { name: 'no status keys at all', code: [{ file: 'a.md', text: doc(OLD, 'A') }, { file: 'b.md', text: doc(NEW, 'B') }] },
    { name: 'a revoked SOP needs no successor', code: doc(OLD, 'A', 'status: dicabut\ntanggal_dicabut: 2026-01-31\n') },
  ],
  invalid: [
    {
      name: 'the successor does not name the old SOP',
      code: [{ file: 'a.md', text: oldLinked }, { file: 'b.md', text: newSilent }],
      errors: [{ messageId: 'successorSilent', in: 'a.md', severity: 'error', ...span(oldLinked, `"${NEW}"`), message: `b.md tidak menyebut SOP ini dalam \`menggantikan\`; tambahkan \`${OLD}\` pada \`menggantikan\` di sana` }],
    },
    {
      name: 'the old SOP does not name its successor',
      code: [{ file: 'a.md', text: oldSilent }, { file: 'b.md', text: newByNomor }],
      errors: [{ messageId: 'oldSilent', in: 'b.md', file: 'b.md', ...span(newByNomor, `"${OLD}"`), message: `a.md tidak menyebut SOP ini dalam \`diganti_oleh\`; isi di sana \`status: diganti\` dan \`diganti_oleh: ${NEW}\`` }],
    },
    {
      name: 'the old SOP names another successor',
      lang: 'en',
      code: [{ file: 'a.md', text: oldLinked }, { file: 'b.md', text: newLinked }, { file: 'c.md', text: third }],
      errors: [{ messageId: 'oldElsewhere', in: 'c.md', file: 'c.md', ...span(third, 'SOP Pelayanan Cuti Tahunan'), message: `a.md names \`${NEW}\` in \`diganti_oleh\`, not this SOP` }],
    },
    {
      name: 'an entry that names no SOP, with a suggestion',
      code: [{ file: 'a.md', text: typo }, { file: 'b.md', text: newLinked }],
      errors: [
        { messageId: 'unresolvedSuggest', in: 'a.md', ...span(typo, 'Pelayanan Cuti Tahunann'), message: '`Pelayanan Cuti Tahunann` tidak sama dengan `nomor` atau `nama` SOP mana pun di repositori; mungkin maksudnya `Pelayanan Cuti Tahunan`?' },
        // b.md's menggantikan names a.md, whose diganti_oleh now names nothing it knows
        { messageId: 'oldElsewhere', in: 'b.md', file: 'b.md', ...span(newLinked, 'SOP Pelayanan Cuti Tahunan.') },
      ],
    },
    {
      name: 'diganti_oleh on an SOP still in force',
      code: [{ file: 'a.md', text: stillInForce }, { file: 'b.md', text: newByNomor }],
      errors: [{ messageId: 'notReplaced', in: 'a.md', ...span(stillInForce, `"${NEW}"`), message: '`diganti_oleh` diisi tetapi status SOP ini `berlaku`; ubah menjadi `status: diganti` atau hapus `diganti_oleh`' }],
    },
    {
      name: 'status diganti without diganti_oleh',
      code: noSuccessor,
      errors: [{ messageId: 'noSuccessor', ...span(noSuccessor, 'diganti', 1) }],
    },
    {
      name: 'an entry that names the SOP itself, next to a good one',
      code: [{ file: 'a.md', text: oldLinked }, { file: 'b.md', text: selfRef }],
      errors: [{ messageId: 'self', in: 'b.md', file: 'b.md', ...span(selfRef, 'Pelayanan Cuti Tahunan Baru', 2), message: '`Pelayanan Cuti Tahunan Baru` merujuk SOP ini sendiri; sebutkan SOP lain' }],
    },
  ],
});

describe('status-links related location', () => {
  it('points at the other SOP’s nomor when it has no menggantikan', async () => {
    const [d] = await runRule('status-links', { code: [{ file: 'a.md', text: oldLinked }, { file: 'b.md', text: newSilent }] });
    assert.equal(d.related?.length, 1);
    const r = d.related![0];
    assert.deepEqual([r.file, r.line, r.column], ['b.md', span(newSilent, `"${NEW}"`).line, span(newSilent, `"${NEW}"`).column]);
  });
});
