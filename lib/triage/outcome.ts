import { TRIAGE_CAUSES, type TriageCause } from "./types";

/** How a walk through the checklist ends. */
export const TRIAGE_OUTCOMES = ["RESOLVED", "ESCALATED", "LOCKED_OUT"] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

/** A step's answer: "this was it" or "not this"; a step left unanswered is not recorded. */
export const TRIAGE_ANSWERS = ["this", "not"] as const;
export type TriageAnswer = (typeof TRIAGE_ANSWERS)[number];

export const answerField = (cause: TriageCause) => `answer.${cause}`;

/** The answers given, in checklist order, from form fields named answer.<cause>. */
export function answersOf(fields: Record<string, unknown>): { step: TriageCause; answer: TriageAnswer }[] {
  return TRIAGE_CAUSES.flatMap((step) => {
    const value = fields[answerField(step)];
    return value === "this" || value === "not" ? [{ step, answer: value }] : [];
  });
}

/**
 * The cause an outcome records: the one chosen, else the single step answered "this was it". A resolved
 * walk needs one; the others may name the cause suspected.
 */
export function causeOf(chosen: TriageCause | null, answers: { step: TriageCause; answer: TriageAnswer }[]): TriageCause | null {
  if (chosen) return chosen;
  const hits = answers.filter((a) => a.answer === "this");
  return hits.length === 1 ? hits[0].step : null;
}
