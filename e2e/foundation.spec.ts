import { expect, test } from "@playwright/test";
import { createTenant } from "./fixtures";
import { DEMO, signIn } from "./support";

test("health answers without a session and names the version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "up", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: "ログイン" })).toBeVisible();
});

test("a link opened while signed out leads back to its page after signing in", async ({ page }) => {
  const tenant = await createTenant();
  await page.goto(`/accounts/${tenant.accountId("kumo")}?tab=history`);
  await expect(page).toHaveURL(/\/signin\?next=/);
  await page.getByLabel("メールアドレス").fill(tenant.email);
  await page.getByLabel("パスワード").fill(tenant.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${tenant.accountId("kumo")}\\?tab=history$`));
  await expect(page.getByRole("heading", { level: 1, name: "Kumo Books" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(DEMO.email);
  await page.getByLabel("パスワード").fill("not-the-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("メールアドレスまたはパスワードが正しくありません。");
  await expect(page).toHaveURL(/\/signin/);
});

test("the demo manager opens an account and sees its logins, 2SV methods and permissions", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "出品用アカウント" }).click();
  await expect(page.getByRole("heading", { name: "出品用アカウント" })).toBeVisible();
  await expect(page.getByText("40 件")).toBeVisible();

  await page.getByRole("searchbox").fill("Sakura Tea KK");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/q=Sakura/);
  await page.getByRole("link", { name: "Sakura Tea KK", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Sakura Tea KK" })).toBeVisible();
  const logins = page.getByRole("region", { name: "ログイン" });
  await expect(logins.getByTestId("login-row")).toHaveCount(3);
  await expect(logins.getByText("owner@sakura.example")).toBeVisible();
  await expect(logins.getByTestId("two-step-method").first()).toContainText("認証アプリ");
  const matrix = page.getByTestId("permission-matrix");
  await expect(matrix.getByRole("columnheader", { name: "ユーザー権限" })).toBeVisible();
  await expect(matrix.getByText("表示と編集").first()).toBeVisible();
  // The primary user holds every tool rather than none.
  await expect(matrix.getByRole("row").filter({ hasText: "owner@sakura.example" })).toContainText("すべて（プライマリー）");
  await expect(page.getByRole("region", { name: "アプリとサービス（SP-API）" }).getByTestId("app-authorization")).toContainText("StockSync");
});

test("the interface switches between Japanese and English and remembers the choice", async ({ page }) => {
  await signIn(page);
  await page.goto("/accounts");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Seller accounts" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("link", { name: "Sign out" }).or(page.getByRole("button", { name: "Sign out" }))).toBeVisible();
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { name: "出品用アカウント" })).toBeVisible();
});

test("an unknown or foreign account id is a 404 page", async ({ page }) => {
  await signIn(page);
  const response = await page.goto("/accounts/not-an-account-of-yours");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "見つかりません" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1); // inside the signed-in layout's <main>, not a second one
  await page.context().clearCookies();
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "見つかりません" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
});
