import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

// The rule catalogue page lists every rule with its severity and what to do, in the reader's language,
// NO_ACTIVE_PRIMARY (issue 19) included.
test("the risk catalogue lists every rule, the newest included, in Japanese and English", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "リスクの一覧" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gatehouseが検出するリスク");
  await expect(page.getByTestId("rule")).toHaveCount(26);
  const rule = page.locator('[data-testid="rule"][data-rule="NO_ACTIVE_PRIMARY"]');
  await expect(rule.getByRole("heading", { level: 2 })).toContainText("有効なプライマリーユーザーがいない");
  await expect(rule.getByTestId("rule-severity")).toHaveText("緊急");
  await expect(rule.getByTestId("rule-remediation")).toContainText("無効にせず、Eメール・パスワード・2段階認証の端末を在籍中の社員に引き継ぎ");
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The risks Gatehouse flags");
  await expect(rule.getByRole("heading", { level: 2 })).toContainText("No active primary login");
  await expect(rule.getByTestId("rule-remediation")).toContainText("instead of disabling it");
});
