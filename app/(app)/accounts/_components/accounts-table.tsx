import type { ReactNode } from "react";
import { DataTable, dataTableColumnHelper } from "@/components/data-table";
import { scoreBadgeHtml } from "@/components/score-badge";
import { ageInDays } from "@/lib/dates";
import { html } from "@/lib/html/safe-html";
import type { AccountListRow } from "@/lib/db/accounts/read-accounts";
import type { AccountColumn } from "@/lib/validation/accounts";

export interface AccountsTableLabels {
  caption: string;
  storeName: string;
  sellerId: string;
  client: string;
  region: string;
  plan: string;
  status: string;
  score: string;
  logins: string;
  openFindings: string;
  critical: string;
  high: string;
  passwordAge: string;
  lastLogin: string;
  never: string;
  unknown: string;
  days: string;
  plans: Record<string, string>;
  statuses: Record<string, string>;
}

const helper = dataTableColumnHelper<AccountListRow>();

// Cell renderers return text or SafeHtml: the body is written as one string of markup, rendered once rather
// than into the flight and again as HTML (decision 051). The markup is what React rendered before.
// Figures are tabular by the table's own rule (`.data-table`): a plain count needs no element of its own.
function count(n: number, tone: string) {
  return n > 0 ? html`<span class="font-semibold ${tone}">${n}</span>` : html`<span class="text-slate-500">0</span>`;
}

interface Props {
  rows: AccountListRow[];
  columns: AccountColumn[];
  labels: AccountsTableLabels;
  /** Sortable columns' header content (links built by the server from the URL state). */
  headers: Partial<Record<"storeName" | AccountColumn, ReactNode>>;
  ariaSort: Partial<Record<string, "ascending" | "descending">>;
  density: "comfortable" | "compact";
  empty: ReactNode;
  /** The server's UTC day: ages are whole UTC days from it, so server and browser render alike. */
  today: string;
}

/** The table's columns: the store's name, then the shown ones in the reader's order (the single source of header and body). */
export function accountColumns({ visible, labels, headers, today }: { visible: AccountColumn[]; labels: AccountsTableLabels; headers: Props["headers"]; today: string }) {
  const header = (id: "storeName" | AccountColumn, label: string) => () => headers[id] ?? label;
  const all = {
    sellerId: helper.accessor("sellerId", { header: labels.sellerId, cell: (info) => (info.getValue() ? html`<code class="text-xs">${info.getValue()}</code>` : "—") }),
    client: helper.accessor("clientName", { id: "client", header: labels.client, cell: (info) => info.getValue() ?? "—" }),
    region: helper.accessor("region", { header: labels.region, cell: (info) => `${info.getValue()} (${info.row.original.marketplaces.join(", ")})` }),
    plan: helper.accessor("plan", { header: labels.plan, cell: (info) => labels.plans[info.getValue()] ?? info.getValue() }),
    status: helper.accessor("status", { header: labels.status, cell: (info) => labels.statuses[info.getValue()] ?? info.getValue() }),
    score: helper.accessor("score", { header: header("score", labels.score), meta: { label: labels.score, priority: true }, cell: (info) => scoreBadgeHtml(info.getValue(), "account-score") }),
    critical: helper.accessor("openCritical", { id: "critical", header: header("critical", labels.critical), meta: { label: labels.critical, priority: true }, cell: (info) => count(info.getValue(), "text-red-800") }),
    high: helper.accessor("openHigh", { id: "high", header: header("high", labels.high), meta: { label: labels.high, priority: true }, cell: (info) => count(info.getValue(), "text-orange-800") }),
    openFindings: helper.accessor("openFindings", { header: labels.openFindings, cell: (info) => info.getValue() }),
    passwordAge: helper.accessor("passwordChangedAt", {
      id: "passwordAge",
      header: header("passwordAge", labels.passwordAge),
      meta: { label: labels.passwordAge },
      cell: (info) => {
        const v = info.getValue();
        return v ? html`<span class="whitespace-nowrap" title="${v.slice(0, 10)}">${labels.days.replace("{days}", String(ageInDays(today, v.slice(0, 10))))}</span>` : html`<span class="text-slate-500">${labels.unknown}</span>`;
      },
    }),
    lastLogin: helper.accessor("lastLoginAt", {
      id: "lastLogin",
      header: header("lastLogin", labels.lastLogin),
      meta: { label: labels.lastLogin },
      cell: (info) => {
        const v = info.getValue();
        return v ? html`<time dateTime="${v}">${v.slice(0, 10)}</time>` : html`<span class="text-slate-500">${labels.never}</span>`;
      },
    }),
    logins: helper.accessor("loginCount", { id: "logins", header: labels.logins, cell: (info) => info.getValue() }),
  };
  return helper.columns([
    helper.accessor("storeName", {
      header: header("storeName", labels.storeName),
      // A plain link: a client Link per row is a client reference in the flight and a router component to
      // hydrate, and it prefetches each of the 25 account pages it shows; the account page is rendered on
      // the server either way (decision 033).
      cell: (info) => html`<a href="/accounts/${info.row.original.id}">${info.getValue()}</a>`,
    }),
    ...visible.map((c) => all[c]),
  ]);
}

export function AccountsTable({ rows, columns: visible, labels, headers, ariaSort, density, empty, today }: Props) {
  const columns = accountColumns({ visible, labels, headers, today });
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption={labels.caption}
      emptyMessage={empty}
      getRowId={(r) => r.id}
      ariaSort={ariaSort}
      density={density}
      rowHeaderColumn="storeName"
      bodyAsHtml
    />
  );
}
