// status-duplicate: two SOPs in force (`status: berlaku`, the default) carry the same nama, so readers cannot tell which one applies.
import { nameKey } from '../../model/names.js';
import { defineRule, type FileFacts } from '../types.js';

export default defineRule({
  id: 'status-duplicate',
  meta: {
    description: {
      id: 'Tidak ada dua SOP berstatus `berlaku` dengan `nama` yang sama',
      en: 'No two SOPs with status `berlaku` share a `nama`',
    },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/status-duplicate.md',
    scope: 'project',
    messages: {
      duplicate: {
        id: 'SOP `{{value}}` juga berlaku di {{other}}; bila salah satunya sudah diganti, beri SOP lama `status: diganti` dan `diganti_oleh`',
        en: 'the SOP `{{value}}` is also in force in {{other}}; if one replaces the other, give the old one `status: diganti` and `diganti_oleh`',
      },
      firstHere: { id: 'SOP berlaku dengan nama yang sama', en: 'the SOP in force with the same nama' },
    },
  },
  checkProject(ctx) {
    // names compared as links compare them (spec §7.5): `SOP Cuti Tahunan.` is *Cuti Tahunan*
    const first = new Map<string, FileFacts>();
    for (const f of ctx.files) {
      if (!f.nama || (f.status?.value ?? 'berlaku') !== 'berlaku') continue;
      const key = nameKey(f.nama.value);
      const prev = first.get(key);
      if (!prev) {
        first.set(key, f);
        continue;
      }
      ctx.report({
        file: f.file,
        at: f.nama.at,
        messageId: 'duplicate',
        data: { value: f.nama.value.trim(), other: prev.file },
        related: [{ file: prev.file, at: prev.nama!.at, messageId: 'firstHere' }],
      });
    }
  },
});
