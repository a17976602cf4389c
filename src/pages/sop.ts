// The document of one SOP as content: identity table, flow table pages (Bagian Prosedur), diagram, Catatan.
import { inlinePlain, isDash } from '../core/inline-markdown.js';
import type { Paper } from '../core/paper.js';
import { DEFAULT_LAYOUT, type LayoutSettings } from '../core/profile.js';
import type { FlowModel } from '../model/flow-types.js';
import type { FlowTablePage } from '../render/flowtable/index.js';
import { flowSteps, type FlowStep } from './flow-steps.js';
import { identityContent, type IdentityContent, type RelatedLink } from './identity.js';
import type { Labels } from './labels.js';
import type { Prose } from './prose.js';
import { draftMark, riwayatContent, type RiwayatContent, type SopControl } from './riwayat.js';
import type { SopInfo } from './types.js';
import { statusView, statusWorthShowing, type StatusView } from './status.js';

export type { FlowTablePage };

export interface SopContent {
  labels: Labels;
  paper: Paper;
  /** `800/001/2025 — Nama SOP`: the document title and page footer (just the name when the number is "-"). */
  title: string;
  identity: IdentityContent;
  flowPages: FlowTablePage[];
  /** The flow table's text alternative: every step as an ordered list. */
  steps: FlowStep[];
  layout: LayoutSettings;
  /** Footer statement of an e-signed SOP (`disahkan_oleh.tte: true` and config `signature.footer`). */
  signatureFooter?: string;
  /** The Mermaid diagram (shown on screen only); absent in print. */
  diagram?: { svg?: string; source: string; failed?: boolean };
  /** The SOP's Markdown body (Catatan). */
  notes: Prose;
  /** Riwayat Revisi table after the flow table (from git), when there is one to show. */
  riwayat?: RiwayatContent;
  /** `DRAF` across every page when the document is not an enacted version. */
  draft?: string;
  /** Replaced, revoked, draft, not yet in force, or linked to the SOPs it replaces (site page only). */
  status?: StatusView;
}

export interface SopContentInput {
  sop: SopInfo;
  labels: Labels;
  paper: Paper;
  logo?: string;
  related: RelatedLink[];
  flowPages: FlowTablePage[];
  diagram?: SopContent['diagram'];
  notes: Prose;
  /** Document control facts (issue #14) and whether the table keeps only tagged releases. */
  control?: SopControl;
  riwayatReleasesOnly?: boolean;
  /** The flow model, for the steps list; without it the list is empty. */
  model?: FlowModel;
  layout?: LayoutSettings;
  signatureFooter?: string;
  /** "Today" (`YYYY-MM-DD`) for *belum berlaku*, and the address of another SOP's page from this one. */
  today?: string;
  sopHref?: (rel: string) => string;
}

/** `nomor — nama` as plain text; a number "-" (none yet) is left out rather than printed as `- —`. */
export function documentTitle(nomor: string, nama: string): string {
  const name = inlinePlain(nama).replace(/\s*\n\s*/g, ' ');
  return nomor.trim() === '' || isDash(nomor) ? name : `${inlinePlain(nomor)} — ${name}`;
}

export function sopContent(i: SopContentInput): SopContent {
  const lang = i.labels.htmlLang === 'en' ? 'en' : 'id';
  return {
    labels: i.labels,
    paper: i.paper,
    title: documentTitle(i.sop.nomor, i.sop.nama),
    identity: identityContent(i.sop, { lang, logo: i.logo, related: i.related, layout: i.layout }),
    flowPages: i.flowPages,
    steps: i.model ? flowSteps(i.model, lang) : [],
    layout: i.layout ?? DEFAULT_LAYOUT,
    signatureFooter: identity(i).tte ? i.signatureFooter : undefined,
    diagram: i.diagram,
    notes: i.notes,
    ...(i.control ? { riwayat: riwayatContent(i.control, lang, i.riwayatReleasesOnly), draft: draftMark(i.control) } : {}),
    ...statusPart(i),
  };
}

function statusPart(i: SopContentInput): { status?: StatusView } {
  const view = statusView(i.sop, i.labels, i.today, i.sopHref ?? ((rel) => `${rel}.html`));
  return statusWorthShowing(view) ? { status: view } : {};
}

function identity(i: SopContentInput): { tte: boolean } {
  const p = i.sop.data.disahkan_oleh;
  return { tte: typeof p === 'object' && p !== null && (p as Record<string, unknown>).tte === true };
}
