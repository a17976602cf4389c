// inventaris-coverage: the Tabel 6 inventory and the SOPs cover each other (a row with no SOP, an SOP no row names, a missing process-map reference).
import { defineRule } from '../types.js';
import type { LifecycleSop } from '../../lifecycle/sops.js';

interface Options {
  requireProcessMap: boolean;
}

export default defineRule<Options>({
  id: 'inventaris-coverage',
  meta: {
    description: {
      id: 'Setiap baris inventaris (Tabel 6) punya SOP, setiap SOP disebut satu baris inventaris, dan (bila diwajibkan) punya rujukan peta proses bisnis',
      en: 'Every inventory row (Tabel 6) has an SOP, every SOP is named by an inventory row and (when required) has a process-map reference',
    },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/inventaris-coverage.md',
    scope: 'lifecycle',
    optionsSchema: {
      type: 'object',
      properties: { requireProcessMap: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { requireProcessMap: false },
    messages: {
      rowWithoutSop: {
        id: 'judul SOP `{{judul}}` belum ada SOP-nya di repositori; buat dengan `sop new --from-inventaris {{no}}`',
        en: 'no SOP in the repository is titled `{{judul}}` yet; create it with `sop new --from-inventaris {{no}}`',
      },
      sopNotListed: {
        id: 'SOP `{{nama}}` tidak disebut di inventaris ({{inventaris}}); tambahkan barisnya di Tabel 6',
        en: 'SOP `{{nama}}` is not named in the inventory ({{inventaris}}); add its Tabel 6 row',
      },
      noProcessMap: {
        id: 'baris untuk `{{judul}}` tidak memuat `peta_proses` (rujukan peta proses bisnis), padahal konfigurasi mewajibkannya',
        en: 'the row for `{{judul}}` has no `peta_proses` (business-process-map reference), which the config requires',
      },
    },
  },
  checkLifecycle(ctx) {
    const inv = ctx.records.inventory;
    if (!ctx.records.present.inventory || !inv) return;
    const named = new Set<LifecycleSop>();
    for (const row of inv.rows) {
      const sop = ctx.index.resolve(row.judulSop);
      if (!sop) {
        ctx.report({ file: inv.record.file, at: [...row.at, 'judul_sop'], messageId: 'rowWithoutSop', data: { judul: row.judulSop, no: row.no } });
        continue;
      }
      named.add(sop);
      if (ctx.options.requireProcessMap && !row.petaProses) {
        ctx.report({ file: inv.record.file, at: [...row.at, 'judul_sop'], messageId: 'noProcessMap', data: { judul: row.judulSop } });
      }
    }
    for (const sop of ctx.sops) {
      // replaced and revoked SOPs leave the inventory with their duties
      if (named.has(sop) || (sop.status !== undefined && sop.status !== 'berlaku' && sop.status !== 'draf')) continue;
      ctx.report({ file: sop.file, at: ['nama'], messageId: 'sopNotListed', data: { nama: sop.nama ?? sop.rel, inventaris: inv.record.file } });
    }
  },
});
