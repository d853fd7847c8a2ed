import { createDb } from "@/lib/db/client";
import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

// People and permissions edited where they are shown: a duplicate person merged into one, a device
// added, and a secondary login's user permissions set in the tool × marketplace matrix.

test("an admin merges a duplicate person, adds a device, and sets a login's permissions in the matrix", async ({ page, tenant }) => {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  const duplicate = await db.person.create({ data: { orgId: tenant.orgId, name: "K. Lead (duplicate)" } });
  await db.$disconnect();
  await signIn(page, tenant.email, tenant.password);

  await page.goto(`/people/${tenant.personId("p-lead")}`);
  await page.getByTestId("person-editor").getByText("関係者の情報を編集").click();
  const edit = page.getByTestId("edit-person-form");
  await edit.getByLabel("会社").fill("Kumo Holdings");
  await edit.getByLabel("退職日").fill("2999-12-31");
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(edit.getByText("今日より後の日付は入力できません。")).toBeVisible();
  await edit.getByLabel("退職日").fill("");
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("main")).toContainText("Kumo Holdings");

  await page.getByTestId("person-merge").getByText("重複している関係者をこの人に統合…").click();
  await page.getByTestId("merge-person-form").getByLabel("統合する（削除される）関係者").selectOption(duplicate.id);
  await page.getByTestId("merge-person-form").getByRole("button", { name: "統合する（元に戻せません）" }).click();
  await expect.poll(async () => (await page.request.get(`/people/${duplicate.id}`)).status()).toBe(404);

  await page.getByTestId("add-device").locator("summary").click();
  const device = page.getByTestId("add-device-form");
  await device.getByLabel("名前").fill("Lead's iPad");
  await device.getByLabel("種類").selectOption("AUTHENTICATOR_APP");
  await device.getByRole("button", { name: "端末を追加" }).click();
  await expect(page.getByTestId("held-device").filter({ hasText: "Lead's iPad" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  const row = page.getByTestId("login-row").filter({ hasText: "lead@kumo.example" });
  await row.getByText("編集（Seller Centralで確認した内容を記録）").click();
  await row.getByTestId("permission-editor").getByText("ユーザー権限を編集").click();
  const matrix = row.getByTestId("permission-form");
  await expect(matrix.getByLabel("在庫管理 (JP)")).toHaveValue("VIEW");
  await matrix.getByLabel("ペイメント (JP)").selectOption("VIEW_EDIT");
  await matrix.getByRole("button", { name: "保存" }).click();
  await expect(matrix.getByText("保存しました。")).toBeVisible();
  await expect(page.getByTestId("permission-matrix")).toContainText("表示と編集 (JP)");
  await expectNoSeriousViolations(page);
});
