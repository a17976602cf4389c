// Tests of the nip-missing rule (spec §7.3): an approving official without NIP, unless signed electronically.
import { ruleTester } from '../rule-tester.js';
import { IDENTITY, sop, within } from '../sop-text.js';

const noNip = IDENTITY.replace('  nip: "19750312 200012 1 003"\n', '');
const missing = sop({ identity: noNip });
const dash = sop({ identity: IDENTITY.replace('  nip: "19750312 200012 1 003"\n', '  nip: "-"\n') });
const fromDefaults = sop({ identity: noNip.replace(/disahkan_oleh:\n(  .*\n)+/, '') });

ruleTester('nip-missing', {
  valid: [
    sop(),
    { name: 'tte: true', code: sop({ identity: noNip.replace('  nama: Drs. Ahmad Suryadi, M.Si.\n', '  nama: Drs. Ahmad Suryadi, M.Si.\n  tte: true\n') }) },
  ],
  invalid: [
    { name: 'nip: "-" is a written none (spec §7.3): warned like a missing one', code: dash, errors: [{ messageId: 'missing', ...within(dash, 'disahkan_oleh:', 'disahkan_oleh'), severity: 'warning' }] },
    { name: 'no nip', code: missing, errors: [{ messageId: 'missing', ...within(missing, 'disahkan_oleh:', 'disahkan_oleh'), severity: 'warning', message: '`disahkan_oleh` tidak memuat `nip`; baris NIP pejabat tidak dicetak. Tambahkan `nip`, atau `tte: true` bila SOP ditandatangani secara elektronik' }] },
    {
      name: 'tte: false from config defaults, reported in the config',
      code: fromDefaults,
      config: 'defaults:\n  disahkan_oleh:\n    jabatan: Kepala Badan\n    nama: Budi\n    tte: false\n',
      errors: [{ messageId: 'missing', file: 'sop.config.yaml', line: 2, column: 3 }],
    },
  ],
});
