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

/**
 * Sorts one account's findings in place by compareFindings. An insertion sort: an account has a handful of
 * findings, and Array.prototype.sort allocates a work array and sort state on every call (~1 kB each time,
 * once per account). Stable, like Array.prototype.sort, so the result is the same.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  if (findings.length > 32) return findings.sort(compareFindings);
  for (let i = 1; i < findings.length; i++) {
    const finding = findings[i];
    let j = i - 1;
    while (j >= 0 && compareFindings(findings[j], finding) > 0) {
      findings[j + 1] = findings[j];
      j--;
    }
    findings[j + 1] = finding;
  }
  return findings;
}

/** Whether `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}
