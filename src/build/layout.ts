// Page geometry (paper, margins) and the HTML shell every built page shares: CSP, stylesheet, @page rules.
import { createHash } from 'node:crypto';
import { cssString, escapeHtml } from './text.js';
import type { Labels } from './labels.js';

export type Paper = 'A4' | 'F4';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Paper in mm, landscape (SOP pages: identity and flow table share one page template). */
export const PAPER_LANDSCAPE: Record<Paper, { width: number; height: number }> = {
  A4: { width: 297, height: 210 },
  F4: { width: 330, height: 215 },
};

/** SOP pages: a wider left margin for binding; the bottom margin holds the footer. */
export const SOP_MARGINS: Margins = { top: 12, right: 12, bottom: 14, left: 15 };

/** Front matter of the pack (cover, decree, contents, usage notes) is a portrait letter-style document. */
export const PORTRAIT_MARGINS: Margins = { top: 20, right: 20, bottom: 20, left: 25 };

export function portrait(paper: Paper): { width: number; height: number } {
  const l = PAPER_LANDSCAPE[paper];
  return { width: l.height, height: l.width };
}

/** The flow table renderer draws into the printable area; 1 mm is kept free so rounding never spills a page. */
export function flowArea(paper: Paper): { margins: Margins; width: number; height: number } {
  const p = PAPER_LANDSCAPE[paper];
  const margins = { ...SOP_MARGINS, bottom: SOP_MARGINS.bottom + 1 };
  return { margins, width: p.width - margins.left - margins.right, height: p.height - margins.top - margins.bottom };
}

export interface Footer {
  /** Text at the bottom left (e.g. SOP number and name). */
  left?: string;
  /** Page numbers as `Halaman x dari y` (with total) or `Halaman x`. */
  pages: 'of-total' | 'number' | 'none';
}

/**
 * The @page rule: paper, margins and a footer drawn in the page's margin boxes, so it uses the
 * document's own font (Arimo) and is the same whether Chromium prints it or a reader presses Ctrl+P.
 */
export function pageCss(size: { width: number; height: number }, margins: Margins, footer: Footer, labels: Labels, extra = ''): string {
  const box = 'font-family: Arimo, Arial, sans-serif; font-size: 8pt; color: #333; vertical-align: top; padding-top: 4mm;';
  const left = footer.left ? `@bottom-left { content: ${cssString(footer.left)}; ${box} }` : '';
  const pages =
    footer.pages === 'of-total'
      ? `@bottom-right { content: ${cssString(`${labels.page} `)} counter(page) ${cssString(` ${labels.of} `)} counter(pages); ${box} }`
      : footer.pages === 'number'
        ? `@bottom-right { content: ${cssString(`${labels.page} `)} counter(page); ${box} }`
        : '';
  const vars =
    `:root { --paper-w: ${size.width}mm; --paper-h: ${size.height}mm; --m-top: ${margins.top}mm; --m-right: ${margins.right}mm; ` +
    `--m-bottom: ${margins.bottom}mm; --m-left: ${margins.left}mm; }`;
  return `@page { size: ${size.width}mm ${size.height}mm; margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm; ${left} ${pages} }\n${vars}\n${extra}`;
}

/** What a page is made of; the site wraps it in htmlShell(), the printer puts it into its print page. */
export interface PageParts {
  lang: string;
  title: string;
  /** The page's own CSS (@page rule, sizes); the shared stylesheet comes on top. */
  css: string;
  bodyClass: string;
  body: string;
}

export interface ShellOptions extends PageParts {
  /** Relative URL of the site root ('' or '../'). */
  root: string;
  /** One inline script (the catalogue search); its hash goes into the CSP, nothing else may run. */
  script?: string;
}

/**
 * A complete page. The Content-Security-Policy is a second wall behind the escaping: no script runs
 * but the one named by hash, and nothing loads from outside the site (no network at all).
 */
export function htmlShell(o: ShellOptions): string {
  const scriptSrc = o.script ? `'sha256-${createHash('sha256').update(o.script).digest('base64')}'` : "'none'";
  const csp = `default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; script-src ${scriptSrc}; base-uri 'none'; form-action 'none'`;
  return (
    `<!doctype html>\n<html lang="${escapeHtml(o.lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="sop">\n` +
    `<title>${escapeHtml(o.title)}</title>\n` +
    `<link rel="stylesheet" href="${escapeHtml(o.root)}assets/sop.css">\n` +
    `<style>\n${o.css}\n</style>\n</head>\n<body class="${escapeHtml(o.bodyClass)}">\n${o.body}\n` +
    (o.script ? `<script>${o.script}</script>\n` : '') +
    `</body>\n</html>\n`
  );
}

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
  return html.replace(/\b(src|href)="([^"]*)"/g, (m, attr: string, value: string) => {
    const raw = unescapeAttr(value);
    if (raw === '' || /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(raw)) return m;
    return `${attr}="${escapeHtml(new URL(raw, base).href)}"`;
  });
}
