// duplicate-nama: two SOP files share a `nama` (readers and keterkaitan links could not tell them apart).
import { defineRule } from '../types.js';
import { isSuperseded } from '../../model/status.js';
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
  // a replaced or revoked SOP may share its name with its successor (status-duplicate judges the ones in force)
  checkProject: (ctx) => reportDuplicates(ctx, (f) => (isSuperseded(f.status?.value ?? 'berlaku') ? undefined : f.nama), (v) => v.trim() === ''),
});
