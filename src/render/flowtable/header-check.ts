// Whether the flow table's column headers leave room on a page: asked by `sop lint` (rule
// flow-header-too-tall) so that lint refuses exactly what `sop build` and `sop render` refuse.
//
// The exact answer needs the layout, and the layout needs font metrics (arimo-metrics.ts). Lint measures no
// text for ordinary SOPs: header-bound.ts is the font-free test of the input (it loads neither this
// module nor the layout), and only when it says "may be" does lint load this module and run the
// layout's own choice (`flowHeaderProblem`). The limits are checked by
// test/render/flowtable/header-check.test.ts, which lays out the widest glyphs at every limit at once
// and fails if such a header ever stops fitting (so a layout change that breaks the promise fails a
// test instead of letting lint and build disagree).
import { PAPER_LANDSCAPE, type Paper } from '../../core/paper.js';
import type { FlowModel } from '../../model/flow-types.js';
import { branchLabelLimit, emBound, HEADER_SAFE_LIMITS, labelTextsMayBeTooTall, tooWide } from './header-bound.js';
import { branchLabel, chooseLayout, LABELS, PT_PER_MM, SopHeaderTooTallError, type HeaderLabels, type Lang, type LayoutOptions, type Margins } from './layout.js';

/** The margins `sop render` draws with when it is given none (the build passes `flowArea`'s). */
export const DEFAULT_MARGINS: Margins = { top: 15, right: 12, bottom: 15, left: 12 };

/** The edges the table draws: those between rows whose actor has a column (the others are lint's errors). */
export function drawableFlow(model: FlowModel): FlowModel {
  const drawable = (r: number) => model.actors.length > 0 && r >= 0 && r < model.rows.length && model.rows[r].column >= 0 && model.rows[r].column < model.actors.length;
  const edges = model.edges.filter((e) => drawable(e.from) && (e.to === 'end' || drawable(e.to)));
  return { ...model, edges };
}

/** Font-free: false only when every header text is inside HEADER_SAFE_LIMITS, so the header surely fits. */
export function headerMayBeTooTall(model: FlowModel, lang: Lang, labels?: Partial<HeaderLabels>): boolean {
  return labelsMayBeTooTall(lang, labels) || modelMayBeTooTall(model, lang);
}

/** The part of headerMayBeTooTall that depends on the labels only (the same for every SOP of one config). */
export function labelsMayBeTooTall(lang: Lang, labels?: Partial<HeaderLabels>): boolean {
  return labelTextsMayBeTooTall(Object.values({ ...LABELS[lang], ...labels }));
}

/** The part of headerMayBeTooTall that depends on the SOP: actor count and titles, labels of branches to the end. */
export function modelMayBeTooTall(model: FlowModel, lang: Lang): boolean {
  const L = HEADER_SAFE_LIMITS;
  if (model.actors.length > L.actors) return true;
  for (const a of model.actors) if (tooWide(a.title, L.titleChars, L.titleWord)) return true;
  // Only the label of a branch that ends widens the actor columns (the others find a spot along their arrow).
  const branchLimit = branchLabelLimit(model.actors.length);
  for (const e of model.edges) {
    const text = e.kind === 'next' || e.to !== 'end' ? undefined : branchLabel(e, lang);
    if (text !== undefined && emBound(text) > branchLimit) return true;
  }
  for (const l of model.links ?? []) {
    const text = l.inChain && l.kind !== 'next' && l.to === 'end' ? branchLabel(l, lang) : undefined;
    if (text !== undefined && emBound(text) > branchLimit) return true;
  }
  return false;
}

export interface HeaderCheckOptions extends LayoutOptions {
  paper?: Paper;
  margins?: Margins;
  lang?: Lang;
}

/** The printable area of a flow table in mm: the landscape paper less its margins; page 1 may hold less. */
export function tableArea(o: { paper?: Paper; margins?: Margins; firstPageAvailableHeight?: number }): { widthMm: number; heightMm: number; firstMm: number } {
  const { width, height } = PAPER_LANDSCAPE[o.paper ?? 'A4'];
  const m = o.margins ?? DEFAULT_MARGINS;
  const heightMm = height - m.top - m.bottom;
  return { widthMm: width - m.left - m.right, heightMm, firstMm: Math.min(heightMm, o.firstPageAvailableHeight ?? heightMm) };
}

/**
 * The layout of the drawable flow as renderFlowTable's attempts choose it (the one place that maps
 * the options onto chooseLayout, so lint's header check asks exactly what the render asks).
 */
export function chooseTableLayout(model: FlowModel, o: HeaderCheckOptions & { fontSize?: number }, area: { widthMm: number; heightMm: number; firstMm: number }, extraLanes: number): ReturnType<typeof chooseLayout> & { flow: FlowModel } {
  const flow = drawableFlow(model);
  const { widthMm, heightMm, firstMm } = area;
  const chosen = chooseLayout(flow, widthMm * PT_PER_MM, { first: firstMm * PT_PER_MM, other: heightMm * PT_PER_MM }, o.lang ?? 'id', extraLanes, o.fontSize, {
    labels: o.labels,
    listStyle: o.listStyle,
    columnNumbers: o.columnNumbers,
    totalRow: o.totalRow,
  });
  return { ...chosen, flow };
}

/** The header's height and the page's (mm) when no layout leaves room under the header; undefined when one does. */
export function flowHeaderProblem(model: FlowModel, options: HeaderCheckOptions = {}): { headerMm: number; pageMm: number } | undefined {
  try {
    // renderFlowTable's first attempt (its retries never fail on the header); page 1's room only
    // changes the page breaks, not whether a header leaves room
    chooseTableLayout(model, options, tableArea(options), 0);
    return undefined;
  } catch (err) {
    if (!(err instanceof SopHeaderTooTallError)) throw err;
    return { headerMm: err.headerPt / PT_PER_MM, pageMm: err.pagePt / PT_PER_MM };
  }
}

export { emBound, HEADER_SAFE_LIMITS, WIDE_GLYPH_EM } from './header-bound.js';
