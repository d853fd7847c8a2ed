import type { Request } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { createTenant, expect, test } from "./fixtures";
import { signIn } from "./support";

// The account page's editors are read when a writer reaches for one (decision 063): the page carries their summaries
// only. Pointing at or focusing a summary starts the one read that serves every editor of the page; a read that fails
// says so where the form would be, and can be tried again.
const isEditingRead = (request: Request) => /^\/accounts\/[^/]+\/editing$/.test(new URL(request.url()).pathname);

test("the page reads its editors once, when one is pointed at; every editor is then built from that read", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  const reads: string[] = [];
  page.on("request", (request) => {
    if (isEditingRead(request)) reads.push(request.url());
  });
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  await expect(page.getByTestId("login-row").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Nothing of the forms in the page, and nothing asked for yet.
  expect(reads).toEqual([]);
  await expect(page.getByTestId("edit-login-form")).toHaveCount(0);
  expect(await page.content()).not.toContain("sharedWithSent");

  const row = page.getByTestId("login-row").filter({ hasText: "owner@kumo.example" });
  const read = page.waitForRequest(isEditingRead);
  await row.getByText("編集（Seller Centralで確認した内容を記録）").hover();
  await read;
  await row.getByText("編集（Seller Centralで確認した内容を記録）").click();
  await expect(row.getByTestId("edit-login-form").getByLabel("メールアドレス")).toHaveValue("owner@kumo.example");

  // Another editor, opened from the keyboard, is built from the same read.
  const summary = page.getByTestId("add-login").locator("summary");
  await summary.focus();
  await summary.press("Enter");
  await expect(page.getByTestId("add-login-form").getByLabel("メールアドレス")).toBeVisible();
  expect(reads).toHaveLength(1);
});

test("a read that fails says so where the form would be, and trying again reads again", async ({ page }) => {
  const tenant = await createTenant("OWNER");
  await signIn(page, tenant.email, tenant.password);
  const accountId = tenant.accountId("kumo");
  await page.goto(`/accounts/${accountId}`);
  await expect(page.getByTestId("account-editor")).toBeVisible();
  // The account goes (removed in another tab) after its page was shown: its editors cannot be read.
  const db = createDb(process.env.E2E_DATABASE_URL!);
  await db.sellerAccount.delete({ where: { id: accountId } });
  await db.$disconnect();

  let reads = 0;
  page.on("request", (request) => {
    if (isEditingRead(request)) reads++;
  });
  await page.getByTestId("account-editor").getByText("アカウント情報を編集").click();
  const alert = page.getByTestId("account-editor").getByRole("alert");
  await expect(alert).toHaveText(/編集フォームを読み込めませんでした。/);
  await expect(page.getByTestId("edit-account-form")).toHaveCount(0);
  const again = page.waitForResponse((response) => isEditingRead(response.request()));
  // From the keyboard: the button goes while the read is under way, focus waits on the summary.
  await alert.getByRole("button", { name: "もう一度読み込む" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("account-editor").locator("summary")).toBeFocused();
  expect((await again).status()).toBe(404);
  await expect(alert).toBeVisible();
  expect(reads).toBe(2);
});

test("a Viewer's page has no editors and the read is refused", async ({ page }) => {
  const tenant = await createTenant("VIEWER");
  await signIn(page, tenant.email, tenant.password);
  const accountId = tenant.accountId("kumo");
  await page.goto(`/accounts/${accountId}`);
  await expect(page.getByTestId("login-row").first()).toBeVisible();
  await expect(page.getByTestId("login-editor")).toHaveCount(0);
  await expect(page.getByTestId("account-editor")).toHaveCount(0);
  expect((await page.request.get(`/accounts/${accountId}/editing`)).status()).toBe(404);
});
