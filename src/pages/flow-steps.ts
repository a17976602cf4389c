// The flow table's text alternative as content: the steps as an ordered list (who does what, where each branch goes).
//
// The flow table is a drawing (SVG); screen readers and narrow screens get the same procedure as
// a list: step number, kegiatan, the actors, and for a decision where each answer leads.
import type { FlowModel, ResolvedTarget } from '../model/flow-types.js';

export interface FlowStepBranch {
  /** The branch word (Ya, Tidak, or the SOP's own); empty when the decision is unlabelled. */
  label: string;
  /** Where it leads: `langkah 5`, or the end. */
  to: string;
}

export interface FlowStep {
  /** The number printed in column No. */
  no: string;
  kegiatan: string;
  /** Titles of the actors whose column holds the step's symbol. */
  pelaksana: string[];
  branches: FlowStepBranch[];
  /** Set when the flow does not simply continue with the next step (a jump, or the end). */
  next?: string;
}

export interface FlowStepWords {
  step: (no: string) => string;
  end: string;
}

export const FLOW_STEP_WORDS: Record<'id' | 'en', FlowStepWords> = {
  id: { step: (no) => `langkah ${no}`, end: 'selesai' },
  en: { step: (no) => `step ${no}`, end: 'end' },
};

function rowNo(model: FlowModel, index: number): string {
  const row = model.rows[index] as (typeof model.rows)[number] & { display?: string; no?: string };
  return String(row?.display ?? row?.no ?? row?.number ?? index + 1);
}

function targetText(model: FlowModel, t: ResolvedTarget | undefined, words: FlowStepWords): string | undefined {
  if (!t) return undefined;
  if (t.kind === 'end') return words.end;
  if (t.kind === 'row') return words.step(rowNo(model, t.index));
  return undefined;
}

/** Every row of the model as a step, in table order. */
export function flowSteps(model: FlowModel, lang: 'id' | 'en'): FlowStep[] {
  const words = FLOW_STEP_WORDS[lang];
  const titles = new Map(model.actors.map((a) => [a.id, a.title]));
  return model.rows.map((row, i) => {
    const r = row as typeof row & { actorIds?: string[] };
    const ids = r.actorIds ?? [row.actorId];
    const pelaksana = ids.map((id) => titles.get(id) ?? id).filter((t) => t !== '');
    const branches: FlowStepBranch[] = [];
    let next: string | undefined;
    if (row.decision) {
      const [yes, no] = row.decision.labels;
      const unlabelled = (row.decision as { unlabelled?: boolean }).unlabelled === true;
      const y = targetText(model, row.decision.yes, words);
      const n = targetText(model, row.decision.no, words);
      if (y) branches.push({ label: unlabelled ? '' : yes, to: y });
      if (n) branches.push({ label: unlabelled ? '' : no, to: n });
    } else {
      const nextTarget = row.next;
      const plain = nextTarget?.kind === 'row' && nextTarget.index === i + 1;
      if (!plain) next = targetText(model, nextTarget, words);
    }
    return { no: rowNo(model, i), kegiatan: row.kegiatan, pelaksana, branches, next };
  });
}
