import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

test("an owner produces a client's PDF and XLSX on the client's page and downloads both again", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/clients");
  await page.getByTestId("client-row").filter({ hasText: "E2E Client" }).getByTestId("client-reports-link").click();
  await expect(page.getByTestId("client-name")).toHaveText("E2E Client");
  await expect(page.getByText("まだレポートはありません。")).toBeVisible();
  await expectNoSeriousViolations(page);

  const form = page.getByTestId("produce-report-form");
  const rows = page.getByTestId("report-row");
  await form.getByLabel("形式").selectOption("PDF");
  await form.getByLabel("言語").selectOption("ja");
  await form.getByRole("button", { name: "レポートを作成" }).click();
  await expect(rows).toHaveCount(1);
  await form.getByLabel("形式").selectOption("XLSX");
  await form.getByLabel("言語").selectOption("en");
  await form.getByRole("button", { name: "レポートを作成" }).click();
  await expect(rows).toHaveCount(2);

  // Downloaded from the list: the PDF's text is selectable and holds the client and its Japanese rule titles.
  const pdfRow = page.locator('[data-testid="report-row"][data-format="PDF"]');
  const pdfDownload = page.waitForEvent("download");
  await pdfRow.getByTestId("report-download").click();
  const pdfFile = await (await pdfDownload).path();
  const pdf = readFileSync(pdfFile);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  expect(text).toContain("E2EClient");
  expect(text).toContain("KumoBooks");
  expect(text).toContain("プライマリーのバックアップ手段なし");
  // The list's hash is the file's.
  const shownHash = await pdfRow.locator("code").getAttribute("title");
  expect(createHash("sha256").update(pdf).digest("hex")).toBe(shownHash);

  const xlsxRow = page.locator('[data-testid="report-row"][data-format="XLSX"]');
  const xlsxDownload = page.waitForEvent("download");
  await xlsxRow.getByTestId("report-download").click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await (await xlsxDownload).path());
  expect(book.worksheets.map((s) => s.name)).toEqual(["summary", "trend", "findings", "accepted", "access", "changes"]);
  expect(book.getWorksheet("summary")!.getRow(3).values).toEqual([undefined, "Client", "E2E Client"]);
  const access: string[] = [];
  book.getWorksheet("access")!.eachRow((row) => access.push(String(row.getCell(1).value)));
  expect(access).toContain("Kumo Books");
});
