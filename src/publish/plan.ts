// What the build makes of the SOPs: site paths, units (sections), packs, and keterkaitan resolved to other SOPs.
import path from 'node:path';
import picomatch from 'picomatch';
import { instansiLevels } from '../core/instansi.js';
import type { LoadedConfig, PackConfig, SopConfig } from '../config/config-types.js';
import { isInside, toPosix } from '../core/paths.js';
import type { SopDocument } from '../document/sop-document.js';
import { nameKey } from '../model/names.js';
import { buildFlowModel } from '../model/flow.js';
import type { FlowModel } from '../model/flow-types.js';
import { asTextList, naturalCompare } from '../pages/text.js';
import type { PackOutline, SopInfo, StatusLink } from '../pages/types.js';
import { isSuperseded, menggantikanOf, statusOf } from '../model/status.js';
import type { Lang } from '../core/types.js';

/** An SOP of the build. Its unit (catalogue) is the first pack's section, else the top folder. */
export interface SopEntry extends SopInfo {
  doc: SopDocument;
  model: FlowModel;
  related: RelatedRef[];
}

/** One `keterkaitan` entry; `target` is set when it names another SOP by nomor or nama. */
export interface RelatedRef {
  text: string;
  target?: SopEntry;
  /** Whether it matched the target's number (else its name). */
  byNomor?: boolean;
}

export interface PackSectionPlan {
  title: string;
  entries: SopEntry[];
}

export interface PackPlan extends PackOutline {
  id: string;
  sections: PackSectionPlan[];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** The logo file of an SOP: `logo` is relative to the SOP, or to the config when it came from `defaults`. */
export function logoPath(entry: SopEntry, configDir: string): string | undefined {
  const logo = entry.data.logo;
  if (typeof logo !== 'string' || !logo) return undefined;
  // a default logo resolves against the config that gave it (spec §7.4: each SOP's nearest config)
  return path.resolve(entry.doc.fromDefaults.has('logo') ? (entry.doc.config?.dir ?? configDir) : path.dirname(entry.doc.absPath), logo);
}

/** Site path of an SOP: its path under the config folder (outside it: under `_lain/`), without `.md`. */
export function siteRel(absPath: string, configDir: string): string {
  const base = isInside(absPath, configDir) ? toPosix(path.relative(configDir, absPath)) : `_lain/${path.basename(absPath)}`;
  return base.replace(/\.(md|markdown)$/i, '');
}

/** `mutasi-pindah` -> `Mutasi Pindah`: a readable title for a folder used as a unit. */
function folderTitle(folder: string): string {
  return folder.replace(/[-_]+/g, ' ').replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

interface SectionRule {
  title: string;
  match: (rel: string) => boolean;
}

function sectionRules(pack: PackConfig | undefined): SectionRule[] | undefined {
  if (!pack?.sections?.length) return undefined;
  return pack.sections.map((s) => ({ title: s.title, match: picomatch(s.include, { dot: false }) }));
}

/** Sections of a pack: the configured ones in order (an SOP goes to the first that matches), else one per top folder. */
export function planSections(entries: SopEntry[], configDir: string, pack: PackConfig | undefined, lang: Lang): PackSectionPlan[] {
  const rules = sectionRules(pack);
  const byNomor = (a: SopEntry, b: SopEntry): number => naturalCompare(a.nomor, b.nomor) || naturalCompare(a.rel, b.rel);
  if (rules) {
    const sections = rules.map((r) => ({ title: r.title, entries: [] as SopEntry[] }));
    for (const e of entries) {
      const rel = toPosix(path.relative(configDir, e.doc.absPath));
      const i = rules.findIndex((r) => r.match(rel));
      if (i >= 0) sections[i].entries.push(e);
    }
    for (const s of sections) s.entries.sort(byNomor);
    return sections.filter((s) => s.entries.length > 0);
  }
  const groups = new Map<string, SopEntry[]>();
  for (const e of entries) {
    const top = e.rel.includes('/') ? e.rel.split('/')[0] : '';
    if (!groups.has(top)) groups.set(top, []);
    groups.get(top)!.push(e);
  }
  const general = lang === 'en' ? 'General' : 'Umum';
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : naturalCompare(a, b)))
    .map(([top, list]) => ({ title: top === '' || top === '_lain' ? general : folderTitle(top), entries: list.sort(byNomor) }));
}

export function packsOf(config: LoadedConfig): PackConfig[] {
  const p = config.config.pack;
  if (!p) return [];
  return Array.isArray(p) ? p : [p];
}

/** A file-name-safe pack id. */
export function packId(pack: PackConfig, index: number): string {
  const raw = pack.id ?? (index === 0 ? 'pack' : `pack-${index + 1}`);
  return raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || `pack-${index + 1}`;
}

function timeOf(doc: SopDocument): SopConfig['time'] {
  return (doc.config?.config as SopConfig | undefined)?.time;
}

