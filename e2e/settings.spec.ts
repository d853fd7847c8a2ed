import { createTenant, expect, test } from "./fixtures";
import { signIn } from "./support";

test("a refused settings save keeps what was typed and marks the field in error", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  const form = page.getByTestId("risk-settings-form");
  const medium = form.getByLabel("パスワードが古い（中）と判定する日数（0でルール無効）");
  const high = form.getByLabel("パスワードが古い（高）と判定する日数（0で「高」を無効）");
  const save = form.getByRole("button", { name: "保存して再計算" });

  await medium.fill("abc");
  await save.click();
  await expect(medium).toHaveAttribute("aria-invalid", "true");
  await expect(medium).toHaveValue("abc");

  await medium.fill("200");
  await high.fill("100");
  await save.click();
  await expect(high).toHaveAttribute("aria-invalid", "true");
  await expect(medium).toHaveValue("200");
  await expect(high).toHaveValue("100");
  await expect(medium).not.toHaveAttribute("aria-invalid", "true");
});

test("0 people as the most who may administer an account is refused: that rule has no 0 = off", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  const form = page.getByTestId("risk-settings-form");
  const maxAdmins = form.getByLabel("管理者の上限人数");
  await maxAdmins.fill("0");
  await form.getByRole("button", { name: "保存して再計算" }).click();
  await expect(form.getByText("1以上の整数を入力してください（アカウントには少なくとも1人の管理者が必要です）。")).toBeVisible();
  await expect(maxAdmins).toHaveValue("0");
  await page.reload();
  await expect(form.getByLabel("管理者の上限人数")).toHaveValue("3");
});

test("a Manager reads the thresholds without the sentence about what saving does", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  await expect(page.getByText("各ルールのしきい値です。変更すると、すべてのアカウントのリスクとスコアがすぐに再計算されます。")).toBeVisible();

  const manager = await createTenant("MANAGER");
  await page.context().clearCookies();
  await signIn(page, manager.email, manager.password);
  await page.goto("/settings");
  await expect(page.getByText("各ルールのしきい値です。", { exact: true })).toBeVisible();
  await expect(page.getByText("すぐに再計算されます")).toHaveCount(0);
  await expect(page.getByTestId("risk-settings-form")).toHaveCount(0);
});
