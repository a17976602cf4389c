// pelaksana-mismatch: `kegiatan` begins with the title of an actor other than the row's own ("Resepsionis mengarahkan ..." in the column of Pengguna Layanan).
import { normalizedPrefix, normalizeName } from '../../model/names.js';
import { defineRule } from '../types.js';
import { actorRefs, isObj } from '../util/data.js';

/** True when `text` (normalized) begins with `title` (normalized) as whole words. */
function beginsWith(text: string, title: string): boolean {
  return title !== '' && text.startsWith(title) && (text.length === title.length || !/[\p{L}\p{N}]/u.test(text[title.length]));
}

/** False when the first non-space character of `s` is ASCII and, lower-cased, begins none of the titles. */
function mayBegin(s: string, firsts: ReadonlySet<number>): boolean {
  const m = /\S/.exec(s);
  if (!m) return false;
  let c = m[0].charCodeAt(0);
  if (c >= 0x80) return true;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return firsts.has(c);
}

export default defineRule({
  id: 'pelaksana-mismatch',
  meta: {
    description: {
      id: '`kegiatan` tidak diawali judul pelaksana lain daripada pelaksana barisnya sendiri',
      en: '`kegiatan` does not begin with the title of an actor other than the row’s own',
    },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/pelaksana-mismatch.md',
    scope: 'file',
    messages: {
      mismatch: {
        id: 'kegiatan diawali `{{title}}`, tetapi simbolnya di kolom {{own}}; pindahkan kegiatan ke `pelaksana: {{id}}` atau perbaiki uraiannya',
        en: 'the activity begins with `{{title}}`, but its symbol is in the column of {{own}}; move it to `pelaksana: {{id}}` or fix the text',
      },
    },
  },
  check(ctx) {
    if (!isObj(ctx.data) || !isObj(ctx.data.pelaksana) || !Array.isArray(ctx.data.prosedur)) return;
    // longest titles first: "Kepala Bagian Umum" must win over "Kepala"
    const titles = Object.entries(ctx.data.pelaksana)
      .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')
      .map(([id, title]) => ({ id, title, key: normalizeName(title) }))
      .sort((a, b) => b.key.length - a.key.length);
    if (titles.length < 2) return;
    const longest = titles[0].key.length;
    // a title matches only where the kegiatan's first letter (lower-cased) is the title's first one:
    // rows that begin with another ASCII letter (the usual verb) skip the normalization
    const firsts = new Set(titles.map((t) => t.key.charCodeAt(0)));
    const asciiOnly = [...firsts].every((c) => c < 0x80);
    // each row's own actors, gathered when a row first could match
    let own: Map<number, Set<string>> | undefined;
    const data = ctx.data;
    ctx.data.prosedur.forEach((row, index) => {
      if (!isObj(row) || typeof row.kegiatan !== 'string') return;
      if (asciiOnly && !mayBegin(row.kegiatan, firsts)) return;
      if (!own) {
        own = new Map();
        for (const r of actorRefs(data)) {
          if (!own.has(r.index)) own.set(r.index, new Set());
          own.get(r.index)!.add(r.name);
        }
      }
      const mine = own.get(index);
      if (!mine || mine.size === 0) return;
      // only the beginning can match: normalize no more of the kegiatan than the longest title needs
      const text = normalizedPrefix(row.kegiatan, longest);
      const hit = titles.find((t) => beginsWith(text, t.key));
      if (!hit || mine.has(hit.id)) return;
      const ownTitles = [...mine].map((id) => titles.find((t) => t.id === id)?.title ?? id).map((t) => `\`${t}\``).join(', ');
      ctx.report({ messageId: 'mismatch', data: { title: hit.title, own: ownTitles, id: hit.id }, at: ['prosedur', index, 'kegiatan'] });
    });
  },
});
