// duplicate-id: two rows share an `id` (or a row takes the reserved target word `selesai`), so a target would be ambiguous.
import { defineRule } from '../types.js';
import { rowsOf } from '../util/data.js';

export default defineRule({
  id: 'duplicate-id',
  meta: {
    description: { id: 'Setiap `id` baris unik', en: 'Row ids are unique' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/duplicate-id.md',
    scope: 'file',
    messages: {
      duplicate: {
        id: 'id `{{id}}` sudah dipakai oleh kegiatan {{first}}; setiap `id` harus unik',
        en: 'id `{{id}}` is already used by row {{first}}; every `id` must be unique',
      },
      reserved: {
        id: 'id `selesai` tidak dapat dirujuk: tujuan `selesai` selalu berarti akhir prosedur; pilih id lain',
        en: 'id `selesai` cannot be referred to: the target `selesai` always means the end of the procedure; choose another id',
      },
      firstHere: { id: 'pertama kali dipakai di sini', en: 'first used here' },
    },
  },
  check(ctx) {
    const first = new Map<string, number>();
    for (const { index, row } of rowsOf(ctx.data)) {
      if (typeof row.id !== 'string') continue;
      if (row.id === 'selesai') ctx.report({ messageId: 'reserved', at: ['prosedur', index, 'id'] });
      const prev = first.get(row.id);
      if (prev === undefined) {
        first.set(row.id, index);
        continue;
      }
      ctx.report({
        messageId: 'duplicate',
        data: { id: row.id, first: prev + 1 },
        at: ['prosedur', index, 'id'],
        related: [{ messageId: 'firstHere', at: ['prosedur', prev, 'id'] }],
      });
    }
  },
});
