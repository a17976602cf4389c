// SVG files copied into a site (logos, images) lose everything that runs or fetches when the file is opened on its own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CustomPlugin } from 'svgo';

type Svgo = typeof import('svgo');
let svgo: Svgo | undefined;
/**
 * svgo, loaded on the first SVG to clean: a rebuild whose SVGs are all in the build cache
 * (assets.ts) never loads it. Its one-file CommonJS build loads in about half the time of its ES
 * modules (~90 ms against ~170 ms with css-tree and csso, measured on this 2-core machine).
 */
const library = (): Svgo => (svgo ??= createRequire(import.meta.url)('svgo') as Svgo);

let version: string | undefined;
/** The svgo release that cleans (part of the cache key of a cleaned SVG), read without loading svgo. */
export function sanitiserVersion(): string {
  // (svgo's exports do not include its package.json: it sits one folder above the entry)
  version ??= (JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('svgo')), '..', 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/**
 * Elements that run code, embed other documents or (as animations) can rewrite a link into code.
 * `foreignObject` carries HTML (forms, iframes, scripts by another name); `a` stays, its href is checked.
 */
const DROP_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'audio', 'video', 'handler', 'listener', 'discard']);
const ANIMATIONS = new Set(['set', 'animate', 'animatetransform', 'animatemotion']);
/** Raster or vector images inlined as data: URLs: the one kind of address an `<image>` may keep. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|svg\+xml)[;,]/i;
/** A `url(...)` whose target is neither a fragment of this file nor an inlined image. */
const FOREIGN_URL = /url\(\s*(['"]?)\s*(?!#|data:image\/)[^)]*\)/gi;

/** CSS with nothing it could load: imports, foreign url()s and image-set()s go; escapes (which could spell them) drop the whole text. */
function cleanCss(css: string): string | undefined {
  if (css.includes('\\')) return undefined;
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/(?:-webkit-)?image-set\([^)]*\)/gi, 'none')
    .replace(FOREIGN_URL, 'none');
}

const isHref = (name: string) => name === 'href' || name.endsWith(':href');

/** The svgo plugin: an allow-list for addresses, a deny-list for elements and attributes that act. */
const neutralise: CustomPlugin = {
  name: 'sopNeutralise',
  fn: () => ({
    // <?xml-stylesheet href="http://..."?> loads CSS; <!DOCTYPE> can declare entities (expansion bombs)
    instruction: { enter: (node, parent) => void (parent.children = parent.children.filter((c) => c !== node)) },
    doctype: { enter: (node, parent) => void (parent.children = parent.children.filter((c) => c !== node)) },
    element: {
      enter: (node, parent) => {
        const name = node.name.toLowerCase().replace(/^.*:/, '');
        const attributeName = (node.attributes.attributeName ?? '').toLowerCase();
        if (DROP_ELEMENTS.has(name) || (ANIMATIONS.has(name) && (isHref(attributeName) || attributeName.startsWith('on')))) {
          parent.children = parent.children.filter((c) => c !== node);
          return;
        }
        for (const [attr, value] of Object.entries(node.attributes)) {
          const a = attr.toLowerCase();
          if (a.startsWith('on')) delete node.attributes[attr];
          else if (isHref(a)) {
            const v = value.trim();
            const keep = v.startsWith('#') || ((name === 'image' || name === 'feimage') && DATA_IMAGE.test(v));
            if (!keep) delete node.attributes[attr];
          } else if (a === 'style') {
            const css = cleanCss(value);
            if (css === undefined) delete node.attributes[attr];
            else node.attributes[attr] = css;
          } else if (/url\(|image-set\(|javascript:/i.test(value)) {
            // presentation attributes (fill, filter, mask, cursor, ...) may point only inside the file
            const cleaned = value.replace(FOREIGN_URL, 'none');
            if (/image-set\(|javascript:|\\/i.test(cleaned)) delete node.attributes[attr];
            else node.attributes[attr] = cleaned;
          }
        }
        if (name === 'style') {
          for (const child of node.children) {
            if (child.type === 'text' || child.type === 'cdata') child.value = cleanCss(child.value) ?? '';
          }
        }
      },
    },
  }),
};

/** The SVG with scripts, handlers and foreign references removed; throws when it is not well-formed XML. */
export function sanitiseSvg(svg: string): string {
  // only the plugin above: no optimisation, so the drawing is kept as its author made it
  return library().optimize(svg, { multipass: false, plugins: [neutralise], js2svg: { pretty: false } }).data;
}
