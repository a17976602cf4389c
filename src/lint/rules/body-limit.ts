// body-limit: the Markdown body goes past a bound that build refuses (nesting, delimiter runs, size).
import { defineRule } from '../types.js';
import { reportLoadProblems } from '../util/loader.js';

export default defineRule({
  id: 'body-limit',
  meta: {
    description: {
      id: 'Isi Markdown dalam batas yang dapat dibangun (kedalaman daftar/kutipan, deretan tanda, ukuran)',
      en: 'The Markdown body stays within what can be built (list/quote depth, delimiter runs, size)',
    },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/body-limit.md',
    scope: 'loader',
    messages: {
      problem: { id: '{{detail}}', en: '{{detail}}' },
    },
  },
  check: (ctx) => reportLoadProblems(ctx, 'body-limit'),
});
