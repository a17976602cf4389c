// Tests of the no-end rule: loops the procedure can never leave.
import { ruleTester } from '../rule-tester.js';
import { FLOW, FLOW_11, sop, within } from '../sop-text.js';

// the last row goes back to the decision, and the decision never exits
const loop = sop({ flow: FLOW.replace('tidak: 1', 'tidak: 1').replace('    output: Surat izin cuti\n', '    output: Surat izin cuti\n    ke: verifikasi\n') });
const self = sop({ flow: FLOW.replace('    output: Surat izin cuti\n', '    output: Surat izin cuti\n    ke: 3\n') });

const chainLoop = sop({ flow: FLOW_11.replace('    ke: [4, 5]\n', '    ke: telaah\n') });
ruleTester('no-end', {
  valid: [
    { name: '1.1: chains and forks that reach selesai', code: sop({ flow: FLOW_11 }) },
    sop(),
    // a loop with an exit branch is fine
    { name: 'loop with exit', code: sop({ flow: FLOW.replace('tidak: 1', 'tidak: selesai').replace('    output: Surat izin cuti\n', '    output: Surat izin cuti\n    ke: verifikasi\n') }) },
    { name: 'unknown target counts as an exit', code: sop({ flow: FLOW.replace('    output: Surat izin cuti\n', '    output: Surat izin cuti\n    ke: arsip\n') }) },
  ],
  invalid: [
    { name: '1.1: a chain that loops into itself', code: chainLoop, errors: [{ messageId: 'loop', ...within(chainLoop, 'ke: telaah\n  - kegiatan: Menyusun', 'telaah'), message: /kegiatan 3 berulang/ }] },
    { name: 'loop 1-3', code: loop, errors: [{ messageId: 'loop', ...within(loop, 'ke: verifikasi', 'verifikasi'), message: /kegiatan 1, 2, 3 berulang tanpa jalan keluar/ }] },
    { name: 'self loop', code: self, lang: 'en', errors: [{ messageId: 'selfLoop', ...within(self, 'ke: 3', '3'), message: 'row 3 leads to itself, so the procedure never reaches `selesai`' }] },
  ],
});
