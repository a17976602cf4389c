// duplicate-nomor: two SOP files in the run share a `nomor` (numbers identify SOPs in the document pack and links).
import { defineRule } from '../types.js';
import { reportDuplicates } from '../util/duplicates.js';

export default defineRule({
  id: 'duplicate-nomor',
  meta: {
    description: { id: 'Setiap `nomor` unik di repositori', en: 'Every `nomor` is unique in the repository' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/duplicate-nomor.md',
    scope: 'project',
    messages: {
      duplicate: {
        id: 'nomor `{{value}}` sudah dipakai oleh {{other}}; setiap SOP harus memiliki nomor sendiri',
        en: 'nomor `{{value}}` is already used by {{other}}; every SOP needs its own number',
      },
      firstHere: { id: 'nomor yang sama di sini', en: 'the same nomor here' },
    },
  },
  // `-` is how agencies write "no number yet"; several unnumbered drafts are not duplicates
  checkProject: (ctx) => reportDuplicates(ctx, (f) => f.nomor, (v) => v.trim() === '-' || v.trim() === ''),
});
