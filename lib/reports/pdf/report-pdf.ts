// The client or account report as a PDF, written while the accounts stream in: each account's pages
// are laid out and flushed before the next page of accounts is read.
import { REMEDIATION, ruleTitle, type RuleId } from "@/lib/risk";
import type { ReportAccount, ReportChanges, ReportHead } from "../content";
import { instant, type ReportT } from "../labels";
import { accessKindLabel, levelLabel, severityLabel, summaryTable, changesTable } from "../tables";
import { createPdf, heading, keyValues, lineChart, paragraph, table, type PdfOutput, type PdfWriter } from "./document";


export class ReportPdf {
  private readonly pdf: PdfWriter;
  private readonly rulesSeen = new Set<string>();

  constructor(private readonly head: ReportHead, private readonly t: ReportT) {
    this.pdf = createPdf({
      title: `${t("report.docTitle")} — ${head.title}`,
      author: head.agencyName,
      language: head.locale,
      createdAt: new Date(head.producedAt),
      footer: (page) => `${head.title} · ${t("report.page", { page })}`,
    });
    this.cover();
  }

  private cover(): void {
    const { doc } = this.pdf;
    const { head, t } = this;
    heading(doc, t("report.docTitle"), 1);
    heading(doc, head.title, 2);
    const summary = summaryTable(head, t);
    keyValues(doc, summary.rows.map(([k, v]) => [String(k ?? ""), v === null || v === undefined ? "—" : String(v)] as const));
    heading(doc, t("report.trend"), 2);
    if (head.trend.length === 0) paragraph(doc, t("report.noTrend"), { muted: true });
    else lineChart(doc, head.trend.map((p) => ({ label: p.day, value: p.score })), { caption: `${head.trend[0].day} – ${head.trend.at(-1)!.day}: ${head.trend[0].score} → ${head.trend.at(-1)!.score}` });
  }

  account(account: ReportAccount): void {
    const { doc } = this.pdf;
    const { t } = this;
    if (this.head.kind === "client") heading(doc, `${account.storeName}${account.sellerId ? ` (${account.sellerId})` : ""} — ${t("report.score")} ${account.score}`, 2);
    else heading(doc, `${t("report.score")} ${account.score}`, 2);
    heading(doc, t("report.findings"), 3);
    if (account.findings.length === 0) paragraph(doc, t("report.noFindings"), { muted: true });
    else {
      for (const f of account.findings) this.rulesSeen.add(f.ruleId);
      table(
        doc,
        [{ header: t("report.severity"), width: 0.1 }, { header: t("report.rule"), width: 0.22 }, { header: t("report.subject"), width: 0.2 }, { header: t("report.evidence"), width: 0.48 }],
        account.findings.map((f) => [severityLabel(t, f.severity), f.rule, f.subject, f.evidence]),
      );
    }
    if (account.accepted.length > 0) {
      heading(doc, t("report.accepted"), 3);
      table(
        doc,
        [{ header: t("report.rule"), width: 0.22 }, { header: t("report.subject"), width: 0.18 }, { header: t("report.reason"), width: 0.3 }, { header: t("report.approver"), width: 0.15 }, { header: t("report.expiry"), width: 0.15 }],
        account.accepted.map((a) => [a.rule, a.subject, a.reason, a.approver, a.until ?? "—"]),
      );
    }
    heading(doc, t("report.access"), 3);
    if (account.access.length === 0) paragraph(doc, "—", { muted: true });
    else table(
      doc,
      [{ header: t("report.kind"), width: 0.14 }, { header: t("report.holder"), width: 0.36 }, { header: t("report.level"), width: 0.18 }, { header: t("report.detail"), width: 0.32 }],
      account.access.map((a) => [accessKindLabel(t, a.kind), a.holder, levelLabel(t, a.level), a.detail]),
    );
  }

  async finish(changes: ReportChanges): Promise<PdfOutput> {
    const { doc } = this.pdf;
    const { t } = this;
    const changed = changesTable(changes, t);
    heading(doc, changed.title, 2);
    if (!changes.since) paragraph(doc, t("report.changesFirst"), { muted: true });
    else if (changed.rows.length === 0) paragraph(doc, t("report.noChanges"), { muted: true });
    else table(doc, [{ header: changed.header[0], width: 0.2 }, { header: changed.header[1], width: 0.3 }, { header: changed.header[2], width: 0.5 }], changed.rows.map((r) => r.map((c) => String(c ?? ""))));
    // Remediation once per rule found, rather than repeated under every finding.
    if (this.rulesSeen.size > 0) {
      heading(doc, t("report.remediation"), 2);
      for (const ruleId of [...this.rulesSeen].sort()) {
        heading(doc, ruleTitle(ruleId, this.head.locale), 3);
        paragraph(doc, REMEDIATION[ruleId as RuleId]?.[this.head.locale] ?? "");
      }
    }
    paragraph(doc, `${t("report.producedAt")}: ${instant(this.head.producedAt)} · ${t("report.producedBy")}: ${this.head.producedBy}`, { muted: true, size: 8 });
    return this.pdf.finish();
  }
}
