import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { hashPassword } from "@/lib/auth/password";
import { createDb } from "@/lib/db/client";
import { createTenant, expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

// Issue 13: a client's own owner runs an access review of their accounts (keep one login, remove one),
// sees the remediation task, the agency records the change, the task closes itself, and the evidence
// pack carries every decision and the task's outcome.
test("a client owner runs an access review: keep one, remove one, the task closes when the data changes, evidence downloads", async ({ page, browser }) => {
  // A client-owner portal member who is Owner of the client's own organisation (fixtures.ts), and an agency Owner.
  const tenant = await createTenant("CLIENT_OWNER");
  const agencyEmail = `agency-${tenant.orgId.slice(0, 8)}@test.example`;
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const agency = await db.user.create({ data: { email: agencyEmail, name: "Agency Owner", passwordHash: await hashPassword(tenant.password) } });
    await db.membership.create({ data: { orgId: tenant.orgId, userId: agency.id, role: "OWNER" } });
  } finally {
    await db.$disconnect();
  }

  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "アクセスレビュー" }).click();
  await expect(page.getByText("アクセスレビューはまだありません。")).toBeVisible();
  const start = page.getByTestId("start-campaign-form");
  await start.getByLabel("名前").fill("Kumo 2026 Q4");
  await start.getByRole("checkbox", { name: "E2E Client", exact: true }).check();
  // Only this client's own people are offered as reviewers (none of the agency's).
  await expect(start.getByRole("checkbox", { name: /Agency Owner/ })).toHaveCount(0);
  // The member starting the review is ticked as its reviewer already.
  await expect(start.getByRole("checkbox", { name: new RegExp(tenant.email) })).toBeChecked();
  await start.getByLabel("繰り返し").selectOption({ label: "四半期ごと" });
  // A due date already past would start the review overdue (stop 42): refused, nothing started.
  const due = start.getByLabel("期限");
  const dueDefault = await due.inputValue();
  await due.fill("2026-01-01");
  await start.getByRole("button", { name: "開始" }).click();
  await expect(start.getByText("期限が過去の日付です。今日以降の日付を選んでください。")).toBeVisible();
  await expect(page.getByTestId("campaign-row")).toHaveCount(0);
  await due.fill(dueDefault);
  await start.getByRole("button", { name: "開始" }).click();
  await expect(start.getByText("開始しました。")).toBeVisible();
  await page.getByTestId("campaign-row").getByRole("link", { name: "Kumo 2026 Q4" }).click();

  // Only Kumo Books (their client's account) is frozen in: its two logins.
  await expect(page.getByTestId("campaign-account")).toHaveCount(1);
  await expect(page.getByTestId("review-item")).toHaveCount(2);
  await expect(page.getByTestId("changes")).toContainText("このアカウントの最初のレビューです。");

  // Keep the primary login: it has open high risks (one SMS method), so a comment is required.
  const primary = page.getByTestId("review-item").filter({ hasText: "owner@kumo.example" });
  await expect(primary).toContainText("未解決の高・重大リスク");
  await primary.getByText("判断を記録…").click();
  await primary.getByLabel("判断", { exact: true }).selectOption({ label: "維持" });
  await primary.getByRole("button", { name: "判断を記録" }).click();
  await expect(primary.getByText("未解決の高・重大リスクがあるアクセスを維持するには、理由をコメントしてください。").first()).toBeVisible();
  await primary.getByLabel("コメント").fill("our own primary login; backup app being added");
  await primary.getByRole("button", { name: "判断を記録" }).press("Enter");
  await expect(primary.getByTestId("item-decision")).toContainText("維持");
  // Keyboard flow (decision 090): focus moves on to the next undecided item's control, not to the page's top.
  const lead = page.getByTestId("review-item").filter({ hasText: "lead@kumo.example" });
  await expect(lead.getByText("判断を記録…")).toBeFocused();

  // Remove the lead's login. What it was at the start reads in words, not codes.
  await expect(lead).toContainText("サブユーザー · 有効");
  await expect(lead).toContainText("在庫管理 (JP): 表示, ユーザー権限: 表示と編集");
  await expect(lead).not.toContainText(/SECONDARY|USER_PERMISSIONS|VIEW_EDIT/);
  await lead.getByText("判断を記録…").click();
  await lead.getByLabel("判断", { exact: true }).selectOption({ label: "削除" });
  await lead.getByLabel("コメント").fill("left the company");
  await lead.getByRole("button", { name: "判断を記録" }).click();
  await expect(lead.getByTestId("item-decision")).toContainText("削除");
  await expect(lead.getByTestId("item-decision")).toContainText("タスク: 未完了");
  // None left undecided: focus rests on the result just recorded.
  await expect(lead.getByTestId("decided")).toBeFocused();
  await expect(page.getByTestId("campaign-summary")).toContainText("完了");

  // The task says exactly what to change, on the Japanese Seller Central.
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "対応タスク" }).click();
  const task = page.getByTestId("task-row").filter({ hasText: "lead@kumo.example" });
  await expect(task).toContainText("設定 > ユーザー権限 で「lead@kumo.example」のユーザーを削除（または無効化）してください。");
  await expect(task.getByTestId("seller-central-link")).toHaveAttribute("href", "https://sellercentral-japan.amazon.com/gp/account-manager/home.html");
  await expect(task.getByTestId("task-status")).toContainText("未完了");

  // The agency records that the login is gone (as seen in Seller Central)…
  const agencyContext = await browser.newContext();
  const agency = await agencyContext.newPage();
  await signIn(agency, agencyEmail, tenant.password);
  await agency.goto(`/accounts/${tenant.accountId("kumo")}`);
  const row = agency.getByTestId("login-row").filter({ hasText: "lead@kumo.example" });
  await expect(row.getByTestId("access-review")).toContainText("削除");
  await row.getByText("編集（Seller Centralで確認した内容を記録）").click();
  await row.getByText("ログインを削除…").click();
  await row.getByRole("button", { name: "削除する（元に戻せません）" }).click();
  await expect(agency.getByTestId("login-row").filter({ hasText: "lead@kumo.example" })).toHaveCount(0);
  await agencyContext.close();

  // …and the task has closed itself.
  await page.goto("/tasks?status=ALL");
  await expect(page.getByTestId("task-row").filter({ hasText: "lead@kumo.example" }).getByTestId("task-status")).toContainText("完了（データで確認）");
  await page.goto("/tasks");
  await expect(page.getByTestId("task-row").filter({ hasText: "lead@kumo.example" })).toHaveCount(0);

  // The evidence pack: every item, decision, reviewer, time, comment and the task's outcome.
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "アクセスレビュー" }).click();
  await page.getByTestId("campaign-row").getByRole("link", { name: "Kumo 2026 Q4" }).click();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("evidence-csv").click()]);
  // Named after the campaign, the day and the language, so two campaigns' packs do not overwrite each other (decision 090).
  expect(csv.suggestedFilename()).toBe(`Kumo 2026 Q4-${new Date().toISOString().slice(0, 10)}-ja.csv`);
  const evidenceUrl = (await page.getByTestId("evidence-csv").getAttribute("href"))!;
  // A parameter it does not read is named and refused; a client outside the campaign is not found (not an empty pack).
  const misspelt = await page.request.get(`${evidenceUrl}&clinet=x`);
  expect(misspelt.status()).toBe(422);
  expect(JSON.stringify(await misspelt.json())).toContain("clinet");
  // So is one it reads given twice: which format was meant is not the pack's to guess.
  const twice = await page.request.get(`${evidenceUrl}&format=pdf`);
  expect(twice.status()).toBe(422);
  expect(((await twice.json()) as { filters: unknown[] }).filters).toEqual([{ parameter: "format", value: "", reason: "2回指定されています。1回だけ指定してください。" }]);
  expect((await page.request.get(`${evidenceUrl}&client=not-a-client-of-this-campaign`)).status()).toBe(404);
  const text = (await readFile((await csv.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(text).toContain("Kumo 2026 Q4");
  const rows = text.split("\r\n");
  expect(rows.find((r) => r.includes("owner@kumo.example"))).toMatch(/維持.*our own primary login; backup app being added/);
  expect(rows.find((r) => r.includes("lead@kumo.example"))).toMatch(/サブユーザー · 有効.*ユーザー権限: 表示と編集.*削除.*left the company.*完了（データで確認）/);
  expect(text).not.toMatch(/SECONDARY|USER_PERMISSIONS|VIEW_EDIT/);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("evidence-xlsx").click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  const sheet = workbook.getWorksheet("判断")!;
  const values = sheet.getSheetValues().flat().map(String);
  expect(values).toEqual(expect.arrayContaining(["lead@kumo.example", "owner@kumo.example", "削除", "維持", "完了（データで確認）"]));
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("evidence-pdf").click()]);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
});

