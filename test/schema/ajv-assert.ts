// Assertion helpers shared by the schema tests: compile a schema once, then accept/reject data and find errors.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';

export type Json = Record<string, any>;

export interface SchemaAsserts {
  /** Validates `data`, asserts that it fails, and returns the Ajv errors. */
  reject(data: unknown): ErrorObject[];
  /** Validates `data` and asserts that it passes (printing the errors if it does not). */
  accept(data: unknown): void;
}

/** Compiles `schema` in Ajv strict mode (a warning or error fails the test file). */
export function schemaAsserts(schema: Json): SchemaAsserts {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  return {
    reject(data) {
      assert.equal(validate(data), false, 'expected the schema to reject the data');
      return validate.errors ?? [];
    },
    accept(data) {
      assert.equal(validate(data), true, JSON.stringify(validate.errors, null, 2));
    },
  };
}

/** `keyword instancePath` of every error, sorted and without repeats. */
export function summary(errors: ErrorObject[]): string[] {
  return [...new Set(errors.map((e) => `${e.keyword} ${e.instancePath}`))].sort();
}

/** Asserts that some error has this keyword, instancePath and (a subset of) params. */
export function hasError(errors: ErrorObject[], keyword: string, instancePath: string, params: Json = {}): ErrorObject {
  const hit = errors.find(
    (e) =>
      e.keyword === keyword &&
      e.instancePath === instancePath &&
      Object.entries(params).every(([k, v]) => isDeepStrictEqual((e.params as Json)[k], v)),
  );
  assert.ok(hit, `no ${keyword} error at "${instancePath}" ${JSON.stringify(params)} in ${JSON.stringify(summary(errors))}`);
  return hit;
}

/** Adds `schemas` to one Ajv instance in strict mode and returns every warning or error it logged. */
export function strictWarnings(schemas: Json[]): unknown[] {
  const logged: unknown[] = [];
  const logger = { log: () => {}, warn: (...a: unknown[]) => logged.push(a), error: (...a: unknown[]) => logged.push(a) };
  const ajv = new Ajv2020({ allErrors: true, strict: true, logger });
  for (const s of schemas) ajv.addSchema(s);
  for (const s of schemas) assert.equal(typeof ajv.getSchema(s.$id as string), 'function', `${String(s.$id)} did not compile`);
  return logged;
}
