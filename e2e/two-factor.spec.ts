import { Secret, TOTP } from "otpauth";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

// Codes are computed the way an authenticator app would. The next period's code is used after
// enrolment, because the code that turned it on may not be used twice.
const code = (key: string, offsetSteps = 0) => new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

async function signInWithCode(page: import("@playwright/test").Page, email: string, password: string, secondFactor: string) {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page.getByText("このアカウントは2段階認証が有効です。")).toBeVisible();
  await page.getByLabel("認証コード").fill(secondFactor);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

test("enrol an authenticator app, sign in with a code, and use a recovery code only once", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/security");
  const section = page.getByTestId("two-factor");
  await section.getByRole("button", { name: "2段階認証を設定する" }).click();
  await expect(section.getByRole("img", { name: "2段階認証の設定用QRコード" })).toBeVisible();
  const key = (await section.getByTestId("totp-key").textContent())!.trim();

  await section.getByRole("button", { name: "有効にする" }).click();
  await expect(section.getByRole("alert")).toContainText("6桁のコードを入力してください");

  await section.getByLabel("アプリに表示された6桁のコード").fill("000000");
  await section.getByRole("button", { name: "有効にする" }).click();
  await expect(section.getByRole("alert")).toContainText("コードが正しくありません");

  await section.getByLabel("アプリに表示された6桁のコード").fill(code(key));
  await section.getByRole("button", { name: "有効にする" }).click();
  const recovery = section.getByTestId("recovery-codes");
  await expect(recovery.getByRole("listitem")).toHaveCount(10);
  const codes = await recovery.getByRole("listitem").allTextContents();

  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Sign in with the authenticator's next code.
  await signInWithCode(page, tenant.email, tenant.password, code(key, 1));
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  // Signed out before the next sign-in: /signin sends a still-signed-in browser on to /accounts.
  await expect(page).toHaveURL(/\/signin/);

  // A recovery code works once…
  await signInWithCode(page, tenant.email, tenant.password, codes[0]);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  // Signed out before the next sign-in: /signin sends a still-signed-in browser on to /accounts.
  await expect(page).toHaveURL(/\/signin/);

  // …and is refused the second time.
  await signInWithCode(page, tenant.email, tenant.password, codes[0]);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("パスワードまたは認証コードが正しくありません。");
  await expect(page).toHaveURL(/\/signin/);

  // Turning it off is asked first, as removing a member is (decision 096): the fold says what is lost, then asks for
  // the password and a code again.
  await signInWithCode(page, tenant.email, tenant.password, codes[1]);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await page.goto("/security");
  const fold = section.getByTestId("disable-two-factor");
  await fold.getByText("2段階認証をオフにする…").press("Enter");
  await expect(fold).toContainText("回復用コードはすべて使えなくなり");
  const off = fold.getByTestId("disable-two-factor-form");
  await off.getByLabel("パスワード").fill(tenant.password);
  await off.getByLabel("認証コード").fill(codes[2]);
  await off.getByRole("button", { name: "2段階認証をオフにする" }).click();
  await expect(section.getByRole("button", { name: "2段階認証を設定する" })).toBeVisible();
  await expect(fold).toHaveCount(0);
});

test("an organisation that requires two-factor sends members without it to set it up first", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  await page.getByRole("button", { name: "全メンバーに必須にする" }).click();
  // The owner has no two-factor yet, so the requirement applies at once, to them too.
  await expect(page).toHaveURL(/\/security$/);
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.getByTestId("two-factor").getByRole("alert")).toHaveText("この組織では2段階認証が必須です。続けるには設定してください。");
  // Route handlers keep the same gate: no CSV export, no client names.
  for (const path of ["/api/accounts/export", "/api/clients?q="]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(await response.text()).not.toContain("Kumo");
  }
});
