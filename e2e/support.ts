import { expect, type Page } from "@playwright/test";

export const DEMO = { email: "demo@gatehouse.example", password: "gatehouse-demo-2026" };

/** Signs in through the form, as a user would. The interface starts in Japanese. */
export async function signIn(page: Page, email = DEMO.email, password = DEMO.password) {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
}
