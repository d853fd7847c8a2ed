// One entry for the three formats: the head, then accounts as they stream in, then what changed since
// the previous report. Returns the file, its SHA-256 and the summary the next report compares against.
import { createHash } from "node:crypto";
import { ruleTitle } from "@/lib/risk";
import { diffSummaries, emptySummary, summariseAccount, type ReportAccount, type ReportFormat, type ReportHead, type ReportSummary } from "./content";
import { reportCsv } from "./csv";
import { reportT } from "./labels";
import { ReportPdf } from "./pdf/report-pdf";
import { accessKindLabel, AccountTables, changesTable, summaryTable, trendTable } from "./tables";
import { reportXlsx } from "./xlsx";

export interface RenderedReport {
  bytes: Buffer;
  sha256: string;
  summary: ReportSummary;
  contentType: string;
  extension: string;
}

export const CONTENT_TYPES: Record<ReportFormat, { type: string; extension: string }> = {
  PDF: { type: "application/pdf", extension: "pdf" },
  XLSX: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  CSV: { type: "text/csv; charset=utf-8", extension: "csv" },
};


export async function renderReport(format: ReportFormat, head: ReportHead, accounts: AsyncIterable<ReportAccount[]>, previous: ReportSummary | null): Promise<RenderedReport> {
  const t = reportT(head.locale);
  const summary = emptySummary(head.producedAt, head.score);
  const changesOf = () => diffSummaries(previous, summary, (id) => ruleTitle(id, head.locale), (kind) => accessKindLabel(t, kind));
  const { type, extension } = CONTENT_TYPES[format];
  if (format === "PDF") {
    const pdf = new ReportPdf(head, t);
    for await (const page of accounts) {
      for (const account of page) {
        pdf.account(account);
        summariseAccount(summary, account);
      }
    }
    const out = await pdf.finish(changesOf());
    return { ...out, summary, contentType: type, extension };
  }
  const tables = new AccountTables(t);
  for await (const page of accounts) {
    for (const account of page) {
      tables.add(account);
      summariseAccount(summary, account);
    }
  }
  const all = [summaryTable(head, t), trendTable(head, t), ...tables.tables(), changesTable(changesOf(), t)];
  const bytes = format === "CSV" ? Buffer.from(reportCsv(all), "utf8") : await reportXlsx(all, { title: head.title, producedAt: new Date(head.producedAt) });
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex"), summary, contentType: type, extension };
}
