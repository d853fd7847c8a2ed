import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

// Issue 16 in the browser: the bulk workbook (a sheet per kind, decision 022) and the Seller Central paste.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "/");

/** Sets a cell of `sheet` by its header, on a 1-based row. */
function set(book: ExcelJS.Workbook, sheet: string, row: number, header: string, value: string) {
  const ws = book.getWorksheet(sheet)!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const column = headers.indexOf(header);
  expect(column, `${sheet}: ${header}`).toBeGreaterThan(0);
  ws.getRow(row).getCell(column).value = value;
}

test("a workbook with two bad rows: the problems by sheet, row and column; fixed, previewed, applied; the findings change", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/import");
  const template = await page.request.get("/api/import/template?lang=ja&format=xlsx");
  expect(template.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await template.body()) as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(["アカウント", "ログイン", "関係者", "端末", "2段階認証", "パートナー", "アプリ", "その他のアクセス"]);
  // The partner's link went out 30 days ago and was never accepted: a stale link, once imported.
  set(book, "パートナー", 2, "リンク送信日", "2026/13/45");
  set(book, "パートナー", 2, "承諾日", "");
  set(book, "2段階認証", 4, "ログインID", "l-nobody");
  const upload = async () => {
    await page.getByLabel("ファイル（JSON、CSV または Excel）").setInputFiles({ name: "gatehouse.xlsx", mimeType: XLSX, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    await page.getByRole("button", { name: "検証してプレビュー" }).click();
  };
  await upload();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("2件の問題");
  await expect(errors).toContainText("「2段階認証」4行目「ログインID」");
  await expect(errors).toContainText("「l-nobody」というログインは");
  await expect(errors).toContainText("「パートナー」2行目「リンク送信日」");
  await expect(errors).toContainText("日付として読み取れません");

  set(book, "パートナー", 2, "リンク送信日", daysAgo(30));
  set(book, "2段階認証", 4, "ログインID", "l-ito");
  await upload();
  await expect(page.getByTestId("import-summary")).toContainText("アカウント: 追加 1件");
  await expect(page.getByTestId("import-listed")).toContainText("ログイン、パートナー、アプリ、その他のアクセス");
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await expect(page.getByTestId("import-success")).toContainText("追加 1件");

  await page.goto("/accounts");
  await page.getByRole("link", { name: "さくら茶", exact: true }).click();
  const stale = page.locator('[data-testid="finding"][data-rule="STALE_PARTNER_LINK"]');
  await expect(stale).toHaveCount(1);
  const accountUrl = page.url();

  // The partner accepted: the same workbook with the date filled in updates the account, and the finding goes.
  set(book, "パートナー", 2, "承諾日", daysAgo(1));
  await page.goto("/import");
  await upload();
  await expect(page.getByTestId("import-summary")).toContainText("更新 1件");
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await expect(page.getByTestId("import-success")).toBeVisible();
  await page.goto(accountUrl);
  await expect(stale).toHaveCount(0);
});

test("the organisation exported as the workbook imports back with no changes", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  const workbook = await page.request.get("/api/snapshot?format=xlsx&lang=en");
  expect(workbook.status()).toBe(200);
  await page.goto("/import");
  await page.getByLabel("ファイル（JSON、CSV または Excel）").setInputFiles({ name: "export.xlsx", mimeType: XLSX, buffer: await workbook.body() });
  await page.getByRole("button", { name: "検証してプレビュー" }).click();
  await expect(page.getByTestId("import-no-changes")).toContainText("変更はありません");
});

test("a user list pasted from Seller Central's English page becomes the chosen account's logins, through the preview", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/import");
  const paste = page.getByTestId("paste-form");
  await paste.getByLabel("取り込み先のアカウント").selectOption({ label: await paste.locator("option", { hasText: "Kumo Books" }).innerText() });
  await paste.getByLabel("貼り付けた一覧").fill("Name\tEmail address\tStatus\nKumo Owner\towner@kumo.example\tActive\nNew Hire\tnew.hire@kumo.example\tMaybe later\n");
  await paste.getByRole("button", { name: "内容を確認" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("3行目: 状態「Maybe later」を読み取れません");

  await page.getByTestId("paste-form").getByLabel("貼り付けた一覧").fill("Kumo Owner\towner@kumo.example\tActive\nNew Hire\tnew.hire@kumo.example\tPending\n");
  await page.getByTestId("paste-form").getByRole("button", { name: "内容を確認" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("アカウント: 追加 0件、更新 1件、変更なし 0件");
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await expect(page.getByTestId("import-success")).toBeVisible();

  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  await expect(page.getByText("new.hire@kumo.example").first()).toBeVisible();
});

test("a user list pasted from Seller Central's Japanese page, without the header row, through the preview", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/import");
  const paste = page.getByTestId("paste-form");
  await paste.getByLabel("取り込み先のアカウント").selectOption({ label: await paste.locator("option", { hasText: "Clean Store" }).innerText() });
  await paste.getByLabel("貼り付けた一覧").fill("オーナー\towner@clean.example\t有効\n鈴木 一郎\tsuzuki@clean.example\t招待中\n");
  await paste.getByRole("button", { name: "内容を確認" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("アカウント: 追加 0件、更新 1件、変更なし 0件");
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await expect(page.getByTestId("import-success")).toBeVisible();
  await page.goto(`/accounts/${tenant.accountId("clean")}`);
  await expect(page.getByText("suzuki@clean.example").first()).toBeVisible();
});
