import { createTenant, expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

// The "can't log in" triage (issue 13): Kumo Books' primary login has one SMS method, ending 1111
// (e2e/fixtures.ts), so losing that phone is the first step, named with its last digits.

test("a viewer walks the triage for a login with one SMS method: the lost phone comes first, the outcome goes to history and the audit trail", async ({ page }) => {
  const viewer = await createTenant("VIEWER");
  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/accounts/${viewer.accountId("kumo")}`);
  await page.getByTestId("login-row").filter({ hasText: "owner@kumo.example" }).getByRole("link", { name: "ログインできない場合" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログインできない場合のチェックリスト");
  await expect(page.getByTestId("triage-for")).toContainText("owner@kumo.example");

  const first = page.getByTestId("triage-step").first();
  await expect(first).toHaveAttribute("data-step", "lost-phone");
  await expect(first).toContainText("末尾 1111 の電話1つだけ");
  await expect(first).toContainText("可能性: 高");
  // The sign-in page of the account's region is named.
  await expect(page.getByTestId("sign-in-url")).toHaveText("https://sellercentral-japan.amazon.com/");
  await expectNoSeriousViolations(page);

  // Answer from the keyboard: "not this" on the credentials step, "this was it" on the lost phone.
  await page.getByTestId("triage-step").filter({ hasText: "Eメールアドレスまたはパスワードの誤り" }).getByLabel("これではない").check();
  await first.getByLabel("これが原因だった").focus();
  await page.keyboard.press("Space");
  await expect(first.getByLabel("これが原因だった")).toBeChecked();
  // The cause follows the answer until one is chosen by hand.
  await expect(page.getByLabel("原因", { exact: true }).locator("option:checked")).toHaveText("2段階認証の電話を紛失・変更した （「これが原因だった」と答えた項目）");
  await page.getByLabel("解決した").check();
  await page.getByLabel("メモ").fill("SIM reissued by the carrier");
  await page.getByLabel("対応タスクを作成する").check();
  await page.getByRole("button", { name: "結果を記録する" }).click();
  await expect(page.getByTestId("triage-saved")).toHaveText("結果を記録しました。");

  const session = page.getByTestId("triage-session").first();
  await expect(session).toContainText("解決した");
  await expect(session).toContainText("2段階認証の電話を紛失・変更した");
  await expect(session).toContainText("2 項目に回答");
  await expect(session).toContainText("タスクを依頼");
  await expect(session).toContainText("SIM reissued by the carrier");

  await page.getByRole("link", { name: "アカウントに戻る" }).click();
  const history = page.getByTestId("history");
  await expect(history).toContainText("ログインできない場合のトリアージ");
  await expect(history).toContainText("解決した · 2段階認証の電話を紛失・変更した · “SIM reissued by the carrier”");
});

test("a resolved outcome without a cause is refused next to the field, nothing recorded; the page works at 390 px in English", async ({ page, tenant }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/accounts/${tenant.accountId("kumo")}/triage`);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Can't log in: checklist");
  await expect(page.getByTestId("triage-for")).toContainText("The account as a whole");
  // For the account as a whole, its primary login's lone phone leads.
  await expect(page.getByTestId("triage-step").first()).toContainText("The primary login's 2SV goes only to a phone ending 1111");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousViolations(page);

  await page.getByLabel("Resolved").check();
  await page.getByRole("button", { name: "Record the outcome" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "choose the cause" })).toBeVisible();
  await expect(page.getByText("Nothing recorded yet.")).toBeVisible();

  // The login chooser reorders the checklist by that login's data.
  await page.getByRole("link", { name: /owner@kumo\.example/ }).click();
  await expect(page.getByTestId("triage-step").first()).toContainText("a phone ending 1111");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
