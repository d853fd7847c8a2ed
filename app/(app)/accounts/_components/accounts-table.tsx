"use client";
import Link from "next/link";
import { DataTable, dataTableColumnHelper } from "@/components/data-table";
import { ScoreBadge } from "@/components/score-badge";
import type { AccountListRow } from "@/lib/db/accounts";

export interface AccountsTableLabels {
  caption: string;
  empty: string;
  storeName: string;
  sellerId: string;
  client: string;
  region: string;
  plan: string;
  status: string;
  score: string;
  logins: string;
  openFindings: string;
  plans: Record<string, string>;
  statuses: Record<string, string>;
}

const helper = dataTableColumnHelper<AccountListRow>();

export function AccountsTable({ rows, labels, sortHeaders }: { rows: AccountListRow[]; labels: AccountsTableLabels; sortHeaders: { storeName: React.ReactNode; score: React.ReactNode } }) {
  const columns = helper.columns([
    helper.accessor("storeName", {
      header: () => sortHeaders.storeName,
      cell: (info) => <Link href={`/accounts/${info.row.original.id}`} className="font-medium">{info.getValue()}</Link>,
    }),
    helper.accessor("sellerId", { header: labels.sellerId, cell: (info) => <code className="text-xs">{info.getValue()}</code> }),
    helper.accessor("clientName", { header: labels.client, cell: (info) => info.getValue() ?? "—" }),
    helper.accessor("region", { header: labels.region, cell: (info) => `${info.getValue()} (${info.row.original.marketplaces.join(", ")})` }),
    helper.accessor("plan", { header: labels.plan, cell: (info) => labels.plans[info.getValue()] ?? info.getValue() }),
    helper.accessor("status", { header: labels.status, cell: (info) => labels.statuses[info.getValue()] ?? info.getValue() }),
    helper.accessor("score", { header: () => sortHeaders.score, cell: (info) => <ScoreBadge score={info.getValue()} /> }),
    helper.accessor("openFindings", { header: labels.openFindings }),
    helper.accessor("loginCount", { header: labels.logins }),
  ]);
  return <DataTable columns={columns} data={rows} caption={labels.caption} emptyMessage={labels.empty} getRowId={(r) => r.id} />;
}
