import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

// The demo sign-in is public (README), so an organisation started from it has an Owner of its own and the
// demo user never belongs to it: the next visitor signing in as demo must not see it (decision 103).
test("as demo, start an organisation: its new Owner signs in and sees it; the demo user, signed in again, does not", async ({ page }) => {
  test.setTimeout(120_000);
  const marker = randomUUID().slice(0, 8);
  const orgName = `自社代理店 ${marker}`;
  const email = `owner.${marker}@own-agency.example`;
  const password = "own agency lantern harbour 2026";

  await signIn(page);
  await page.getByTestId("new-organisation").click();
  await expect(page).toHaveURL(/\/organisations\/new$/);
  const form = page.getByTestId("new-organisation-form");
  await form.getByLabel("代理店名（組織名）").fill(orgName);
  await form.getByLabel("あなたの氏名").fill("加藤 蓮");
  // An e-mail that already has a user is refused at its field, and nothing is created.
  await form.getByLabel("メールアドレス（サインインに使います）").fill(DEMO.email);
  await form.getByLabel("パスワード", { exact: true }).fill(password);
  await form.getByLabel("新しいパスワード（確認）").fill(password);
  await form.getByRole("button", { name: "作成してサインインへ" }).click();
  await expect(form.getByLabel("メールアドレス（サインインに使います）")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("このメールアドレスのユーザーはすでに存在します。");
  await expect(form.getByLabel("代理店名（組織名）")).toHaveValue(orgName);

  await form.getByLabel("メールアドレス（サインインに使います）").fill(email);
  await form.getByLabel("パスワード", { exact: true }).fill(password);
  await form.getByLabel("新しいパスワード（確認）").fill(password);
  await form.getByRole("button", { name: "作成してサインインへ" }).click();
  // Signed out of the shared demo session; the sign-in page names the new Owner's e-mail and has it filled in.
  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("ready") === email);
  await expect(page.getByTestId("organisation-ready")).toContainText(`組織の準備ができました。${email} でサインインしてください。`);
  await expect(page.getByLabel("メールアドレス")).toHaveValue(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  // The new Owner belongs to the new organisation only.
  await expect(page.getByTestId("org-name")).toHaveText(`${orgName} · オーナー`);

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page);
  await expect(page.locator("header")).not.toContainText(orgName);
  await expect(page.locator("#org-switch option", { hasText: orgName })).toHaveCount(0);
  // Still the demo, as its Owner.
  await expect(page.getByTestId("new-organisation")).toBeVisible();
});
