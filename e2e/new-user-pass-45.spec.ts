import { createDb } from "@/lib/db/client";
import { createTenant, expect, test } from "./fixtures";
import { signIn } from "./support";

// Probe 45's new-user pass: a review decision is chosen, never assumed (M4); a device added on its holder's page can
// be linked to a 2SV method by hand (M3); choosing a review's scope by keyboard does not pass every account, and
// the new campaign takes the focus (M9); closing a task moves focus on (L2); Escape closes an open fold (L3); a new
// agency's reviews page says to add an account first (L4).

test("start a review by keyboard, then a decision left on 'Choose…' is refused and Escape folds the form away", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/reviews");
  const start = page.getByTestId("start-campaign-form");
  await start.getByLabel("名前").fill("Keyboard start");
  const client = start.getByRole("checkbox", { name: "E2E Client", exact: true });
  await client.focus();
  await page.keyboard.press("Space");
  // From the client box to Start: the single accounts are folded away, so no account box is a stop on the way.
  const stops: string[] = [];
  for (let i = 0; i < 15 && !(await start.getByRole("button", { name: "開始" }).evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
    stops.push(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.closest("label")?.textContent ?? document.activeElement?.textContent ?? ""}`));
  }
  await expect(start.getByRole("button", { name: "開始" })).toBeFocused();
  expect(stops.filter((s) => s.includes("(E2E Client)"))).toEqual([]);
  expect(stops).toContain("SUMMARY:アカウントを個別に選ぶ（2件）…");
  await page.keyboard.press("Enter");
  // The new campaign is announced by taking the focus; Enter opens it.
  const link = page.getByTestId("campaign-row").getByRole("link", { name: "Keyboard start" });
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard start" })).toBeVisible();

  const item = page.getByTestId("review-item").filter({ hasText: "lead@clean.example" });
  const summary = item.getByText("判断を記録…");
  await summary.click();
  const decision = item.getByLabel("判断", { exact: true });
  await expect(decision).toHaveValue("");
  await expect(decision.locator("option").first()).toHaveText("選んでください…");
  // Enter in the comment sends the form as it stands: refused in words, nothing recorded.
  await item.getByLabel("コメント").fill("still works here");
  await item.getByLabel("コメント").press("Enter");
  await expect(item.getByText("判断（維持・縮小・削除）を選んでください。何も記録していません。").first()).toBeVisible();
  await expect(page.getByTestId("decided")).toHaveCount(0);
  await expect(page.getByTestId("campaign-summary")).not.toContainText("完了");
  // Escape folds the open section away and gives the focus back to its summary.
  await item.getByLabel("コメント").press("Escape");
  await expect(decision).toBeHidden();
  await expect(summary).toBeFocused();
  // Open again by keyboard, choose, record.
  await page.keyboard.press("Enter");
  await decision.selectOption({ label: "維持" });
  await item.getByRole("button", { name: "判断を記録" }).click();
  await expect(item.getByTestId("decided")).toContainText("維持");
});

test("a device added for a person is offered on the 2SV method form under its holder, and linking it to two people's logins is a finding", async ({ page, tenant }) => {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    await db.device.create({ data: { orgId: tenant.orgId, kind: "PHONE", label: "Shared office iPad", holderId: tenant.personId("p-lead"), skipOtpOnBrowser: true } });
  } finally {
    await db.$disconnect();
  }
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  // Offered first under its holder; once linked, under the devices already used on this account.
  for (const [email, group] of [["owner@kumo.example", "Kumo Lead の端末"], ["lead@kumo.example", "このアカウントで使用中の端末"]]) {
    const row = page.getByTestId("login-row").filter({ hasText: email });
    await row.getByText("編集（Seller Centralで確認した内容を記録）").click();
    const form = row.getByTestId("add-method-form");
    const option = form.locator(`optgroup[label="${group}"] option`, { hasText: "Shared office iPad" });
    await expect(option).toHaveCount(1);
    await form.getByLabel("種類").selectOption("AUTHENTICATOR_APP");
    await form.getByLabel("端末").selectOption((await option.getAttribute("value"))!);
    await form.getByRole("button", { name: "追加" }).click();
    await expect(form.getByText("保存しました。")).toBeVisible();
  }
  // Used by the owner's and the lead's logins, with codes skipped on it.
  await expect(page.locator('[data-testid="finding"][data-rule="OTP_SKIP_ON_SHARED_DEVICE"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="finding"][data-rule="SHARED_2SV_DEVICE"]')).toHaveCount(1);
});

test("closing tasks by hand moves focus to the next task, then to the list's status line", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  for (const n of [0, 1]) {
    await page.getByTestId("finding").nth(n).getByRole("button", { name: "タスクにする" }).click();
    await expect(page.getByTestId("finding").nth(n).getByTestId("finding-task")).toBeVisible();
  }
  await page.goto("/tasks");
  const rows = page.getByTestId("task-row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("task-status-line")).toHaveText("2件のタスク（うち未完了 2件）");
  await rows.first().getByText("手動で完了…").click();
  await rows.first().getByLabel("メモ（何をしたか）").fill("done on a call");
  await rows.first().getByLabel("メモ（何をしたか）").press("Enter");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByText("手動で完了…")).toBeFocused();
  await page.keyboard.press("Enter");
  await rows.first().getByLabel("メモ（何をしたか）").fill("done too");
  await rows.first().getByLabel("メモ（何をしたか）").press("Enter");
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId("task-status-line")).toHaveText("タスクはありません。");
  await expect(page.getByTestId("task-status-line")).toBeFocused();
});

test("Escape closes an open 'Accept this risk' fold and returns to its summary", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  const finding = page.getByTestId("finding").first();
  const summary = finding.getByText("リスクを受容する…");
  await summary.focus();
  await page.keyboard.press("Enter");
  const inside = finding.locator("details[open] :is(input:not([type=hidden]), textarea, select)").first();
  await expect(inside).toBeVisible();
  await inside.focus();
  await page.keyboard.press("Escape");
  await expect(inside).toBeHidden();
  await expect(summary).toBeFocused();
});

test("a new agency with no account: the reviews page says to add one first, with the way there", async ({ page }) => {
  const tenant = await createTenant("OWNER", { format: "gatehouse.snapshot/v1", people: [], devices: [], accounts: [] });
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/reviews");
  await expect(page.getByTestId("start-campaign-form")).toHaveCount(0);
  const empty = page.getByTestId("start-campaign-empty");
  await expect(empty).toContainText("レビューするアカウントがまだありません。先にアカウントを追加してください。");
  await empty.getByRole("link", { name: "出品用アカウントを追加" }).click();
  await expect(page).toHaveURL(/\/accounts\/new$/);
});
