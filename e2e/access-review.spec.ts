import { createTenant, expect, test } from "./fixtures";
import { signIn } from "./support";

test("a viewer (e.g. the seller's own account owner) reviews who has access and records a decision", async ({ page }) => {
  const viewer = await createTenant("VIEWER");
  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/accounts/${viewer.accountId("kumo")}`);
  // Viewers cannot edit access data…
  await expect(page.getByText("編集（Seller Centralで確認した内容を記録）")).toHaveCount(0);
  // …but can record their review of it.
  const row = page.getByTestId("login-row").filter({ hasText: "lead@kumo.example" });
  await row.getByText("判断を記録…").click();
  await row.getByLabel("判断").selectOption("REMOVE_REQUESTED");
  await row.getByLabel("メモ（任意）").fill("no longer works with us");
  await row.getByRole("button", { name: "記録" }).click();
  await expect(page.getByTestId("login-row").filter({ hasText: "lead@kumo.example" }).getByTestId("access-review")).toContainText("削除を依頼");
  await expect(page.getByTestId("history")).toContainText("no longer works with us");
});
