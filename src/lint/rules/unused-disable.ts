// unused-disable: an inline `# sop-disable...` comment in the frontmatter that suppressed nothing, or names an unknown rule.
// The engine reports it (src/lint/engine.ts applyInlineDisables) after every other rule ran.
import { defineRule } from '../types.js';

export default defineRule({
  id: 'unused-disable',
  meta: {
    description: {
      id: 'Komentar `# sop-disable...` di frontmatter harus menekan sedikitnya satu temuan',
      en: 'A `# sop-disable...` comment in the frontmatter suppresses at least one problem',
    },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/unused-disable.md',
    scope: 'file',
    messages: {
      unused: {
        id: '`{{directive}}` tidak menekan temuan apa pun ({{rule}}); hapus komentar ini',
        en: '`{{directive}}` suppresses nothing ({{rule}}); remove the comment',
      },
      unknown: {
        id: '`{{directive}}`: aturan `{{rule}}` tidak dikenal',
        en: '`{{directive}}`: unknown rule `{{rule}}`',
      },
    },
  },
});
