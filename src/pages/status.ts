// An SOP's legal state as readers see it (issue #14): the status in words, *belum berlaku*, the date revoked, the SOPs it replaces or is replaced by.
import { isSuperseded, notYetInForce } from '../model/status.js';
import type { Labels } from './labels.js';
import { formatDate } from './text.js';
import type { SopInfo, StatusLink } from './types.js';

/** A link to another SOP (no href when it is not part of the build). */
export interface StatusLinkView {
  text: string;
  href?: string;
}

export interface StatusView {
  /** `draf`, `berlaku`, `diganti`, `dicabut`. */
  value: string;
  /** The status in words; `Belum berlaku` for an SOP in force from a later date. */
  text: string;
  /** Replaced or revoked: still listed and reachable, shown as such, left out of packs by default. */
  superseded: boolean;
  /** `mulai berlaku 1 Juli 2026`, when not yet in force. */
  from?: string;
  /** `Dicabut 31 Maret 2026`. */
  revoked?: string;
  digantiOleh?: StatusLinkView;
  menggantikan: StatusLinkView[];
}

/**
 * The status of `sop` on `today` (`YYYY-MM-DD`; without it nothing is *belum berlaku*); `href`
 * gives the address of another SOP's page from where the view is shown.
 */
export function statusView(sop: SopInfo, labels: Labels, today: string | undefined, href: (rel: string) => string): StatusView {
  const lang = labels.htmlLang === 'en' ? 'en' : 'id';
  const value = sop.status?.status ?? 'berlaku';
  const pending = value === 'berlaku' && today !== undefined && notYetInForce(sop.data.tanggal_efektif, today);
  // a resolved link reads as the other SOP's number and name; an unresolved one as written
  const link = (l: StatusLink): StatusLinkView => (l.rel ? { text: [l.nomor, l.nama].filter(Boolean).join(' ') || l.text, href: href(l.rel) } : { text: l.text });
  return {
    value,
    text: pending ? labels.belumBerlaku : (labels.statusValue[value] ?? value),
    superseded: isSuperseded(value),
    ...(pending ? { from: labels.mulaiBerlaku(formatDate(sop.data.tanggal_efektif, lang)) } : {}),
    ...(sop.status?.tanggalDicabut ? { revoked: labels.dicabutPada(formatDate(sop.status.tanggalDicabut, lang)) } : {}),
    ...(sop.status?.digantiOleh ? { digantiOleh: link(sop.status.digantiOleh) } : {}),
    menggantikan: (sop.status?.menggantikan ?? []).map(link),
  };
}

/** True when the view has anything to say beyond "in force". */
export function statusWorthShowing(s: StatusView): boolean {
  return s.value !== 'berlaku' || s.from !== undefined || s.revoked !== undefined || s.digantiOleh !== undefined || s.menggantikan.length > 0;
}
