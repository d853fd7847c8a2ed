import { expect, test } from "./fixtures";
import { signIn } from "./support";

// Issue 19: starting an offboarding asks for confirmation naming the person and what it will change; a
// primary login is handed over to a current employee, not disabled; a tick can be undone; an offboarding
// started by mistake can be cancelled until a step changes data.

test("offboarding the owner: confirm in a dialog, hand the primary login over, undo it and cancel the offboarding", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/people/${tenant.personId("p-owner")}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kumo Owner");
  const offboarding = page.getByTestId("offboarding");

  // Opening the form and choosing a date changes nothing; the dialog names the person and every change.
  await offboarding.getByText("退職処理を行う…", { exact: true }).click();
  await offboarding.getByRole("button", { name: "内容を確認する…" }).click();
  const dialog = page.getByRole("dialog", { name: "Kumo Owner さんの退職処理を開始しますか？" });
  await expect(dialog).toBeVisible();
  const changes = dialog.getByTestId("offboard-changes").getByRole("listitem");
  await expect(changes).toContainText([
    `Kumo Owner さんを ${new Date().toISOString().slice(0, 10)} 付けで退職済みにする`,
    "「Clean Store」のプライマリーユーザーのログイン owner@clean.example を引き継ぐ項目",
    "「Kumo Books」のプライマリーユーザーのログイン owner@kumo.example を引き継ぐ項目",
    "関係するアカウントのリスクを再計算する",
  ]);
  // Backing out of the dialog leaves the person as they were, even after a reload.
  await dialog.getByRole("button", { name: "戻る" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByTestId("departed-badge")).toHaveCount(0);
  await expect(offboarding).toContainText("在籍中です。");

  // Enter in the date field opens the same confirmation; it does not offboard by itself.
  await offboarding.getByText("退職処理を行う…", { exact: true }).click();
  await offboarding.getByLabel("退職日").press("Enter");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Kumo Owner さんを退職済みにする" }).click();
  await expect(page.getByTestId("departed-badge")).toBeVisible();

  // Both primary logins are hand-overs, never disables.
  const items = page.getByTestId("checklist-item");
  await expect(items).toHaveCount(2);
  await expect(page.locator('[data-testid="checklist-item"][data-kind="PRIMARY_HANDOVER"]')).toHaveCount(2);
  await expect(items.first()).toContainText("無効化・削除できません");
  await expect(offboarding).not.toContainText("設定 > ユーザー権限）で無効化する");

  // The heir must be chosen; the refusal is said at the picker.
  const kumo = items.filter({ hasText: "owner@kumo.example" });
  await kumo.getByRole("button", { name: "引き継ぎを完了にする" }).click();
  await expect(kumo.getByText("引き継ぎ先の社員を選んでください。")).toBeVisible();
  await expect(kumo.getByLabel("引き継ぎ先（在籍中の社員）")).toHaveAttribute("aria-invalid", "true");
  await kumo.getByLabel("引き継ぎ先（在籍中の社員）").selectOption({ label: "Kumo Lead" });
  await kumo.getByRole("button", { name: "引き継ぎを完了にする" }).click();
  await expect(kumo).toHaveAttribute("data-done", "yes");
  await expect(kumo).toContainText("Kumo Lead に引き継ぎ済み");
  await expect(page.getByTestId("offboarding-progress")).toHaveText("2 件中 1 件完了");

  // A step changed data: the offboarding cannot be cancelled until it is undone.
  await expect(page.getByTestId("cancel-blocked")).toContainText("1 件完了しているため、取り消せません");
  await expect(page.getByTestId("cancel-offboarding")).toHaveCount(0);
  await kumo.getByRole("button", { name: "完了を取り消す" }).click();
  await expect(kumo).toHaveAttribute("data-done", "no");
  await expect(page.getByTestId("offboarding-progress")).toHaveText("2 件中 0 件完了");

  // Now it can be cancelled: the checklist goes and the person is no longer departed.
  const cancel = page.getByTestId("cancel-offboarding");
  await cancel.getByText("この退職処理を取り消す…").click();
  await cancel.getByRole("button", { name: "退職処理を取り消す" }).click();
  await expect(page.getByTestId("departed-badge")).toHaveCount(0);
  await expect(items).toHaveCount(0);
  await expect(offboarding).toContainText("在籍中です。");
});

test("a ticked disable can be undone, in English, and the departed person's risk comes back", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(`/people/${tenant.personId("p-lead")}`);
  const offboarding = page.getByTestId("offboarding");
  await offboarding.getByText("Offboard this person…", { exact: true }).click();
  await offboarding.getByRole("button", { name: "Review…" }).click();
  const dialog = page.getByRole("dialog", { name: "Start offboarding Kumo Lead?" });
  await expect(dialog.getByTestId("offboard-changes")).toContainText('An item to disable login lead@kumo.example on "Kumo Books"');
  await dialog.getByRole("button", { name: "Mark Kumo Lead as departed" }).click();
  await expect(page.getByTestId("departed-badge")).toBeVisible();

  const item = page.getByTestId("checklist-item").filter({ hasText: "lead@kumo.example" });
  await item.getByRole("button", { name: "Mark done" }).click();
  await expect(item).toHaveAttribute("data-done", "yes");
  await expect(page.locator('[data-testid="person-finding"][data-rule="OFFBOARDED_STILL_ACTIVE"]')).toHaveCount(1);

  await item.getByRole("button", { name: "Undo" }).click();
  await expect(item).toHaveAttribute("data-done", "no");
  await expect(page.locator('[data-testid="person-finding"][data-rule="OFFBOARDED_STILL_ACTIVE"]')).toHaveCount(2);
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  await expect(page.getByTestId("login-row").filter({ hasText: "lead@kumo.example" })).toContainText("Active");
});
