// Tests of the schema rule: translated, located sop.schema.json failures (one per place).
import { ruleTester } from '../rule-tester.js';
import { FLOW, IDENTITY, pos, sop, span, within } from '../sop-text.js';

const missingNomor = sop({ identity: IDENTITY.replace('nomor: "800/001/SOP/BKD/2025"\n', '') });
const unknownKey = sop({ extra: 'kualifikasi_pelaksna: [x]\n' });
const badEnum = sop({ identity: IDENTITY.replace('jenis: administratif', 'jenis: teknikal') });
const badDate = sop({ identity: IDENTITY.replace('tanggal_efektif: 2025-02-01', 'tanggal_efektif: 01-02-2025') });
const missingRowKey = sop({ flow: FLOW.replace('    waktu: 30 menit\n', '') });
const wrongType = sop({ identity: IDENTITY.replace('dasar_hukum:\n  - Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil\n', 'dasar_hukum: PP 11/2017\n') });
// `nip` is optional since format 1.1 (nip-missing warns); `nama` is still required
const missingNama = sop({ identity: IDENTITY.replace(/\n  nama: [^\n]*\n/, '\n') });

ruleTester('schema', {
  valid: [sop(), { name: 'agency extension key', code: sop({ extra: 'x-kode-unit: BKD-01\n' }) }],
  invalid: [
    // a missing top-level key is reported at the start of the frontmatter mapping
    { name: 'missing nomor', code: missingNomor, errors: [{ messageId: 'problem', line: 2, column: 1, message: 'kunci `nomor` wajib diisi' }] },
    { name: 'missing nomor (en)', code: missingNomor, lang: 'en', errors: [{ line: 2, column: 1, message: 'missing required key `nomor`' }] },
    { name: 'misspelt key', code: unknownKey, errors: [{ ...span(unknownKey, 'kualifikasi_pelaksna'), message: 'kunci `kualifikasi_pelaksna` tidak dikenal; mungkin maksudnya `kualifikasi_pelaksana`? (kunci tambahan milik instansi harus diawali `x-`)' }] },
    { name: 'enum', code: badEnum, errors: [{ ...span(badEnum, 'teknikal'), message: 'nilai `teknikal` tidak diizinkan untuk `jenis`; pilih salah satu: `administratif`, `teknis`' }] },
    { name: 'date shape', code: badDate, errors: [{ ...span(badDate, '01-02-2025'), message: /bukan tanggal berformat YYYY-MM-DD/ }] },
    // a missing key inside a row points at that row's mapping
    { name: 'missing row key', code: missingRowKey, errors: [{ ...pos(missingRowKey, 'id: verifikasi'), message: 'kunci `waktu` wajib diisi' }] },
    { name: 'wrong type', code: wrongType, errors: [{ ...span(wrongType, 'PP 11/2017'), message: '`dasar_hukum` harus berupa daftar (list), bukan teks' }] },
    { name: 'missing nested key points at its parent key', code: missingNama, errors: [{ ...within(missingNama, 'disahkan_oleh:', 'disahkan_oleh'), message: 'kunci `nama` wajib diisi' }] },
    { name: 'frontmatter is a list', code: '---\n- a\n- b\n---\n', errors: [{ line: 2, column: 1, message: 'frontmatter harus berupa pemetaan (kunci: nilai), bukan daftar (list)' }] },
    { name: 'empty frontmatter', code: '---\n---\nbody\n', errors: [{ line: 1, column: 1, message: 'frontmatter harus berupa pemetaan (kunci: nilai), bukan kosong (null)' }] },
  ],
});
