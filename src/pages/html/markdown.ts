// Markdown (GFM) to sanitised HTML for SOP bodies and pack texts: raw HTML shown as text, links and images made local.
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Prose } from '../prose.js';

/** How local links and images resolve, and the top heading level (see Prose). */
export type MarkdownOptions = Omit<Prose, 'markdown'>;

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The body's raw HTML is not trusted: it is turned into text so the reader sees what was written and
 * nothing runs. `<br>` alone is kept as a line break, since authors use it inside table cells.
 */
function rawHtmlAsText() {
  return (tree: MdastRoot) => {
    const walk = (node: { children?: MdastContent[] }): void => {
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if (child.type === 'html') {
          if (/^<br\s*\/?>$/i.test(child.value.trim())) return { type: 'break' } as MdastContent;
          return { type: 'text', value: child.value } as MdastContent;
        }
        walk(child as { children?: MdastContent[] });
        return child;
      });
    };
    walk(tree as { children?: MdastContent[] });
  };
}

/** Runs after the sanitiser, so it only ever sees safe nodes, and only makes URLs more local. */
function localise(opts: MarkdownOptions) {
  const shift = (opts.topHeading ?? 1) - 1;
  return (tree: HastRoot) => {
    const walk = (parent: { children: (ElementContent | RootContent)[] }): void => {
      parent.children = parent.children.map((child) => {
        if (child.type !== 'element') return child;
        const el = child as Element;
        const heading = /^h([1-6])$/.exec(el.tagName);
        if (heading && shift > 0) el.tagName = `h${Math.min(6, Number(heading[1]) + shift)}`;
        if (el.tagName === 'img') {
          const src = typeof el.properties.src === 'string' ? el.properties.src : '';
          const alt = typeof el.properties.alt === 'string' ? el.properties.alt : '';
          if (src && REMOTE.test(src)) {
            return { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: alt || src }] } as Element;
          }
          const local = src ? opts.image?.(src) : undefined;
          if (local === undefined) return { type: 'text', value: alt ? `[${alt}]` : '' };
          el.properties.src = local;
        }
        if (el.tagName === 'a' && typeof el.properties.href === 'string') {
          const href = el.properties.href;
          if (!REMOTE.test(href) && !href.startsWith('#')) {
            const local = opts.link?.(href);
            if (local !== undefined) el.properties.href = local;
          }
        }
        walk(el);
        return el;
      });
    };
    walk(tree);
  };
}

const OPTIONS = 'sopMarkdownOptions';

/** One frozen pipeline for every text: building it per call costs more than most bodies take to render. */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(rawHtmlAsText)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(() => (tree: HastRoot, file: { data: Record<string, unknown> }) => localise(file.data[OPTIONS] as MarkdownOptions)(tree))
  .use(rehypeStringify)
  .freeze();

/** Sanitised HTML of a Markdown text (GFM tables, lists, links, footnotes). */
export function renderMarkdown(markdown: string, opts: MarkdownOptions = {}): string {
  return String(processor.processSync({ value: markdown, data: { [OPTIONS]: opts } }));
}

const written = new WeakMap<Prose, string>();

/** The HTML of `prose` as rendered before (the publisher's cache of pack texts): proseHtml(prose) returns it. */
export function rememberProseHtml(prose: Prose, html: string): void {
  written.set(prose, html);
}

/** A Prose text as HTML, rendered once per text: the publisher renders it early to learn which files it uses. */
export function proseHtml(prose: Prose): string {
  let html = written.get(prose);
  if (html === undefined) {
    html = renderMarkdown(prose.markdown, prose);
    written.set(prose, html);
  }
  return html;
}
