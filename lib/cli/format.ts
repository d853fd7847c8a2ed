import type { EvaluationResult, Finding, Severity } from "../risk";
import { aggregateScore, SCORE_FORMULA, SEVERITIES } from "../risk";
import type { Snapshot } from "../validation/snapshot";

/** The documented `--json` shape: findings carry exactly these keys, nothing engine-internal. */
export function toAuditJson(result: EvaluationResult): string {
  const output = {
    asOf: result.asOf,
    accounts: result.accounts.map((account) => ({
      id: account.id,
      score: account.score,
      findings: account.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        subject: { type: f.subject.type, id: f.subject.id },
        evidence: f.evidence,
        remediation: { ja: f.remediation.ja, en: f.remediation.en },
      })),
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function countBySeverity(findings: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return SEVERITIES.filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(", ");
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  // The last column (evidence) is not padded, so lines carry no trailing spaces.
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join("  "));
}

/** Human-readable report: one block per account, findings in the engine's order. */
export function toAuditTable(result: EvaluationResult, snapshot: Snapshot): string {
  const names = new Map(snapshot.accounts.map((a) => [a.id, `${a.storeName} (${a.region})`]));
  const portfolio = aggregateScore(result.accounts.map((a) => a.score));
  const lines = [
    `Gatehouse audit as of ${result.asOf}: ${result.accounts.length} account(s), portfolio score ${portfolio ?? "n/a"}`,
    SCORE_FORMULA.en,
  ];
  for (const account of result.accounts) {
    lines.push("", `${account.id}  ${names.get(account.id) ?? ""}  score ${account.score}  ${account.findings.length === 0 ? "no findings" : countBySeverity(account.findings)}`);
    if (account.findings.length === 0) continue;
    const rows = [["SEVERITY", "RULE", "SUBJECT", "EVIDENCE"]];
    for (const f of account.findings) rows.push([f.severity, f.rule, `${f.subject.type} ${f.subject.id}`, f.evidence]);
    for (const line of table(rows)) lines.push(`  ${line}`);
  }
  return `${lines.join("\n")}\n`;
}
