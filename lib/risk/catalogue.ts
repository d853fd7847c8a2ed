import { RULE_TEXTS } from "./rule-texts";
import { ALL_RULES } from "./rules";
import type { LocalizedText, RuleId, Severity } from "./types";

export interface RuleMetadata {
  id: RuleId;
  scope: "account" | "organisation";
  /** Every severity the rule can give, highest first. */
  severities: readonly Severity[];
  severityLabel: LocalizedText;
  title: LocalizedText;
  description: LocalizedText;
}

/** The two graded rules; every other rule has one fixed severity. */
const GRADED: Partial<Record<RuleId, readonly Severity[]>> = {
  STALE_PASSWORD: ["high", "medium"],
  APP_AUTH_EXPIRING: ["medium", "low"],
};

export const RULES: readonly RuleMetadata[] = ALL_RULES.map((rule) => ({
  id: rule.id,
  scope: rule.scope,
  severities: typeof rule.severity === "string" ? [rule.severity] : (GRADED[rule.id] ?? []),
  ...RULE_TEXTS[rule.id],
}));

const TITLES = new Map<string, LocalizedText>(RULES.map((r) => [r.id, r.title]));

/** A rule's title in the reader's language; a rule id no longer in the catalogue (an old finding, a report) as itself. */
export function ruleTitle(ruleId: string, locale: keyof LocalizedText): string {
  return TITLES.get(ruleId)?.[locale] ?? ruleId;
}
