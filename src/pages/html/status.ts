// Writes an SOP's status view (pages/status.ts) as HTML: a badge, the date revoked, links to the SOPs it replaces or is replaced by.
import { inlineHtml } from '../../core/inline-markdown.js';
import type { Labels } from '../labels.js';
import { statusWorthShowing, type StatusLinkView, type StatusView } from '../status.js';
import { escapeHtml } from './escape.js';

function linkHtml(l: StatusLinkView): string {
  return l.href ? `<a href="${escapeHtml(l.href)}">${inlineHtml(l.text)}</a>` : inlineHtml(l.text);
}

/** The status line (empty for an SOP simply in force); `tag` is its element (`div` in the catalogue, `p` on a page). */
export function statusHtml(s: StatusView, labels: Labels, tag: 'div' | 'p' = 'div'): string {
  if (!statusWorthShowing(s)) return '';
  const parts: string[] = [];
  if (s.value !== 'berlaku' || s.from) parts.push(`<span class="badge">${escapeHtml(s.text)}</span>${s.from ? ` ${escapeHtml(s.from)}` : ''}`);
  if (s.revoked) parts.push(escapeHtml(s.revoked));
  if (s.digantiOleh) parts.push(`${escapeHtml(labels.digantiOleh)} ${linkHtml(s.digantiOleh)}`);
  if (s.menggantikan.length) parts.push(`${escapeHtml(labels.menggantikan)} ${s.menggantikan.map(linkHtml).join(', ')}`);
  return `<${tag} class="status status-${escapeHtml(s.value)}${s.from ? ' status-belum' : ''}">${parts.join(' &middot; ')}</${tag}>`;
}
