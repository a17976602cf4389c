// Paper: the one table of paper sizes and page margins that the flow table, the pages and the printer all read.

export type Paper = 'A4' | 'F4';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PaperSize {
  /** mm */
  width: number;
  height: number;
}

/** Paper in mm, landscape (SOP pages: identity and flow table share one page template). */
export const PAPER_LANDSCAPE: Record<Paper, PaperSize> = {
  A4: { width: 297, height: 210 },
  F4: { width: 330, height: 215 },
};

export const PAPERS = Object.keys(PAPER_LANDSCAPE) as Paper[];

/** SOP pages: a wider left margin for binding; the bottom margin holds the footer. */
export const SOP_MARGINS: Margins = { top: 12, right: 12, bottom: 14, left: 15 };

/** Front matter of the pack (cover, decree, contents, usage notes) is a portrait letter-style document. */
export const PORTRAIT_MARGINS: Margins = { top: 20, right: 20, bottom: 20, left: 25 };

export function portrait(paper: Paper): PaperSize {
  const l = PAPER_LANDSCAPE[paper];
  return { width: l.height, height: l.width };
}

/** The flow table renderer draws into the printable area; 1 mm is kept free so rounding never spills a page. */
export function flowArea(paper: Paper): { margins: Margins; width: number; height: number } {
  const p = PAPER_LANDSCAPE[paper];
  const margins = { ...SOP_MARGINS, bottom: SOP_MARGINS.bottom + 1 };
  return { margins, width: p.width - margins.left - margins.right, height: p.height - margins.top - margins.bottom };
}
