import type { Locator, Page } from "@playwright/test";
import { createTenant, expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

// A seller owner checking from a phone who can reach their shop: at 390 px every login's role, status and
// 2SV methods and every account's score are on the screen, with nothing pushed off its right edge.

const PHONE = { width: 390, height: 844 };

async function setLanguage(page: Page, language: "ja" | "en") {
  const lang = await page.locator("html").getAttribute("lang");
  if (lang === language) return;
  await page.getByRole("button", { name: language === "en" ? "English" : "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

/** The page does not scroll sideways, and each element is visible and inside the viewport's width. */
async function expectOnScreen(page: Page, elements: Locator, count: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expect(elements).toHaveCount(count);
  for (const element of await elements.all()) {
    await expect(element).toBeVisible();
    const box = (await element.boundingBox())!;
    const text = await element.innerText();
    expect(box.x, text).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, text).toBeLessThanOrEqual(PHONE.width);
  }
}

/** How many lines each element's text takes (a role cut to one character a line would take many). */
const linesOf = (elements: Locator) =>
  elements.evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    }),
  );

test("at 390 px the account page shows each login's role, status and 2SV methods on screen, in Japanese and English", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.setViewportSize(PHONE);
  for (const language of ["ja", "en"] as const) {
    await setLanguage(page, language);
    await page.goto(`/accounts/${tenant.accountId("kumo")}`);
    const rows = page.getByTestId("login-row");
    await expect(rows).toHaveCount(2);
    await expectOnScreen(page, rows.getByTestId("login-role"), 2);
    await expectOnScreen(page, rows.getByTestId("login-status"), 2);
    // Kumo's primary login has one SMS method, its secondary login an app and a phone.
    await expectOnScreen(page, rows.getByTestId("two-step-method"), 3);
    await expect(rows.filter({ hasText: "owner@kumo.example" }).getByTestId("login-role")).toContainText(language === "ja" ? "プライマリーユーザー" : "Primary");
    expect(await linesOf(rows.getByTestId("login-role"))).toEqual([1, 1]);
    // Each value is named on the card, since there is no column header above it.
    const label = await rows.first().getByTestId("login-status").evaluate((el) => getComputedStyle(el, "::before").content);
    expect(label).toContain(language === "ja" ? "状態" : "Status");
  }
  await expectNoSeriousViolations(page);
});

test("at 390 px the accounts list shows each account's score on screen, in Japanese and English", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.setViewportSize(PHONE);
  for (const language of ["ja", "en"] as const) {
    await setLanguage(page, language);
    await page.goto("/accounts");
    await expectOnScreen(page, page.getByTestId("account-score"), 2);
    await expectOnScreen(page, page.getByRole("rowheader"), 2);
    await expect(page.locator("tr").filter({ hasText: "Clean Store" }).getByTestId("account-score")).toHaveText("100");
    // Each value is named by its column on the card: the table's own rules by column position, not a
    // data-label on every cell (decision 033). The store name is the card's title and carries no name.
    const row = page.locator("tbody tr").filter({ hasText: "Clean Store" });
    const named = (cell: Locator) => cell.evaluate((el) => getComputedStyle(el, "::before").content);
    expect(await named(row.locator("td").filter({ has: page.getByTestId("account-score") }))).toContain(language === "ja" ? "スコア" : "Score");
    expect(await named(row.getByRole("rowheader"))).not.toMatch(/^"/);
  }
  await expectNoSeriousViolations(page);
});

test("at 390 px the person page shows each login's role and status on screen, in Japanese and English", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.setViewportSize(PHONE);
  for (const language of ["ja", "en"] as const) {
    await setLanguage(page, language);
    await page.goto(`/people/${tenant.personId("p-owner")}`);
    const logins = page.getByTestId("person-login");
    await expectOnScreen(page, logins.getByTestId("login-role"), 2);
    await expectOnScreen(page, logins.getByTestId("login-status"), 2);
  }
  await expectNoSeriousViolations(page);
});

test("at 390 px a seller's portal fits the screen and speaks of their own shop, not an agency's portfolio", async ({ page }) => {
  const owner = await createTenant("CLIENT_OWNER");
  await signIn(page, owner.email, owner.password);
  await page.setViewportSize(PHONE);
  for (const language of ["ja", "en"] as const) {
    await setLanguage(page, language);
    await page.goto("/");
    const heading = language === "ja" ? "自社の出品用アカウントの概要" : "Your seller accounts at a glance";
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(`${heading} | Gatehouse`);
    const words = language === "ja" ? ["ポートフォリオ", "クライアント別", "クライアントポータル"] : ["Portfolio", "portfolio", "by client", "Client portal"];
    for (const word of words) await expect(page.getByText(word)).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousViolations(page);

    await page.goto("/accounts");
    await expectOnScreen(page, page.getByTestId("account-score"), 1);
    await expect(page.getByRole("search").getByLabel(language === "ja" ? "クライアント" : "Client")).toHaveCount(0);

    await page.goto(`/accounts/${owner.accountId("kumo")}`);
    await expectOnScreen(page, page.getByTestId("login-row").getByTestId("login-role"), 2);
    await expectOnScreen(page, page.getByTestId("login-row").getByTestId("two-step-method"), 3);
  }
  await expectNoSeriousViolations(page);
});

