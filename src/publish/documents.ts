// The content of an SOP's document for this build, and where its HTML page sits on the site.
import path from 'node:path';
import type { SopSite } from '../pages/html/sop.js';
import { sopContent, type SopContent } from '../pages/sop.js';
import type { FlowTableResult } from '../render/flowtable/index.js';
import type { BuildContext, SopUnit } from './context.js';
import { relUrl } from './plan.js';

export function sopDocument(ctx: BuildContext, u: SopUnit, table: FlowTableResult, diagram?: SopContent['diagram']): { content: SopContent; site: SopSite } {
  const content = sopContent({
    sop: u.entry,
    labels: u.look.labels,
    paper: ctx.req.paper,
    logo: u.logoSite ? relUrl(u.htmlFile, u.logoSite) : undefined,
    related: u.related,
    flowPages: table.pages,
    diagram,
    notes: u.notes,
    control: ctx.req.control?.get(u.entry.doc.absPath),
    riwayatReleasesOnly: ctx.req.riwayatReleasesOnly,
    model: u.entry.model,
    layout: u.look.profile.layout,
    signatureFooter: u.look.profile.signatureFooter,
    today: ctx.req.today,
    sopHref: (rel) => relUrl(u.htmlFile, `${rel}.html`),
  });
  const site: SopSite = {
    root: u.root,
    pdfHref: ctx.pdfOn ? path.posix.basename(u.pdfFile) : undefined,
    packs: ctx.packNav.map((n) => ({ title: n.title, href: `${u.root}${n.id}.html` })),
  };
  return { content, site };
}
