// max-pelaksana: more actor columns than fit legibly on a landscape page (default 7).
import { defineRule } from '../types.js';
import { actorsOf } from '../util/data.js';

export interface MaxPelaksanaOptions {
  max: number;
}

export default defineRule<MaxPelaksanaOptions>({
  id: 'max-pelaksana',
  meta: {
    description: { id: 'Jumlah kolom pelaksana muat pada satu halaman', en: 'The actor columns fit on one page' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/max-pelaksana.md',
    scope: 'file',
    optionsSchema: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { max: 7 },
    messages: {
      tooMany: {
        id: '{{count}} kolom pelaksana melebihi {{max}} kolom yang masih terbaca pada halaman lanskap; gabungkan peran yang mirip atau pecah SOP ini',
        en: '{{count}} actor columns exceed the {{max}} that stay legible on a landscape page; merge similar roles or split this SOP',
      },
    },
  },
  check(ctx) {
    const actors = actorsOf(ctx.data);
    const max = ctx.options.max;
    if (!actors || actors.length <= max) return;
    // point at the first column that does not fit
    ctx.report({ messageId: 'tooMany', data: { count: actors.length, max }, at: ['pelaksana', actors[max]], key: true });
  },
});
