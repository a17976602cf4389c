// teknis-single-pelaksana: an SOP marked `jenis: teknis` (one executor, detailed steps) declares more than one actor.
import { defineRule } from '../types.js';
import { actorRefs, actorsOf, isObj } from '../util/data.js';

export default defineRule({
  id: 'teknis-single-pelaksana',
  meta: {
    description: { id: 'SOP teknis memiliki satu pelaksana', en: 'A technical SOP has one actor' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/teknis-single-pelaksana.md',
    scope: 'file',
    messages: {
      many: {
        id: 'SOP teknis dilaksanakan oleh satu pelaksana, tetapi prosedurnya melibatkan {{count}} pelaksana; sisakan satu pelaksana atau ubah `jenis` menjadi `administratif`',
        en: 'a technical SOP has one actor, but its procedure involves {{count}} actors; keep one actor or change `jenis` to `administratif`',
      },
      jenisHere: { id: '`jenis: teknis` ditulis di sini', en: '`jenis: teknis` is written here' },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data) || ctx.data.jenis !== 'teknis') return;
    // declared actors and every actor the rows name (a joint step's list, `langkah` items): one executor means one of them
    const actors = new Set([...(actorsOf(ctx.data) ?? []), ...actorRefs(ctx.data).map((r) => r.name)]);
    if (actors.size <= 1) return;
    ctx.report({ messageId: 'many', data: { count: actors.size }, at: ['pelaksana'], key: true, related: [{ messageId: 'jenisHere', at: ['jenis'] }] });
  },
});
