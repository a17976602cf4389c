// status-links: `diganti_oleh` and `menggantikan` name SOPs of the repository, and the two SOPs of a replacement name each other.
import { didYouMean } from '../../schema/translate.js';
import { nameKey } from '../../model/names.js';
import { UNRESOLVED_MESSAGES, unresolvedReport } from '../util/names.js';
import { isSopStatus } from '../../model/status.js';
import { defineRule, type Fact, type FileFacts } from '../types.js';

/** The keys (spec §7.5 nameKey) an SOP is named by: its nomor and its nama. */
function keysOf(f: FileFacts): string[] {
  return [f.nomor, f.nama].flatMap((x) => (x ? [nameKey(x.value)] : []));
}

/** How another SOP should name this one: its nomor, else its nama. */
function nameOf(f: FileFacts): string {
  return (f.nomor ?? f.nama)?.value.trim() ?? f.file;
}

function names(f: FileFacts, fact: Fact | undefined): boolean {
  return fact !== undefined && keysOf(f).includes(nameKey(fact.value));
}

export default defineRule({
  id: 'status-links',
  meta: {
    description: {
      id: '`diganti_oleh` dan `menggantikan` merujuk SOP di repositori, dan kedua SOP saling menyebut',
      en: '`diganti_oleh` and `menggantikan` name SOPs of the repository, and both SOPs name each other',
    },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/status-links.md',
    scope: 'project',
    messages: {
      ...UNRESOLVED_MESSAGES,
      self: {
        id: '`{{entry}}` merujuk SOP ini sendiri; sebutkan SOP lain',
        en: '`{{entry}}` names this SOP itself; name another SOP',
      },
      notReplaced: {
        id: '`diganti_oleh` diisi tetapi status SOP ini `{{status}}`; ubah menjadi `status: diganti` atau hapus `diganti_oleh`',
        en: '`diganti_oleh` is set but this SOP’s status is `{{status}}`; set `status: diganti` or remove `diganti_oleh`',
      },
      noSuccessor: {
        id: '`status: diganti` tanpa `diganti_oleh`; sebutkan nomor atau nama SOP penggantinya',
        en: '`status: diganti` without `diganti_oleh`; give the nomor or nama of the SOP that replaces it',
      },
      successorSilent: {
        id: '{{file}} tidak menyebut SOP ini dalam `menggantikan`; tambahkan `{{self}}` pada `menggantikan` di sana',
        en: '{{file}} does not name this SOP in `menggantikan`; add `{{self}}` to `menggantikan` there',
      },
      oldSilent: {
        id: '{{file}} tidak menyebut SOP ini dalam `diganti_oleh`; isi di sana `status: diganti` dan `diganti_oleh: {{self}}`',
        en: '{{file}} does not name this SOP in `diganti_oleh`; set `status: diganti` and `diganti_oleh: {{self}}` there',
      },
      oldElsewhere: {
        id: '{{file}} menyebut `{{other}}` dalam `diganti_oleh`, bukan SOP ini',
        en: '{{file}} names `{{other}}` in `diganti_oleh`, not this SOP',
      },
      otherHere: { id: 'SOP yang dirujuk', en: 'the SOP named' },
    },
  },
  checkProject(ctx) {
    // nothing to judge unless some SOP names a successor or a predecessor, or says it was replaced
    if (!ctx.files.some((f) => f.digantiOleh || f.menggantikan?.length || f.status?.value === 'diganti')) return;
    const owners = new Map<string, FileFacts[]>();
    const known: { value: string; file: FileFacts }[] = [];
    for (const f of ctx.files) {
      for (const key of new Set(keysOf(f))) {
        const list = owners.get(key);
        if (list) list.push(f);
        else owners.set(key, [f]);
      }
      for (const x of [f.nomor, f.nama]) if (x) known.push({ value: x.value.trim(), file: f });
    }
    /**
     * The other SOPs an entry names; reports and returns [] when it names none, or only this SOP.
     * A successor often keeps the old SOP's nama: then the name means the other SOP, not itself.
     */
    const resolve = (f: FileFacts, entry: Fact): FileFacts[] => {
      const hits = owners.get(nameKey(entry.value)) ?? [];
      const others = hits.filter((g) => g !== f);
      if (others.length > 0) return others;
      if (hits.length > 0) {
        ctx.report({ file: f.file, at: entry.at, messageId: 'self', data: { entry: entry.value } });
        return [];
      }
      const suggestion = didYouMean(entry.value.trim(), known.filter((k) => k.file !== f).map((k) => k.value));
      ctx.report(unresolvedReport(f.file, entry, suggestion));
      return [];
    };
    const placeOf = (g: FileFacts, fact: Fact | undefined) => ({ file: g.file, at: fact?.at.slice(0, 1) ?? (g.nomor ?? g.nama)?.at ?? [], messageId: 'otherHere' });
    for (const f of ctx.files) {
      const status = f.status?.value ?? 'berlaku';
      const judged = isSopStatus(status); // a status the schema rejects says nothing about links
      if (f.digantiOleh) {
        if (judged && status !== 'diganti') ctx.report({ file: f.file, at: f.digantiOleh.at, messageId: 'notReplaced', data: { status } });
        const targets = resolve(f, f.digantiOleh);
        if (targets.length > 0 && !targets.some((g) => (g.menggantikan ?? []).some((m) => names(f, m)))) {
          const g = targets[0];
          ctx.report({ file: f.file, at: f.digantiOleh.at, messageId: 'successorSilent', data: { file: g.file, self: nameOf(f) }, related: [placeOf(g, g.menggantikan?.[0])] });
        }
      } else if (status === 'diganti' && f.status) {
        ctx.report({ file: f.file, at: f.status.at, messageId: 'noSuccessor' });
      }
      for (const entry of f.menggantikan ?? []) {
        const targets = resolve(f, entry);
        if (targets.length === 0 || targets.some((g) => names(f, g.digantiOleh))) continue;
        const g = targets[0];
        ctx.report(
          g.digantiOleh
            ? { file: f.file, at: entry.at, messageId: 'oldElsewhere', data: { file: g.file, other: g.digantiOleh.value }, related: [placeOf(g, g.digantiOleh)] }
            : { file: f.file, at: entry.at, messageId: 'oldSilent', data: { file: g.file, self: nameOf(f) }, related: [placeOf(g, g.status)] },
        );
      }
    }
  },
});
