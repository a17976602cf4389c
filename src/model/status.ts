// An SOP's legal state (status, diganti_oleh, menggantikan, tanggal_dicabut): defaults and readings shared by lint, build and diff.

export const SOP_STATUSES = ['draf', 'berlaku', 'diganti', 'dicabut'] as const;
export type SopStatus = (typeof SOP_STATUSES)[number];

/** Keys that describe the document's legal state rather than its content. */
export const STATUS_KEYS = ['status', 'diganti_oleh', 'menggantikan', 'tanggal_dicabut'] as const;

export function isSopStatus(v: unknown): v is SopStatus {
  return typeof v === 'string' && (SOP_STATUSES as readonly string[]).includes(v);
}

/** `status` with its default: an SOP without one is in force. A value outside the four is returned as written (the schema reports it). */
export function statusOf(data: Record<string, unknown> | undefined): string {
  return typeof data?.status === 'string' ? data.status : 'berlaku';
}

/** Replaced or revoked: kept in the catalogue, left out of packs unless asked for. */
export function isSuperseded(status: string): boolean {
  return status === 'diganti' || status === 'dicabut';
}

/** `menggantikan` as a list (it may be one string or a list of strings). */
export function menggantikanOf(data: Record<string, unknown> | undefined): string[] {
  const v = data?.menggantikan;
  if (typeof v === 'string') return v.trim() ? [v] : [];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}

/**
 * True when an effective date lies after `today` (both `YYYY-MM-DD`; a month date `YYYY-MM`
 * takes effect on the first of its month): the SOP is enacted but not yet in force.
 */
export function notYetInForce(tanggalEfektif: unknown, today: string): boolean {
  if (typeof tanggalEfektif !== 'string') return false;
  const day = /^\d{4}-\d{2}$/.test(tanggalEfektif) ? `${tanggalEfektif}-01` : tanggalEfektif;
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day > today;
}