test("a task made from a finding reads in the reader's language: the risk's title and its evidence, names included", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  const single = page.locator('[data-testid="finding"][data-rule="SINGLE_2SV_METHOD"]');
  await single.getByRole("button", { name: "タスクにする" }).click();
  // The button gives way to the task it made (decision 089).
  await expect(single.getByTestId("finding-task")).toBeVisible();
  await expect(single.getByRole("button", { name: "タスクにする" })).toHaveCount(0);
  await page.goto("/tasks");
  const task = page.getByTestId("task-row");
  await expect(task).toContainText("リスク「2段階認証の手段が一つだけ」（プライマリーユーザーのログイン owner@kumo.example の2段階認証は SMS（端末: Phone） の一つだけで、バックアップ手段がありません）を解消してください。");
  await expect(task).not.toContainText("SINGLE_2SV_METHOD");
  await page.getByRole("button", { name: "English" }).click();
  await expect(task).toContainText('Resolve the risk "Only one 2SV method"');
});

test("an agency owner makes a task of a finding and closes it by hand, decides in bulk after confirming, and sees what changed since", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);

  // Any finding, on request, becomes a task; one closed by hand keeps its note.
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  // An Owner can produce a report about this one account from its page; it is listed there to download.
  const reportSection = page.getByTestId("account-report");
  await reportSection.getByRole("button", { name: "レポートを作成" }).click();
  await expect(reportSection.getByTestId("account-report-row")).toHaveCount(1);
  await page.getByTestId("finding").first().getByRole("button", { name: "タスクにする" }).click();
  await expect(page.getByTestId("finding").first().getByTestId("finding-task")).toBeVisible();
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "対応タスク" }).click();
  const task = page.getByTestId("task-row");
  await expect(task).toHaveCount(1);
  await expect(task).toContainText("Kumo Books");
  await expect(task.getByTestId("seller-central-link")).toHaveAttribute("href", /^https:\/\/sellercentral-japan\.amazon\.com\//);
  await task.getByText("手動で完了…").click();
  await task.getByLabel("メモ（何をしたか）").fill("backup authenticator added on a call with the owner");
  await task.getByRole("button", { name: "完了にする" }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(0);
  await page.goto("/tasks?status=ALL");
  await expect(page.getByTestId("task-status")).toContainText("完了（手動）");
  await expect(page.getByTestId("task-status")).toContainText("backup authenticator added on a call with the owner");

  // A campaign over one account, decided in bulk: refused until the confirmation is ticked.
  const startReview = async (name: string) => {
    await page.goto("/reviews");
    const start = page.getByTestId("start-campaign-form");
    await start.getByLabel("名前").fill(name);
    // Single accounts are folded away under their own summary (probe 45, M9).
    await start.getByText(/^アカウントを個別に選ぶ/).click();
    await start.getByRole("checkbox", { name: "Clean Store (E2E Client)" }).check();
    await start.getByRole("checkbox", { name: new RegExp(tenant.email) }).check();
    await start.getByRole("button", { name: "開始" }).click();
    await expect(start.getByText("開始しました。")).toBeVisible();
    await page.getByTestId("campaign-row").getByRole("link", { name }).click();
  };
  await startReview("Clean first review");
  await expect(page.getByTestId("review-item")).toHaveCount(2);
  await expectNoSeriousViolations(page);
  const bulk = page.getByTestId("bulk-decide-form");
  // "Select all" ticks every item of the list and "Clear selection" none (probe 43: 26 boxes ticked one by one).
  const items = bulk.getByRole("group", { name: "選択", exact: true }).getByRole("checkbox");
  await bulk.getByRole("button", { name: "すべて選択" }).click();
  for (const box of await items.all()) await expect(box).toBeChecked();
  await bulk.getByRole("button", { name: "選択を解除" }).click();
  for (const box of await items.all()) await expect(box).not.toBeChecked();
  for (const box of await bulk.getByRole("checkbox", { name: /Clean Store · ログイン/ }).all()) await box.check();
  await bulk.getByLabel("判断", { exact: true }).selectOption({ label: "維持" });
  await bulk.getByRole("button", { name: "選んだ項目に記録" }).click();
  await expect(bulk.getByText("まとめて記録する前に確認にチェックしてください。").first()).toBeVisible();
  await expect(page.getByTestId("decided")).toHaveCount(0);
  await bulk.getByRole("checkbox", { name: /確認: 選んだ項目すべて/ }).check();
  await bulk.getByRole("button", { name: "選んだ項目に記録" }).click();
  await expect(page.getByTestId("decided").filter({ hasText: "維持" })).toHaveCount(2);
  await expect(page.getByTestId("campaign-summary")).toContainText("完了");
  await expect(page.getByTestId("progress-by-reviewer")).toContainText("2 / 2 件");

  // The next review of the account says what changed since this one: nothing.
  await startReview("Clean second review");
  await expect(page.getByTestId("changes")).toContainText("変化はありません。");
  await page.goto("/tasks?status=ALL");
  await expectNoSeriousViolations(page);
});

