"use client";
import type { ReactNode } from "react";
import { createColumnHelper, tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";

// The one table of the app: rows arrive already sorted, filtered and paged by the server.
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
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId: (row) => getRowId(row) });
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
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
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
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className={`${pad} align-top`}>
                      <table.FlexRender cell={cell} />
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
