// teknis-single-pelaksana: an SOP marked `jenis: teknis` (one executor, detailed steps) declares more than one actor.
import { defineRule } from '../types.js';
import { actorsOf, isObj } from '../util/data.js';

export default defineRule({
  id: 'teknis-single-pelaksana',
  meta: {
    description: { id: 'SOP teknis memiliki satu pelaksana', en: 'A technical SOP has one actor' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/teknis-single-pelaksana.md',
    scope: 'file',
    messages: {
      many: {
        id: 'SOP teknis dilaksanakan oleh satu pelaksana, tetapi `pelaksana` memuat {{count}}; sisakan satu pelaksana atau ubah `jenis` menjadi `administratif`',
        en: 'a technical SOP has one actor, but `pelaksana` declares {{count}}; keep one actor or change `jenis` to `administratif`',
      },
      jenisHere: { id: '`jenis: teknis` ditulis di sini', en: '`jenis: teknis` is written here' },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data) || ctx.data.jenis !== 'teknis') return;
    const actors = actorsOf(ctx.data);
    if (!actors || actors.length <= 1) return;
    ctx.report({ messageId: 'many', data: { count: actors.length }, at: ['pelaksana'], key: true, related: [{ messageId: 'jenisHere', at: ['jenis'] }] });
  },
});
