import { expect, test } from "./fixtures";
import { signIn } from "./support";

// The large-file box of the import page: a file with a bad row lists its problem by row and column and
// writes nothing; the fixed file is previewed with progress, then applied, and its accounts appear.

const header = "account_id,store_name,seller_id,region,login_id,role,email,person_id,name,login_status,ORDERS";
const rows = (n: number, bad = false) =>
  Array.from({ length: n }, (_, i) => `big-${i},Big Store ${i},BIGSELLER${String(i).padStart(4, "0")},JP,l-${i},PRIMARY,owner${i}@big.example,p-big-${i},Owner ${i},${bad && i === 3 ? "SLEEPING" : "ACTIVE"},VIEW`);

test("a large logins file: problems by row, then preview with progress, apply, and the accounts are there", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/import");
  const box = page.getByTestId("large-import");
  const file = (bad: boolean) => ({ name: "logins.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...rows(300, bad)].join("\n")) });

  await box.getByLabel("ログイン一覧ファイル").setInputFiles(file(true));
  await box.getByRole("button", { name: "内容を確認" }).click();
  const error = page.getByTestId("large-import-error");
  await expect(error).toContainText("1 件の問題があります");
  await expect(error).toContainText("5行目");
  await expect(error).toContainText("login_status");

  await box.getByLabel("ログイン一覧ファイル").setInputFiles(file(false));
  await box.getByRole("button", { name: "内容を確認" }).click();
  await expect(page.getByTestId("large-import-result")).toContainText("300 行: アカウント 新規 300 件・更新 0 件・変更なし 0 件");
  await page.goto("/accounts");
  await expect(page.getByRole("link", { name: "Big Store 7", exact: true })).toHaveCount(0); // a preview writes nothing

  await page.goto("/import");
  await box.getByLabel("ログイン一覧ファイル").setInputFiles(file(false));
  await box.getByRole("button", { name: "内容を確認" }).click();
  await box.getByRole("button", { name: "反映する" }).click();
  await expect(page.getByTestId("large-import-result")).toContainText("反映しました: 300 行");
  await page.goto("/accounts?q=Big%20Store%207");
  await expect(page.getByRole("link", { name: "Big Store 7", exact: true })).toBeVisible();
});
