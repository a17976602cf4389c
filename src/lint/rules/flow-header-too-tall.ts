// flow-header-too-tall: the flow table's column headers (labels, actor titles) leave no room on a page,
// so `sop build` and `sop render` cannot draw the table. Lint says so first (issue #16: lint and build
// never disagree). Ordinary SOPs are decided without a font by render/flowtable/header-bound.ts; only
// long titles or labels make `prepare` load the layout (header-check.ts, the font metrics) and `check` lay the
// table out as the build does. The layout is never loaded for the others (about 12 ms of every run).
import { resolveProfile } from '../../core/profile.js';
import { flowArea, type Paper } from '../../core/paper.js';
import { flowTableProfile } from '../../pages/flow-profile.js';
import { dataMayBeTooTall, HEADER_TOO_TALL_MESSAGE, labelTextsMayBeTooTall } from '../../render/flowtable/header-bound.js';
import type { SopConfig } from '../../config/config-types.js';
import type { Lang } from '../../core/types.js';
import { defineRule } from '../types.js';

type HeaderCheck = typeof import('../../render/flowtable/header-check.js');

/** The layout's check, once a file needed it. */
let headerCheck: HeaderCheck | undefined;
let loading: Promise<void> | undefined;

interface BuildTable {
  /** The flow table options the build derives from the config (labels, layout). */
  options: ReturnType<typeof flowTableProfile>;
  labelsMayBeTall: boolean;
}

/** What the build passes to the flow table for SOPs of one config, worked out once per config and language. */
const profiles = new WeakMap<SopConfig, Map<Lang, BuildTable>>();
function profileOf(config: SopConfig, lang: Lang): BuildTable {
  let byLang = profiles.get(config);
  if (!byLang) profiles.set(config, (byLang = new Map()));
  let p = byLang.get(lang);
  if (!p) {
    const profile = resolveProfile(lang, config);
    const options = flowTableProfile(profile.labels, profile.layout);
    byLang.set(lang, (p = { options, labelsMayBeTall: labelTextsMayBeTooTall(Object.values(options.labels ?? {})) }));
  }
  return p;
}

/** The data prepare() last asked about and its answer: check() of the same document asks again right after. */
let asked: { data: unknown; answer: boolean } | undefined;

/** The one font-free question both prepare and check ask, so they always agree. */
function mayBeTooTall(data: unknown, lang: Lang, config: SopConfig): boolean {
  if (profileOf(config, lang).labelsMayBeTall) return true;
  if (asked === undefined || asked.data !== data || typeof data !== 'object' || data === null) asked = { data, answer: dataMayBeTooTall(data) };
  return asked.answer;
}

export default defineRule({
  id: 'flow-header-too-tall',
  meta: {
    description: { id: 'Kepala kolom tabel alir muat pada satu halaman', en: 'The flow table\'s column headers fit on a page' },
    defaultLevel: 'error',
    docsUrl: 'docs/rules/flow-header-too-tall.md',
    scope: 'file',
    messages: {
      // the very words build and render say (SopHeaderTooTallError)
      tooTall: HEADER_TOO_TALL_MESSAGE,
    },
  },
  prepare(ctx) {
    if (headerCheck || !mayBeTooTall(ctx.data, ctx.lang, ctx.config)) return undefined;
    return (loading ??= import('../../render/flowtable/header-check.js').then((m) => {
      headerCheck = m;
    }));
  },
  check(ctx) {
    if (!mayBeTooTall(ctx.data, ctx.lang, ctx.config)) return;
    const model = ctx.flow();
    if (model.actors.length === 0) return;
    // (the engine reports this as the rule's internal error on the file, never as a pass)
    if (!headerCheck) throw new Error('the flow-table layout was not loaded: prepareDocument() was not awaited');
    const { DEFAULT_MARGINS, flowHeaderProblem } = headerCheck;
    const lang = ctx.lang;
    const paper: Paper = ctx.config.paper === 'F4' ? 'F4' : 'A4';
    // What `sop build` draws (the config's labels and layout, the pack's margins) and what `sop render` draws.
    const problem =
      flowHeaderProblem(model, { paper, lang, margins: flowArea(paper).margins, ...profileOf(ctx.config, lang).options }) ??
      flowHeaderProblem(model, { paper, lang, margins: DEFAULT_MARGINS });
    if (!problem) return;
    ctx.report({ messageId: 'tooTall', data: { header: Math.round(problem.headerMm), page: Math.round(problem.pageMm) }, at: ['pelaksana'], key: true });
  },
});
