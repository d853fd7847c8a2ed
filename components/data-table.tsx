import type { ReactNode } from "react";
import { constructTable, createColumnHelper, tableFeatures, type ColumnDef, type RowData } from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { flexRender } from "@tanstack/react-table/flex-render";

// The one table of the app: rows arrive already sorted, filtered and paged by the server, and nothing
// in it changes in the browser, so it renders on the server (a server component: no table code, rows
// or cell renderers are shipped to the browser). table-core's instance without React hooks; the
// React adapter's flexRender for headers and cells.
//
// Below the `sm` breakpoint the same markup becomes one card per row (globals.css, `.stack-table`): each
// cell shows its column's name beside its value, so a 390 px phone reads every column without scrolling
// sideways. CSS only: the accounts page ships no extra JavaScript for it.
export interface DataTableColumnMeta {
  /** The column's name as plain text, shown beside each value on a narrow screen (a string header is used when absent). */
  label?: string;
  /** On a narrow screen the cell takes the card's whole width (long content: lists, forms). */
  wide?: boolean;
  /** On a narrow screen the cell comes first on the card, under its title (what a glance is for: a score). */
  priority?: boolean;
}
export const dataTableFeatures = tableFeatures({ columnMeta: {} as DataTableColumnMeta });
export type DataTableFeatures = typeof dataTableFeatures;
export function dataTableColumnHelper<Row extends RowData>() {
  return createColumnHelper<DataTableFeatures, Row>();
}

interface Props<Row extends RowData> {
  columns: ColumnDef<DataTableFeatures, Row, any>[];
  data: Row[];
  caption: string;
  emptyMessage: ReactNode;
  getRowId: (row: Row) => string;
  /** The server's sort, announced on the column header (aria-sort belongs on the th, not its link). */
  ariaSort?: Partial<Record<string, "ascending" | "descending">>;
  density?: "comfortable" | "compact";
  /** This column's cells are row headers (th scope="row"), so screen readers name each row. */
  rowHeaderColumn?: string;
}

export function DataTable<Row extends RowData>({ columns, data, caption, emptyMessage, getRowId, ariaSort, density = "comfortable", rowHeaderColumn }: Props<Row>) {
  // Built apart from the call so the type-only columnMeta slot is not checked as an excess property.
  const features = { coreReactivityFeature: storeReactivityBindings(), ...dataTableFeatures };
  const table = constructTable({
    features,
    columns,
    data,
    getRowId: (row) => getRowId(row),
  });
  const pad = density === "compact" ? "px-2 py-0.5" : "px-3 py-2";
  return (
    <div className="stack-table-frame overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="stack-table w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" aria-sort={ariaSort?.[header.column.id]} className={`${pad} font-medium`}>
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {data.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-8 text-center text-slate-500">{emptyMessage}</td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-row-id={row.id} className="border-t border-slate-100 hover:bg-slate-50">
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const header = cell.column.columnDef.header;
                  const label = meta?.label ?? (typeof header === "string" ? header : undefined);
                  return cell.column.id === rowHeaderColumn ? (
                    <th key={cell.id} scope="row" className={`${pad} text-left align-top font-normal`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} data-label={label} data-wide={meta?.wide || undefined} data-priority={meta?.priority || undefined} className={`${pad} align-top`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
