// Compiles the shipped JSON Schemas once per process (Ajv 2020-12) and hands out the validators.
// A build step (scripts/build-validators.mjs) precompiles them to standalone code; when that code
// matches the current schema it is used and Ajv itself is never loaded (≈100 ms less per run).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { codeFile, packageFile } from '../core/package.js';

const require = createRequire(import.meta.url);

export const SOP_SCHEMA_URL = pathToFileURL(packageFile('schemas/sop.schema.json'));
export const CONFIG_SCHEMA_URL = pathToFileURL(packageFile('schemas/config.schema.json'));

/** Lifecycle record files (inventory, monitoring, evaluation): their own schemas, precompiled like the others. */
export type RecordKind = 'inventaris' | 'monev' | 'evaluasi';
export const RECORD_KINDS: readonly RecordKind[] = ['inventaris', 'monev', 'evaluasi'];
export function recordSchemaUrl(kind: RecordKind): URL {
  return pathToFileURL(packageFile(`schemas/${kind}.schema.json`));
}
const recordValidators = new Map<RecordKind, ValidateFunction>();

/** `$id` of format 1.0. 1.1 is a superset, so the old id names the current schema (files and editors that point at it keep working). */
export const SOP_SCHEMA_ID_1_0 = 'https://sop-ap.id/schemas/sop-ap/1/sop.schema.json';

let ajv: Ajv2020 | undefined;
let sopValidator: ValidateFunction | undefined;
let configValidator: ValidateFunction | undefined;

function instance(): Ajv2020 {
  if (!ajv) {
    // Ajv is CommonJS: required on first use, so runs served by precompiled validators skip it
    const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
    // verbose gives each error its parentSchema and data, which the message translator needs
    ajv = new AjvClass({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv);
    const sop = readJson(SOP_SCHEMA_URL);
    ajv.addSchema(sop);
    if (sop.$id !== SOP_SCHEMA_ID_1_0) ajv.addSchema({ $id: SOP_SCHEMA_ID_1_0, $ref: sop.$id as string });
    ajv.addSchema(readJson(CONFIG_SCHEMA_URL));
    for (const kind of RECORD_KINDS) ajv.addSchema(readJson(recordSchemaUrl(kind)));
  }
  return ajv;
}

function readJson(url: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** The standalone validator built from exactly this schema text, if the build made one. */
function precompiled(name: 'sop' | 'config' | RecordKind, schemaUrl: URL): ValidateFunction | undefined {
  let mod: (ValidateFunction & { schemaHash?: string; default?: ValidateFunction }) | undefined;
  try {
    mod = require(codeFile(`schema/${name}-validator.cjs`)) as typeof mod;
  } catch {
    return undefined; // running from src, or built without the generation step
  }
  // a schema edited after the build must not be checked with the old rules
  const hash = createHash('sha256').update(readFileSync(schemaUrl, 'utf8')).digest('hex');
  return mod?.schemaHash === hash ? (mod.default ?? mod) : undefined;
}

export function getSopValidator(): ValidateFunction {
  if (!sopValidator) {
    sopValidator = precompiled('sop', SOP_SCHEMA_URL);
    if (!sopValidator) {
      const id = (readJson(SOP_SCHEMA_URL).$id as string) ?? '';
      sopValidator = instance().getSchema(id) as ValidateFunction;
    }
  }
  return sopValidator;
}

/** The validator registered under a schema `$id` (the current ids, and the 1.0 SOP id); undefined for an unknown id. */
export function getValidatorById(id: string): ValidateFunction | undefined {
  return instance().getSchema(id) as ValidateFunction | undefined;
}

export function getConfigValidator(): ValidateFunction {
  if (!configValidator) {
    configValidator = precompiled('config', CONFIG_SCHEMA_URL);
    if (!configValidator) {
      const id = (readJson(CONFIG_SCHEMA_URL).$id as string) ?? '';
      configValidator = instance().getSchema(id) as ValidateFunction;
    }
  }
  return configValidator;
}

/** The validator of one kind of lifecycle record file. */
export function getRecordValidator(kind: RecordKind): ValidateFunction {
  let v = recordValidators.get(kind);
  if (!v) {
    v = precompiled(kind, recordSchemaUrl(kind));
    if (!v) {
      const id = (readJson(recordSchemaUrl(kind)).$id as string) ?? '';
      v = instance().getSchema(id) as ValidateFunction;
    }
    recordValidators.set(kind, v);
  }
  return v;
}
