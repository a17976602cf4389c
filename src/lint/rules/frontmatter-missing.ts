// frontmatter-missing: a file selected as an SOP (named on the command line or matched by `include`) has no frontmatter.
import { defineRule } from '../types.js';
import { reportLoadProblems } from '../util/loader.js';

export default defineRule({
  id: 'frontmatter-missing',
  meta: {
    description: { id: 'Berkas yang dipilih sebagai SOP harus diawali frontmatter YAML', en: 'A file selected as an SOP starts with a YAML frontmatter' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/frontmatter-missing.md',
    scope: 'loader',
    messages: {
      problem: { id: '{{detail}}', en: '{{detail}}' },
    },
  },
  check: (ctx) => reportLoadProblems(ctx, 'frontmatter-missing'),
});
