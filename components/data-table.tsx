import { useId, type ReactNode } from "react";
import { constructTable, createColumnHelper, tableFeatures, type ColumnDef, type RowData } from "@tanstack/table-core";
import { cell_getContext, header_getContext, row_getAllCells } from "@tanstack/table-core/static-functions";
import type { CellContext } from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { html, type HtmlValue } from "@/lib/html/safe-html";
import { columnRules, type ColumnLayout } from "@/lib/table-column-rules";

// The one table of the app: rows arrive already sorted, filtered and paged by the server, and nothing
// in it changes in the browser, so it renders on the server (a server component: no table code, rows
// or cell renderers are shipped to the browser). table-core's instance without React hooks; the
// React adapter's flexRender for headers and cells.
//
// Each cell's context comes from table-core's standalone functions, not the instance methods: those memoise
// per object (a memo with its closures made for every cell on first use, to be thrown away after this one
// render), which cost ≈ 3× what the rest of the table did (decision 039). And a header's or cell's renderer is
// called here for its content, not mounted as a component of its own as the React adapter's flexRender does:
// a component per cell is one more server render per cell, with its props copied, for a function that only
// returns markup (decision 042). So renderers are plain functions of their context: no hooks.
//
// Every cell travels twice, as HTML and as its element in the inline flight payload, and rendering and
// writing that tree is where the page's server time goes (decision 027). So a cell carries nothing but
// its content: padding, alignment, density, row borders and tabular figures are rules on the table
// (globals.css, `.data-table`), and what differs by column is said once per column, not once per cell.
//
// Below the `sm` breakpoint the same markup becomes one card per row (globals.css, `.stack-table`): each
// cell shows its column's name beside its value, so a 390 px phone reads every column without scrolling
// sideways. The names, which cells span the card and which come first are this table's own rules by
// column position (`columnRules`), emitted once beside the table. CSS only: no extra JavaScript.
export interface DataTableColumnMeta {
  /** The column's name as plain text, shown beside each value on a narrow screen (a string header is used when absent). */
  label?: string;
  /** On a narrow screen the cell takes the card's whole width (long content: lists, forms). */
  wide?: boolean;
  /** On a narrow screen the cell comes first on the card, under its title (what a glance is for: a score). */
  priority?: boolean;
}
/** A header's or cell's content: its renderer's output for this context, or the template itself (a string). */
function content<Context>(template: ((context: Context) => ReactNode) | ReactNode, context: Context): ReactNode {
  return typeof template === "function" ? template(context) : template;
}

type CellContextOf<Row extends RowData> = CellContext<DataTableFeatures, Row, unknown>;

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
  /**
   * The cell renderers return text or SafeHtml (lib/html), not React elements, and the body is written as one
   * string of markup: rendered once, not into the flight and again from it (decision 051). For large tables
   * whose cells are static markup: no client components, no hooks.
   */
  bodyAsHtml?: boolean;
}

export function DataTable<Row extends RowData>({ columns, data, caption, emptyMessage, getRowId, ariaSort, density = "comfortable", rowHeaderColumn, bodyAsHtml = false }: Props<Row>) {
  const tableId = useId();
  // Built apart from the call so the type-only columnMeta slot is not checked as an excess property.
  const features = { coreReactivityFeature: storeReactivityBindings(), ...dataTableFeatures };
  const table = constructTable({
    features,
    columns,
    data,
    getRowId: (row) => getRowId(row),
  });
  const layout = table.getAllLeafColumns().map((column): ColumnLayout => {
    const meta = column.columnDef.meta;
    const header = column.columnDef.header;
    return { label: meta?.label ?? (typeof header === "string" ? header : undefined), wide: meta?.wide, priority: meta?.priority, rowHeader: column.id === rowHeaderColumn };
  });
  const rules = columnRules(tableId, layout);
  // The rows as one string: each cell's renderer returns text (escaped) or SafeHtml, as `html` allows. Written by
  // walking the leaf columns (table-core's own order, as the header has it) and calling each one's accessor and
  // renderer, not through table-core's rows and cells: those objects (a row per record, a cell and a context per
  // value, a values cache per row) cost ≈ 4× the renderers themselves for a body thrown away after this one render
  // (decisions 064, 097). The context is table-core's shape; a body renderer reads getValue, renderValue,
  // row.original, row.id, row.index, column or table (data-table.test.ts holds it to what table-core gave).
  const bodyMarkup = () => {
    const leaves = table.getAllLeafColumns();
    const fallback = table.options.renderFallbackValue;
    let markup = "";
    for (let index = 0; index < data.length; index++) {
      const original = data[index]!;
      const row = { id: getRowId(original), index, original, depth: 0 };
      let cells = "";
      for (const column of leaves) {
        const value = column.accessorFn ? column.accessorFn(original, index) : undefined;
        const context = { table, column, row, getValue: () => value, renderValue: () => value ?? fallback } as unknown as CellContextOf<Row>;
        const rendered = content(column.columnDef.cell, context) as HtmlValue;
        cells += (column.id === rowHeaderColumn ? html`<th scope="row">${rendered}</th>` : html`<td>${rendered}</td>`).markup;
      }
      markup += `<tr>${cells}</tr>`;
    }
    return markup;
  };
  return (
    <div className="stack-table-frame overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {rules && <style>{rules}</style>}
      <table data-table={tableId} className={`stack-table data-table${density === "compact" ? " compact" : ""} w-full text-left text-sm tabular-nums`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" aria-sort={ariaSort?.[header.column.id]}>
                  {header.isPlaceholder ? null : content(header.column.columnDef.header, header_getContext(header))}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        {data.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={columns.length} className="py-8 text-center text-slate-500">{emptyMessage}</td>
            </tr>
          </tbody>
        ) : bodyAsHtml ? (
          <tbody dangerouslySetInnerHTML={{ __html: bodyMarkup() }} />
        ) : (
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {/* Keys need only be unique among a row's cells: the column id, not the row's id again. */}
                {row_getAllCells(row).map((cell) => {
                  const value = content(cell.column.columnDef.cell, cell_getContext(cell) as ReturnType<typeof cell.getContext>);
                  return cell.column.id === rowHeaderColumn ? <th key={cell.column.id} scope="row">{value}</th> : <td key={cell.column.id}>{value}</td>;
                })}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

