// nip-missing: `disahkan_oleh` has no `nip` and is not signed electronically (`tte: true`), so the approval names no civil servant number.
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';

export default defineRule({
  id: 'nip-missing',
  meta: {
    description: { id: '`disahkan_oleh` memuat `nip`, kecuali ditandatangani secara elektronik (`tte: true`)', en: '`disahkan_oleh` has a `nip`, unless it is signed electronically (`tte: true`)' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/nip-missing.md',
    scope: 'file',
    messages: {
      missing: {
        id: '`disahkan_oleh` tidak memuat `nip`; baris NIP pejabat tidak dicetak. Tambahkan `nip`, atau `tte: true` bila SOP ditandatangani secara elektronik',
        en: '`disahkan_oleh` has no `nip`; no NIP line is printed for the official. Add `nip`, or `tte: true` when the SOP is signed electronically',
      },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data) || !isObj(ctx.data.disahkan_oleh)) return;
    const p = ctx.data.disahkan_oleh;
    // "-" (spec §7.3) is a written "none": the same as no `nip`.
    if ((p.nip !== undefined && !(typeof p.nip === 'string' && p.nip.trim() === '-')) || p.tte === true) return;
    ctx.report({ messageId: 'missing', at: ['disahkan_oleh'], key: true });
  },
});
