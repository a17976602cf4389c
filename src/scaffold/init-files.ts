// Contents of the files `sop init` writes: config, usage notes, CI workflow, editor settings, .gitignore.
import type { Lang, Paper, SopConfig } from '../config/config-types.js';
import { say, titleCase, yamlQuoted, yamlString } from './text.js';

export interface RepoSettings {
  instansi: string[];
  singkatan: string;
  pejabat: { jabatan: string; nama: string; nip: string; pangkat?: string };
  paper: Paper;
  lang: Lang;
  logo?: string;
  year: number;
  /** Keys (dotted) still holding sample values from --yes, marked in the file. */
  samples: Set<string>;
}

/** Numbering pattern `sop init` proposes: serial, SOP, the unit's abbreviation, year. */
export function defaultNumbering(singkatan: string): string {
  return `{seq:3}/SOP/${singkatan}/{year}`;
}

/** `DINAS X` + `PEMERINTAH KABUPATEN Y` -> `Dinas X Kabupaten Y`, for the cover's subtitle. */
export function packSubtitle(instansi: string[]): string {
  const last = instansi[instansi.length - 1] ?? '';
  const region = instansi.length > 1 ? /^PEMERINTAH\s+(.+)$/i.exec(instansi[0])?.[1] : undefined;
  return titleCase(region ? `${last} ${region}` : last);
}

/** The config as data; `configText` writes the same values with comments. */
export function configObject(s: RepoSettings): SopConfig {
  const defaults: Record<string, unknown> = { instansi: [...s.instansi] };
  if (s.logo) defaults.logo = s.logo;
  defaults.disahkan_oleh = { ...s.pejabat };
  return {
    lang: s.lang,
    paper: s.paper,
    numbering: defaultNumbering(s.singkatan),
    defaults,
    pack: {
      id: `sop-${s.singkatan.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'unit'}-${s.year}`,
      title: 'Standar Operasional Prosedur Administrasi Pemerintahan',
      subtitle: packSubtitle(s.instansi),
      year: s.year,
      penjelasan: 'penjelasan.md',
    },
  };
}

/** `sop.config.yaml`, commented in Indonesian for the people who will edit it. */
export function configText(s: RepoSettings, schemaRef: string): string {
  const c = configObject(s);
  const pack = c.pack as Exclude<SopConfig['pack'], unknown[] | undefined>;
  const mark = (key: string) => (s.samples.has(key) ? '  # GANTI: nilai contoh' : '');
  const unit = s.instansi[s.instansi.length - 1] ?? '';
  const lines = [
    `# yaml-language-server: $schema=${schemaRef}`,
    '#',
    `# Konfigurasi repositori SOP ${unit}. Kunci dalam bahasa Inggris (milik alat \`sop\`),`,
    '# nilai dalam bahasa Indonesia (milik instansi). Dibuat oleh `sop init`; silakan disunting.',
    '',
    '# Bahasa label dokumen dan pesan: id (Indonesia) atau en (Inggris).',
    `lang: ${c.lang}`,
    '# Ukuran kertas: A4 atau F4 (215 x 330 mm); halaman bagan alir selalu lanskap.',
    `paper: ${c.paper}`,
    '',
    '# Pola nomor SOP sesuai tata naskah dinas: {seq:3} = nomor urut tiga digit, {year} = tahun.',
    '# `sop new` mengisi nomor berikutnya; `sop lint` memeriksa setiap nomor terhadap pola ini.',
    `numbering: ${yamlQuoted(c.numbering as string)}${mark('singkatan')}`,
    '',
    '# Nilai bawaan untuk setiap SOP; kunci yang ditulis di berkas SOP selalu didahulukan.',
    'defaults:',
    `  instansi:${mark('instansi')}`,
    ...s.instansi.map((l) => `    - ${yamlString(l)}`),
    ...(s.logo
      ? ['  # Logo pada tabel identitas dan halaman judul (path relatif terhadap berkas ini).', `  logo: ${yamlString(s.logo)}`]
      : ['  # Logo pada tabel identitas dan halaman judul (path relatif terhadap berkas ini), mis.:', '  # logo: assets/logo.png']),
    '  disahkan_oleh:',
    `    jabatan: ${yamlString(s.pejabat.jabatan)}${mark('pejabat.jabatan')}`,
    `    nama: ${yamlString(s.pejabat.nama)}${mark('pejabat.nama')}`,
    `    nip: ${yamlQuoted(s.pejabat.nip)}${mark('pejabat.nip')}`,
    ...(s.pejabat.pangkat ? [`    pangkat: ${yamlString(s.pejabat.pangkat)}`] : ['    # pangkat: Pembina Tingkat I (IV/b)']),
    '',
    '# Paket dokumen SOP (`sop build`): halaman judul, keputusan penetapan, daftar isi,',
    '# penjelasan singkat penggunaan, lalu SOP per folder.',
    'pack:',
    `  id: ${yamlString(pack.id as string)}`,
    `  title: ${yamlString(pack.title)}`,
    `  subtitle: ${yamlString(pack.subtitle as string)}`,
    `  year: ${pack.year}`,
    `  penjelasan: ${pack.penjelasan}`,
    '  # Keputusan pimpinan yang menetapkan SOP ini, bila sudah ada:',
    '  # keputusan:',
    '  #   nomor: "000/000/KEP/2025"',
    `  #   tentang: Standar Operasional Prosedur Administrasi Pemerintahan di Lingkungan ${titleCase(unit)}`,
    '  #   tanggal: "2025-01-20"',
    '',
  ];
  return lines.join('\n');
}