/** Entries for every buildable SOP (those with a mapping as frontmatter), keterkaitan resolved across them. */
export function planEntries(docs: SopDocument[], config: LoadedConfig, lang: Lang, models?: ReadonlyMap<SopDocument, FlowModel>): SopEntry[] {
  const entries: SopEntry[] = [];
  for (const doc of docs) {
    const data = doc.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) continue;
    const d = data as Record<string, unknown>;
    entries.push({
      doc,
      data: d,
      rel: siteRel(doc.absPath, config.dir),
      nomor: str(d.nomor),
      nama: str(d.nama),
      jenis: str(d.jenis) || 'administratif',
      unit: '',
      unitOrder: 0,
      // time units and no-standard phrases of the SOP's own config (spec §7.4), else the run's
      model: models?.get(doc) ?? buildFlowModel(d, { time: doc.config ? timeOf(doc) : config.config.time, lang }),
      related: [],
    });
  }
  // Two files could map to one page path (a.md and a.markdown): keep them apart.
  const seen = new Map<string, number>();
  for (const e of entries) {
    const n = seen.get(e.rel) ?? 0;
    seen.set(e.rel, n + 1);
    if (n > 0) e.rel = `${e.rel}-${n + 1}`;
  }
  // Same matching as the keterkaitan-* lint rules (spec §7.5): model/names.ts nameKey.
  const byKey = new Map<string, { entry: SopEntry; byNomor: boolean }>();
  for (const e of entries) {
    if (e.nomor) byKey.set(`n:${nameKey(e.nomor)}`, { entry: e, byNomor: true });
    if (e.nama) byKey.set(`a:${nameKey(e.nama)}`, { entry: e, byNomor: false });
  }
  // diganti_oleh / menggantikan, matched the same way (a successor may share the old SOP's nama: never itself)
  const byText = (self: SopEntry, text: string): StatusLink => {
    const key = nameKey(text);
    const fast = [byKey.get(`n:${key}`), byKey.get(`a:${key}`)].find((h) => h && h.entry !== self)?.entry;
    const hit = fast ?? entries.find((x) => x !== self && ((x.nomor && nameKey(x.nomor) === key) || (x.nama && nameKey(x.nama) === key)));
    return hit ? { text, rel: hit.rel, nomor: hit.nomor, nama: hit.nama } : { text };
  };
  for (const e of entries) {
    const successor = typeof e.data.diganti_oleh === 'string' && e.data.diganti_oleh.trim() ? e.data.diganti_oleh : undefined;
    const revoked = typeof e.data.tanggal_dicabut === 'string' ? e.data.tanggal_dicabut : undefined;
    e.status = {
      status: statusOf(e.data),
      ...(successor ? { digantiOleh: byText(e, successor) } : {}),
      menggantikan: menggantikanOf(e.data).map((text) => byText(e, text)),
      ...(revoked ? { tanggalDicabut: revoked } : {}),
    };
  }
  for (const e of entries) {
    const k = e.data.keterkaitan;
    if (k === '-' || k === null || k === undefined) continue;
    for (const text of asTextList(k)) {
      const key = nameKey(text);
      const hit = byKey.get(`n:${key}`) ?? byKey.get(`a:${key}`);
      e.related.push(hit && hit.entry !== e ? { text, target: hit.entry, byNomor: hit.byNomor } : { text });
    }
  }
  // The catalogue's unit: the first pack's configured section, else the unit the SOP's own
  // `instansi` names (its lowest unit line), else its top folder, else its agency, else "Umum".
  const first = packsOf(config)[0];
  const units = first?.sections?.length ? planSections(entries, config.dir, first, lang) : [];
  units.forEach((s, i) => {
    for (const e of s.entries) {
      e.unit = s.title;
      e.unitOrder = i;
    }
  });
  const rest = entries.filter((e) => e.unit === '');
  for (const e of rest) e.unit = catalogueUnit(e, lang);
  const names = [...new Set(rest.map((e) => e.unit))].sort(naturalCompare);
  for (const e of rest) e.unitOrder = units.length + names.indexOf(e.unit);
  return entries;
}

/** A unit for an SOP that no configured section holds (see planEntries). */
export function catalogueUnit(e: SopEntry, lang: Lang): string {
  const lines = asTextList(e.data.instansi);
  const levels = instansiLevels(lines);
  const unit = lines.filter((_, i) => levels[i] === 'unit').pop();
  if (unit) return unit;
  const top = e.rel.includes('/') ? e.rel.split('/')[0] : '';
  if (top !== '' && top !== '_lain') return folderTitle(top);
  const agency = lines[levels.indexOf('agency')];
  return agency ?? (lang === 'en' ? 'General' : 'Umum');
}

/**
 * The packs and their SOPs. Replaced and revoked SOPs (`status: diganti|dicabut`) stay on the site
 * but are left out of a pack unless its `includeSuperseded` (or `sop build --include-superseded`) says otherwise.
 */
export function planPacks(entries: SopEntry[], config: LoadedConfig, lang: Lang, includeSuperseded = false): PackPlan[] {
  return packsOf(config).map((pack, i) => {
    const keep = includeSuperseded || pack.includeSuperseded === true ? entries : entries.filter((e) => !isSuperseded(statusOf(e.data)));
    return { id: packId(pack, i), config: pack, sections: planSections(keep, config.dir, pack, lang) };
  });
}

/** Relative URL from one site page to another (both site paths, POSIX), each segment URL-encoded. */
export function relUrl(fromFile: string, toFile: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), toFile);
  return rel.split('/').map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}

/** Prefix that leads from a page back to the site root (`../../` for `a/b/c.html`). */
export function rootOf(file: string): string {
  const depth = file.split('/').length - 1;
  return '../'.repeat(depth);
}
