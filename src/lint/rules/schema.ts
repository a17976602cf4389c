// schema: the merged frontmatter breaks schemas/sop.schema.json (missing key, wrong type, unknown key, bad enum, bad date shape).
import { defineRule } from '../types.js';

export default defineRule({
  id: 'schema',
  meta: {
    description: { id: 'Frontmatter (digabung dengan `defaults`) harus sesuai sop.schema.json', en: 'The merged frontmatter follows sop.schema.json' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/schema.md',
    scope: 'file',
    messages: {
      problem: { id: '{{detail}}', en: '{{detail}}' },
    },
  },
  check(ctx) {
    for (const p of ctx.schemaProblems()) {
      // failures that belong to a more specific rule (ke + keputusan → decision-branches) are reported there
      if (p.ruleId) continue;
      ctx.report({ messageId: 'problem', data: { detail: { id: p.message, en: p.messageEn } }, at: p.path, key: p.atKey });
    }
  },
});
