// file-encoding: the file is binary or not valid UTF-8, so its text cannot be trusted.
import { defineRule } from '../types.js';
import { reportLoadProblems } from '../util/loader.js';

export default defineRule({
  id: 'file-encoding',
  meta: {
    description: { id: 'Berkas SOP harus teks UTF-8', en: 'An SOP file is UTF-8 text' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/file-encoding.md',
    scope: 'loader',
    messages: {
      problem: { id: '{{detail}}', en: '{{detail}}' },
    },
  },
  check: (ctx) => reportLoadProblems(ctx, 'file-encoding'),
});
