// The output folder: safety checks, a temp folder beside it, and the swap that publishes a finished build at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { chmod, copyFile, link, mkdir, mkdtemp, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { SopUsageError } from '../core/errors.js';
import { displayPath, isInside } from '../core/paths.js';
import type { Lang } from '../core/types.js';
import { MANIFEST_NAME } from './cache/manifest.js';
import { processAlive } from '../core/process-alive.js';

export interface OutputCheck {
  outDir: string;
  configDir: string;
  /** Every input file (SOPs, config texts, logos). */
  sources: string[];
  cwd: string;
  lang: Lang;
}

/**
 * Refuses an output folder that could destroy sources: one that is or holds the config folder, one
 * that holds an input, the filesystem root, or an existing non-empty folder sop did not write.
 */
export function checkOutputDir(c: OutputCheck): void {
  const en = c.lang === 'en';
  const shown = displayPath(c.outDir, c.cwd);
  const refuse = (id: string, eng: string): never => {
    throw new SopUsageError(en ? eng : id);
  };
  if (path.parse(c.outDir).root === c.outDir) refuse(`folder keluaran \`${shown}\` adalah akar sistem berkas`, `output folder \`${shown}\` is the filesystem root`);
  if (isInside(c.configDir, c.outDir)) {
    refuse(
      `folder keluaran \`${shown}\` berisi folder sumber SOP (konfigurasi di ${displayPath(c.configDir, c.cwd) || '.'}); pilih folder lain dengan --out`,
      `output folder \`${shown}\` contains the SOP sources (config in ${displayPath(c.configDir, c.cwd) || '.'}); choose another folder with --out`,
    );
  }
  const inside = c.sources.find((s) => isInside(s, c.outDir));
  if (inside) {
    refuse(
      `folder keluaran \`${shown}\` berisi berkas sumber ${displayPath(inside, c.cwd)}; pilih folder lain dengan --out`,
      `output folder \`${shown}\` contains the source file ${displayPath(inside, c.cwd)}; choose another folder with --out`,
    );
  }
  if (existsSync(c.outDir)) {
    if (!statSync(c.outDir).isDirectory()) refuse(`\`${shown}\` sudah ada dan bukan folder`, `\`${shown}\` exists and is not a folder`);
    const entries = readdirSync(c.outDir);
    if (entries.length > 0 && !entries.includes(MANIFEST_NAME)) {
      refuse(
        `folder keluaran \`${shown}\` sudah berisi berkas yang bukan hasil \`sop build\`; kosongkan atau pilih folder lain dengan --out`,
        `output folder \`${shown}\` holds files that \`sop build\` did not write; empty it or choose another folder with --out`,
      );
    }
  }
}

function siblings(outDir: string): { dir: string; base: string; names: string[] } {
  const dir = path.dirname(outDir);
  const base = path.basename(outDir);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // parent missing: nothing to recover or clean
  }
  return { dir, base, names };
}

/**
 * Leftovers of builds that were killed: a swap cut between its two renames leaves only the backup
 * (put back), and temp folders of dead processes are removed.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const { dir, base, names } = siblings(outDir);
  const old = names.filter((n) => n.startsWith(`.${base}.sop-old-`));
  if (!existsSync(outDir) && old.length > 0) await rename(path.join(dir, old[0]), outDir);
  for (const n of names) {
    const m = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.sop-(tmp|old)-(\\d+)-`).exec(n);
    if (!m) continue;
    if (m[1] === 'tmp' && processAlive(Number(m[2]))) continue;
    if (existsSync(path.join(dir, n))) await rm(path.join(dir, n), { recursive: true, force: true });
  }
}

export async function createTempDir(outDir: string): Promise<string> {
  const dir = path.dirname(outDir);
  await mkdir(dir, { recursive: true });
  const tmp = await mkdtemp(path.join(dir, `.${path.basename(outDir)}.sop-tmp-${process.pid}-`));
  await chmod(tmp, 0o755); // mkdtemp makes it 0700; the published site is readable like any folder
  return tmp;
}

/** Publishes `tmp` as `outDir`: two renames on one filesystem, the old output removed afterwards. */
export async function swapIn(tmp: string, outDir: string): Promise<void> {
  if (!existsSync(outDir)) {
    await rename(tmp, outDir);
    return;
  }
  const old = `${path.join(path.dirname(outDir), `.${path.basename(outDir)}.sop-old-${process.pid}-`)}${Date.now().toString(36)}`;
  await rename(outDir, old);
  await rename(tmp, outDir);
  await rm(old, { recursive: true, force: true });
}

/** Puts an unchanged file of the previous output into the new one: a hard link, or a copy where links fail. */
export async function reuseFile(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** Every file under `dir` as POSIX paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, prefix: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(d, e.name), rel);
      else out.push(rel);
    }
  };
  await walk(dir, '');
  return out.sort();
}

/** Reused files are hard links (same inode); the ones written fresh (catalogue, pack pages, assets) are compared byte for byte. */
export async function sameContent(files: string[], a: string, b: string): Promise<boolean> {
  for (const f of files) {
    const [sa, sb] = await Promise.all([stat(path.join(a, f)), stat(path.join(b, f))]);
    if (sa.ino === sb.ino && sa.dev === sb.dev) continue;
    if (sa.size !== sb.size) return false;
    const [x, y] = await Promise.all([readFile(path.join(a, f)), readFile(path.join(b, f))]);
    if (!x.equals(y)) return false;
  }
  return true;
}

/**
 * Folders 0755 and files 0644 under `dir` (and `dir` itself, which mkdtemp made 0700): a web
 * server running as another user must be able to read the published site.
 */
export async function makeWorldReadable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await makeWorldReadable(p);
    else if (e.isFile()) await chmod(p, 0o644);
  }
}
