import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { constructTable, type ColumnDef, type RowData } from "@tanstack/table-core";
import { cell_getContext, row_getAllCells } from "@tanstack/table-core/static-functions";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { accountColumns, type AccountsTableLabels } from "@/app/(app)/accounts/_components/accounts-table";
import type { AccountListRow } from "@/lib/db/accounts/read-accounts";
import { html, type HtmlValue } from "@/lib/html/safe-html";
import { ACCOUNT_COLUMNS, DEFAULT_ACCOUNT_COLUMNS, type AccountColumn } from "@/lib/validation/accounts";
import { DataTable, dataTableColumnHelper, dataTableFeatures, type DataTableFeatures } from "./data-table";

// DataTable writes a markup body by walking the leaf columns itself (decision 097). It must be, byte for byte, the
// body table-core's rows and cells gave (decision 051's markup): the same columns in the same order, the same
// values, the same row headers.

/** The body as it was written through table-core's row model, row_getAllCells and cell_getContext. */
function bodyThroughTableCore<Row extends RowData>(columns: ColumnDef<DataTableFeatures, Row, any>[], data: Row[], getRowId: (row: Row) => string, rowHeaderColumn?: string): string {
  // Built apart from the call, as DataTable does, so the type-only columnMeta slot is not checked as an excess property.
  const features = { coreReactivityFeature: storeReactivityBindings(), ...dataTableFeatures };
  const table = constructTable({ features, columns, data, getRowId: (row) => getRowId(row) });
  let markup = "";
  for (const row of table.getRowModel().rows) {
    const cells = row_getAllCells(row).map((cell) => {
      const template = cell.column.columnDef.cell;
      const value = (typeof template === "function" ? template(cell_getContext(cell) as ReturnType<typeof cell.getContext>) : template) as HtmlValue;
      return cell.column.id === rowHeaderColumn ? html`<th scope="row">${value}</th>` : html`<td>${value}</td>`;
    });
    markup += html`<tr>${cells}</tr>`.markup;
  }
  return markup;
}

function renderedBody<Row extends RowData>(columns: ColumnDef<DataTableFeatures, Row, any>[], data: Row[], getRowId: (row: Row) => string, rowHeaderColumn?: string): string {
  const markup = renderToStaticMarkup(createElement(DataTable<Row>, { columns, data, getRowId, rowHeaderColumn, caption: "c", emptyMessage: "none", bodyAsHtml: true }));
  return /<tbody>(.*)<\/tbody>/s.exec(markup)![1]!;
}

const LABELS: AccountsTableLabels = {
  caption: "Accounts", storeName: "Store", sellerId: "Seller ID", client: "Client", region: "Region", plan: "Plan", status: "Status", score: "Score",
  logins: "Logins", openFindings: "Open findings", critical: "Critical", high: "High", passwordAge: "Password age", lastLogin: "Last login",
  never: "never", unknown: "unknown", days: "{days} days", plans: { PROFESSIONAL: "Professional", INDIVIDUAL: "Individual" },
  statuses: { ACTIVE: "Active", SUSPENDED: "Suspended", DEACTIVATED: "Deactivated" },
};

const account = (n: number, over: Partial<AccountListRow> = {}): AccountListRow => ({
  id: `acc-${n}`, storeName: `Store ${n}`, sellerId: `A${n}XYZ`, region: "NA", marketplaces: ["US", "CA"], plan: "PROFESSIONAL", status: "ACTIVE",
  clientId: "c1", clientName: "Client 1", score: 95 - n * 9, loginCount: n, openFindings: n * 2, openCritical: n % 3, openHigh: n % 2,
  passwordChangedAt: "2026-10-01T08:30:00.000Z", lastLoginAt: "2026-12-01T23:59:59.000Z", ...over,
});

const ROWS: AccountListRow[] = [
  account(1),
  account(2, { sellerId: null, clientId: null, clientName: null, passwordChangedAt: null, lastLoginAt: null, marketplaces: [] }),
  account(3, { storeName: `<b>"Tom & Jerry's"</b>`, clientName: "<script>x</script>", region: "EU", plan: "LEGACY", status: "FROZEN", openCritical: 0, openHigh: 0 }),
  account(4, { score: 0, openFindings: 0, marketplaces: ["DE", "FR", "IT"], status: "SUSPENDED", plan: "INDIVIDUAL" }),
];

describe("the table body written without table-core's rows and cells", () => {
  const views: [string, AccountColumn[]][] = [
    ["the default columns", [...DEFAULT_ACCOUNT_COLUMNS]],
    ["every column", [...ACCOUNT_COLUMNS]],
    ["no optional column", []],
    ["a reader's own order", ["lastLogin", "score", "client", "passwordAge", "sellerId"]],
  ];
  for (const [name, visible] of views) {
    it(`is the accounts table's body as table-core wrote it, with ${name}`, () => {
      const columns = accountColumns({ visible, labels: LABELS, headers: {}, today: "2026-12-07" });
      const expected = bodyThroughTableCore(columns, ROWS, (r) => r.id, "storeName");
      expect(expected).toContain("<tr><th scope=\"row\"><a href=\"/accounts/acc-1\">Store 1</a></th>");
      expect(renderedBody(columns, ROWS, (r) => r.id, "storeName")).toBe(expected);
    });
  }

  it("gives a renderer the value by accessor function, dotted key or plain key, the fallback, the row's id and index, and a column's default cell", () => {
    interface Item { key: string; name: string; owner: { name: string | null } | null; n?: number }
    const helper = dataTableColumnHelper<Item>();
    const columns = helper.columns([
      helper.accessor("name", { cell: (info) => html`<i>${info.getValue()}</i> ${info.row.id}#${info.row.index}` }),
      helper.accessor((item) => item.name.length, { id: "length", cell: (info) => info.getValue() * 2 }),
      helper.accessor("owner.name", { id: "owner", cell: (info) => info.renderValue() ?? "nobody" }),
      helper.accessor("n", { header: "N" }),
      helper.display({ id: "fixed", cell: "same in every row" }),
    ]) as ColumnDef<DataTableFeatures, Item, any>[];
    const items: Item[] = [
      { key: "k1", name: "one", owner: { name: "Ann & Bo" }, n: 7 },
      { key: "k2", name: "<two>", owner: null },
      { key: "k3", name: "three", owner: { name: null }, n: 0 },
    ];
    const expected = bodyThroughTableCore(columns, items, (i) => i.key, "length");
    expect(expected).toContain("<th scope=\"row\">6</th>");
    expect(renderedBody(columns, items, (i) => i.key, "length")).toBe(expected);
  });
});