/** `penjelasan.md`: the pack's *Penjelasan Singkat Penggunaan* (PermenPAN-RB 35/2012, part d). */
export function penjelasanText(s: RepoSettings): string {
  const unit = titleCase(s.instansi[s.instansi.length - 1] ?? '');
  return `## Ruang Lingkup

Dokumen ini memuat Standar Operasional Prosedur Administrasi Pemerintahan (SOP AP) di lingkungan
${unit}. Uraikan di sini mengapa prosedur-prosedur ini disusun, kebutuhan organisasi yang
melatarbelakanginya, dan unit kerja serta kegiatan yang dicakup.

## Ringkasan

Uraikan secara singkat prosedur-prosedur yang dimuat dalam dokumen ini, dikelompokkan menurut
unit kerja, beserta hasil akhir masing-masing prosedur.

## Definisi

1. **Standar Operasional Prosedur Administrasi Pemerintahan (SOP AP)** adalah serangkaian
   petunjuk tertulis yang dibakukan mengenai proses penyelenggaraan administrasi pemerintahan:
   bagaimana dan kapan harus dilakukan, di mana, dan oleh siapa.
2. **Pelaksana** adalah jabatan atau peran yang melaksanakan kegiatan dalam prosedur.
3. **Mutu baku** adalah ukuran setiap kegiatan: kelengkapan, waktu, dan output.
`;
}

/** Where the workflow lives in the repository. */
export const WORKFLOW_FILE = '.github/workflows/sop-lint.yml';

/**
 * GitHub Actions workflow: `sop lint` on every pull request and push to main; problems show as
 * annotations and go to code scanning as SARIF. Node is the active LTS (`lts/*`), sop is the
 * version package.json pins (`npx --no-install`), and no browser is downloaded for a lint job.
 */
export function workflowText(lang: Lang): string {
  return `# ${say(lang, 'Memeriksa SOP pada setiap pull request; temuan tampil sebagai anotasi dan di Code scanning (SARIF).', 'Checks the SOPs on every pull request; problems show as annotations and in Code scanning (SARIF).')}
name: sop-lint

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  lint:
    name: sop lint
    runs-on: ubuntu-latest
    permissions:
      contents: read
      # ${say(lang, 'untuk mengunggah SARIF ke Code scanning', 'to upload SARIF to Code scanning')}
      security-events: write
    env:
      # ${say(lang, 'pemeriksaan tidak membutuhkan peramban: jangan ada yang mengunduhnya', 'linting needs no browser: let nothing download one')}
      PUPPETEER_SKIP_DOWNLOAD: 'true'
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: lts/*
      # ${say(lang, 'sop dipasang dari package.json (devDependencies): versinya yang dipatok repositori', 'sop comes from package.json (devDependencies): the version the repository pins')}
      - name: npm ci
        run: if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
      - name: sop lint
        run: npx --no-install sop lint --format github --output-file sop-lint.sarif --output-format sarif
      - name: upload SARIF
        if: always() && hashFiles('sop-lint.sarif') != ''
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: sop-lint.sarif
          category: sop-lint
`;
}

/**
 * What `sop init` adds to package.json so the workflow (and colleagues) get the same sop: a dev
 * dependency on this version, unless sop is already a dependency of any kind.
 */
export function packageJsonWanted(existing: Record<string, unknown> | undefined, name: string, version: string): Record<string, unknown> | undefined {
  const deps = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
  if (existing && deps.some((k) => isObject(existing[k]) && 'sop' in (existing[k] as Record<string, unknown>))) return undefined;
  const pin = { devDependencies: { sop: `^${version}` } };
  return existing ? pin : { name, private: true, ...pin, scripts: { lint: 'sop lint', build: 'sop build' } };
}

/** `.gitignore` for a new repository: build output and tool caches. */
export const GITIGNORE_TEXT = `# Keluaran sop build dan berkas sementara
_site/
.sop-cache/
node_modules/
sop-lint.sarif
`;

/** Settings `sop init` wants in `.vscode/settings.json`. */
export function vscodeSettings(configSchemaRef: string): Record<string, unknown> {
  return { 'yaml.schemas': { [configSchemaRef]: ['sop.config.yaml', 'sop.config.yml'] } };
}

/** Extensions recommended in `.vscode/extensions.json`. */
export const VSCODE_EXTENSIONS = { recommendations: ['redhat.vscode-yaml'] };

/**
 * Adds what is missing from `wanted` to `existing` without changing any value the user set (one
 * level into objects, union for arrays). Returns undefined when nothing had to be added.
 */
export function mergeMissing(existing: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { ...existing };
  let changed = false;
  for (const [k, v] of Object.entries(wanted)) {
    const have = out[k];
    if (have === undefined) {
      out[k] = v;
      changed = true;
    } else if (Array.isArray(have) && Array.isArray(v)) {
      const add = v.filter((x) => !have.includes(x));
      if (add.length) (out[k] = [...have, ...add]), (changed = true);
    } else if (isObject(have) && isObject(v)) {
      const inner = { ...have };
      for (const [ik, iv] of Object.entries(v)) if (!(ik in inner)) (inner[ik] = iv), (changed = true);
      out[k] = inner;
    }
  }
  return changed ? out : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
