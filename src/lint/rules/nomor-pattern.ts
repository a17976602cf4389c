// nomor-pattern: `nomor` does not follow config `numbering` (the agency's tata naskah dinas), or its year is not the year the SOP was made.
import { defineRule } from '../types.js';
import { isObj } from '../util/data.js';
import { parseIsoDate } from '../util/dates.js';
import { compileNumbering, type NumberingMatcher } from '../util/numbering.js';

// one config per run; keep its compiled pattern instead of rebuilding it per file
let cache: { pattern: string; matcher: NumberingMatcher | undefined } | undefined;

function matcherFor(pattern: string): NumberingMatcher | undefined {
  if (cache?.pattern !== pattern) cache = { pattern, matcher: compileNumbering(pattern) };
  return cache.matcher;
}

export default defineRule({
  id: 'nomor-pattern',
  meta: {
    description: { id: '`nomor` sesuai pola `numbering` pada konfigurasi', en: '`nomor` follows the config `numbering` pattern' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/nomor-pattern.md',
    scope: 'file',
    messages: {
      mismatch: {
        id: 'nomor `{{nomor}}` tidak sesuai pola penomoran `{{pattern}}` (`numbering` pada konfigurasi), mis. `{{example}}`',
        en: 'nomor `{{nomor}}` does not follow the numbering pattern `{{pattern}}` (config `numbering`), e.g. `{{example}}`',
      },
      year: {
        id: 'tahun pada nomor `{{nomor}}` ({{year}}) berbeda dengan tahun `tanggal_pembuatan` ({{expected}}); `{year}` pada pola `{{pattern}}` adalah tahun pembuatan SOP',
        en: 'the year in nomor `{{nomor}}` ({{year}}) differs from the year of `tanggal_pembuatan` ({{expected}}); `{year}` in the pattern `{{pattern}}` is the year the SOP was made',
      },
      pembuatanHere: { id: '`tanggal_pembuatan` ditulis di sini', en: '`tanggal_pembuatan` is written here' },
    },
  },
  check(ctx) {
    const pattern = ctx.config.numbering;
    if (!pattern || !isObj(ctx.data) || typeof ctx.data.nomor !== 'string' || ctx.data.nomor === '') return;
    const matcher = matcherFor(pattern);
    if (!matcher) return;
    const nomor = ctx.data.nomor;
    const made = parseIsoDate(ctx.data.tanggal_pembuatan);
    const m = matcher.regex.exec(nomor);
    if (!m) {
      const year = made?.year ?? ctx.now.getUTCFullYear();
      ctx.report({ messageId: 'mismatch', data: { nomor, pattern, example: matcher.example(year) }, at: ['nomor'] });
      return;
    }
    if (!made?.exists) return;
    for (let g = 1; g <= matcher.years; g++) {
      if (Number(m[g]) !== made.year) {
        ctx.report({
          messageId: 'year',
          data: { nomor, year: m[g], expected: made.year, pattern },
          at: ['nomor'],
          related: [{ messageId: 'pembuatanHere', at: ['tanggal_pembuatan'] }],
        });
        return;
      }
    }
  },
});
