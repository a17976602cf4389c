// Copies Mermaid's browser build as ES modules (dist/mermaid.esm.min.mjs and its chunks of the mermaid version pinned
// in devDependencies) into vendor/mermaid/ with its licence, the licences of the packages the build is made from, and a
// record of version and each file's SHA-256. These files are all sop loads into Chromium, which fetches only the
// chunks a diagram needs (a flowchart: 27 files, 0.86 MB, against 3.6 MB for the single-file bundle); shipping them
// instead of depending on mermaid keeps mermaid's 133 MB dependency tree out of every install.
//   node scripts/vendor-mermaid.mjs          refresh vendor/mermaid/ from node_modules/mermaid
//   node scripts/vendor-mermaid.mjs --check  exit 1 when vendor/mermaid/ differs from what a refresh writes
// To move to another Mermaid: pin it exactly in devDependencies, `npm install`, run this script, commit.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The entry module; it imports its chunks from CHUNKS, relative to itself. */
const ENTRY = 'dist/mermaid.esm.min.mjs';
const CHUNKS = 'dist/chunks/mermaid.esm.min';

/** Where Node would find package `name` from inside `fromDir` (nested node_modules first, then upward). */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function licenceText(dir) {
  const file = readdirSync(dir)
    .sort()
    .find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

/** mermaid's runtime dependencies, transitively, as installed (type-only @types/* packages left out). */
function bundledPackages(mermaidDir) {
  const seen = new Map();
  const visit = (dir) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys(pkg.dependencies ?? {}).sort()) {
      if (name.startsWith('@types/')) continue;
      const depDir = packageDir(name, dir);
      if (!depDir) throw new Error(`${name} (a dependency of ${pkg.name}) is not installed; run npm install`);
      const dep = JSON.parse(readFileSync(path.join(depDir, 'package.json'), 'utf8'));
      const key = `${dep.name}@${dep.version}`;
      if (seen.has(key)) continue;
      seen.set(key, { name: dep.name, version: dep.version, license: dep.license ?? 'no licence field; see the text below', text: licenceText(depDir) });
      visit(depDir);
    }
  };
  visit(mermaidDir);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** What vendor/mermaid/ must hold, as { fileName: Buffer | string }, computed from the installed mermaid. */
export function vendoredFiles(root) {
  const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies?.mermaid;
  if (!pinned || !/^\d+\.\d+\.\d+$/.test(pinned)) throw new Error(`devDependencies.mermaid must be an exact version (is ${pinned ?? 'missing'})`);
  const mermaidDir = path.join(root, 'node_modules', 'mermaid');
  const installed = JSON.parse(readFileSync(path.join(mermaidDir, 'package.json'), 'utf8'));
  if (installed.version !== pinned) throw new Error(`node_modules has mermaid ${installed.version}, package.json pins ${pinned}; run npm install`);
  // the modules, by their path under vendor/mermaid/ (as the entry imports them); source maps stay behind
  const modules = { 'mermaid.esm.min.mjs': readFileSync(path.join(mermaidDir, ENTRY)) };
  for (const f of readdirSync(path.join(mermaidDir, CHUNKS)).filter((n) => n.endsWith('.mjs')).sort()) {
    modules[`chunks/mermaid.esm.min/${f}`] = readFileSync(path.join(mermaidDir, CHUNKS, f));
  }
  const record = {
    package: 'mermaid',
    version: installed.version,
    entry: ENTRY,
    bytes: Object.values(modules).reduce((n, b) => n + b.length, 0),
    license: installed.license,
    refresh: 'node scripts/vendor-mermaid.mjs',
    sha256: Object.fromEntries(Object.entries(modules).map(([name, b]) => [name, createHash('sha256').update(b).digest('hex')])),
  };
  const notices = bundledPackages(mermaidDir).map(
    (p) => `${p.name}@${p.version} (${p.license})\n\n${p.text ?? '(the package ships no licence file; its package.json names the licence above)'}\n`,
  );
  const thirdParty = [
    `Packages mermaid ${installed.version} depends on at run time, from which its ${ENTRY} and its chunks are built,`,
    'with their licences as installed (written by scripts/vendor-mermaid.mjs).',
    '',
    ...notices.map((n) => `${'-'.repeat(72)}\n${n}`),
  ].join('\n');
  return {
    ...modules,
    'mermaid.json': `${JSON.stringify(record, null, 2)}\n`,
    LICENSE: readFileSync(path.join(mermaidDir, 'LICENSE'), 'utf8'),
    'THIRD-PARTY-LICENSES.txt': thirdParty,
  };
}

/** The files under vendor/mermaid/ now, by their path in it. */
export function vendoredNow(out) {
  return readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out = path.join(root, 'vendor', 'mermaid');
  const files = vendoredFiles(root);
  if (process.argv.includes('--check')) {
    const stale = Object.entries(files).filter(([name, data]) => {
      const file = path.join(out, name);
      return !existsSync(file) || !readFileSync(file).equals(Buffer.from(data));
    });
    const extra = vendoredNow(out).filter((name) => !(name in files));
    for (const [name] of stale) console.error(`vendor/mermaid/${name} differs from the installed mermaid; run node scripts/vendor-mermaid.mjs`);
    for (const name of extra) console.error(`vendor/mermaid/${name} is not part of the installed mermaid; run node scripts/vendor-mermaid.mjs`);
    process.exit(stale.length || extra.length ? 1 : 0);
  }
  // a refresh writes the folder anew: no file of another version stays
  rmSync(out, { recursive: true, force: true });
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    writeFileSync(path.join(out, name), data);
  }
  const record = JSON.parse(files['mermaid.json']);
  console.log(`vendor/mermaid: mermaid ${record.version}, ${Object.keys(record.sha256).length} modules, ${record.bytes} bytes`);
}
