import type { Browser, BrowserContextOptions } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, submitPasswordChange } from "./support";
import { startTlsProxy } from "./tls-proxy";

// Every way out ends the server-side session (issue 18), and the session follows its rotation behind an
// HTTPS proxy too, where Auth.js names its cookie __Secure-authjs.session-token.

type Cookies = Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["cookies"]>>;

/** Someone replaying these cookies elsewhere is sent to sign in, and the CSV export refuses them. */
async function expectCookiesRefused(browser: Browser, cookies: Cookies, options: BrowserContextOptions = {}) {
  const thief = await browser.newContext(options);
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/accounts");
  await expect(stolen).toHaveURL(/\/signin/);
  expect((await thief.request.get("/api/accounts/export")).status()).toBe(401);
  await thief.close();
}

test("Auth.js's own sign-out endpoint ends the server-side session: the old cookie no longer opens anything", async ({ page, tenant, browser }) => {
  await signIn(page, tenant.email, tenant.password);
  const cookies = await page.context().cookies();
  expect((await page.request.get("/api/accounts/export")).status()).toBe(200);
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(out.status()).toBe(302);

  await expectCookiesRefused(browser, cookies);
});

test("signing in again over a live session (Auth.js's callback, any user) ends the session it replaces", async ({ page, tenant, browser }) => {
  await signIn(page, tenant.email, tenant.password);
  const cookies = await page.context().cookies();
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const again = await page.request.post("/api/auth/callback/credentials", { form: { email: tenant.email, password: tenant.password, csrfToken }, maxRedirects: 0 });
  expect(again.status()).toBe(302);
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/accounts$/);

  await expectCookiesRefused(browser, cookies);
});

test("behind an HTTPS proxy with __Secure- cookies, a password change rotates the session within the request: still signed in, the old cookie refused", async ({ browser, tenant }) => {
  const proxy = await startTlsProxy();
  const https: BrowserContextOptions = { baseURL: proxy.url, ignoreHTTPSErrors: true };
  const context = await browser.newContext(https);
  try {
    const page = await context.newPage();
    await signIn(page, tenant.email, tenant.password);
    const before = await context.cookies();
    const session = (cookies: Cookies) => cookies.find((c) => c.name === "__Secure-authjs.session-token");
    expect(session(before)?.secure).toBe(true);

    await page.goto("/security");
    const form = await submitPasswordChange(page, tenant.password, "amber kettle over meadow 77");
    // The page re-rendered by the action itself follows the rotated session instead of signing out.
    await expect(form.getByText("パスワードを変更しました。他のセッションは終了しました。")).toBeVisible();
    await expect(page).toHaveURL(/\/security$/);
    await expect.poll(async () => session(await context.cookies())?.value).not.toBe(session(before)?.value);
    await page.goto("/accounts");
    await expect(page).toHaveURL(/\/accounts$/);

    await expectCookiesRefused(browser, before, https);
  } finally {
    await context.close();
    await proxy.close();
  }
});
