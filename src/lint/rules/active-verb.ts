// active-verb: `kegiatan` should start with an active verb and no subject ("Memverifikasi berkas", not "Petugas memverifikasi" or "Berkas diverifikasi").
import { defineRule } from '../types.js';
import { rowsOf } from '../util/data.js';

export interface ActiveVerbOptions {
  /** Prefixes of Indonesian active verbs (a word must be longer than the prefix by at least two letters). */
  prefixes: string[];
  /** First words accepted as they are (active verbs without a prefix, agency jargon). */
  allow: string[];
  /** Words that start like an active verb but are not one (nouns such as `berkas`, `menteri`). */
  deny: string[];
}

/** me- (mem-, men-, meng-, meny-, menge-) and ber- (be-, bel-) cover the active forms the regulation asks for. */
export const DEFAULT_PREFIXES = ['me', 'mem', 'men', 'meng', 'meny', 'menge', 'ber', 'be', 'bel'];

/** Active verbs without a prefix that agencies put first. Kept short on purpose: imperatives like `Periksa` should be warned about. */
export const DEFAULT_ALLOW = ['datang', 'hadir', 'kembali', 'masuk', 'pulang', 'tiba'];

/** Nouns and other words that look prefixed: they start passive or subject sentences ("Berkas diverifikasi ..."). */
export const DEFAULT_DENY = [
  'beban', 'bea', 'beasiswa', 'belanja', 'belum', 'benar', 'bendahara', 'bentuk', 'berita', 'berikut', 'berkas',
  'besar', 'besaran', 'beberapa', 'media', 'meja', 'memo', 'menit', 'menteri', 'menu', 'merek', 'mesin', 'meterai', 'metode',
];

/** Words starting with di- that are not passive verbs (only the wording of the warning depends on it). */
const NOT_PASSIVE = new Set(['dinas', 'direktur', 'direktorat', 'diklat', 'disposisi', 'dispensasi', 'distribusi', 'digital', 'diskusi', 'dimensi', 'divisi']);

/**
 * English verbs agencies write as Indonesian activities (`Update data`, `Input nilai`), with the
 * Indonesian active verb to use instead. Flagged even when the agency's prefixes would accept them.
 */
export const ENGLISH_VERBS: Readonly<Record<string, string>> = {
  update: 'Memperbarui', input: 'Memasukkan', upload: 'Mengunggah', download: 'Mengunduh', print: 'Mencetak',
  scan: 'Memindai', submit: 'Mengajukan', send: 'Mengirim', check: 'Memeriksa', cek: 'Memeriksa', review: 'Meninjau',
  approve: 'Menyetujui', verify: 'Memverifikasi', save: 'Menyimpan', delete: 'Menghapus', edit: 'Menyunting',
  create: 'Membuat', login: 'Masuk', log: 'Mencatat', entry: 'Memasukkan', posting: 'Mengunggah', forward: 'Meneruskan',
  follow: 'Menindaklanjuti', monitor: 'Memantau', report: 'Melaporkan', record: 'Mencatat', register: 'Mendaftarkan',
  sign: 'Menandatangani', export: 'Mengekspor', import: 'Mengimpor', share: 'Membagikan', email: 'Mengirim',
};

/**
 * Nouns that look like active verbs (spec §7.5): `ber-...-nya` (`Berakhirnya`, `Berlakunya`) and
 * `pe-...-an` / `per-...-an` (`Pembayaran`, `Penandatanganan`, `Persetujuan`) name an event or an act.
 */
function isNounForm(w: string): boolean {
  return /^be(?:r|l)?\p{L}{4,}nya$/u.test(w) || /^pe\p{L}{3,}an$/u.test(w);
}

/** Letters of a word, lower-cased, punctuation around it dropped ("Memverifikasi," → "memverifikasi"). */
function bare(word: string): string {
  const lower = word.toLowerCase();
  // most words are plain letters: skip the Unicode-aware trim for them
  return /^[a-z0-9-]+$/.test(lower) ? lower : lower.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}-]+$/gu, '');
}

interface Prepared {
  prefixes: string[];
  allow: Set<string>;
  deny: Set<string>;
}

// options objects live for a whole run: lower-case their lists once, not per word
const prepared = new WeakMap<ActiveVerbOptions, Prepared>();

function prepare(o: ActiveVerbOptions): Prepared {
  let p = prepared.get(o);
  if (!p) {
    const lower = (xs: string[] | undefined) => (xs ?? []).map((x) => x.toLocaleLowerCase('id'));
    p = { prefixes: lower(o.prefixes), allow: new Set(lower(o.allow)), deny: new Set(lower(o.deny)) };
    prepared.set(o, p);
  }
  return p;
}

