// Writes the pack's front matter content (cover, keputusan, daftar isi, penjelasan) as one portrait HTML document.
import { PORTRAIT_MARGINS, portrait } from '../../core/paper.js';
import type { Contents, Cover, Decree, PackContent } from '../pack.js';
import type { Labels } from '../labels.js';
import { escapeHtml } from './escape.js';
import { proseHtml } from './markdown.js';
import { htmlShell, pageCss, type PageParts } from './shell.js';

/** What only the web page has: the link to the pack's PDF. */
export interface PackSite {
  pdfHref?: string;
}

export function packPage(content: PackContent, site: PackSite = {}): string {
  return htmlShell({ ...packPageParts(content, site), root: '' });
}

function coverHtml(c: Cover): string {
  return (
    `<section class="sheet cover" id="sampul"><div class="top"><h1>${escapeHtml(c.title)}</h1>` +
    (c.subtitle ? `<p class="subtitle">${escapeHtml(c.subtitle)}</p>` : '') +
    `</div>` +
    (c.logo ? `<img class="logo" src="${escapeHtml(c.logo)}" alt="">` : '<div></div>') +
    `<div><div class="agency">${c.agency.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>` +
    `<p class="year">${escapeHtml(c.year)}</p>` +
    (c.address ? `<p class="address">${escapeHtml(c.address)}</p>` : '') +
    `</div></section>`
  );
}

/**
 * A decree that is a PDF of its own: on screen its heading and a link; in print one empty page for
 * each of its pages, so the page numbers that follow are right (the pack puts its pages there).
 */
function decreeFileHtml(k: Decree & { file: NonNullable<Decree['file']> }, labels: Labels): string {
  return (
    `<section class="sheet prose decree decree-file" id="keputusan"><div class="decree-head screen-only">` +
    `<p>${escapeHtml(k.jenis)}</p><p>${escapeHtml(labels.nomorUpper)} ${escapeHtml(k.nomor)}</p>` +
    `<div class="gap"></div><p>${escapeHtml(labels.tentang)}</p><p>${escapeHtml(k.tentang)}</p></div>` +
    `<p class="screen-only"><a href="${escapeHtml(k.file.href)}">${escapeHtml(labels.keputusan)} (PDF)</a></p>` +
    '<div class="foreign-page"></div>'.repeat(k.file.pages) +
    `</section>`
  );
}

function decreeHtml(k: Decree, labels: Labels): string {
  if (k.file) return decreeFileHtml({ ...k, file: k.file }, labels);
  const p = k.pejabat;
  return (
    `<section class="sheet prose decree" id="keputusan"><div class="decree-head">` +
    `<p>${escapeHtml(k.jenis)}</p><p>${escapeHtml(labels.nomorUpper)} ${escapeHtml(k.nomor)}</p>` +
    `<div class="gap"></div><p>${escapeHtml(labels.tentang)}</p><p>${escapeHtml(k.tentang)}</p></div>` +
    (k.text ? proseHtml(k.text) : '') +
    `<div class="signature"><p>${escapeHtml(labels.ditetapkan)} ${escapeHtml(k.tanggal)}</p>` +
    (p
      ? `<p class="jabatan">${escapeHtml(p.jabatan ?? '')},</p><div class="ttd"></div><p class="nama">${escapeHtml(p.nama ?? '')}</p>` +
        (p.pangkat ? `<p>${escapeHtml(p.pangkat)}</p>` : '') +
        `<p>${escapeHtml(labels.nip)} ${escapeHtml(p.nip ?? '')}</p>`
      : '') +
    `</div></section>`
  );
}

function contentsHtml(c: Contents, labels: Labels): string {
  const num = (n: number | undefined): string => (n === undefined ? '' : String(n));
  const numCell = (n: number | undefined): string => (c.withPages ? `<td class="num">${num(n)}</td>` : '');
  const rows =
    c.front.map((f) => `<tr><td class="no"></td><td colspan="2"><a href="#${f.id}">${escapeHtml(f.title)}</a></td>${numCell(f.page)}</tr>`).join('') +
    c.sections
      .map(
        (s) =>
          `<tr class="section"><td class="no"></td><td colspan="${c.withPages ? 3 : 2}">${escapeHtml(s.title)}</td></tr>` +
          s.entries
            .map(
              (e) =>
                `<tr><td class="no">${e.no}</td><td class="nomor">${escapeHtml(e.nomor)}</td>` +
                `<td><a href="${escapeHtml(e.href)}">${escapeHtml(e.nama)}</a></td>${numCell(e.page)}</tr>`,
            )
            .join(''),
      )
      .join('');
  return (
    `<section class="sheet toc" id="daftar-isi"><h2>${escapeHtml(labels.daftarIsi)}</h2>` +
    `<table class="toc-table"><thead><tr><th class="no">${escapeHtml(labels.no)}</th><th>${escapeHtml(labels.nomorSop)}</th>` +
    `<th>${escapeHtml(labels.uraian)}</th>${c.withPages ? `<th class="num">${escapeHtml(labels.halaman)}</th>` : ''}</tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`
  );
}

/** Each stand-in page of a PDF decree fills one printed page; on screen there are none. */
const FOREIGN_PAGE_CSS =
  '\n.foreign-page { height: calc(var(--paper-h) - var(--m-top) - var(--m-bottom) - 2mm); break-after: page; }' +
  '\n.foreign-page:last-child { break-after: auto; }\n@media screen { .foreign-page { display: none; } }';

export function packPageParts(content: PackContent, site: PackSite = {}): PageParts {
  const { labels } = content;
  const keputusan = content.decree ? decreeHtml(content.decree, labels) : '';
  const usage = content.penjelasan !== undefined ? `<section class="sheet prose usage" id="penjelasan"><h2>${escapeHtml(labels.penjelasan)}</h2>${proseHtml(content.penjelasan)}</section>` : '';
  const nav =
    `<nav class="site-nav screen-only"><a href="index.html">&larr; ${escapeHtml(labels.backToCatalogue)}</a>` +
    `<span class="spacer"></span><span class="here">${escapeHtml(content.title)}</span>` +
    (site.pdfHref ? `<a href="${escapeHtml(site.pdfHref)}">${escapeHtml(labels.download)}</a>` : '') +
    `</nav>`;
  const size = portrait(content.paper);
  // The cover carries no page number; the rest are numbered as pages of the pack.
  const css = pageCss(size, PORTRAIT_MARGINS, { pages: 'number' }, labels, '@page cover { @bottom-right { content: none } }\n.cover { page: cover; min-height: calc(var(--paper-h) - var(--m-top) - var(--m-bottom) - 2mm); }' + (content.decree?.file ? FOREIGN_PAGE_CSS : ''));
  return {
    lang: labels.htmlLang,
    title: content.title,
    css,
    bodyClass: 'doc-portrait pack',
    body: `${nav}\n<main>\n${coverHtml(content.cover)}\n${keputusan}\n${contentsHtml(content.contents, labels)}\n${usage}\n</main>`,
  };
}
