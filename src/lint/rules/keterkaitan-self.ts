// keterkaitan-self: a `keterkaitan` entry names this SOP itself (by its nomor or nama, matched as spec §7.5 says).
import { nameKey } from '../../model/names.js';
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';

export default defineRule({
  id: 'keterkaitan-self',
  meta: {
    description: { id: 'Entri `keterkaitan` tidak merujuk SOP itu sendiri', en: 'A `keterkaitan` entry does not name the SOP itself' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/keterkaitan-self.md',
    scope: 'file',
    messages: {
      self: {
        id: '`{{entry}}` merujuk SOP ini sendiri; `keterkaitan` berisi SOP lain yang berkaitan',
        en: '`{{entry}}` names this SOP itself; `keterkaitan` lists other, related SOPs',
      },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data) || !Array.isArray(ctx.data.keterkaitan)) return;
    const own = new Set([ctx.data.nomor, ctx.data.nama].flatMap((v) => (typeof v === 'string' && v.trim() !== '' ? [nameKey(v)] : [])));
    ctx.data.keterkaitan.forEach((entry, i) => {
      if (typeof entry === 'string' && entry.trim() !== '' && own.has(nameKey(entry))) ctx.report({ messageId: 'self', data: { entry }, at: ['keterkaitan', i] });
    });
  },
});
