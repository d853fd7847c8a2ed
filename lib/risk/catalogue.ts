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
