// Writes the lifecycle forms of a repository (Tabel 6, Tabel 7 per sheet, evaluation sheets, Berita Acara, roll-up as HTML,
// PDF and XLSX) into the build output, and the Zona Integritas evidence pack (`sop build --bukti zi`); never prints.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '../print/browser.js';
import type { Lang, LoadedConfig, Paper } from '../config/config-types.js';
import { escapeHtml } from '../core/escape.js';
import { writeFileAtomic } from '../core/write-atomic.js';
import { collectSops } from '../lifecycle/collect.js';
import { compareDays, formatDay } from '../lifecycle/dates.js';
import { versionBefore } from '../lifecycle/git-version.js';
import { lifecyclePresent, loadLifecycle, type LifecycleRecords } from '../lifecycle/repository.js';
import { rollup } from '../lifecycle/rollup.js';
import { SopIndex, unitName, type LifecycleSop } from '../lifecycle/sops.js';
import { beritaAcaraParts, evaluationSheetParts, formPage, tableParts, tabel6Parts, tabel7Parts } from '../pages/html/lifecycle.js';
import type { PageParts } from '../pages/html/shell.js';
import { beritaAcaraContent, daftarSopContent, evaluationSheetContent, rollupContent, tabel6Content, tabel7Content } from '../pages/lifecycle.js';
import { rollupXlsx } from '../pages/xlsx/rollup.js';
import { createPrinter, type Printer } from '../print/pool.js';
import { documentContent, readContent } from '../diff/content.js';
import type { SopDocument } from '../document/sop-document.js';
import { diffTrees } from '../diff/tree-diff.js';
import type { RevisionLabel } from '../diff/types.js';
import { gitText } from '../history/git.js';
import type { FileHistory, RepositoryHistory } from '../history/history.js';
import { perbandinganHtml, perbandinganOfVersions, perbandinganPdf } from './perbandingan.js';

/** Folder of the forms inside the build output. */
export const FORMS_DIR = 'siklus';
export const EVIDENCE_DIR = 'bukti-zi';

export interface LifecycleOutputOptions {
  cwd: string;
  config: LoadedConfig;
  outDir: string;
  lang: Lang;
  paper: Paper;
  now?: Date;
  /** A browser for the PDFs; without one only HTML and XLSX are written. */
  browser?: Browser;
  /**
   * Or how to get one, asked only when there are forms to print: a build without lifecycle records
   * (or one with nothing to print) then never starts Chromium for them (~0.3 s of an unchanged rebuild).
   */
  getBrowser?: () => Promise<Browser | undefined>;
  /** Also the Zona Integritas evidence pack. */
  evidence?: boolean;
  /** Monitoring period of the evidence pack; default config `evidence.periode`, else the latest with sheets. */
  periode?: string;
  /** The built SOP PDFs (site paths by absolute source path), for the "SOP perbaikan" of evidence item (c). */
  sopPdfs?: Map<string, string>;
  /** The repository's revision history (the build reads it once): which SOPs changed after an evaluation, and their SOP awal. */
  history?: RepositoryHistory;
  /** The SOPs the build read, by absolute path: the forms and the evidence pack go on from them (a file not among them is read once). */
  documents?: Map<string, SopDocument>;
}

export interface EvidenceItem {
  item: 'a' | 'b' | 'c';
  title: string;
  folder: string;
  files: { file: string; what: string }[];
}

export interface LifecycleOutputResult {
  /** Site paths written, relative to the output folder. */
  files: string[];
  evidence?: { dir: string; periode?: string; items: EvidenceItem[] };
  /** Notes for the user (e.g. no earlier version of a revised SOP in git). */
  notes: string[];
}

interface Doc {
  /** Site path without extension. */
  rel: string;
  parts: PageParts;
  landscape: boolean;
}

const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'sop';

