// The baseline peer: a minimal schema-only SOP validator (yaml + Ajv compiled once), no positions, no semantic rules.
// Usage: node lint-schema-only.mjs DIR   (exit 1 when any file is invalid)
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node lint-schema-only.mjs DIR');
  process.exit(2);
}
const schemaPath = new URL('../schemas/sop.schema.json', import.meta.url);
// allErrors: like a linter, report every problem of a file, not only the first.
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

function* markdownFiles(d) {
  for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(d, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(p);
    else if (entry.name.endsWith('.md')) yield p;
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
let files = 0;
let invalid = 0;
let out = '';
for (const file of markdownFiles(dir)) {
  const match = FRONTMATTER.exec(readFileSync(file, 'utf8'));
  // Same selection as `sop lint` on a directory: Markdown without frontmatter is documentation, not an SOP.
  if (!match) continue;
  files++;
  let errors;
  try {
    const data = parse(match[1], { uniqueKeys: true });
    errors = validate(data) ? 0 : validate.errors.length;
  } catch {
    errors = 1;
  }
  if (errors > 0) {
    invalid++;
    out += `${relative(dir, file)}: ${errors} errors\n`;
  }
}
process.stdout.write(`${out}${files} files, ${invalid} invalid\n`);
process.exitCode = invalid > 0 ? 1 : 0;
