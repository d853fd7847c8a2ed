import type { Browser, BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, submitPasswordChange } from "./support";

/** Someone replaying these cookies in another browser is sent to sign in. */
async function expectCookiesRefused(browser: Browser, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/accounts");
  await expect(stolen).toHaveURL(/\/signin/);
  await thief.close();
}

test("repeated wrong passwords lock the e-mail with a clear wait, even for the right password", async ({ page, tenant }) => {
  await page.goto("/signin");
  for (let i = 0; i < 4; i++) {
    await page.getByLabel("メールアドレス").fill(tenant.email);
    await page.getByLabel("パスワード").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    // Wait for this attempt's answer before typing the next one (the button reads "ログイン中…" meanwhile).
    await expect(page.getByRole("button", { name: "ログイン", exact: true })).toBeEnabled();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("メールアドレスまたはパスワードが正しくありません。");
  }
  // The fifth failure locks the e-mail, and says so at once.
  const locked = /一時的にロックしています。1[45]分後にもう一度お試しください。/;
  await page.getByLabel("メールアドレス").fill(tenant.email);
  await page.getByLabel("パスワード").fill("wrong-password-5");
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(locked);
  // Even the right password is refused while locked.
  await page.getByLabel("パスワード").fill(tenant.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page.getByRole("button", { name: "ログイン", exact: true })).toBeEnabled();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(locked);
  await expect(page).toHaveURL(/\/signin/);

  // The Auth.js endpoint itself answers 429 with Retry-After.
  const response = await page.request.post("/api/auth/callback/credentials", { form: { email: tenant.email, password: tenant.password } });
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(800);
});

test("signing out everywhere else ends the other browser's session", async ({ browser, tenant }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const [a, b] = [await first.newPage(), await second.newPage()];
  await signIn(a, tenant.email, tenant.password);
  await signIn(b, tenant.email, tenant.password);

  await a.goto("/security");
  await expect(a.getByTestId("session")).toHaveCount(2);
  await a.getByRole("button", { name: "他のすべてのセッションからログアウト" }).click();
  await expect(a.getByText("他のセッションを終了しました。")).toBeVisible();

  await b.goto("/accounts");
  await expect(b).toHaveURL(/\/signin/);
  await a.goto("/accounts");
  await expect(a.getByRole("heading", { name: "出品用アカウント" })).toBeVisible();
  await first.close();
  await second.close();
});

test("signing out ends the session on the server, so a copied cookie is useless", async ({ page, tenant, browser }) => {
  await signIn(page, tenant.email, tenant.password);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);

  await expectCookiesRefused(browser, cookies);
});

test("a weak new password is refused with the reason", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/security");
  const form = await submitPasswordChange(page, tenant.password, "password1234");
  await expect(form.getByText("よく使われるパスワードのため使えません。")).toBeVisible();
  await expect(form.getByLabel("現在のパスワード")).toHaveValue(""); // passwords are never echoed back

  // The next attempt fails only on its confirmation: the earlier reason is gone, only the latest shows.
  await form.getByLabel("現在のパスワード").fill(tenant.password);
  await form.getByLabel("新しいパスワード", { exact: true }).fill("amber kettle over meadow 77");
  await form.getByLabel("新しいパスワード（確認）").fill("amber kettle over meadow 78");
  await form.getByRole("button", { name: "パスワードを変更" }).click();
  await expect(form.getByLabel("新しいパスワード（確認）")).toHaveAccessibleDescription("確認用のパスワードが一致しません。");
  await expect(form.getByText("よく使われるパスワードのため使えません。")).toHaveCount(0);
});

test("the current password cannot be set again as the new one", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/security");
  const form = await submitPasswordChange(page, tenant.password, tenant.password);
  await expect(form.getByText("新しいパスワードは現在のパスワードと別のものにしてください。")).toBeVisible();
});

test("changing the password rotates this browser's session: it stays signed in, a cookie copied before is useless", async ({ page, tenant, browser }) => {
  await signIn(page, tenant.email, tenant.password);
  const before = await page.context().cookies();
  const token = (cookies: typeof before) => cookies.find((c) => c.name.endsWith("authjs.session-token"))?.value;
  expect(token(before)).toBeTruthy();
  await page.goto("/security");
  const form = await submitPasswordChange(page, tenant.password, "amber kettle over meadow 77");
  await expect(form.getByText("パスワードを変更しました。他のセッションは終了しました。")).toBeVisible();
  await expect.poll(async () => token(await page.context().cookies())).not.toBe(token(before));
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/accounts$/);

  await expectCookiesRefused(browser, before);
});

test("a mistyped confirmation is caught before sending: every password stays as typed, the confirmation says why", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/security");
  const form = page.getByTestId("change-password-form");
  const current = form.getByLabel("現在のパスワード");
  const next = form.getByLabel("新しいパスワード", { exact: true });
  const confirm = form.getByLabel("新しいパスワード（確認）");
  await current.fill(tenant.password);
  await next.fill("amber kettle over meadow 77");
  await confirm.fill("amber kettle over meadow 78");
  await form.getByRole("button", { name: "パスワードを変更" }).click();

  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toBeFocused();
  await expect(confirm).toHaveAccessibleDescription("確認用のパスワードが一致しません。");
  await expect(current).toHaveValue(tenant.password);
  await expect(next).toHaveValue("amber kettle over meadow 77");
  await expect(confirm).toHaveValue("amber kettle over meadow 78");

  // Corrected, the same form goes through.
  await confirm.fill("amber kettle over meadow 77");
  await form.getByRole("button", { name: "パスワードを変更" }).click();
  await expect(form.getByText("パスワードを変更しました。他のセッションは終了しました。")).toBeVisible();
});

test("a missing current password and a mistyped confirmation are said in one answer (decision 095)", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/security");
  const form = page.getByTestId("change-password-form");
  const current = form.getByLabel("現在のパスワード");
  const confirm = form.getByLabel("新しいパスワード（確認）");
  await form.getByLabel("新しいパスワード", { exact: true }).fill("amber kettle over meadow 77");
  await confirm.fill("amber kettle over meadow 78");
  await form.getByRole("button", { name: "パスワードを変更" }).click();

  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(current).toBeFocused();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAccessibleDescription("確認用のパスワードが一致しません。");
  await expect(confirm).toHaveValue("amber kettle over meadow 78");
});

test.describe("in a browser set to Japan time", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("sessions name the browser and system, and show times in the reader's zone, named", async ({ page, tenant }) => {
    await signIn(page, tenant.email, tenant.password);
    await page.goto("/security");
    const session = page.getByTestId("session");
    const device = session.getByTestId("session-device");
    await expect(device).toHaveText(/^Chrome \d+（(Windows|Linux|macOS)）$/);
    // The full User-Agent stays available on hover.
    await expect(device).toHaveAttribute("title", await page.evaluate(() => navigator.userAgent));
    const times = session.locator("time");
    await expect(times).toHaveCount(2);
    await expect(times.first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} JST$/);
    const iso = (await times.first().getAttribute("datetime"))!;
    const tokyo = new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
    await expect(times.first()).toHaveText(`${tokyo} JST`);

    await page.getByRole("button", { name: "English" }).click();
    await expect(device).toHaveText(/^Chrome \d+ on (Windows|Linux|macOS)$/);
    await expect(times.first()).toHaveText(`${tokyo} GMT+9`);
  });
});
