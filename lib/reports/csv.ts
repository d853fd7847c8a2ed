import { CSV_BOM, encodeCsvRow } from "@/lib/csv";
import type { ReportTable } from "./tables";

/**
 * The report as one CSV file: each section is its title on a row of its own, its header row, its rows,
 * then an empty line. With a BOM, so Excel in Japan reads it as UTF-8.
 */
export function reportCsv(tables: readonly ReportTable[]): string {
  return CSV_BOM + tables.map((table) => encodeCsvRow([table.title]) + encodeCsvRow(table.header) + table.rows.map(encodeCsvRow).join("") + "\r\n").join("");
}
