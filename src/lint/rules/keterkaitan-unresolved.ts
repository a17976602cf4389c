// keterkaitan-unresolved: a `keterkaitan` entry equals no other SOP's `nomor` or `nama` in the run, so it cannot become a link.
import { didYouMean } from '../../schema/translate.js';
import { defineRule } from '../types.js';
import { normalizeName } from '../util/data.js';

export default defineRule({
  id: 'keterkaitan-unresolved',
  meta: {
    description: {
      id: 'Setiap entri `keterkaitan` sama dengan `nomor` atau `nama` SOP lain di repositori',
      en: 'Every `keterkaitan` entry equals another SOP’s `nomor` or `nama` in the repository',
    },
    defaultLevel: 'off',
    docsUrl: 'docs/rules/keterkaitan-unresolved.md',
    scope: 'project',
    messages: {
      unresolved: {
        id: '`{{entry}}` tidak sama dengan `nomor` atau `nama` SOP mana pun di repositori',
        en: '`{{entry}}` matches the `nomor` or `nama` of no SOP in the repository',
      },
      unresolvedSuggest: {
        id: '`{{entry}}` tidak sama dengan `nomor` atau `nama` SOP mana pun di repositori; mungkin maksudnya `{{suggestion}}`?',
        en: '`{{entry}}` matches the `nomor` or `nama` of no SOP in the repository; did you mean `{{suggestion}}`?',
      },
      self: {
        id: '`{{entry}}` merujuk SOP ini sendiri; `keterkaitan` berisi SOP lain',
        en: '`{{entry}}` refers to this SOP itself; `keterkaitan` lists other SOPs',
      },
    },
  },
  checkProject(ctx) {
    // key (normalized nomor or nama) → the files that carry it
    const owners = new Map<string, string[]>();
    const names: { value: string; file: string }[] = [];
    for (const f of ctx.files) {
      for (const fact of [f.nomor, f.nama]) {
        if (!fact) continue;
        const key = normalizeName(fact.value);
        const list = owners.get(key);
        if (list) list.push(f.file);
        else owners.set(key, [f.file]);
        names.push({ value: fact.value.trim(), file: f.file });
      }
    }
    // suggestions cost an edit distance per name: keep huge runs fast by bounding the work
    let budget = 2_000_000;
    for (const f of ctx.files) {
      for (const entry of f.keterkaitan) {
        const key = normalizeName(entry.value);
        const holders = owners.get(key) ?? [];
        if (holders.some((file) => file !== f.file)) continue;
        if (holders.length > 0) {
          ctx.report({ file: f.file, at: entry.at, messageId: 'self', data: { entry: entry.value } });
          continue;
        }
        // "SOP Pengelolaan Surat" for an SOP named "Pengelolaan Surat" is the usual near miss
        const stripped = entry.value.replace(/^\s*SOP\s+/i, '').trim();
        let suggestion = (owners.get(normalizeName(stripped)) ?? []).some((file) => file !== f.file) ? stripped : undefined;
        if (!suggestion && budget > 0) {
          const want = entry.value.trim();
          const near = names.filter((n) => n.file !== f.file && Math.abs(n.value.length - want.length) <= Math.max(2, Math.floor(want.length / 3))).map((n) => n.value);
          budget -= near.length * want.length;
          suggestion = didYouMean(want, near);
        }
        ctx.report(
          suggestion
            ? { file: f.file, at: entry.at, messageId: 'unresolvedSuggest', data: { entry: entry.value, suggestion } }
            : { file: f.file, at: entry.at, messageId: 'unresolved', data: { entry: entry.value } },
        );
      }
    }
  },
});
