// unknown-pelaksana: a row (or an actor of a joint step, or a `langkah` item) names an actor that the top-level `pelaksana` does not declare.
import { didYouMean } from '../../schema/translate.js';
import { defineRule } from '../types.js';
import { actorRefs, actorsOf, isObj, normalizeName } from '../util/data.js';

export default defineRule({
  id: 'unknown-pelaksana',
  meta: {
    description: { id: 'Setiap baris menunjuk pelaksana yang dideklarasikan', en: 'Every row names a declared actor' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/unknown-pelaksana.md',
    scope: 'file',
    messages: {
      unknown: {
        id: 'pelaksana `{{name}}` tidak dideklarasikan di `pelaksana`; pilih salah satu: {{declared}}',
        en: 'actor `{{name}}` is not declared in `pelaksana`; expected one of: {{declared}}',
      },
      unknownSuggest: {
        id: 'pelaksana `{{name}}` tidak dideklarasikan di `pelaksana`; mungkin maksudnya `{{suggestion}}`?',
        en: 'actor `{{name}}` is not declared in `pelaksana`; did you mean `{{suggestion}}`?',
      },
    },
  },
  check(ctx) {
    const declared = actorsOf(ctx.data);
    // without a mapping of actors every row would be "unknown": the schema error says it once
    if (!declared || declared.length === 0 || !isObj(ctx.data)) return;
    const titles = ctx.data.pelaksana as Record<string, unknown>;
    for (const { name, path } of actorRefs(ctx.data)) {
      if (declared.includes(name)) continue;
      // writing the column title instead of its id is the usual slip
      const byTitle = declared.find((id) => typeof titles[id] === 'string' && normalizeName(titles[id] as string) === normalizeName(name));
      const suggestion = byTitle ?? didYouMean(name, declared);
      ctx.report(
        suggestion
          ? { messageId: 'unknownSuggest', data: { name, suggestion }, at: path }
          : { messageId: 'unknown', data: { name, declared: declared.map((d) => `\`${d}\``).join(', ') }, at: path },
      );
    }
  },
});
