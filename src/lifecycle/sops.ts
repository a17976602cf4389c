// The SOPs as the lifecycle sees them: number, name, dates, status and unit, and how a record's `prosedur` finds one.
import path from 'node:path';
import picomatch from 'picomatch';
import type { PackConfig, SopConfig } from '../config/config-types.js';
import { toPosix } from '../core/paths.js';
import { nameKey } from '../model/names.js';
import { compareDays, parseDay, type Day } from './dates.js';

export interface LifecycleSop {
  /** Path as reported (POSIX, relative to cwd where possible). */
  file: string;
  absPath: string;
  /** POSIX path relative to the repository root. */
  rel: string;
  /** Unit id: the SOP's top folder under the repository root (`mutasi`); `umum` for SOPs at the root. */
  unit: string;
  nomor?: string;
  nama?: string;
  tanggalEfektif?: Day;
  tanggalRevisi?: Day;
  /** `status` of the document-control keys (`draf`, `berlaku`, `diganti`, `dicabut`); absent means berlaku. */
  status?: string;
}

/** Unit of SOPs kept directly in the repository root. */
export const ROOT_UNIT = 'umum';

export function unitOf(rel: string): string {
  const parts = rel.split('/');
  return parts.length > 1 ? parts[0] : ROOT_UNIT;
}

/** Builds the lifecycle view of one SOP from the values lint keeps (or an SOP read directly). */
export function lifecycleSop(input: { file: string; absPath: string; root: string; nomor?: unknown; nama?: unknown; tanggalEfektif?: unknown; tanggalRevisi?: unknown; status?: unknown }): LifecycleSop {
  const rel = toPosix(path.relative(input.root, input.absPath));
  const s = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  return {
    file: input.file, absPath: input.absPath, rel, unit: unitOf(rel),
    nomor: s(input.nomor), nama: s(input.nama),
    tanggalEfektif: parseDay(input.tanggalEfektif), tanggalRevisi: parseDay(input.tanggalRevisi), status: s(input.status),
  };
}

/** In force on `day`: not a draft, not replaced or revoked, and already effective. */
export function inForce(sop: LifecycleSop, day: Day): boolean {
  if (sop.status !== undefined && sop.status !== 'berlaku') return false;
  return sop.tanggalEfektif !== undefined && compareDays(sop.tanggalEfektif, day) <= 0;
}

/** Finds SOPs by `nomor` (exact, trimmed) or `nama` (matched by `nameKey`, the one name rule of spec §7.5), the way records name them. */
export class SopIndex {
  private readonly byNomor = new Map<string, LifecycleSop>();
  private readonly byNama = new Map<string, LifecycleSop>();
  constructor(readonly sops: readonly LifecycleSop[]) {
    for (const s of sops) {
      if (s.nomor && !this.byNomor.has(s.nomor.trim())) this.byNomor.set(s.nomor.trim(), s);
      if (s.nama && !this.byNama.has(nameKey(s.nama))) this.byNama.set(nameKey(s.nama), s);
    }
  }
  resolve(ref: string): LifecycleSop | undefined {
    return this.byNomor.get(ref.trim()) ?? this.byNama.get(nameKey(ref));
  }
}

/** Display name of a unit: the title of the pack section that holds its SOPs, else its folder name in title case. */
export function unitName(unit: string, config: SopConfig, sampleRel?: string): string {
  const packs: PackConfig[] = Array.isArray(config.pack) ? config.pack : config.pack ? [config.pack] : [];
  for (const p of packs) {
    for (const s of p.sections ?? []) {
      const rel = sampleRel ?? `${unit}/x.md`;
      if (s.include.some((g) => picomatch(g)(rel))) return s.title;
    }
  }
  return unit.split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
