// Shared body of the loader rules: problems found while reading a file are reported where the loader located them.
import type { RuleContext } from '../types.js';

export function reportLoadProblems(ctx: RuleContext<unknown>, ruleId: string): void {
  for (const p of ctx.loadProblems) {
    if (p.ruleId !== ruleId) continue;
    ctx.report({ messageId: 'problem', data: { detail: { id: p.message, en: p.messageEn } }, location: p.location });
  }
}