/** True when the repository keeps any lifecycle record (the forms are written only then). */
export function hasLifecycleRecords(records: Pick<LifecycleRecords, 'present'>): boolean {
  return records.present.inventory || records.present.monitoring || records.present.evaluation;
}

/**
 * The catalogue's links to what `writeLifecycleOutput` will write beside the site: the forms index
 * (`siklus/`) when the repository keeps lifecycle records, the evidence pack's index when it is built.
 */
export function lifecycleLinks(config: LoadedConfig, evidence: boolean, lang: Lang): { title: string; href: string }[] {
  if (!hasLifecycleRecords({ present: lifecyclePresent(config) })) return [];
  const en = lang === 'en';
  const links = [{ title: en ? 'SOP lifecycle: inventory, monitoring, evaluation' : 'Siklus SOP: inventaris, monitoring, evaluasi', href: `${FORMS_DIR}/index.html` }];
  if (evidence) links.push({ title: en ? 'Zona Integritas evidence pack' : 'Bukti dukung Zona Integritas', href: `${config.config.evidence?.output ?? EVIDENCE_DIR}/index.html` });
  return links;
}

export async function writeLifecycleOutput(options: LifecycleOutputOptions): Promise<LifecycleOutputResult | undefined> {
  const records = loadLifecycle(options.config, options.cwd);
  if (!hasLifecycleRecords(records)) return undefined;
  const o: LifecycleOutputOptions = { ...options, browser: options.browser ?? (await options.getBrowser?.()) };
  const now = o.now ?? new Date();
  const documents = new Map(o.documents);
  const sops = await collectSops(o.config, o.cwd, documents);
  const index = new SopIndex(sops);
  const nameOf = (unit: string) => unitName(unit, o.config.config, sops.find((s) => s.unit === unit)?.rel);
  const docs: Doc[] = [];
  const add = (rel: string, parts: PageParts, landscape: boolean) => docs.push({ rel: `${FORMS_DIR}/${rel}`, parts, landscape });
  const opt = { lang: o.lang, paper: o.paper };

  if (records.inventory) add('tabel-6', tabel6Parts(tabel6Content(records.inventory, o.lang), opt), true);
  for (const sheet of records.monitoring) {
    const name = `monev/${sheet.periodeText || 'tanpa-periode'}/${slug(sheet.unit || path.basename(sheet.record.file, '.yaml'))}`;
    add(name, tabel7Parts(tabel7Content(sheet, { index, assessments: records.assessments, unitName: nameOf(sheet.unit), lang: o.lang }), opt), true);
  }
  const evalDocs: { rel: string; what: string; evalDate?: string }[] = [];
  for (const ev of records.evaluations) {
    const base = `evaluasi/${slug(path.basename(ev.record.file).replace(/\.ya?ml$/, ''))}`;
    const unit = ev.unit ? nameOf(ev.unit) : undefined;
    add(`${base}/berita-acara`, beritaAcaraParts(beritaAcaraContent(ev, { index, unitName: unit, lang: o.lang }), opt), false);
    evalDocs.push({ rel: `${FORMS_DIR}/${base}/berita-acara`, what: o.lang === 'en' ? `Evaluation minutes of ${ev.tanggalText}` : `Berita Acara Evaluasi ${ev.tanggalText}` });
    ev.entries.forEach((entry, i) => {
      const sop = index.resolve(entry.prosedur);
      const rel = `${base}/${String(i + 1).padStart(2, '0')}-${slug(sop?.nama ?? entry.prosedur)}`;
      add(rel, evaluationSheetParts(evaluationSheetContent(ev, entry, { index, unitName: unit, lang: o.lang }), opt), false);
      evalDocs.push({ rel: `${FORMS_DIR}/${rel}`, what: o.lang === 'en' ? `Evaluation sheet: ${sop?.nama ?? entry.prosedur}` : `Kertas kerja evaluasi: ${sop?.nama ?? entry.prosedur}`, evalDate: ev.tanggalText });
    });
  }
  const roll = rollupContent(rollup(sops, records, now), nameOf, o.lang);
  add('rekap', tableParts(roll, opt), false);

  const files: string[] = [];
  const write = async (rel: string, data: string | Uint8Array) => {
    await writeFileAtomic(path.join(o.outDir, rel), data);
    files.push(rel);
  };
  let printer: Printer | undefined;
  try {
    if (o.browser) printer = createPrinter(o.browser, 2, o.outDir);
    for (const d of docs) {
      const depth = d.rel.split('/').length - 1;
      await write(`${d.rel}.html`, formPage(d.parts, '../'.repeat(depth)));
      if (printer) {
        const url = pathToFileURL(path.join(o.outDir, `${d.rel}.html`)).href;
        const pdf = await printer.print({ parts: d.parts, url, format: o.paper === 'A4' ? { format: 'A4', landscape: d.landscape } : undefined });
        await write(`${d.rel}.pdf`, pdf);
      }
    }
  } finally {
    await printer?.close();
  }
  await write(`${FORMS_DIR}/rekap.xlsx`, await rollupXlsx(roll));
  await write(`${FORMS_DIR}/index.html`, formsIndex(docs, files, roll, o.lang));

  const result: LifecycleOutputResult = { files, notes: [] };
  if (o.evidence) result.evidence = await writeEvidence(o, { records, sops, documents, index, docs, files, evalDocs, nameOf, write, now, notes: result.notes });
  return result;
}