test("every page has its own title in the reader's language", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await expect(page).toHaveTitle("ポートフォリオの概要 | Gatehouse");
  const pages: [string, string, string][] = [
    ["/accounts", "出品用アカウント | Gatehouse", "Seller accounts | Gatehouse"],
    [`/accounts/${tenant.accountId("kumo")}`, "Kumo Books · 出品用アカウント | Gatehouse", "Kumo Books · Seller accounts | Gatehouse"],
    ["/people", "関係者 | Gatehouse", "People | Gatehouse"],
    [`/people/${tenant.personId("p-owner")}`, "Kumo Owner · 関係者 | Gatehouse", "Kumo Owner · People | Gatehouse"],
    ["/settings", "設定 | Gatehouse", "Settings | Gatehouse"],
    ["/security", "セキュリティ | Gatehouse", "Security | Gatehouse"],
    ["/members", "メンバー | Gatehouse", "Members | Gatehouse"],
    ["/import", "取り込み | Gatehouse", "Import | Gatehouse"],
    ["/reviews", "アクセスレビュー | Gatehouse", "Access reviews | Gatehouse"],
    ["/tasks", "対応タスク | Gatehouse", "Tasks | Gatehouse"],
    // Stop 42: these three were a bare "Gatehouse".
    ["/clients", "クライアント | Gatehouse", "Clients | Gatehouse"],
    ["/accounts/new", "出品用アカウントを追加 | Gatehouse", "Add a seller account | Gatehouse"],
  ];
  for (const [path, ja] of pages) {
    await page.goto(path);
    await expect(page).toHaveTitle(ja);
  }
  // Pages that are not there say so in the tab too: an account of nobody's, an unknown address.
  await page.goto("/accounts/not-an-account-of-yours");
  await expect(page).toHaveTitle("見つかりません | Gatehouse");
  await page.goto("/no-such-page");
  await expect(page).toHaveTitle("見つかりません | Gatehouse");
  await page.goto("/");
  await setLanguage(page, "en");
  for (const [path, , en] of pages) {
    await page.goto(path);
    await expect(page).toHaveTitle(en);
  }
  await page.goto("/");
  await expect(page).toHaveTitle("Portfolio overview | Gatehouse");
  await page.goto(`/people/${tenant.personId("p-owner")}x`);
  await expect(page).toHaveTitle("Not found | Gatehouse");
});

test("signing in lands on the overview, or on the page that was asked for", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await expect(page.getByRole("heading", { level: 1, name: "ポートフォリオの概要" })).toBeVisible();
  await page.getByRole("button", { name: "ログアウト", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/accounts?sort=score");
  await expect(page).toHaveURL(/\/signin\?next=/);
  await page.getByLabel("メールアドレス").fill(tenant.email);
  await page.getByLabel("パスワード").fill(tenant.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/accounts\?sort=score$/);
  await expect(page.getByRole("heading", { level: 1, name: "出品用アカウント" })).toBeVisible();
});

test("one day of score history is shown as its number; the Japanese heatmap's rule names run on one line each with the full name on hover", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  // A new organisation has one day of history: the overview's trend and the account header say the number.
  await expect(page.getByTestId("score-trend-single")).toBeVisible();
  await expect(page.getByTestId("score-trend")).toHaveCount(0);
  const rules = page.getByTestId("heatmap-rule");
  expect(await rules.count()).toBeGreaterThan(0);
  for (const rule of await rules.all()) {
    const name = (await rule.getAttribute("title"))!;
    expect(name.length).toBeGreaterThan(3);
    await expect(rule).toHaveAccessibleName(name);
    // Vertical text: one column, taller than wide, instead of two or three characters a line.
    const columns = await rule.locator("span").evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].filter((r) => r.height > 0).map((r) => Math.round(r.left))).size;
    });
    expect(columns, name).toBe(1);
    const box = (await rule.locator("span").boundingBox())!;
    expect(box.height).toBeGreaterThan(box.width);
  }
  await expectNoSeriousViolations(page);

  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  const score = await page.locator("main header [aria-label^='スコア ']").innerText();
  await expect(page.getByTestId("sparkline-single")).toContainText(score);
  await expect(page.locator("main header svg circle")).toHaveCount(0);
});

test("saved views sit with the filters, above the table", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/accounts");
  const views = page.getByRole("region", { name: "保存したビュー" });
  const table = page.getByRole("table");
  await expect(views).toBeVisible();
  const [viewsBox, filtersBox, tableBox] = [await views.boundingBox(), await page.getByRole("search").boundingBox(), await table.boundingBox()];
  expect(viewsBox!.y + viewsBox!.height).toBeLessThanOrEqual(tableBox!.y);
  expect(viewsBox!.y).toBeLessThan(filtersBox!.y + filtersBox!.height);
});

test("the demo draws 90 days of score history on its first visit", async ({ page }) => {
  await signIn(page);
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const trend = page.getByTestId("score-trend");
  await expect(trend).toBeVisible();
  // The window is the last 90 days; its last point is the day the demo was loaded, which is yesterday when this
  // suite's server started before midnight (UTC) and the nightly snapshot has not run yet.
  await expect(trend).toHaveAttribute("aria-label", new RegExp(`${day(89)} は \\d+、(${day(0)}|${day(1)}) は \\d+`));
});
