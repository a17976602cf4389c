// Build step: precompiles schemas/sop.schema.json, config.schema.json and the lifecycle record schemas
// (inventaris, monev, evaluasi) into standalone Ajv validators (dist/schema/<name>-validator.cjs), so `sop` validates without loading Ajv. Run after `tsc`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const addFormats = addFormatsModule.default ?? addFormatsModule;
const standalone = standaloneModule.default ?? standaloneModule;

/** Hash of the schema text a validator was built from; src/schema/validators.ts falls back to Ajv when it differs. */
export function schemaHash(schemaText) {
  return createHash('sha256').update(schemaText).digest('hex');
}

/**
 * CommonJS source of a validator. Same Ajv options as src/schema/validators.ts (allErrors, strict,
 * verbose), so errors and their translations are identical. CommonJS because ajv's standalone code
 * still `require`s its runtime helpers (toolchain notes §5).
 */
export function generateValidator(schemaText) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, code: { source: true, esm: false } });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(schemaText));
  return `${emptyTestsByLength(standalone(ajv, validate))}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(schemaText))};\n`;
}

/**
 * `minLength: 1` compiles to `ucs2length(s) < 1`, a loop over every character of the string (the
 * kegiatan texts, names, titles) only to learn whether it is empty. A string has no code point
 * exactly when its length is 0, so the test becomes `s.length < 1`: same verdict, no loop.
 */
export function emptyTestsByLength(code) {
  const binding = /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default/.exec(code)?.[1];
  if (!binding) return code;
  return code.replace(new RegExp(`\\b${binding}\\((\\w+)\\) < 1\\b`, 'g'), '$1.length < 1');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of ['sop', 'config', 'inventaris', 'monev', 'evaluasi']) {
    const schemaText = readFileSync(join(root, `schemas/${name}.schema.json`), 'utf8');
    const out = join(root, `dist/schema/${name}-validator.cjs`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.tmp`, generateValidator(schemaText));
    renameSync(`${out}.tmp`, out);
    console.log(`wrote ${out.slice(root.length + 1)}`);
  }
}