function formsIndex(docs: Doc[], files: string[], roll: ReturnType<typeof rollupContent>, lang: Lang): string {
  const link = (rel: string, ext: string) => (files.includes(`${rel}.${ext}`) ? ` <a href="${escapeHtml(path.posix.relative(FORMS_DIR, `${rel}.${ext}`))}">${ext.toUpperCase()}</a>` : '');
  const items = docs.map((d) => `<li>${escapeHtml(d.parts.title)}:${link(d.rel, 'html')}${link(d.rel, 'pdf')}</li>`).join('\n');
  const table = `<table class="grid"><thead><tr>${roll.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${roll.rows.map((r) => `<tr>${r.map((x) => `<td>${escapeHtml(x)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const title = lang === 'en' ? 'Inventory, monitoring and evaluation of SOPs' : 'Inventaris, Monitoring dan Evaluasi SOP';
  return formPage({
    lang, title, css: '.form table.grid{border-collapse:collapse}.form table.grid td,.form table.grid th{border:1px solid #999;padding:2px 6px}', bodyClass: 'form-index',
    body: `<main class="form"><p><a href="../index.html">${lang === 'en' ? 'SOP catalogue' : 'Daftar SOP'}</a></p><h1>${escapeHtml(title)}</h1><h2>${escapeHtml(roll.title)}</h2>${table}<p><a href="rekap.xlsx">XLSX</a></p><ul>${items}</ul></main>`,
  }, '../');
}

interface EvidenceInput {
  records: LifecycleRecords;
  sops: (LifecycleSop & { data: Record<string, unknown> })[];
  /** Every SOP read (collectSops), by absolute path. */
  documents: ReadonlyMap<string, SopDocument>;
  index: SopIndex;
  docs: Doc[];
  files: string[];
  evalDocs: { rel: string; what: string }[];
  nameOf: (unit: string) => string;
  write: (rel: string, data: string | Uint8Array) => Promise<void>;
  now: Date;
  notes: string[];
}

/** One folder per Zona Integritas worksheet item (PermenPAN-RB 90/2021, Penataan Tatalaksana, SOP), and an index page. */
async function writeEvidence(o: LifecycleOutputOptions, x: EvidenceInput): Promise<NonNullable<LifecycleOutputResult['evidence']>> {
  const en = o.lang === 'en';
  const dir = o.config.config.evidence?.output ?? EVIDENCE_DIR;
  const periods = [...new Set(x.records.monitoring.map((m) => m.periode?.id).filter((p): p is string => Boolean(p)))].sort();
  const periode = o.periode ?? o.config.config.evidence?.periode ?? periods.at(-1);
  const items: EvidenceItem[] = [
    { item: 'a', title: en ? 'a. SOPs follow the business-process map' : 'a. SOP mengacu pada peta proses bisnis instansi', folder: 'a-sop-mengacu-peta-proses-bisnis', files: [] },
    { item: 'b', title: en ? 'b. SOPs are applied' : 'b. SOP telah diterapkan', folder: 'b-sop-telah-diterapkan', files: [] },
    { item: 'c', title: en ? 'c. SOPs are evaluated (and followed up)' : 'c. SOP telah dievaluasi', folder: 'c-sop-telah-dievaluasi', files: [] },
  ];
  const copy = async (it: EvidenceItem, fromRel: string, what: string) => {
    // the PDF is what an assessor files; the HTML only when no PDF could be printed
    const ext = x.files.includes(`${fromRel}.pdf`) ? 'pdf' : x.files.includes(`${fromRel}.html`) ? 'html' : undefined;
    if (ext) {
      const target = `${dir}/${it.folder}/${path.posix.basename(fromRel)}.${ext}`;
      const parts = ext === 'html' ? partsOf.get(fromRel) : undefined;
      if (parts) {
        // written again for its own folder: a copy would keep the source's relative links (the
        // stylesheet of siklus/x.html is ../assets/sop.css, of bukti-zi/<item>/x.html ../../assets/sop.css)
        await x.write(target, formPage(parts, '../'.repeat(target.split('/').length - 1)));
      } else {
        await mkdir(path.dirname(path.join(o.outDir, target)), { recursive: true });
        await copyFile(path.join(o.outDir, `${fromRel}.${ext}`), path.join(o.outDir, target));
        x.files.push(target);
      }
      it.files.push({ file: target, what });
    }
  };
  const partsOf = new Map(x.docs.map((d) => [d.rel, d.parts] as const));
  // (a) the SOP list with process-map references and coverage, and Tabel 6
  const inv = x.records.inventory;
  const mapOf = (s: { nomor?: string; nama?: string }) => {
    const row = inv?.rows.find((r) => x.index.resolve(r.judulSop) === x.sops.find((t) => t.nomor === s.nomor && t.nama === s.nama));
    return { no: row?.no, peta: row?.petaProses };
  };
  const daftar = daftarSopContent(x.sops, mapOf, x.nameOf, o.lang);
  const daftarRel = `${FORMS_DIR}/daftar-sop`;
  const daftarParts = tableParts(daftar, { lang: o.lang, paper: o.paper });
  partsOf.set(daftarRel, daftarParts);
  await x.write(`${daftarRel}.html`, formPage(daftarParts, '../'));
  if (o.browser) {
    const printer = createPrinter(o.browser, 1, o.outDir);
    try {
      await x.write(`${daftarRel}.pdf`, await printer.print({ parts: daftarParts, url: pathToFileURL(path.join(o.outDir, `${daftarRel}.html`)).href, format: o.paper === 'A4' ? { format: 'A4', landscape: false } : undefined }));
    } finally {
      await printer.close();
    }
  }
  await copy(items[0], daftarRel, daftar.note);
  if (inv) await copy(items[0], `${FORMS_DIR}/tabel-6`, en ? 'Tabel 6: SOP identification form by duties and functions' : 'Tabel 6: Formulir Identifikasi SOP AP Berdasarkan Tugas dan Fungsi');
  // (b) the monitoring sheets of the period, and the roll-up
  for (const sheet of x.records.monitoring.filter((m) => m.periode?.id === periode)) {
    const rel = `${FORMS_DIR}/monev/${sheet.periodeText}/${slug(sheet.unit || path.basename(sheet.record.file, '.yaml'))}`;
    await copy(items[1], rel, `${en ? 'Tabel 7 monitoring sheet' : 'Lembar monitoring Tabel 7'} ${x.nameOf(sheet.unit)} ${sheet.periodeText}`);
  }
  await copy(items[1], `${FORMS_DIR}/rekap`, en ? 'Roll-up per unit and period' : 'Rekapitulasi per unit dan periode');
  // (c) evaluation sheets, Berita Acara, and the SOP before and after every revision that followed an evaluation
  for (const d of x.evalDocs) await copy(items[2], d.rel, d.what);
  const notes = x.notes;
  const done = new Set<string>();
  for (const ev of x.records.evaluations) {
    if (!ev.tanggal) continue;
    for (const entry of ev.entries) {
      const sop = x.index.resolve(entry.prosedur);
      if (!sop || !entry.answers.some((a) => a.hasil === 'tidak')) continue;
      const fh = o.history?.files.get(sop.absPath);
      // revised after the evaluation: a later tanggal_revisi, or a content change committed after its date
      const byDate = sop.tanggalRevisi !== undefined && compareDays(sop.tanggalRevisi, ev.tanggal) > 0;
      const byGit = fh?.revisions.some((r) => r.date > ev.tanggalText) ?? false;
      if ((!byDate && !byGit) || done.has(`${sop.absPath}\0${ev.tanggalText}`)) continue;
      done.add(`${sop.absPath}\0${ev.tanggalText}`);
      const name = slug(sop.nama ?? sop.rel);
      const folder = `${dir}/${items[2].folder}/sop-awal-dan-perbaikan/${name}`;
      const revised = sop.tanggalRevisi && byDate ? `${en ? 'revised' : 'tanggal revisi'} ${formatDay(sop.tanggalRevisi)}` : `${en ? 'changed in git after the evaluation of' : 'diubah di git setelah evaluasi'} ${ev.tanggalText}`;
      const after = o.sopPdfs?.get(sop.absPath);
      if (after) {
        const target = `${folder}/sop-perbaikan.pdf`;
        await mkdir(path.join(o.outDir, folder), { recursive: true });
        await copyFile(path.join(o.outDir, after), path.join(o.outDir, target));
        x.files.push(target);
        items[2].files.push({ file: target, what: `${en ? 'Revised SOP' : 'SOP perbaikan'} (${revised})` });
      }
      const old = await versionAtEvaluation(o, sop.absPath, fh, ev.tanggalText);
      if (!old) {
        notes.push(en ? `no earlier version of ${sop.file} in git: the evidence pack holds only the revised SOP` : `versi sebelum revisi ${sop.file} tidak ada di git: paket bukti hanya memuat SOP perbaikan`);
        continue;
      }
      await x.write(`${folder}/sop-awal.md`, old.text);
      items[2].files.push({ file: `${folder}/sop-awal.md`, what: `${en ? 'SOP before the revision, as written' : 'Naskah SOP awal sebelum revisi'} (git ${old.commit.slice(0, 10)})` });
      // the Perbandingan SOP: what changed, then the flow table before (at the evaluation) and after (as built now)
      const rel = path.relative(o.history?.available ? o.history.root : path.dirname(sop.absPath), sop.absPath).split(path.sep).join('/');
      const beforeV = readContent(old.path ?? rel, Buffer.from(old.text));
      const read = x.documents.get(sop.absPath);
      const afterV = read ? documentContent(rel, read) : readContent(rel, await readFile(sop.absPath));
      const last = fh?.revisions.at(-1);
      const from: RevisionLabel = { name: old.tags?.[0] ?? 'git', commit: old.commit, date: old.date, ...(old.tags?.length ? { tags: old.tags } : {}) };
      const to: RevisionLabel = last && !fh!.uncommitted ? { name: last.tags[0] ?? 'git', commit: last.commit, date: last.date, ...(last.tags.length ? { tags: last.tags } : {}) } : { name: 'working tree' };
      const content = perbandinganOfVersions({ diff: diffTrees([beforeV], [afterV], from, to), before: [beforeV], after: [afterV], config: o.config, lang: o.lang, paper: o.paper });
      const what = `${en ? 'SOP comparison: before the revision' : 'Perbandingan SOP: SOP awal'} (git ${old.commit.slice(0, 10)}${old.date ? `, ${old.date}` : ''}) ${en ? 'and revised' : 'dan SOP perbaikan'} (${revised})`;
      await x.write(`${folder}/perbandingan.html`, perbandinganHtml(content));
      if (o.browser) {
        await x.write(`${folder}/perbandingan.pdf`, await perbandinganPdf(content, { browser: o.browser }));
        items[2].files.push({ file: `${folder}/perbandingan.pdf`, what });
      } else items[2].files.push({ file: `${folder}/perbandingan.html`, what });
    }
  }
  await x.write(`${dir}/index.html`, evidenceIndex(dir, items, periode, o.lang));
  return { dir, periode, items };
}

/**
 * The SOP as it stood at an evaluation: its last content revision dated on or before that day (found through
 * renames in the build's history), else the last commit of the file before it (history not read).
 */
async function versionAtEvaluation(o: LifecycleOutputOptions, absPath: string, fh: FileHistory | undefined, day: string): Promise<{ commit: string; text: string; path?: string; date?: string; tags?: string[] } | undefined> {
  if (fh && o.history?.available) {
    const r = fh.revisions.filter((x) => x.date <= day).at(-1);
    if (!r) return undefined;
    try {
      return { commit: r.commit, text: await gitText(o.history.root, ['show', `${r.commit}:${r.path}`]), path: r.path, date: r.date, tags: r.tags };
    } catch {
      return undefined;
    }
  }
  return versionBefore(absPath, day);
}

function evidenceIndex(dir: string, items: EvidenceItem[], periode: string | undefined, lang: Lang): string {
  const en = lang === 'en';
  const title = en ? 'Evidence pack: Zona Integritas, SOP items' : 'Bukti Dukung Zona Integritas: Prosedur Operasional Tetap (SOP) Kegiatan Utama';
  const rows = items.flatMap((it) =>
    it.files.length === 0
      ? [`<tr><td>${escapeHtml(it.title)}</td><td colspan="2">${en ? '(nothing yet)' : '(belum ada)'}</td></tr>`]
      : it.files.map((f, i) => `<tr>${i === 0 ? `<td rowspan="${it.files.length}">${escapeHtml(it.title)}</td>` : ''}<td><a href="${escapeHtml(path.posix.relative(dir, f.file))}">${escapeHtml(path.posix.relative(dir, f.file))}</a></td><td>${escapeHtml(f.what)}</td></tr>`),
  );
  return formPage({
    lang, title, bodyClass: 'form-index',
    css: '.form table{border-collapse:collapse;width:100%}.form td,.form th{border:1px solid #999;padding:3px 6px;vertical-align:top;text-align:left}',
    body:
      `<main class="form"><h1>${escapeHtml(title)}</h1><p>${en ? 'PermenPAN-RB 90/2021 worksheet, Penataan Tatalaksana: one folder per item; each file below supports the item on its left.' : 'Lembar Kerja Evaluasi Zona Integritas (PermenPAN-RB 90/2021), Penataan Tatalaksana: satu folder per butir; setiap berkas mendukung butir di sebelah kirinya.'}${periode ? ` ${en ? 'Monitoring period' : 'Periode monitoring'}: ${escapeHtml(periode)}.` : ''}</p>` +
      `<table><thead><tr><th>${en ? 'Item' : 'Butir'}</th><th>${en ? 'File' : 'Berkas'}</th><th>${en ? 'What it shows' : 'Isi'}</th></tr></thead><tbody>${rows.join('')}</tbody></table></main>`,
  }, '../');
}
