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

test("a long unbroken note is cut at the limit and wraps on the account page and in the history instead of widening the page", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  await recordAccessReview(page, "lead@kumo.example", "APPROVED", "n".repeat(2000));
  const review = page.getByTestId("login-row").filter({ hasText: "lead@kumo.example" }).getByTestId("access-review");
  await expect(review).toContainText("n".repeat(500));
  await expect(review).not.toContainText("n".repeat(501));
  await expect(page.getByTestId("history")).toContainText("n".repeat(500));
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(width.page).toBeLessThanOrEqual(width.viewport);
});
