// duplicate-id: two rows or `langkah` items share an `id` (or one takes the reserved target word `selesai`), so a target would be ambiguous.
import { defineRule } from '../types.js';
import { writtenIds } from '../util/targets.js';

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
    // one namespace for rows' and `langkah` items' ids: a target names either
    const first = new Map<string, { index: number; path: (string | number)[] }>();
    for (const { index, id, path } of writtenIds(ctx.data)) {
      if (typeof id !== 'string') continue;
      if (id === 'selesai') ctx.report({ messageId: 'reserved', at: path });
      const prev = first.get(id);
      if (prev === undefined) {
        first.set(id, { index, path });
        continue;
      }
      ctx.report({
        messageId: 'duplicate',
        data: { id, first: prev.index + 1 },
        at: path,
        related: [{ messageId: 'firstHere', at: prev.path }],
      });
    }
  },
});
