// The HTML shell every written page shares: CSP, stylesheet, @page rules with the footer in the margin boxes.
import { createHash } from 'node:crypto';
import { pageLabel, pageLabelParts } from '../../core/labels.js';
import type { Margins } from '../../core/paper.js';
import type { Labels } from '../labels.js';
import { cssString, escapeHtml } from './escape.js';

export interface Footer {
  /** Text at the bottom left (e.g. SOP number and name). */
  left?: string;
  /** Page numbers as `Halaman x dari y` (with total) or `Halaman x`, in the pattern of label `halaman`. */
  pages: 'of-total' | 'number' | 'none';
  /** A statement printed under the left text on every page (an e-signed SOP's `signature.footer`). */
  statement?: string;
}

/** CSS `content:` for the page-number pattern (`Halaman {x} dari {y}`), counters in place of the numbers. */
function pagesContent(pattern: string, withTotal: boolean): string {
  const parts = pageLabelParts(withTotal ? pattern : pageLabel(pattern, '{x}'));
  return parts.map((p) => ('text' in p ? cssString(p.text) : `counter(${p.counter})`)).join(' ');
}

/**
 * The @page rule: paper, margins and a footer drawn in the page's margin boxes, so it uses the
 * document's own font (Arimo) and is the same whether Chromium prints it or a reader presses Ctrl+P.
 */
export function pageCss(size: { width: number; height: number }, margins: Margins, footer: Footer, labels: Labels, extra = ''): string {
  const box = 'font-family: Arimo, Arial, sans-serif; font-size: 8pt; color: #333; vertical-align: top; padding-top: 4mm;';
  const leftText = [footer.left, footer.statement].filter((t): t is string => Boolean(t)).join('\n');
  // The statement goes on its own line under the title (white-space: pre-wrap keeps the break).
  const left = leftText
    ? `@bottom-left { content: ${cssString(leftText)}; white-space: pre-wrap; width: 75%; ${box}${footer.statement ? ' padding-top: 2.5mm;' : ''} }`
    : '';
  const pattern = labels.doc.halaman;
  const pages =
    footer.pages === 'of-total'
      ? `@bottom-right { content: ${pagesContent(pattern, true)}; ${box} }`
      : footer.pages === 'number'
        ? `@bottom-right { content: ${pagesContent(pattern, false)}; ${box} }`
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