export function isActive(word: string, o: ActiveVerbOptions): boolean {
  const w = bare(word);
  if (!w) return false;
  const p = prepare(o);
  if (p.allow.has(w)) return true;
  if (p.deny.has(w)) return false;
  if (isNounForm(w) || Object.hasOwn(ENGLISH_VERBS, w)) return false;
  return p.prefixes.some((prefix) => w.startsWith(prefix) && w.length >= prefix.length + 2);
}

export default defineRule<ActiveVerbOptions>({
  id: 'active-verb',
  meta: {
    description: { id: '`kegiatan` diawali kata kerja aktif tanpa subjek', en: '`kegiatan` starts with an active verb and no subject' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/active-verb.md',
    scope: 'file',
    optionsSchema: {
      type: 'object',
      properties: {
        prefixes: { type: 'array', items: { type: 'string', minLength: 1 } },
        allow: { type: 'array', items: { type: 'string', minLength: 1 } },
        deny: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
    },
    defaultOptions: { prefixes: DEFAULT_PREFIXES, allow: DEFAULT_ALLOW, deny: DEFAULT_DENY },
    messages: {
      passive: {
        id: 'kegiatan diawali kata kerja pasif `{{word}}`; tulis dengan kata kerja aktif tanpa subjek, mis. `Memverifikasi berkas`',
        en: 'the activity starts with the passive verb `{{word}}`; use an active verb without a subject, e.g. `Memverifikasi berkas`',
      },
      subject: {
        id: 'kegiatan diawali subjek `{{subject}}`; pelaksana sudah ditunjukkan oleh kolomnya, mulailah dengan kata kerja aktif `{{verb}}`',
        en: 'the activity starts with the subject `{{subject}}`; the actor is already shown by its column, start with the active verb `{{verb}}`',
      },
      english: {
        id: 'kegiatan diawali kata Inggris `{{word}}`; tulis dengan kata kerja aktif bahasa Indonesia, mis. `{{verb}}`',
        en: 'the activity starts with the English word `{{word}}`; use an Indonesian active verb, e.g. `{{verb}}`',
      },
      noun: {
        id: 'kegiatan diawali kata benda `{{word}}`, bukan kata kerja; tulis dengan kata kerja aktif tanpa subjek, mis. `Memverifikasi berkas`',
        en: 'the activity starts with the noun `{{word}}`, not a verb; use an active verb without a subject, e.g. `Memverifikasi berkas`',
      },
      notActive: {
        id: 'kegiatan sebaiknya diawali kata kerja aktif (me-, ber-, ...) tanpa subjek, bukan `{{word}}`; mis. `Memverifikasi berkas`',
        en: 'the activity should start with an active verb (me-, ber-, ...) without a subject, not `{{word}}`; e.g. `Memverifikasi berkas`',
      },
    },
  },
  check(ctx) {
    const o = ctx.options;
    for (const { index, row } of rowsOf(ctx.data)) {
      if (typeof row.kegiatan !== 'string') continue;
      // only the first few words matter: a subject is at most three words long
      const words: string[] = [];
      for (const w of row.kegiatan.trim().split(/\s+/, 12)) {
        if (bare(w) !== '') words.push(w);
        if (words.length === 4) break;
      }
      if (words.length === 0 || isActive(words[0], o)) continue;
      const at = ['prosedur', index, 'kegiatan'];
      const first = bare(words[0]);
      // an agency's allow list wins (checked by isActive above); otherwise English and noun forms get their own advice
      if (Object.hasOwn(ENGLISH_VERBS, first)) {
        ctx.report({ messageId: 'english', data: { word: words[0], verb: ENGLISH_VERBS[first] }, at });
        continue;
      }
      // "Kepala Badan menandatangani ...": a verb a few words in means the sentence has a subject
      const verbAt = words.slice(1, 4).findIndex((w) => isActive(w, o));
      const passive = words.slice(0, 3).find((w) => /^di\p{L}{3,}$/u.test(bare(w)) && !NOT_PASSIVE.has(bare(w)));
      if (verbAt !== -1) {
        ctx.report({ messageId: 'subject', data: { subject: words.slice(0, verbAt + 1).join(' '), verb: words[verbAt + 1] }, at });
      } else if (passive) {
        ctx.report({ messageId: 'passive', data: { word: passive }, at });
      } else if (isNounForm(first)) {
        ctx.report({ messageId: 'noun', data: { word: words[0] }, at });
      } else {
        ctx.report({ messageId: 'notActive', data: { word: words[0] }, at });
      }
    }
  },
});
