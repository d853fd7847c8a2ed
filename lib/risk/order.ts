import type { Finding, Severity } from "./types";

const RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

function compareText(a: string, b: string): number {
  // Code-unit order, not localeCompare: the order must not depend on the machine's locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Severity (highest first), then rule id, then subject id; evidence breaks any remaining tie. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    compareText(a.rule, b.rule) ||
    compareText(a.subject.id, b.subject.id) ||
    compareText(a.subject.type, b.subject.type) ||
    compareText(a.evidence, b.evidence)
  );
}

/** Whether `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}
