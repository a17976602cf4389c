// revisi-outdated: the SOP's content changed in a commit dated after its tanggal_revisi (or after tanggal_pembuatan when there is none).
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';

/** `YYYY-MM-DD` or (format 1.1) `YYYY-MM`, as a comparable string; undefined for `-`, null or anything else. */
function dateKey(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (/^\d{4}-\d{2}$/.test(v)) return `${v}-31`; // a month-only date covers the whole month
  return undefined;
}

export default defineRule({
  id: 'revisi-outdated',
  meta: {
    description: {
      id: '`tanggal_revisi` diperbarui ketika isi SOP berubah (menurut riwayat git)',
      en: '`tanggal_revisi` is updated when the SOP content changes (according to git history)',
    },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/revisi-outdated.md',
    scope: 'file',
    // the keys check() reads: the engine may run it once git is read, on these alone
    historyKeys: ['tanggal_revisi', 'tanggal_pembuatan'],
    messages: {
      afterRevisi: {
        id: 'isi SOP berubah pada {{date}} (commit {{commit}} "{{subject}}", {{author}}) sesudah `tanggal_revisi` {{revisi}}; perbarui `tanggal_revisi`',
        en: 'the SOP content changed on {{date}} (commit {{commit}} "{{subject}}", {{author}}) after `tanggal_revisi` {{revisi}}; update `tanggal_revisi`',
      },
      noRevisi: {
        id: 'isi SOP berubah pada {{date}} (commit {{commit}} "{{subject}}", {{author}}) sesudah `tanggal_pembuatan` {{pembuatan}}, tetapi `tanggal_revisi` belum diisi; isi dengan tanggal revisi',
        en: 'the SOP content changed on {{date}} (commit {{commit}} "{{subject}}", {{author}}) after `tanggal_pembuatan` {{pembuatan}}, but `tanggal_revisi` is not set; set it to the revision date',
      },
    },
  },
  check(ctx) {
    const change = ctx.history?.lastChange;
    if (!change || !isObj(ctx.data)) return;
    const data = ctx.data;
    const revisi = dateKey(data.tanggal_revisi);
    const pembuatan = dateKey(data.tanggal_pembuatan);
    const facts = { date: change.date, commit: change.commit.slice(0, 7), subject: change.subject, author: change.author };
    if (revisi) {
      if (change.date > revisi) ctx.report({ messageId: 'afterRevisi', data: { ...facts, revisi: String(data.tanggal_revisi) }, at: ['tanggal_revisi'] });
    } else if (pembuatan && change.date > pembuatan) {
      ctx.report({ messageId: 'noRevisi', data: { ...facts, pembuatan: String(data.tanggal_pembuatan) }, at: ['tanggal_revisi' in data ? 'tanggal_revisi' : 'tanggal_pembuatan'] });
    }
  },
});
