// What a reference to an SOP that names none says (keterkaitan-unresolved, status-links), with a "did you mean" when one is near.
import type { ProjectReportDescriptor } from '../types.js';

export const UNRESOLVED_MESSAGES = {
  unresolved: {
    id: '`{{entry}}` tidak sama dengan `nomor` atau `nama` SOP mana pun di repositori',
    en: '`{{entry}}` matches the `nomor` or `nama` of no SOP in the repository',
  },
  unresolvedSuggest: {
    id: '`{{entry}}` tidak sama dengan `nomor` atau `nama` SOP mana pun di repositori; mungkin maksudnya `{{suggestion}}`?',
    en: '`{{entry}}` matches the `nomor` or `nama` of no SOP in the repository; did you mean `{{suggestion}}`?',
  },
} as const;

/** The report of an entry that names no SOP, with the suggestion when there is one. */
export function unresolvedReport(file: string, entry: { value: string; at: ProjectReportDescriptor['at'] }, suggestion: string | undefined): ProjectReportDescriptor {
  return suggestion
    ? { file, at: entry.at, messageId: 'unresolvedSuggest', data: { entry: entry.value, suggestion } }
    : { file, at: entry.at, messageId: 'unresolved', data: { entry: entry.value } };
}
