// Finds and reads a repository's lifecycle records: the inventory, monev/<periode>/<unit>.yaml sheets and evaluasi/ files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/config-types.js';
import { displayPath, isInside } from '../core/paths.js';
import { evaluationOf, inventoryOf, monitoringOf, type Evaluation, type Inventory, type MonitoringSheet } from './model.js';
import { readRecord, type RecordFile, type RecordKind } from './records.js';

export const DEFAULT_INVENTORY = 'inventaris.yaml';
export const DEFAULT_MONITORING_DIR = 'monev';
export const DEFAULT_EVALUATION_DIR = 'evaluasi';

/** Built-in assessment values of Tabel 7 column 3; config `lifecycle.assessments` adds more. */
export const BUILTIN_ASSESSMENTS: Readonly<Record<string, string>> = Object.freeze({
  baik: 'Berjalan dengan baik',
  'tidak-baik': 'Tidak berjalan dengan baik',
});

export interface LifecyclePaths {
  root: string;
  inventory: string;
  monitoring: string;
  evaluation: string;
}

export interface LifecycleRecords {
  paths: LifecyclePaths;
  /** Which kinds the repository keeps at all: rules about a kind run only when it does. */
  present: { inventory: boolean; monitoring: boolean; evaluation: boolean };
  records: RecordFile[];
  inventory?: Inventory;
  monitoring: MonitoringSheet[];
  evaluations: Evaluation[];
  /** Tabel 7 assessment values: key -> printed label. */
  assessments: Record<string, string>;
}

/** Where the records live: config `lifecycle` paths (relative to the config file), else the defaults. */
export function lifecyclePaths(config: LoadedConfig): LifecyclePaths {
  const l = config.config.lifecycle ?? {};
  const root = config.dir;
  return {
    root,
    inventory: path.resolve(root, l.inventory ?? DEFAULT_INVENTORY),
    monitoring: path.resolve(root, l.monitoring ?? DEFAULT_MONITORING_DIR),
    evaluation: path.resolve(root, l.evaluation ?? DEFAULT_EVALUATION_DIR),
  };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** YAML files under `dir` at any depth, sorted, skipping hidden entries. */
function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith('.') || n === 'node_modules') continue;
      const p = path.join(d, n);
      if (isDir(p)) walk(p);
      else if (/\.ya?ml$/.test(n)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The kind of record a file is, by where it lies; undefined for anything else. */
export function recordKindOf(paths: LifecyclePaths, abs: string): RecordKind | undefined {
  if (path.resolve(abs) === paths.inventory) return 'inventaris';
  if (!/\.ya?ml$/.test(abs)) return undefined;
  if (isInside(abs, paths.monitoring) && abs !== paths.monitoring) return 'monev';
  if (isInside(abs, paths.evaluation) && abs !== paths.evaluation) return 'evaluasi';
  return undefined;
}

export function assessmentsOf(config: LoadedConfig): Record<string, string> {
  return { ...BUILTIN_ASSESSMENTS, ...(config.config.lifecycle?.assessments ?? {}) };
}

/** Which kinds of record the repository keeps (their file or folder exists); reads none of them. */
export function lifecyclePresent(config: LoadedConfig, paths: LifecyclePaths = lifecyclePaths(config)): LifecycleRecords['present'] {
  return { inventory: existsSync(paths.inventory), monitoring: isDir(paths.monitoring), evaluation: isDir(paths.evaluation) };
}

/** Reads every record of the repository (a handful of files; nothing is cached between runs). */
export function loadLifecycle(config: LoadedConfig, cwd: string): LifecycleRecords {
  const paths = lifecyclePaths(config);
  const records: RecordFile[] = [];
  const read = (kind: RecordKind, abs: string) => {
    const r = readRecord(kind, abs, displayPath(abs, cwd));
    records.push(r);
    return r;
  };
  const present = lifecyclePresent(config, paths);
  const inventory = present.inventory ? inventoryOf(read('inventaris', paths.inventory)) : undefined;
  const monitoring = present.monitoring ? yamlFiles(paths.monitoring).flatMap((f) => monitoringOf(read('monev', f)) ?? []) : [];
  const evaluations = present.evaluation ? yamlFiles(paths.evaluation).flatMap((f) => evaluationOf(read('evaluasi', f)) ?? []) : [];
  return { paths, present, records, inventory, monitoring, evaluations, assessments: assessmentsOf(config) };
}
