/** The risk engine's public API: pure functions over a parsed snapshot; the clock is an argument. */
export { RULES, ruleTitle, type RuleMetadata } from "./catalogue";
export { evaluateEachAccount, evaluateSnapshot, resolveSettings, type EvaluateOptions } from "./evaluate";
export { compareFindings, isAtLeast } from "./order";
export { REMEDIATION } from "./remediation";
export { aggregateScore, SCORE_FORMULA, scoreFindings, SEVERITY_PENALTY } from "./score";
export { SENSITIVE_TOOLS, TOOL_CATALOGUE, TOOL_IDS, type ToolDefinition, type ToolId } from "./tools";
export { RULE_IDS, SEVERITIES } from "./types";
export type {
  AccountResult,
  EvaluationResult,
  EvidenceData,
  Finding,
  LocalizedText,
  RuleId,
  Severity,
  SubjectType,
} from "./types";
export type { RiskSettings } from "../validation/snapshot";
