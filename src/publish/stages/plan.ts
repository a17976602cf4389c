// Stage 1, plan: which SOPs and packs the build makes, at which site paths, and the content keys of every SOP page.
import { resolveConfigPath } from '../../workspace/references.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig, PackConfig } from '../../config/config-types.js';
import { toPosix } from '../../core/paths.js';
import type { RelatedLink } from '../../pages/identity.js';
import { proseHtml } from '../../pages/html/markdown.js';
import type { Prose } from '../../pages/prose.js';
import { asTextList } from '../../pages/text.js';
import { notYetInForce } from '../../model/status.js';
import type { Pejabat } from '../../pages/types.js';
import { SopPdfError } from '../../print/pdf/errors.js';
import { pdfAssembly } from '../../print/pdf/load.js';
import { localTarget } from '../assets.js';
import { sha256 } from '../cache/keys.js';
import { say, sopLook, type BuildContext, type PackUnit, type SopUnit } from '../context.js';
import { failSop } from '../failures.js';
import { renderProse } from '../prose-cache.js';
import { logoPath, planEntries, planPacks, relUrl, rootOf, type PackPlan, type SopEntry } from '../plan.js';

/** Agency lines shared by every SOP (the common head of their `instansi`), else the config default. */
function commonAgency(entries: SopEntry[], config: LoadedConfig): string[] {
  const lists = entries.map((e) => asTextList(e.data.instansi)).filter((l) => l.length > 0);
  if (lists.length === 0) return asTextList(config.config.defaults?.instansi);
  const head: string[] = [];
  for (let i = 0; i < lists[0].length; i++) {
    if (lists.every((l) => l[i] === lists[0][i])) head.push(lists[0][i]);
    else break;
  }
  return head.length > 0 ? head : asTextList(config.config.defaults?.instansi);
}

function pejabatOf(pack: PackConfig, config: LoadedConfig): Pejabat | undefined {
  const p = pack.keputusan?.pejabat ?? config.config.defaults?.disahkan_oleh;
  return typeof p === 'object' && p !== null ? (p as Pejabat) : undefined;
}

