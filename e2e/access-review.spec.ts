import { createTenant, expect, test } from "./fixtures";
import { recordAccessReview, signIn } from "./support";

test("a viewer (e.g. the seller's own account owner) reviews who has access and records a decision", async ({ page }) => {
  const viewer = await createTenant("VIEWER");
  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/accounts/${viewer.accountId("kumo")}`);
  // Viewers cannot edit access data…
  await expect(page.getByText("編集（Seller Centralで確認した内容を記録）")).toHaveCount(0);
  // …but can record their review of it.
  await recordAccessReview(page, "lead@kumo.example", "REMOVE_REQUESTED", "no longer works with us");
  await expect(page.getByTestId("login-row").filter({ hasText: "lead@kumo.example" }).getByTestId("access-review")).toContainText("削除を依頼");
  await expect(page.getByTestId("history")).toContainText("no longer works with us");
});
