// Text of a new Tabel 7 monitoring sheet: header and one row per SOP in force, pre-filled from the unit's previous sheet.
import { stringify } from 'yaml';
import type { Period } from './dates.js';
import type { MonitoringSheet, Pejabat } from './model.js';
import type { LifecycleSop } from './sops.js';

export interface MonevFormInput {
  schema: string;
  period: Period;
  unit: string;
  namaUnit: string;
  tanggal: string;
  sops: readonly LifecycleSop[];
  /** The unit's latest earlier sheet: penilai and metode are carried over, its findings shown as comments. */
  previous?: MonitoringSheet;
}

/** A scalar that reads back as the same string under YAML 1.2 and 1.1 (as `sop new` writes them). */
const yamlString = (v: string) => stringify(v, { version: '1.1', lineWidth: 0, minContentWidth: 0 }).trimEnd();
const yamlQuoted = (v: string) => JSON.stringify(v);

const PLACEHOLDER_PENILAI: Pejabat = { nama: 'ISI NAMA PENILAI', jabatan: 'ISI JABATAN PENILAI' };

/** One line of a YAML comment (comments cannot span lines). */
const comment = (s: string) => s.replace(/\s+/g, ' ').trim();

export function monevFormText(input: MonevFormInput): string {
  const penilai = input.previous?.penilai ?? PLACEHOLDER_PENILAI;
  const metode = input.previous?.metode.length ? input.previous.metode : ['Observasi supervisi atas pelaksanaan SOP', 'Wawancara dengan pelaksana'];
  const L: string[] = [
    `# yaml-language-server: $schema=${input.schema}`,
    `# Monitoring Pelaksanaan SOP AP (Tabel 7) ${input.namaUnit}, periode ${input.period.id}.`,
    '# Isi `penilaian` setiap baris: baik (berjalan dengan baik) atau tidak-baik (tidak berjalan dengan baik);',
    '# baris dengan penilaian kosong (null) belum dihitung sebagai monitoring.',
    `periode: ${input.period.id}`,
    `unit: ${yamlString(input.unit)}`,
    `nama_unit: ${yamlString(input.namaUnit)}`,
    `tanggal: ${input.tanggal}`,
    'penilai:',
    `  nama: ${yamlString(penilai.nama)}`,
    `  jabatan: ${yamlString(penilai.jabatan)}`,
    ...(penilai.nip ? [`  nip: ${yamlQuoted(penilai.nip)}`] : []),
    'metode:',
    ...metode.map((m) => `  - ${yamlString(m)}`),
  ];
  if (input.sops.length === 0) {
    L.push('baris: []');
    return `${L.join('\n')}\n`;
  }
  L.push('baris:');
  for (const sop of input.sops) {
    L.push(`  - prosedur: ${yamlQuoted(sop.nomor ?? sop.nama ?? sop.rel)}${sop.nama ? `  # ${comment(sop.nama)}` : ''}`);
    const before = input.previous?.rows.find((r) => r.prosedur.trim() === sop.nomor?.trim() || r.prosedur.trim() === sop.nama?.trim());
    if (before && before.penilaian) {
      const what = [`${input.previous!.periodeText}: ${before.penilaian}`, before.tindakan && before.tindakan !== '-' ? `tindakan: ${before.tindakan}` : ''].filter(Boolean).join('; ');
      L.push(`    # ${comment(what)}`);
    }
    L.push('    penilaian: null', '    catatan: null', '    tindakan: null', '    paraf: null');
  }
  return `${L.join('\n')}\n`;
}