/** The cheap part of an SOP page: its links, logo and text, which decide its cache keys. */
function sopUnit(ctx: BuildContext, entry: SopEntry, index: number): SopUnit {
  const { config } = ctx.req;
  const htmlFile = `${entry.rel}.html`;
  const dir = path.dirname(entry.doc.absPath);
  let logoSite: string | undefined;
  let logoHash: string | undefined;
  const logo = logoPath(entry, config.dir);
  if (logo) {
    logoSite = ctx.assets.add(logo);
    if (logoSite) logoHash = ctx.assets.hashOf(logo);
    else ctx.warnings.push(`${entry.doc.file}: logo ${String(entry.data.logo)} ${say(ctx, 'tidak ditemukan atau bukan gambar; tidak dicetak', 'not found or not an image; left out')}`);
  }
  const related: RelatedLink[] = entry.related.map((r) =>
    r.target ? { text: r.text, href: relUrl(htmlFile, `${r.target.rel}.html`), note: r.byNomor ? r.target.nama : r.target.nomor } : { text: r.text },
  );
  const look = sopLook(ctx, entry);
  const textKey = sha256(
    JSON.stringify({
      settingsKey: ctx.settingsKey,
      // labels and layout of the SOP's own config (a folder's sop.config.yaml may set them)
      look,
      text: entry.doc.text,
      defaults: [...entry.doc.fromDefaults].sort(),
      rel: entry.rel,
      logoSite,
      logoHash,
      related: related.map((r) => [r.text, r.href, r.note]),
      packs: ctx.packNav,
      control: ctx.req.control?.get(entry.doc.absPath),
      riwayatReleasesOnly: ctx.req.riwayatReleasesOnly,
      // the status line links to other SOPs' pages and says "belum berlaku" until tanggal_efektif
      status: entry.status,
      pending: notYetInForce(entry.data.tanggal_efektif, ctx.req.today ?? '9999-12-31'),
    }),
  );
  // Files the body shows or links to, in order, with their kind: part of the key.
  const used: [string, 'image' | 'doc'][] = [];
  let keyed = false;
  const addFile = (abs: string, kind: 'image' | 'doc'): string | undefined => {
    if (!keyed) used.push([toPosix(path.relative(config.dir, abs)), kind]);
    return ctx.assets.add(abs, kind);
  };
  const notes: Prose = {
    markdown: entry.doc.body,
    topHeading: 3,
    image: (src) => {
      const site = addFile(localTarget(dir, src).abs, 'image');
      return site ? relUrl(htmlFile, site) : undefined;
    },
    link: (href) => {
      const { abs, hash } = localTarget(dir, href);
      const target = ctx.byAbs.get(abs);
      if (target) return `${relUrl(htmlFile, `${target.rel}.html`)}${hash}`;
      const site = addFile(abs, 'doc');
      return site ? relUrl(htmlFile, site) : undefined;
    },
  };
  // An unchanged text refers to the same files as last time: the previous build's list spares
  // rendering the Markdown just to learn which files to hash.
  const prevMeta = (ctx.old?.units[`html:${entry.rel}`] ?? ctx.old?.units[`pdf:${entry.rel}`])?.meta as { textKey?: string; files?: [string, 'image' | 'doc'][] } | undefined;
  if (prevMeta?.textKey === textKey && Array.isArray(prevMeta.files)) {
    for (const [rel, kind] of prevMeta.files) {
      used.push([rel, kind]);
      ctx.assets.add(path.resolve(config.dir, rel), kind);
    }
  } else proseHtml(notes);
  keyed = true;
  const fileHashes = used.map(([rel]) => ctx.assets.hashOf(path.resolve(config.dir, rel)) ?? 'missing');
  const baseKey = sha256(`${textKey}|${fileHashes.join(',')}`);
  return { entry, index, htmlFile, pdfFile: `${entry.rel}.pdf`, root: rootOf(htmlFile), logoSite, notes, meta: { textKey, files: used }, related, look, baseKey, htmlKey: '', pdfKey: '' };
}

/** A decree given as a PDF (signed, scanned): read, counted and copied into the site; undefined (with a warning) when unusable. */
async function decreePdf(ctx: BuildContext, htmlFile: string, rel: string): Promise<{ pdf: Buffer; pages: number; href: string } | undefined> {
  const abs = path.resolve(ctx.req.config.dir, rel);
  const shown = toPosix(path.relative(ctx.req.cwd, abs));
  const site = ctx.assets.add(abs, 'doc');
  if (!site) {
    ctx.warnings.push(`${shown}: ${say(ctx, 'tidak ditemukan atau di luar folder konfigurasi; tidak dimuat dalam paket', 'not found or outside the config folder; left out of the pack')}`);
    return undefined;
  }
  try {
    const pdf = await readFile(abs);
    return { pdf, pages: await (await pdfAssembly()).pdfPageCount(pdf), href: relUrl(htmlFile, site) };
  } catch (err) {
    const why = err instanceof SopPdfError ? err.message : String(err);
    ctx.warnings.push(`${shown}: ${say(ctx, 'bukan PDF yang dapat dibaca', 'not a readable PDF')} (${why}); ${say(ctx, 'tidak dimuat dalam paket', 'left out of the pack')}`);
    return undefined;
  }
}

