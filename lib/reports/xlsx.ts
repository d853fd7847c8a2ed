import ExcelJS from "exceljs";
import { neutraliseCell } from "@/lib/csv";
import type { ReportTable } from "./tables";

/** The report as a workbook: one sheet per section, header first, cells neutralised as in the CSV. */
export async function reportXlsx(tables: readonly ReportTable[], meta: { title: string; producedAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gatehouse";
  workbook.title = meta.title;
  workbook.created = meta.producedAt;
  workbook.modified = meta.producedAt;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.key);
    sheet.addRow([table.title]).font = { bold: true };
    sheet.addRow(table.header).font = { bold: true };
    // Numbers stay numbers; text gets the same formula neutralising as the CSV, so both files read alike.
    for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === "number" ? v : v === null || v === undefined ? "" : neutraliseCell(v))));
    sheet.columns.forEach((column) => (column.width = 24));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
