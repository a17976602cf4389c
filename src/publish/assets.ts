// Local files the site's pages show or link to (logos, images, documents), copied under content-hashed names.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contain } from '../core/paths.js';
import { sha256 } from './cache/keys.js';
import { sanitiseSvg, sanitiserVersion } from './svg-sanitise.js';

/** Where cleaned SVGs are kept between builds (the build cache), so a rebuild does not load svgo. */
export interface CleanSvgCache {
  /** Folder of the cache files (`svg-<key>.svg`). */
  dir: string;
  /** What the cleaning depends on besides the bytes (the code fingerprint). */
  salt: string;
  /** Names of the cache files this build used (the others are pruned). */
  used: Set<string>;
}

const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp']);
const DOC_EXT = new Set([...IMAGE_EXT, '.pdf', '.doc', '.docx', '.xls', '.xlsx', '.odt', '.ods', '.txt', '.csv']);

/**
 * Local files pages refer to. Only files inside `root` (the repository, symlinks resolved: the
 * containment rule of core/paths) with a known extension are taken: an SOP cannot pull arbitrary
 * files of the machine into a published site.
 */
export class AssetRegistry {
  /** Site path -> absolute source file. */
  readonly files = new Map<string, string>();
  private readonly byFile = new Map<string, { site: string; hash: string; bytes?: Buffer } | null>();

  constructor(
    private readonly root: string,
    private readonly cache?: CleanSvgCache,
  ) {}

  /** The SVG cleaned (svg-sanitise.ts), from the cache when these very bytes were cleaned before. */
  private cleanSvg(raw: Buffer): Buffer {
    if (!this.cache) return Buffer.from(sanitiseSvg(raw.toString('utf8')));
    const name = `svg-${sha256(`${this.cache.salt}|svgo ${sanitiserVersion()}|${sha256(raw)}`)}.svg`;
    const file = path.join(this.cache.dir, name);
    this.cache.used.add(name);
    try {
      return readFileSync(file);
    } catch {
      // not cleaned yet (or the cache was removed): clean now and keep it
    }
    const clean = Buffer.from(sanitiseSvg(raw.toString('utf8')));
    try {
      mkdirSync(this.cache.dir, { recursive: true });
      // written whole or not at all: a build that dies midway leaves no half file to be read as clean
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, clean);
      renameSync(tmp, file);
    } catch {
      // a cache that cannot be written only costs the next build the cleaning
    }
    return clean;
  }

  /** Site path for a local image (or document when `kind` is 'doc'); undefined when missing or not allowed. */
  add(absPath: string, kind: 'image' | 'doc' = 'image'): string | undefined {
    const ext = path.extname(absPath).toLowerCase();
    if (!(kind === 'image' ? IMAGE_EXT : DOC_EXT).has(ext) || !contain(this.root, absPath).inside) return undefined;
    let hit = this.byFile.get(absPath);
    if (hit === undefined) {
      try {
        if (!statSync(absPath).isFile()) throw new Error('not a file');
        // an SVG is copied cleaned (svg-sanitise.ts), and named by the cleaned bytes, so a copy made
        // before cleaning existed is never reused; one that is not XML is not copied at all
        const raw = readFileSync(absPath);
        const bytes = ext === '.svg' ? this.cleanSvg(raw) : raw;
        const hash = sha256(bytes);
        const base = path.basename(absPath).replace(/[^A-Za-z0-9._-]+/g, '-');
        hit = { site: `assets/files/${hash.slice(0, 10)}-${base}`, hash, bytes: ext === '.svg' ? bytes : undefined };
      } catch {
        hit = null;
      }
      this.byFile.set(absPath, hit);
    }
    if (!hit) return undefined;
    this.files.set(hit.site, absPath);
    return hit.site;
  }

  /** The cleaned bytes of an added SVG (other files are copied as they are: undefined). */
  bytesOf(absPath: string): Buffer | undefined {
    return this.byFile.get(absPath)?.bytes;
  }

  /** Content hash of an added file (part of the cache key of the pages that show it). */
  hashOf(absPath: string): string | undefined {
    return this.byFile.get(absPath)?.hash ?? undefined;
  }
}

/** The file a relative link or image of a Markdown text points to (query dropped, %-escapes decoded), and its #fragment. */
export function localTarget(baseDir: string, href: string): { abs: string; hash: string } {
  const [p, hash = ''] = href.split('#', 2);
  let decoded = p.split('?')[0];
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a stray % : keep it as written
  }
  return { abs: path.resolve(baseDir, decoded), hash: hash ? `#${hash}` : '' };
}