/** A pack's texts (decree, usage notes) and cover, read and resolved; printing comes later. */
async function packUnit(ctx: BuildContext, plan: PackPlan): Promise<PackUnit> {
  const { config } = ctx.req;
  const pack = plan.config;
  const htmlFile = `${plan.id}.html`;
  const packEntries = plan.sections.flatMap((x) => x.entries);
  const prose = async (rel: string | undefined): Promise<Prose | undefined> => {
    if (!rel) return undefined;
    const { abs, containment } = resolveConfigPath(config, rel);
    if (!containment.inside) {
      ctx.warnings.push(`${toPosix(path.relative(ctx.req.cwd, abs))}: ${say(ctx, 'di luar repositori; tidak dimuat dalam paket', 'outside the repository; left out of the pack')}`);
      return undefined;
    }
    let markdown: string;
    try {
      markdown = await readFile(abs, 'utf8');
    } catch {
      ctx.warnings.push(`${toPosix(path.relative(ctx.req.cwd, abs))}: ${say(ctx, 'tidak dapat dibaca; tidak dimuat dalam paket', 'cannot be read; left out of the pack')}`);
      return undefined;
    }
    const dir = path.dirname(abs);
    const text: Prose = {
      markdown,
      topHeading: 3,
      image: (src) => {
        const site = ctx.assets.add(localTarget(dir, src).abs);
        return site ? relUrl(htmlFile, site) : undefined;
      },
      link: (href) => {
        const { abs: to, hash } = localTarget(dir, href);
        const target = ctx.byAbs.get(to);
        return target ? `${relUrl(htmlFile, `${target.rel}.html`)}${hash}` : undefined;
      },
    };
    // Rendered now (or taken from the last build): the images it shows must be in place before the front matter prints.
    await renderProse(ctx, text);
    return text;
  };
  const decreeFile = pack.keputusan?.file;
  const isPdf = typeof decreeFile === 'string' && /\.pdf$/i.test(decreeFile);
  const decree = isPdf ? await decreePdf(ctx, htmlFile, decreeFile) : undefined;
  const keputusan = isPdf ? undefined : await prose(decreeFile);
  const penjelasan = await prose(pack.penjelasan);
  // The cover shows the agency's logo: the config default, else the first SOP's.
  const defaultLogo = typeof config.config.defaults?.logo === 'string' ? path.resolve(config.dir, config.config.defaults.logo) : undefined;
  const logoAbs = defaultLogo ?? packEntries.map((e) => logoPath(e, config.dir)).find((l) => l !== undefined);
  const logoSite = logoAbs ? ctx.assets.add(logoAbs) : undefined;
  const base = {
    pack: plan,
    labels: ctx.labels,
    paper: ctx.req.paper,
    agency: ctx.agency,
    logo: logoSite ? relUrl(htmlFile, logoSite) : undefined,
    pejabat: pejabatOf(pack, config),
    keputusan,
    keputusanPdf: decree && { href: decree.href, pages: decree.pages },
    penjelasan,
    sopHref: (rel: string) => relUrl(htmlFile, `${rel}.html`),
  };
  return { plan, base, htmlFile, pdfFile: `${plan.id}.pdf`, packEntries, decree: decree && { pdf: decree.pdf, pages: decree.pages } };
}

export async function planStage(ctx: BuildContext): Promise<void> {
  const { docs, config, lang, models } = ctx.req;
  ctx.entries = planEntries(docs, config, lang, models);
  ctx.packPlans = planPacks(ctx.entries, config, lang, ctx.req.includeSuperseded);
  const packIds = new Set(ctx.packPlans.map((p) => p.id));
  for (const e of ctx.entries) {
    // A page named like a pack or the catalogue would be overwritten by it.
    if (e.rel === 'index' || packIds.has(e.rel)) e.rel = `${e.rel}-sop`;
  }
  ctx.byHtml = new Map(ctx.entries.map((e) => [`${e.rel}.html`, e]));
  ctx.byAbs = new Map(ctx.entries.map((e) => [e.doc.absPath, e]));
  ctx.packNav = ctx.packPlans.map((p) => ({ id: p.id, title: p.config.title }));
  ctx.agency = commonAgency(ctx.entries, config);
  ctx.sops = ctx.entries.flatMap((entry, index) => {
    try {
      return [sopUnit(ctx, entry, index)];
    } catch (err) {
      failSop(ctx, entry, 'plan', err);
      return [];
    }
  });
  for (const plan of ctx.packPlans) ctx.packs.push(await packUnit(ctx, plan));
}
