// monitoring-due: an SOP in force not monitored for more than six months (Tabel 7, "secara berkala setiap 6 bulan"); a sheet row naming no SOP.
import { addMonths, compareDays, dayOf, formatDay, type Day } from '../../lifecycle/dates.js';
import { inForce, type LifecycleSop } from '../../lifecycle/sops.js';
import type { MonitoringRow, MonitoringSheet } from '../../lifecycle/model.js';
import { defineRule } from '../types.js';

interface Options {
  months: number;
}

export default defineRule<Options>({
  id: 'monitoring-due',
  meta: {
    description: {
      id: 'Setiap SOP yang berlaku dimonitor sedikitnya sekali setiap 6 bulan (Tabel 7); lembar monitoring hanya menyebut SOP yang ada',
      en: 'Every SOP in force is monitored at least every 6 months (Tabel 7); monitoring sheets name only SOPs that exist',
    },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/monitoring-due.md',
    scope: 'lifecycle',
    optionsSchema: {
      type: 'object',
      properties: { months: { type: 'integer', minimum: 1, maximum: 60 } },
      additionalProperties: false,
    },
    defaultOptions: { months: 6 },
    messages: {
      never: {
        id: 'SOP ini belum pernah dimonitor sejak berlaku {{efektif}}; monitoring jatuh tempo {{due}} (setiap {{months}} bulan). {{next}}',
        en: 'this SOP has not been monitored since it took effect on {{efektif}}; monitoring was due on {{due}} (every {{months}} months). {{next}}',
      },
      overdue: {
        id: 'monitoring terakhir SOP ini {{last}}; monitoring berikutnya jatuh tempo {{due}} (setiap {{months}} bulan). {{next}}',
        en: 'this SOP was last monitored on {{last}}; the next monitoring was due on {{due}} (every {{months}} months). {{next}}',
      },
      lastHere: { id: 'monitoring terakhir di sini', en: 'last monitoring here' },
      unknownSop: {
        id: '`{{ref}}` bukan nomor atau nama SOP mana pun di repositori',
        en: '`{{ref}}` is not the nomor or nama of any SOP in the repository',
      },
      unknownAssessment: {
        id: 'penilaian `{{value}}` tidak dikenal; pilih {{allowed}} (nilai tambahan: `lifecycle.assessments` di sop.config.yaml)',
        en: 'unknown assessment `{{value}}`; use {{allowed}} (extra values: `lifecycle.assessments` in sop.config.yaml)',
      },
    },
  },
  checkLifecycle(ctx) {
    const { records } = ctx;
    if (!records.present.monitoring) return;
    const today = dayOf(ctx.now);
    const allowed = Object.keys(records.assessments);
    // the latest monitoring row (with an assessment) of each SOP
    const last = new Map<LifecycleSop, { day: Day; sheet: MonitoringSheet; row: MonitoringRow }>();
    for (const sheet of records.monitoring) {
      for (const row of sheet.rows) {
        const sop = ctx.index.resolve(row.prosedur);
        if (!sop) {
          ctx.report({ file: sheet.record.file, at: [...row.at, 'prosedur'], messageId: 'unknownSop', data: { ref: row.prosedur }, severity: 'error' });
          continue;
        }
        if (row.penilaian !== null && !allowed.includes(row.penilaian)) {
          ctx.report({ file: sheet.record.file, at: [...row.at, 'penilaian'], messageId: 'unknownAssessment', data: { value: row.penilaian, allowed: allowed.map((a) => `\`${a}\``).join(', ') }, severity: 'error' });
          continue;
        }
        if (row.penilaian === null || !sheet.tanggal) continue; // not yet assessed: the SOP is not monitored by this sheet
        const prev = last.get(sop);
        if (!prev || compareDays(sheet.tanggal, prev.day) > 0) last.set(sop, { day: sheet.tanggal, sheet, row });
      }
    }
    const months = ctx.options.months;
    const periode = `${today.year}-S${today.month <= 6 ? 1 : 2}`;
    for (const sop of ctx.sops) {
      if (!inForce(sop, today) || !sop.tanggalEfektif) continue;
      const seen = last.get(sop);
      const base = seen && compareDays(seen.day, sop.tanggalEfektif) > 0 ? seen.day : sop.tanggalEfektif;
      const due = addMonths(base, months);
      if (compareDays(today, due) <= 0) continue;
      // the sheet of this period may exist already, with this SOP's row still to be assessed
      const sheet = records.monitoring.find((m) => m.periodeText === periode && m.unit === sop.unit);
      const next = sheet
        ? { id: `Isi penilaiannya pada ${sheet.record.file}`, en: `Fill in its assessment in ${sheet.record.file}` }
        : { id: `Buat lembarnya dengan \`sop monev new --periode ${periode} --unit ${sop.unit}\``, en: `Create the sheet with \`sop monev new --periode ${periode} --unit ${sop.unit}\`` };
      const data = { due: formatDay(due), months, next, efektif: formatDay(sop.tanggalEfektif) };
      if (seen) {
        ctx.report({
          file: sop.file, at: ['nomor'], messageId: 'overdue', data: { ...data, last: formatDay(seen.day) },
          related: [{ file: seen.sheet.record.file, at: [...seen.row.at, 'prosedur'], messageId: 'lastHere' }],
        });
      } else {
        ctx.report({ file: sop.file, at: ['tanggal_efektif'], messageId: 'never', data });
      }
    }
  },
});
