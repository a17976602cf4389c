// Builds the flow model from SOP data: numbered rows, resolved targets, symbols, edges, the all-yes path and its total time.
import { formatDuration, parseDuration } from './duration.js';
import { DEFAULT_TIME, type FlowActor, type FlowEdge, type FlowModel, type FlowRow, type ResolvedTarget, type SymbolKind, type TimeSettings } from './flow-types.js';

export interface FlowOptions {
  time?: Partial<TimeSettings>;
  lang?: 'id' | 'en';
}

const DEFAULT_LABELS: Record<'id' | 'en', [string, string]> = { id: ['Ya', 'Tidak'], en: ['Yes', 'No'] };

function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => String(x));
  if (v === undefined || v === null) return [];
  return [String(v)];
}

/** Resolves a target written in the file: a 1-based row number, a row id, or `selesai`. */
export function resolveTarget(raw: unknown, rows: ReadonlyArray<{ id?: string }>): ResolvedTarget {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= rows.length) return { kind: 'row', index: raw - 1 };
  if (typeof raw === 'string') {
    if (raw === 'selesai') return { kind: 'end' };
    const index = rows.findIndex((r) => r.id === raw);
    if (index !== -1) return { kind: 'row', index };
  }
  return { kind: 'unknown', raw };
}

/**
 * Never throws: the data may break the schema (lint reports that); whatever cannot be read is
 * left out or marked unknown.
 */
export function buildFlowModel(data: unknown, options: FlowOptions = {}): FlowModel {
  const time: TimeSettings = { ...DEFAULT_TIME, ...options.time };
  const lang = options.lang ?? 'id';
  const root = asObject(data);
  const actors: FlowActor[] = Object.entries(asObject(root.pelaksana)).map(([id, title], column) => ({ id, title: String(title), column }));
  const rawRows = Array.isArray(root.prosedur) ? root.prosedur.map(asObject) : [];
  const ids = rawRows.map((r) => ({ id: typeof r.id === 'string' ? r.id : undefined }));
  const n = rawRows.length;

  const rows: FlowRow[] = rawRows.map((r, index) => {
    const actorId = String(r.pelaksana ?? '');
    const below: ResolvedTarget = index + 1 < n ? { kind: 'row', index: index + 1 } : { kind: 'end' };
    const keputusan = r.keputusan === undefined ? undefined : asObject(r.keputusan);
    const row: FlowRow = {
      index,
      number: index + 1,
      id: ids[index].id,
      kegiatan: typeof r.kegiatan === 'string' ? r.kegiatan : String(r.kegiatan ?? ''),
      actorId,
      column: actors.findIndex((a) => a.id === actorId),
      kelengkapan: asList(r.kelengkapan),
      output: asList(r.output),
      waktu: typeof r.waktu === 'string' ? r.waktu : String(r.waktu ?? ''),
      keterangan: typeof r.keterangan === 'string' ? r.keterangan : undefined,
      symbol: 'process',
      duration: parseDuration(r.waktu, time),
    };
    if (keputusan) {
      const label = Array.isArray(keputusan.label) && keputusan.label.length === 2 ? (keputusan.label.map(String) as [string, string]) : DEFAULT_LABELS[lang];
      row.decision = {
        yes: keputusan.ya === undefined ? below : resolveTarget(keputusan.ya, ids),
        no: resolveTarget(keputusan.tidak, ids),
        labels: label,
      };
    } else {
      row.next = r.ke === undefined ? below : resolveTarget(r.ke, ids);
    }
    row.symbol = symbolOf(row);
    return row;
  });

  const edges: FlowEdge[] = [];
  for (const row of rows) {
    if (row.decision) {
      const { yes, no, labels } = row.decision;
      if (yes.kind !== 'unknown') edges.push({ from: row.index, to: yes.kind === 'row' ? yes.index : 'end', kind: 'yes', label: labels[0] });
      if (no.kind !== 'unknown') edges.push({ from: row.index, to: no.kind === 'row' ? no.index : 'end', kind: 'no', label: labels[1] });
    } else if (row.next?.kind === 'row') {
      edges.push({ from: row.index, to: row.next.index, kind: 'next' });
    }
  }

  const mainPath: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; n > 0 && !seen.has(i); ) {
    seen.add(i);
    mainPath.push(i);
    const row = rows[i];
    const t = row.decision ? row.decision.yes : row.next;
    if (!t || t.kind !== 'row') break;
    i = t.index;
  }
  let total: FlowModel['total'] = n > 0 ? { minutes: 0, working: false } : null;
  for (const i of mainPath) {
    const d = rows[i].duration;
    if (!d || !total) {
      total = null;
      break;
    }
    total = { minutes: total.minutes + d.minutes, working: total.working || d.working };
  }
  return { actors, rows, edges, mainPath, total, totalText: total ? formatDuration(total, lang, time) : '' };
}

/** Symbols are derived, never written: decision for `keputusan`, capsule for the first row and rows that end the procedure. */
function symbolOf(row: FlowRow): SymbolKind {
  if (row.decision) return 'decision';
  if (row.index === 0 || row.next?.kind === 'end') return 'terminator';
  return 'process';
}
