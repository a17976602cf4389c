// Writes docs/img/profile-*.png: page 1 of an SOP built with each profile of docs/profiles (flow under the identity table, e-signed).
// Usage: npx tsx test/publish/render-profile-png.ts   (needs Chromium and pdftoppm)
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { build } from '../../src/api/build.js';
import { tempDir, writeRepo } from '../helpers/build.js';
import { compactSop as sop } from './profile-fixture.js';

const root = path.resolve(import.meta.dirname, '../..');

for (const [profile, png] of [
  ['instansi-vertikal-tte', 'profile-tte-flow-under-identity'],
  ['regulasi', 'profile-regulasi'],
] as const) {
  const repo = tempDir('sop-profile-png-');
  try {
    const config = parse(readFileSync(path.join(root, 'docs/profiles', `${profile}.config.yaml`), 'utf8')) as Record<string, unknown>;
    const spec = profile === 'regulasi' ? { ...sop, extra: { ...sop.extra, disahkan_oleh: { jabatan: 'Kepala Kantor Wilayah', nama: 'Dr. RINA KARTIKA, S.H., M.H.', nip: '19780214 200312 2 005' } } } : sop;
    writeRepo(repo.dir, { config, sops: [spec] });
    // No force: the SOP of either profile must lint clean (warnings at most) and build as it is.
    const r = await build({ cwd: repo.dir, env: process.env, mermaid: false, formats: ['pdf', 'html'] });
    if (!r.ok) throw new Error(`build refused: ${r.lint.errorCount} lint errors`);
    const prefix = path.join(repo.dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path.join(repo.dir, '_site/umum/surat-masuk.pdf'), prefix]);
    copyFileSync(`${prefix}-1.png`, path.join(root, 'docs/img', `${png}.png`));
    console.log(`docs/img/${png}.png`);
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
}
