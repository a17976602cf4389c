// duplicate-nama: two SOP files share a `nama` (readers and keterkaitan links could not tell them apart).
import { defineRule } from '../types.js';
import { reportDuplicates } from '../util/duplicates.js';

export default defineRule({
  id: 'duplicate-nama',
  meta: {
    description: { id: 'Setiap `nama` SOP unik di repositori', en: 'Every SOP `nama` is unique in the repository' },
    defaultLevel: 'warn',
    docsUrl: 'docs/rules/duplicate-nama.md',
    scope: 'project',
    messages: {
      duplicate: {
        id: 'nama `{{value}}` sudah dipakai oleh {{other}}; beri nama yang membedakan kedua SOP',
        en: 'nama `{{value}}` is already used by {{other}}; give the two SOPs names that tell them apart',
      },
      firstHere: { id: 'nama yang sama di sini', en: 'the same nama here' },
    },
  },
  checkProject: (ctx) => reportDuplicates(ctx, (f) => f.nama, (v) => v.trim() === ''),
});
