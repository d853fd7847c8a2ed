import type { ReactNode } from "react";
import { constructTable, createColumnHelper, tableFeatures, type ColumnDef, type RowData } from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { flexRender } from "@tanstack/react-table/flex-render";

// The one table of the app: rows arrive already sorted, filtered and paged by the server, and nothing
// in it changes in the browser, so it renders on the server (a server component: no table code, rows
// or cell renderers are shipped to the browser). table-core's instance without React hooks; the
// React adapter's flexRender for headers and cells.
export const dataTableFeatures = tableFeatures({});
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
  const table = constructTable({
    features: { coreReactivityFeature: storeReactivityBindings(), ...dataTableFeatures },
    columns,
    data,
    getRowId: (row) => getRowId(row),
  });
  const pad = density === "compact" ? "px-2 py-0.5" : "px-3 py-2";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
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
                {row.getAllCells().map((cell) =>
                  cell.column.id === rowHeaderColumn ? (
                    <th key={cell.id} scope="row" className={`${pad} text-left align-top font-normal`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} className={`${pad} align-top`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
