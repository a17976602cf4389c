// unused-pelaksana: a declared actor has no row, so its column would stay empty in the flow table.
import { defineRule } from '../types.js';
import { actorRefs, actorsOf, isObj } from '../util/data.js';

export default defineRule({
  id: 'unused-pelaksana',
  meta: {
    description: { id: 'Setiap pelaksana yang dideklarasikan melaksanakan sedikitnya satu kegiatan', en: 'Every declared actor has at least one row' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/unused-pelaksana.md',
    scope: 'file',
    messages: {
      unused: {
        id: 'pelaksana `{{name}}` tidak melaksanakan kegiatan apa pun; kolomnya akan kosong. Hapus atau tunjuk pada sebuah baris',
        en: 'actor `{{name}}` has no row; its column would be empty. Remove it or use it in a row',
      },
    },
  },
  check(ctx) {
    const declared = actorsOf(ctx.data);
    if (!declared || !isObj(ctx.data) || !Array.isArray(ctx.data.prosedur)) return;
    // joint steps and `langkah` items use every actor they list
    const used = new Set(actorRefs(ctx.data).map((r) => r.name));
    for (const name of declared) {
      if (!used.has(name)) ctx.report({ messageId: 'unused', data: { name }, at: ['pelaksana', name], key: true });
    }
  },
});
