// Compiles the shipped JSON Schemas once per process (Ajv 2020-12) and hands out the validators.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule.default;

export const SOP_SCHEMA_URL = new URL('../../schemas/sop.schema.json', import.meta.url);
export const CONFIG_SCHEMA_URL = new URL('../../schemas/config.schema.json', import.meta.url);

let ajv: Ajv2020 | undefined;
let sopValidator: ValidateFunction | undefined;
let configValidator: ValidateFunction | undefined;

function instance(): Ajv2020 {
  if (!ajv) {
    // verbose gives each error its parentSchema and data, which the message translator needs
    ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv);
    ajv.addSchema(readJson(SOP_SCHEMA_URL));
    ajv.addSchema(readJson(CONFIG_SCHEMA_URL));
  }
  return ajv;
}

function readJson(url: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

export function sopSchema(): Record<string, unknown> {
  return readJson(SOP_SCHEMA_URL);
}

export function getSopValidator(): ValidateFunction {
  if (!sopValidator) {
    const id = (readJson(SOP_SCHEMA_URL).$id as string) ?? '';
    sopValidator = instance().getSchema(id) as ValidateFunction;
  }
  return sopValidator;
}

export function getConfigValidator(): ValidateFunction {
  if (!configValidator) {
    const id = (readJson(CONFIG_SCHEMA_URL).$id as string) ?? '';
    configValidator = instance().getSchema(id) as ValidateFunction;
  }
  return configValidator;
}
