// The document of one SOP as content: identity table, flow table pages (Bagian Prosedur), diagram, Catatan.
import type { Paper } from '../core/paper.js';
import type { FlowTablePage } from '../render/flowtable/index.js';
import { identityContent, type IdentityContent, type RelatedLink } from './identity.js';
import type { Labels } from './labels.js';
import type { Prose } from './prose.js';
import { draftMark, riwayatContent, type RiwayatContent, type SopControl } from './riwayat.js';
import type { SopInfo } from './types.js';

export type { FlowTablePage };

export interface SopContent {
  labels: Labels;
  paper: Paper;
  /** `800/001/2025 — Nama SOP`: the document title and page footer. */
  title: string;
  identity: IdentityContent;
  flowPages: FlowTablePage[];
  /** The Mermaid diagram (shown on screen only); absent in print. */
  diagram?: { svg?: string; source: string; failed?: boolean };
  /** The SOP's Markdown body (Catatan). */
  notes: Prose;
  /** Riwayat Revisi table after the flow table (from git), when there is one to show. */
  riwayat?: RiwayatContent;
  /** `DRAF` across every page when the document is not an enacted version. */
  draft?: string;
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
}

export function sopContent(i: SopContentInput): SopContent {
  const lang = i.labels.htmlLang === 'en' ? 'en' : 'id';
  return {
    labels: i.labels,
    paper: i.paper,
    title: `${i.sop.nomor} — ${i.sop.nama}`,
    identity: identityContent(i.sop, { lang, logo: i.logo, related: i.related }),
    flowPages: i.flowPages,
    diagram: i.diagram,
    notes: i.notes,
    ...(i.control ? { riwayat: riwayatContent(i.control, lang, i.riwayatReleasesOnly), draft: draftMark(i.control) } : {}),
  };
}
