// What a client or account report says, as plain data: the data layer (lib/db/reports/) fills it, the
// CSV, XLSX and PDF writers here lay it out. Accounts arrive one page at a time (an async iterable), so
// a client with hundreds of accounts never sits in memory as one object graph.
import type { Locale } from "@/lib/i18n/locales";

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type ReportSeverity = (typeof SEVERITIES)[number];
export const REPORT_FORMATS = ["PDF", "XLSX", "CSV"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportHead {
  kind: "client" | "account";
  /** The client's name, or the account's store name. */
  title: string;
  clientName: string | null;
  agencyName: string;
  /** ISO instant. */
  producedAt: string;
  producedBy: string;
  locale: Locale;
  score: number | null;
  accounts: number;
  openBySeverity: Record<ReportSeverity, number>;
  accepted: number;
  /** Mean daily score of the accounts over the last 90 days, oldest first. */
  trend: { day: string; score: number }[];
}

export interface ReportFinding {
  ruleId: string;
  /** The rule's title in the report's language. */
  rule: string;
  severity: ReportSeverity;
  subject: string;
  evidence: string;
  remediation: string;
  firstSeen: string;
}

export interface ReportAcceptance {
  ruleId: string;
  rule: string;
  severity: ReportSeverity;
  subject: string;
  reason: string;
  approver: string;
  until: string | null;
}

export interface ReportAccess {
  kind: "login" | "partner" | "app" | "ADS" | "BRAND_REGISTRY";
  holder: string;
  /** A login's highest permission level (ADMIN, VIEW_EDIT …) or a console role, as data. */
  level: string;
  detail: string;
}

export interface ReportAccount {
  id: string;
  storeName: string;
  sellerId: string | null;
  score: number;
  /** Open findings, most severe first. */
  findings: ReportFinding[];
  accepted: ReportAcceptance[];
  access: ReportAccess[];
}

/** What the next report compares against: language-neutral keys, kept with each report. */
export interface ReportSummary {
  producedAt: string;
  score: number | null;
  findings: Record<string, { account: string; ruleId: string; subject: string }>;
  access: Record<string, { account: string; kind: ReportAccess["kind"]; holder: string }>;
}

export type ChangeKind = "findingNew" | "findingResolved" | "accessAdded" | "accessRemoved";

export interface ReportChanges {
  /** null: the first report for this client (or account). */
  since: string | null;
  score: { before: number | null; now: number | null } | null;
  items: { kind: ChangeKind; account: string; item: string }[];
}

export function emptySummary(producedAt: string, score: number | null): ReportSummary {
  return { producedAt, score, findings: {}, access: {} };
}

/** Adds one account's findings and access to the summary (the account's data can then be let go). */
export function summariseAccount(summary: ReportSummary, account: ReportAccount): void {
  for (const f of account.findings) summary.findings[`${account.id}|${f.ruleId}|${f.subject}`] = { account: account.storeName, ruleId: f.ruleId, subject: f.subject };
  for (const a of account.access) summary.access[`${account.id}|${a.kind}|${a.holder}`] = { account: account.storeName, kind: a.kind, holder: a.holder };
}

/** What changed between the previous report's summary and this one's; `ruleTitle` names a rule in the report's language. */
export function diffSummaries(previous: ReportSummary | null, current: ReportSummary, ruleTitle: (ruleId: string) => string, kindLabel: (kind: ReportAccess["kind"]) => string): ReportChanges {
  if (!previous) return { since: null, score: null, items: [] };
  const items: ReportChanges["items"] = [];
  const finding = (f: ReportSummary["findings"][string]) => `${ruleTitle(f.ruleId)} — ${f.subject}`;
  const access = (a: ReportSummary["access"][string]) => `${kindLabel(a.kind)}: ${a.holder}`;
  for (const [key, f] of Object.entries(current.findings)) if (!(key in previous.findings)) items.push({ kind: "findingNew", account: f.account, item: finding(f) });
  for (const [key, f] of Object.entries(previous.findings)) if (!(key in current.findings)) items.push({ kind: "findingResolved", account: f.account, item: finding(f) });
  for (const [key, a] of Object.entries(current.access)) if (!(key in previous.access)) items.push({ kind: "accessAdded", account: a.account, item: access(a) });
  for (const [key, a] of Object.entries(previous.access)) if (!(key in current.access)) items.push({ kind: "accessRemoved", account: a.account, item: access(a) });
  return { since: previous.producedAt, score: { before: previous.score, now: current.score }, items };
}

const RANK: Record<ReportSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
export const bySeverity = <T extends { severity: ReportSeverity }>(a: T, b: T) => RANK[a.severity] - RANK[b.severity];
