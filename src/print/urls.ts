// Makes a page body's relative addresses absolute, so it can be shown inside the printer's own document.
import { escapeHtml } from '../core/escape.js';

/** A start tag with its attributes (double-quoted values may hold `>`). */
const TAG = /<[a-zA-Z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*"[^"]*")?)*\s*\/?>/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeAttr(v: string): string {
  return v.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
  );
}

/**
 * Relative `src`/`href` values made absolute against `base` (the URL the page has on the site), so
 * the body can be shown in another document (the printer's page). Only our own output passes here:
 * attribute values are always double-quoted and text never holds a raw `"`.
 */
export function absolutizeUrls(html: string, base: string): string {
  // only inside start tags: body text such as `href="x"` (written by an author) is never touched,
  // so it is printed as written and cannot leak the build's absolute path
  return html.replace(TAG, (tag) =>
    tag.replace(/(\s)(src|href)="([^"]*)"/g, (m, space: string, attr: string, value: string) => {
      const raw = unescapeAttr(value);
      if (raw === '' || /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(raw)) return m;
      return `${space}${attr}="${escapeHtml(new URL(raw, base).href)}"`;
    }),
  );
}
