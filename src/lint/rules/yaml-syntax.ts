// yaml-syntax: the frontmatter is not valid YAML (duplicate keys, tabs, unclosed quotes, unterminated block, alias bombs).
import { defineRule } from '../types.js';

export default defineRule({
  id: 'yaml-syntax',
  meta: {
    description: { id: 'Frontmatter harus YAML yang sah (tanpa kunci ganda)', en: 'The frontmatter is valid YAML (no duplicate keys)' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/yaml-syntax.md',
    scope: 'loader',
    messages: {
      problem: { id: '{{detail}}', en: '{{detail}}' },
    },
  },
  check(ctx) {
    let first = true;
    for (const p of ctx.loadProblems) {
      if (p.ruleId !== 'yaml-syntax') continue;
      // after the first real syntax error the parser's further complaints are mostly echoes of it
      // (one tab gives four); duplicate keys are independent mistakes, each worth its own line
      if (!first && p.code !== 'DUPLICATE_KEY') continue;
      if (p.code !== 'DUPLICATE_KEY') first = false;
      ctx.report({ messageId: 'problem', data: { detail: { id: p.message, en: p.messageEn } }, location: p.location });
    }
  },
});
