// The `instansi` lines by their place in the hierarchy (government, agency, unit), which sets their type size.
//
// The rule (README "Instansi typography"): the lines are read top-down.
// 1. Leading lines that name a government (Pemerintah ..., Kementerian ..., Republik Indonesia)
//    are `government`.
// 2. The next line is the `agency` (the Badan, Dinas, Sekretariat Daerah, Kecamatan, Direktorat
//    Jenderal ... that issues the SOP), unless it begins with a unit word (Sekretariat alone,
//    Bidang, Bagian, Subbagian, Seksi, UPT, ...): then the SOP has no agency line.
// 3. Every line after that is a `unit`.
// The agency line gets the largest type; without one, the government line does; units are smallest.
// So "SEKRETARIAT" or "BAGIAN UMUM" in second place never outranks the agency above it.

export type InstansiLevel = 'government' | 'agency' | 'unit';

const GOVERNMENT = /^(pemerintah|kementerian|kementrian|republik\s+indonesia|negara\s+kesatuan)\b/i;

/** First words of a unit inside an agency (eselon III/IV, technical units, teams). */
const UNIT =
  /^(sekretariat|bidang|sub\s*bidang|subbid|bagian|sub\s*bagian|subbag|seksi|sub\s*seksi|upt|uptd|unit|sub\s*unit|kelompok|tim|instalasi|urusan|subkoordinator|koordinator|satuan\s+tugas)\b/i;

/** `Sekretariat Daerah`, `Sekretariat Jenderal`, `Sekretariat DPRD` issue SOPs of their own: agency, not unit. */
const SEKRETARIAT_AGENCY = /^sekretariat\s+(daerah|jenderal|dprd|utama|kabinet|negara|dewan|wakil|presiden)\b/i;

function isUnitLine(line: string): boolean {
  return UNIT.test(line.trim()) && !SEKRETARIAT_AGENCY.test(line.trim());
}

/** The level of each `instansi` line, in order. */
export function instansiLevels(lines: readonly string[]): InstansiLevel[] {
  const levels: InstansiLevel[] = [];
  let i = 0;
  while (i < lines.length && GOVERNMENT.test(lines[i].trim())) levels[i++] = 'government';
  if (i < lines.length && !isUnitLine(lines[i])) levels[i++] = 'agency';
  while (i < lines.length) levels[i++] = 'unit';
  return levels;
}

/** Type size of each level relative to the identity table's text (em). */
export const INSTANSI_EM: Record<InstansiLevel | 'lead', number> = {
  /** The line that leads: the agency, or the government when there is no agency line. */
  lead: 1.25,
  government: 1.15,
  agency: 1.25,
  unit: 1.05,
};

export interface InstansiLine {
  text: string;
  level: InstansiLevel;
  /** Whether this line gets the largest type. */
  lead: boolean;
  em: number;
}

/** Each line with its level and size: the sizes the HTML uses and the identity height model measures. */
export function instansiTypography(lines: readonly string[]): InstansiLine[] {
  const levels = instansiLevels(lines);
  let leadIndex = levels.indexOf('agency');
  if (leadIndex < 0) leadIndex = levels.indexOf('government');
  if (leadIndex < 0) leadIndex = 0;
  return lines.map((text, i) => {
    const lead = i === leadIndex;
    return { text, level: levels[i], lead, em: lead ? INSTANSI_EM.lead : INSTANSI_EM[levels[i]] };
  });
}
