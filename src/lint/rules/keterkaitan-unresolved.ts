// keterkaitan-unresolved: a `keterkaitan` entry equals no other SOP's `nomor` or `nama` in the run, so it cannot become a link.
import { didYouMean } from '../../schema/translate.js';
import { defineRule } from '../types.js';
import { nameKey } from '../../model/names.js';
import { UNRESOLVED_MESSAGES, unresolvedReport } from '../util/names.js';

export default defineRule({
  id: 'keterkaitan-unresolved',
  meta: {
    description: {
      id: 'Setiap entri `keterkaitan` sama dengan `nomor` atau `nama` SOP lain di repositori',
      en: 'Every `keterkaitan` entry names another SOP’s `nomor` or `nama` in the repository',
    },
    defaultLevel: 'off',
    docsUrl: 'docs/rules/keterkaitan-unresolved.md',
    scope: 'project',
    messages: {
      ...UNRESOLVED_MESSAGES,
    },
  },
  checkProject(ctx) {
    // key (nameKey of a nomor or nama, spec §7.5) → the files that carry it
    const owners = new Map<string, string[]>();
    const names: { value: string; file: string }[] = [];
    for (const f of ctx.files) {
      for (const fact of [f.nomor, f.nama]) {
        if (!fact) continue;
        const key = nameKey(fact.value);
        const list = owners.get(key);
        if (list) list.push(f.file);
        else owners.set(key, [f.file]);
        names.push({ value: fact.value.trim(), file: f.file });
      }
    }
    // suggestions cost an edit distance per name: keep huge runs fast by bounding the work
    let budget = 2_000_000;
    for (const f of ctx.files) {
      const own = new Set([f.nomor, f.nama].flatMap((x) => (x ? [nameKey(x.value)] : [])));
      for (const entry of f.keterkaitan) {
        const key = nameKey(entry.value);
        // naming this SOP itself is keterkaitan-self's report
        if (own.has(key)) continue;
        if ((owners.get(key) ?? []).some((file) => file !== f.file)) continue;
        let suggestion: string | undefined;
        if (budget > 0) {
          const want = entry.value.trim();
          const near = names.filter((n) => n.file !== f.file && Math.abs(n.value.length - want.length) <= Math.max(2, Math.floor(want.length / 3))).map((n) => n.value);
          budget -= near.length * want.length;
          suggestion = didYouMean(want, near);
        }
        ctx.report(unresolvedReport(f.file, entry, suggestion));
      }
    }
  },
});
