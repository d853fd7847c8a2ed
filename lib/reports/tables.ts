// The report as tables (one per section): the CSV writes them one after another, the XLSX one sheet
// each, so the two always carry the same cells (tested in spreadsheet.test.ts).
import type { CsvValue } from "@/lib/csv";
import { bySeverity, type ReportAccount, type ReportChanges, type ReportHead, type ReportSeverity } from "./content";
import { instant, labelOr, type ReportT } from "./labels";

export interface ReportTable {
  /** Sheet name (ASCII, stable across languages). */
  key: "summary" | "trend" | "findings" | "accepted" | "access" | "changes";
  title: string;
  header: string[];
  rows: CsvValue[][];
}

export const severityLabel = (t: ReportT, s: ReportSeverity) => t(`report.severity.${s}`);
export const accessKindLabel = (t: ReportT, kind: string) => labelOr(t, `report.kind.${kind}`, kind);
export const levelLabel = (t: ReportT, level: string) => labelOr(t, `report.level.${level}`, level);

export function summaryTable(head: ReportHead, t: ReportT): ReportTable {
  const rows: CsvValue[][] = [
    [t(head.kind === "client" ? "report.client" : "report.account"), head.title],
    ...(head.kind === "account" && head.clientName ? [[t("report.client"), head.clientName]] : []),
    [t("report.agency"), head.agencyName],
    [t("report.producedAt"), instant(head.producedAt)],
    [t("report.producedBy"), head.producedBy],
    [t("report.scoreNow"), head.score],
    [t("report.accounts"), head.accounts],
    ...(["critical", "high", "medium", "low"] as const).map((s) => [`${t("report.openFindings")}: ${severityLabel(t, s)}`, head.openBySeverity[s]]),
    [t("report.acceptedRisks"), head.accepted],
  ];
  return { key: "summary", title: t("report.summary"), header: [t("report.item"), t("report.detail")], rows };
}

export const trendTable = (head: ReportHead, t: ReportT): ReportTable => ({
  key: "trend",
  title: t("report.trend"),
  header: [t("report.day"), t("report.score")],
  rows: head.trend.map((p) => [p.day, p.score]),
});

/** Collects the per-account tables as accounts stream past; only the rows are kept, not the accounts. */
export class AccountTables {
  private findings: { severity: ReportSeverity; row: CsvValue[] }[] = [];
  private accepted: CsvValue[][] = [];
  private access: CsvValue[][] = [];
  constructor(private readonly t: ReportT) {}

  add(account: ReportAccount): void {
    const t = this.t;
    for (const f of account.findings) {
      this.findings.push({ severity: f.severity, row: [account.storeName, account.sellerId, severityLabel(t, f.severity), f.rule, f.subject, f.evidence, f.remediation, f.firstSeen] });
    }
    for (const a of account.accepted) this.accepted.push([account.storeName, account.sellerId, severityLabel(t, a.severity), a.rule, a.subject, a.reason, a.approver, a.until]);
    for (const a of account.access) this.access.push([account.storeName, account.sellerId, accessKindLabel(t, a.kind), a.holder, levelLabel(t, a.level), a.detail]);
  }

  tables(): ReportTable[] {
    const t = this.t;
    const account = [t("report.account"), t("report.sellerId")];
    return [
      // Most severe first across the client; accounts keep their order within a severity (a stable sort).
      { key: "findings", title: t("report.findings"), header: [...account, t("report.severity"), t("report.rule"), t("report.subject"), t("report.evidence"), t("report.remediation"), t("report.firstSeen")], rows: [...this.findings].sort(bySeverity).map((f) => f.row) },
      { key: "accepted", title: t("report.accepted"), header: [...account, t("report.severity"), t("report.rule"), t("report.subject"), t("report.reason"), t("report.approver"), t("report.expiry")], rows: this.accepted },
      { key: "access", title: t("report.access"), header: [...account, t("report.kind"), t("report.holder"), t("report.level"), t("report.detail")], rows: this.access },
    ];
  }
}

export function changesTable(changes: ReportChanges, t: ReportT): ReportTable {
  const rows: CsvValue[][] = [];
  if (changes.score) rows.push([t("report.change.scoreChanged"), t("report.item.client"), `${changes.score.before ?? "—"} → ${changes.score.now ?? "—"}`]);
  for (const c of changes.items) rows.push([t(`report.change.${c.kind}`), c.account, c.item]);
  const title = changes.since ? t("report.changesSince", { date: instant(changes.since) }) : t("report.changes");
  return { key: "changes", title, header: [t("report.change"), t("report.account"), t("report.item")], rows };
}
