// evaluasi-tindak-lanjut: every "Tidak" of an evaluation is followed up, by a revision of the SOP after the evaluation
// (its tanggal_revisi, or a content change committed after that date) or a follow-up not yet overdue.
import { compareDays, dayOf, formatDay, parseDay } from '../../lifecycle/dates.js';
import type { FollowUp } from '../../lifecycle/model.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'evaluasi-tindak-lanjut',
  meta: {
    description: {
      id: 'Jawaban Tidak pada evaluasi SOP ditindaklanjuti dengan revisi SOP setelah tanggal evaluasi atau tindak lanjut yang batas waktunya belum lewat',
      en: 'A "Tidak" in an SOP evaluation is followed up by a revision of the SOP after the evaluation date or by a follow-up whose due date has not passed',
    },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/evaluasi-tindak-lanjut.md',
    scope: 'lifecycle',
    messages: {
      noFollowUp: {
        id: 'kriteria "{{kriteria}}" dijawab Tidak pada evaluasi {{tanggal}}, tetapi SOP `{{sop}}` belum direvisi sesudahnya (tanggal_revisi {{revisi}}) dan tidak ada `tindak_lanjut` dengan batas waktu',
        en: 'criterion "{{kriteria}}" was answered Tidak in the evaluation of {{tanggal}}, but SOP `{{sop}}` has not been revised since (tanggal_revisi {{revisi}}) and there is no `tindak_lanjut` with a due date',
      },
      overdue: {
        id: 'tindak lanjut kriteria "{{kriteria}}" lewat batas waktu {{batas}} dan SOP `{{sop}}` belum direvisi sesudah evaluasi {{tanggal}} (tanggal_revisi {{revisi}})',
        en: 'the follow-up of criterion "{{kriteria}}" is past its due date {{batas}} and SOP `{{sop}}` has not been revised since the evaluation of {{tanggal}} (tanggal_revisi {{revisi}})',
      },
      revisiHere: { id: 'tanggal revisi SOP', en: 'the SOP\'s revision date' },
      unknownSop: {
        id: '`{{ref}}` bukan nomor atau nama SOP mana pun di repositori',
        en: '`{{ref}}` is not the nomor or nama of any SOP in the repository',
      },
    },
  },
  checkLifecycle(ctx) {
    if (!ctx.records.present.evaluation) return;
    const today = dayOf(ctx.now);
    for (const ev of ctx.records.evaluations) {
      for (const entry of ev.entries) {
        const sop = ctx.index.resolve(entry.prosedur);
        if (!sop) {
          ctx.report({ file: ev.record.file, at: [...entry.at, 'prosedur'], messageId: 'unknownSop', data: { ref: entry.prosedur }, severity: 'error' });
          continue;
        }
        if (!ev.tanggal) continue; // the schema reports the date
        const revised = sop.tanggalRevisi !== undefined && compareDays(sop.tanggalRevisi, ev.tanggal) > 0;
        if (revised) continue;
        // A content change committed after the evaluation is a revision too (document control: git history).
        const changed = parseDay(ctx.history?.[sop.file]?.lastChange?.date);
        if (changed && compareDays(changed, ev.tanggal) > 0) continue;
        for (const answer of entry.answers) {
          if (answer.hasil !== 'tidak') continue;
          const follow: FollowUp | undefined = answer.tindakLanjut ?? entry.tindakLanjut;
          const data = {
            kriteria: answer.criterion.teks, tanggal: ev.tanggalText, sop: sop.nama ?? sop.nomor ?? sop.rel,
            revisi: sop.tanggalRevisi ? formatDay(sop.tanggalRevisi) : '-',
          };
          const related = [{ file: sop.file, at: ['tanggal_revisi'], messageId: 'revisiHere' }];
          if (!follow || !follow.batasWaktu) {
            ctx.report({ file: ev.record.file, at: answer.at, messageId: 'noFollowUp', data, related });
          } else if (compareDays(follow.batasWaktu, today) < 0) {
            ctx.report({ file: ev.record.file, at: [...follow.at, 'batas_waktu'], messageId: 'overdue', data: { ...data, batas: follow.batasWaktuText }, related });
          }
        }
      }
    }
  },
});