// Keyboard flow after a bulk decision (decision 095): focus stayed on its button, or fell to the page's top once the
// bulk form went with the last undecided item. It moves on as after a single decision (decision 090).
test("after a bulk decision, focus moves to the next undecided item, and to the result when none is left", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/reviews");
  const start = page.getByTestId("start-campaign-form");
  await start.getByLabel("名前").fill("Keyboard bulk review");
  await start.getByText(/^アカウントを個別に選ぶ/).click();
  await start.getByRole("checkbox", { name: "Kumo Books (E2E Client)" }).check();
  await start.getByRole("checkbox", { name: "Clean Store (E2E Client)" }).check();
  await start.getByRole("checkbox", { name: new RegExp(tenant.email) }).check();
  await start.getByRole("button", { name: "開始" }).click();
  await expect(start.getByText("開始しました。")).toBeVisible();
  await page.getByTestId("campaign-row").getByRole("link", { name: "Keyboard bulk review" }).click();
  await expect(page.getByTestId("review-item")).toHaveCount(4);

  const bulk = page.getByTestId("bulk-decide-form");
  const send = bulk.getByRole("button", { name: "選んだ項目に記録" });
  const confirm = bulk.getByRole("checkbox", { name: /確認: 選んだ項目すべて/ });
  // Clean Store's two logins, kept, by keyboard alone.
  for (const box of await bulk.getByRole("checkbox", { name: /Clean Store · ログイン/ }).all()) await box.press("Space");
  // A decision is chosen, never preselected (probe 45, M4).
  await bulk.getByLabel("判断", { exact: true }).selectOption("KEEP");
  await confirm.press("Space");
  await send.press("Enter");
  await expect(page.getByTestId("review-item").filter({ hasText: "clean.example" }).getByTestId("decided")).toHaveCount(2);
  // Kumo Books' items are left: the first of them takes focus, and Enter opens its decision.
  const kumo = page.getByTestId("review-item").filter({ hasText: "kumo.example" });
  await expect(kumo.first().getByText("判断を記録…")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(kumo.first().getByLabel("判断", { exact: true })).toBeVisible();

  // The rest in bulk: the bulk form goes with them, and focus rests on the first result just recorded.
  for (const box of await bulk.getByRole("checkbox", { name: /Kumo Books · ログイン/ }).all()) await box.press("Space");
  await bulk.getByLabel("判断", { exact: true }).selectOption("KEEP");
  await bulk.getByLabel("コメント").fill("reviewed with the owner on a call");
  await bulk.getByRole("checkbox", { name: /確認: 選んだ項目すべて/ }).press("Space");
  await send.press("Enter");
  await expect(page.getByTestId("decided")).toHaveCount(4);
  await expect(page.getByTestId("bulk-decide-form")).toHaveCount(0);
  await expect(kumo.first().getByTestId("decided")).toBeFocused();
});
