// Roll-up per unit and monitoring period: SOPs in force, monitored, evaluated, revised, overdue (the figures offices report upward).
import { addMonths, compareDays, dayOf, type Day, type Period, parsePeriod, periodOf } from './dates.js';
import type { LifecycleRecords } from './repository.js';
import { inForce, SopIndex, type LifecycleSop } from './sops.js';

export interface RollupRow {
  periode: string;
  unit: string;
  inForce: number;
  monitored: number;
  evaluated: number;
  revised: number;
  overdue: number;
}

export interface Rollup {
  periods: string[];
  units: string[];
  rows: RollupRow[];
}

const within = (d: Day | undefined, p: Period) => d !== undefined && compareDays(d, p.start) >= 0 && compareDays(d, p.end) <= 0;

/**
 * The periods that have monitoring sheets (and the current one), each unit with SOPs in force by
 * the period's end. `overdue`: in force, and its last monitoring up to the period's end (or its
 * tanggal_efektif) is more than `months` old at the period's end, or today for the running period.
 */
export function rollup(sops: readonly LifecycleSop[], records: LifecycleRecords, now: Date, months = 6): Rollup {
  const today = dayOf(now);
  const index = new SopIndex(sops);
  const current = `${today.year}-S${today.month <= 6 ? 1 : 2}`;
  // periods with monitoring sheets or evaluations, and the running one
  const fromSheets = records.monitoring.map((m) => m.periode?.id).filter((x): x is string => Boolean(x));
  const fromEvaluations = records.evaluations.flatMap((e) => (e.tanggal ? [periodOf(e.tanggal).id] : []));
  const periodIds = [...new Set([...fromSheets, ...fromEvaluations, current])].sort();
  const monitoredOn = new Map<LifecycleSop, Day[]>();
  for (const sheet of records.monitoring) {
    if (!sheet.tanggal) continue;
    for (const row of sheet.rows) {
      const sop = index.resolve(row.prosedur);
      if (!sop || row.penilaian === null) continue;
      monitoredOn.set(sop, [...(monitoredOn.get(sop) ?? []), sheet.tanggal]);
    }
  }
  const evaluatedOn = new Map<LifecycleSop, Day[]>();
  for (const ev of records.evaluations) {
    if (!ev.tanggal) continue;
    for (const e of ev.entries) {
      const sop = index.resolve(e.prosedur);
      if (sop) evaluatedOn.set(sop, [...(evaluatedOn.get(sop) ?? []), ev.tanggal]);
    }
  }
  const units = [...new Set(sops.map((s) => s.unit))].sort();
  const rows: RollupRow[] = [];
  for (const id of periodIds) {
    const p = parsePeriod(id)!;
    const until = compareDays(today, p.end) < 0 ? today : p.end;
    for (const unit of units) {
      const active = sops.filter((s) => s.unit === unit && inForce(s, p.end));
      if (active.length === 0) continue;
      let monitored = 0;
      let evaluated = 0;
      let revised = 0;
      let overdue = 0;
      for (const s of active) {
        const mons = monitoredOn.get(s) ?? [];
        if (mons.some((d) => within(d, p))) monitored++;
        if ((evaluatedOn.get(s) ?? []).some((d) => within(d, p))) evaluated++;
        if (within(s.tanggalRevisi, p) && compareDays(s.tanggalRevisi!, today) <= 0) revised++;
        const last = mons.filter((d) => compareDays(d, until) <= 0).sort(compareDays).at(-1);
        const base = last && compareDays(last, s.tanggalEfektif!) > 0 ? last : s.tanggalEfektif!;
        if (compareDays(addMonths(base, months), until) < 0) overdue++;
      }
      rows.push({ periode: id, unit, inForce: active.length, monitored, evaluated, revised, overdue });
    }
  }
  return { periods: periodIds, units, rows };
}
