import type { TriageCause, TriageReason, TriageStep } from "@/lib/triage/types";
import type { TriageOutcome } from "@/lib/triage/outcome";
import type { MessageKey } from "./messages";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A checklist step in the reader's words: what the triage page shows. */
export interface TriageStepText {
  id: TriageCause;
  title: string;
  check: string;
  todo: string;
  likelihood: TriageStep["likelihood"];
  likelihoodLabel: string;
  reasons: string[];
  url: string | null;
}

export const causeTitle = (t: T, cause: TriageCause) => t(`triage.step.${cause}.title` as MessageKey);
export const outcomeLabel = (t: T, outcome: TriageOutcome) => t(`triage.outcome.${outcome}` as MessageKey);
export const reasonText = (t: T, reason: TriageReason) => t(`triage.reason.${reason.id}` as MessageKey, reason.params);

export function triageStepText(t: T, step: TriageStep): TriageStepText {
  return {
    id: step.id,
    title: causeTitle(t, step.id),
    check: t(`triage.step.${step.id}.check` as MessageKey),
    todo: t(`triage.step.${step.id}.do` as MessageKey),
    likelihood: step.likelihood,
    likelihoodLabel: t(`triage.likelihood.${step.likelihood}` as MessageKey),
    reasons: step.reasons.map((r) => reasonText(t, r)),
    url: typeof step.params.url === "string" ? step.params.url : null,
  };
}
