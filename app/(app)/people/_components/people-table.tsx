import type { ReactNode } from "react";
import { DataTable, dataTableColumnHelper } from "@/components/data-table";
import { html } from "@/lib/html/safe-html";
import type { PersonListRow } from "@/lib/db/people/read-people";

export interface PeopleTableLabels {
  caption: string;
  empty: string;
  company: string;
  accounts: string;
  activeLogins: string;
  devices: string;
  openFindings: string;
  external: string;
  departed: string;
  /** The access column's name as plain text (its header is the sort link). */
  adminLogins: string;
}

const helper = dataTableColumnHelper<PersonListRow>();

interface Props {
  rows: PersonListRow[];
  labels: PeopleTableLabels;
  sortHeaders: { name: ReactNode; access: ReactNode };
  /** The server's sort, by column id ("name" or "adminLogins", the access order's first key). */
  ariaSort: Partial<Record<string, "ascending" | "descending">>;
}

export function PeopleTable({ rows, labels, sortHeaders, ariaSort }: Props) {
  const columns = helper.columns([
    helper.accessor("name", {
      header: () => sortHeaders.name,
      cell: (info) => {
        const p = info.row.original;
        // The body is one string of markup (DataTable's bodyAsHtml, decision 051). A plain link, as on the
        // accounts table: no client Link (and its prefetch) per row.
        return html`<span data-testid="person-row" data-person="${p.name}"><a href="/people/${p.id}">${info.getValue()}</a>${
          p.external ? html`<span class="ml-1 rounded bg-violet-100 px-1 text-xs text-violet-900">${labels.external}</span>` : null
        }${p.departedAt ? html`<span class="ml-1 rounded bg-red-100 px-1 text-xs text-red-900">${labels.departed}</span>` : null}${
          p.email ? html`<span class="block text-xs text-slate-500">${p.email}</span>` : null
        }</span>`;
      },
    }),
    helper.accessor("company", { header: labels.company, cell: (info) => info.getValue() ?? "—" }),
    helper.accessor("adminLogins", {
      header: () => sortHeaders.access,
      meta: { label: labels.adminLogins },
      cell: (info) => (info.getValue() > 0 ? html`<span class="font-semibold text-red-800">${info.getValue()}</span>` : 0),
    }),
    helper.accessor("activeLogins", { header: labels.activeLogins, cell: (info) => info.getValue() }),
    helper.accessor("accounts", { header: labels.accounts, cell: (info) => info.getValue() }),
    helper.accessor("devices", { header: labels.devices, cell: (info) => info.getValue() }),
    helper.accessor("openFindings", { header: labels.openFindings, cell: (info) => info.getValue() }),
  ]);
  return <DataTable columns={columns} data={rows} caption={labels.caption} emptyMessage={labels.empty} getRowId={(r) => r.id} ariaSort={ariaSort} rowHeaderColumn="name" bodyAsHtml />;
}
