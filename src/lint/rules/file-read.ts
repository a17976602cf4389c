// file-read: a path given to `sop lint` does not exist, matches nothing, or cannot be read.
import { defineRule } from '../types.js';
import { reportLoadProblems } from '../util/loader.js';

export default defineRule({
  id: 'file-read',
  meta: {
    description: { id: 'Setiap path yang diberikan harus dapat dibaca', en: 'Every given path can be read' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/file-read.md',
    scope: 'loader',
    messages: {
      problem: { id: '{{detail}}', en: '{{detail}}' },
    },
  },
  check: (ctx) => reportLoadProblems(ctx, 'file-read'),
});
