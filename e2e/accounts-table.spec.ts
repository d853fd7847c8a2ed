import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { encodeCursor } from "@/lib/validation/accounts";
import { createTenant, expect, tenantSnapshot, test as base, type Tenant } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

// The shared two accounts plus two without any 2-step verification (critical): "Ame Tea", and
// "+Plus Shop" whose name a spreadsheet would read as a formula and whose reused password lowers its
// score further, so sorting by score has one answer.
function riskySnapshot() {
  const snapshot = tenantSnapshot();
  const [kumo] = snapshot.accounts;
  const bare = (id: string, storeName: string, reused: boolean) => ({
    ...kumo, id, storeName, sellerId: `${kumo.sellerId!.slice(0, 8)}${id.toUpperCase().slice(0, 3)}`,
    logins: [{ ...kumo.logins![0], id: "primary", email: `owner@${id}.example`, twoStep: [], passwordReused: reused }],
  });
  snapshot.accounts.push(bare("ame", "Ame Tea", false), bare("plus", "+Plus Shop", true));
  return snapshot;
}

const test = base.extend<{ riskyTenant: Tenant }>({
  // eslint-disable-next-line no-empty-pattern
  riskyTenant: async ({}, use) => use(await createTenant("OWNER", riskySnapshot())),
});

const rowNames = (page: Page) => page.getByRole("table").locator("tbody tr th[scope=row]").allTextContents();

test("the overview links its numbers to the filtered table, and passes an accessibility scan", async ({ page, riskyTenant }) => {
  await signIn(page, riskyTenant.email, riskyTenant.password);
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "概要" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ポートフォリオの概要" })).toBeVisible();
  await expect(page.getByTestId("severity-critical")).toContainText("2 アカウント");
  await expect(page.getByTestId("heatmap")).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByTestId("severity-critical").click();
  await expect(page).toHaveURL(/\/accounts\?severity=critical$/);
  await expect.poll(() => rowNames(page)).toEqual(["+Plus Shop", "Ame Tea"]);
});

test("filters, sorts and pages live in the URL: reload keeps them, back restores the previous state", async ({ page, riskyTenant }) => {
  await signIn(page, riskyTenant.email, riskyTenant.password);
  await page.goto("/accounts");
  await expect(page.getByTestId("accounts-total")).toHaveText("4 件");

  await page.getByLabel("未対応リスクの重要度").selectOption("critical");
  await page.getByRole("button", { name: "検索", exact: true }).click();
  await expect(page).toHaveURL(/\/accounts\?severity=critical$/);
  await expect(page.getByTestId("accounts-total")).toHaveText("2 件");

  await page.getByRole("columnheader", { name: "スコア" }).getByRole("link").click();
  await expect(page).toHaveURL(/severity=critical&sort=score$/);
  await expect(page.getByRole("columnheader", { name: /スコア/ })).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => rowNames(page)).toEqual(["+Plus Shop", "Ame Tea"]);

  await page.getByRole("columnheader", { name: /スコア/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=score&dir=desc$/);
  await expect.poll(() => rowNames(page)).toEqual(["Ame Tea", "+Plus Shop"]);

  await page.reload();
  await expect.poll(() => rowNames(page)).toEqual(["Ame Tea", "+Plus Shop"]);
  await expect(page.getByLabel("未対応リスクの重要度")).toHaveValue("critical");

  await page.goBack();
  await expect(page).toHaveURL(/severity=critical&sort=score$/);
  await expect.poll(() => rowNames(page)).toEqual(["+Plus Shop", "Ame Tea"]);
  await page.goBack();
  await expect(page).toHaveURL(/\/accounts\?severity=critical$/);
  await expect.poll(() => rowNames(page)).toEqual(["+Plus Shop", "Ame Tea"]);

  // A filter nothing matches says so and offers the way back.
  await page.goto("/accounts?severity=critical&min=99");
  await expect(page.getByTestId("no-match")).toContainText("この条件に一致するアカウントはありません。");
  await expect(page.getByRole("search").getByRole("alert")).toHaveCount(0);

  // A minimum above the maximum stays in the URL as typed, and the score filter says why nothing matches.
  await page.getByLabel("スコアの上限").fill("20");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/min=99&max=20/);
  await expect(page.getByLabel("スコアの下限")).toHaveValue("99");
  await expect(page.getByRole("search").getByRole("alert")).toHaveText("スコアの下限が上限を上回っているため、一致するアカウントはありません。どちらかを直してください。");
  await expect(page.getByLabel("スコアの下限")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("スコアの上限")).toHaveAttribute("aria-invalid", "true");
  await page.getByTestId("no-match").getByRole("link", { name: "絞り込みを解除" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByTestId("accounts-total")).toHaveText("4 件");

  // Open an account from the table.
  await page.getByRole("link", { name: "Ame Tea", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ame Tea" })).toBeVisible();
});

test("columns, density and small pages are part of the URL too", async ({ page, riskyTenant }) => {
  await signIn(page, riskyTenant.email, riskyTenant.password);
  await page.goto("/accounts");
  const columnsMenu = page.locator("summary", { hasText: "表示する列" });
  // From the keyboard: Enter opens the menu, Escape closes it and leaves the focus on its summary.
  await columnsMenu.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("checkbox", { name: "出品者ID" })).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("checkbox", { name: "出品者ID" })).toBeHidden();
  await expect(columnsMenu).toBeFocused();
  await columnsMenu.click();
  await page.getByRole("checkbox", { name: "出品者ID" }).uncheck();
  await page.getByRole("checkbox", { name: "ログイン", exact: true }).check();
  await page.getByRole("button", { name: "列を反映" }).click();
  await expect(page).toHaveURL(/cols=/);
  await expect(page.getByRole("columnheader", { name: "出品者ID" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "ログイン", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "詰めて表示" }).click();
  await expect(page).toHaveURL(/density=compact/);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "ログイン", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "詰めて表示" })).toHaveAttribute("aria-current", "true");
});

test("the current view exports as CSV, with formula-like cells neutralised", async ({ page, riskyTenant, playwright }) => {
  await signIn(page, riskyTenant.email, riskyTenant.password);
  await page.goto("/accounts?severity=critical&sort=score");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSVでダウンロード" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0].split(",").slice(0, 3)).toEqual(["ストア名", "出品者ID", "クライアント"]);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["'+Plus Shop", "Ame Tea"]);

  const anonymous = await playwright.request.newContext();
  const signedOut = await anonymous.get(new URL("/api/accounts/export?severity=critical", page.url()).toString(), { maxRedirects: 0 });
  expect(signedOut.status()).toBe(401);
  await anonymous.dispose();
});

test("a view is saved with a name and opens again from the list", async ({ page, riskyTenant }) => {
  await signIn(page, riskyTenant.email, riskyTenant.password);
  await page.goto("/accounts?severity=critical&sort=score&dir=desc");
  await page.getByLabel("ビューの名前").fill("緊急のみ");
  await page.getByRole("button", { name: "現在のビューを保存" }).click();
  const saved = page.getByTestId("saved-views").getByRole("link", { name: "緊急のみ" });
  await expect(saved).toBeVisible();

  await page.goto("/accounts");
  await expect(page.getByTestId("accounts-total")).toHaveText("4 件");
  await page.getByTestId("saved-views").getByRole("link", { name: "緊急のみ" }).click();
  await expect(page).toHaveURL(/severity=critical&sort=score&dir=desc$/);
  await expect.poll(() => rowNames(page)).toEqual(["Ame Tea", "+Plus Shop"]);
  await expectNoSeriousViolations(page);

  // The same name again is refused at the field and the first view stays as it was.
  await page.goto("/accounts?market=JP");
  await page.getByLabel("ビューの名前").fill("緊急のみ");
  await page.getByRole("button", { name: "現在のビューを保存" }).click();
  await expect(page.getByTestId("save-view")).toContainText("同じ名前のビューがすでにあります");
  await expect(page.getByTestId("saved-views").getByRole("link", { name: "緊急のみ" })).toHaveCount(1);
  await expect(page.getByTestId("saved-views").getByRole("link", { name: "緊急のみ" })).toHaveAttribute("href", /severity=critical&sort=score&dir=desc$/);
});

test("an organisation without accounts sees an empty overview", async ({ page }) => {
  const empty = await createTenant("OWNER", { ...tenantSnapshot(), accounts: [] });
  await signIn(page, empty.email, empty.password);
  await page.goto("/");
  await expect(page.getByTestId("overview-empty")).toBeVisible();
  // A shared link's mistake is named even before the first account, beside how to begin (decision 099).
  await page.goto("/accounts?client=no-such-client&severity=urgent&cursor=garbage");
  await expect(page.getByTestId("getting-started")).toBeVisible();
  await expect(page.getByTestId("ignored-filters")).toHaveText(
    "このリンクの絞り込み条件のうち2件は使えないため、それを除いて一覧を表示しています。" +
      "絞り込み client=no-such-client は適用していません。あなたが見られるクライアントのIDではありません。" +
      "絞り込み severity=urgent は適用していません。critical, high, medium, low のいずれでもありません。",
  );
  await expect(page.getByTestId("stale-page-link")).toHaveText("このページのリンクはもう使えません。最初のページを表示しています。");
  await page.goto("/accounts");
  await expect(page.getByTestId("getting-started")).toBeVisible();
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  await expect(page.getByTestId("stale-page-link")).toHaveCount(0);
});

test("an agency with many clients picks one from a search box, by keyboard, and the choice survives a reload", async ({ page, tenant, browser }) => {
  // 60 more clients (the filter becomes a search box above 50); "Clean Store" moves to "Client 42".
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    await db.client.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ orgId: tenant.orgId, name: `Client ${String(i + 1).padStart(2, "0")}` })) });
    const target = await db.client.findFirstOrThrow({ where: { orgId: tenant.orgId, name: "Client 42" } });
    await db.sellerAccount.update({ where: { id: tenant.accountId("clean") }, data: { clientId: target.id } });
  } finally {
    await db.$disconnect();
  }
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/accounts");
  const search = page.getByRole("search");
  const picker = search.getByRole("combobox", { name: "クライアント" });
  await expect(search.locator('select[name="client"]')).toHaveCount(0); // not a <select> of 61 clients
  // Enter on typed text takes the best match instead of submitting a filter for no client at all.
  await picker.fill("client 4");
  await expect(page.getByRole("listbox", { name: "クライアント" }).getByRole("option", { name: "Client 40" })).toBeVisible();
  await picker.press("Enter");
  await expect(picker).toHaveValue("Client 40");
  await expect(page.getByRole("listbox", { name: "クライアント" })).toBeHidden();
  await picker.fill("zzz");
  await expect(page.getByText("一致するクライアントはありません")).toBeVisible();
  await picker.fill("42");
  await expect(page.getByRole("listbox", { name: "クライアント" }).getByRole("option", { name: "Client 42" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await picker.press("ArrowDown");
  await expect(picker).toHaveAttribute("aria-activedescendant", /option-0$/);
  await picker.press("Enter"); // chooses, does not submit
  await expect(picker).toHaveValue("Client 42");
  await expect(page).toHaveURL(/\/accounts$/);
  await search.getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/\/accounts\?client=[0-9a-f-]{36}$/);
  await expect.poll(() => rowNames(page)).toEqual(["Clean Store"]);

  await page.reload();
  await expect(page.getByRole("search").getByRole("combobox", { name: "クライアント" })).toHaveValue("Client 42");
  await expect.poll(() => rowNames(page)).toEqual(["Clean Store"]);

  // The search box's source answers only a signed-in user, with that organisation's clients.
  const names = ((await (await page.request.get("/api/clients?q=Client")).json()) as { clients: { name: string }[] }).clients.map((c) => c.name);
  expect(names).toHaveLength(10);
  expect(names.every((n) => /^Client \d\d$/.test(n))).toBe(true);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/clients?q=Client`)).status()).toBe(401);
  await anonymous.close();
});

test("the heatmap, wider than the screen in English, says so, scrolls from the keyboard and keeps the client names in view", async ({ page, riskyTenant }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await signIn(page, riskyTenant.email, riskyTenant.password);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/");
  const region = page.getByRole("region", { name: "Clients × rules table (scrolls sideways)" });
  const hint = page.getByText("Scroll sideways for more rules →");
  await expect(region).toBeVisible();
  await expect(hint).toBeVisible();
  await expectNoSeriousViolations(page);

  // Reached with the keyboard (it is in the tab order) and scrolled with the arrow keys.
  await page.getByTestId("common-rules").getByRole("link").last().focus();
  await page.keyboard.press("Tab");
  await expect(region).toBeFocused();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The client column stays at the region's left edge (inside its border) while the rules scroll past;
  // polled, because arrow keys scroll smoothly. Without the sticky column it would be off by the scroll
  // distance (hundreds of pixels).
  const clientCell = page.getByTestId("heatmap").getByRole("rowheader", { name: "E2E Client" });
  const offset = async () => {
    const [regionBox, clientBox, border] = [await region.boundingBox(), await clientCell.boundingBox(), await region.evaluate((el) => el.clientLeft)];
    return Math.abs(clientBox!.x - (regionBox!.x + border));
  };
  await expect.poll(offset).toBeLessThan(2);

  // The hint is shown only while columns are hidden: where the table fits, there is none.
  await page.setViewportSize({ width: 1400, height: 900 });
  const narrow = await createTenant();
  await page.context().clearCookies();
  await signIn(page, narrow.email, narrow.password);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/");
  await expect(page.getByTestId("heatmap")).toBeVisible();
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);
  await expect(hint).toBeHidden();
});

test("a search longer than the box allows is not applied silently: the page says why", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/accounts?q=${"k".repeat(201)}`);
  const box = page.getByRole("search").getByRole("searchbox", { name: "検索" });
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(box).toHaveValue("k".repeat(201));
  await expect(page.getByRole("search").getByRole("alert")).toHaveText("検索語は200文字までです（201文字あります）。適用せず、すべてのアカウントを表示しています。検索語は欄に残してあります。");
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0); // said once, at the box, not again in the notice
  await page.goto(`/accounts?q=Kumo`);
  await expect(page.getByRole("search").getByRole("alert")).toHaveCount(0);
  // Typed (or pasted) past the limit, the box does not cut it silently: searched, the page says the limit and the
  // length, and the text stays in the box to be shortened.
  await box.fill(`Kumo ${"b".repeat(210)}`);
  await expect(box).toHaveValue(`Kumo ${"b".repeat(210)}`);
  await page.getByRole("search").getByRole("button", { name: "検索", exact: true }).click();
  await expect(page.getByRole("search").getByRole("alert")).toHaveText("検索語は200文字までです（215文字あります）。適用せず、すべてのアカウントを表示しています。検索語は欄に残してあります。");
  await expect(box).toHaveValue(`Kumo ${"b".repeat(210)}`);
});

test("a filter value the table cannot use is named with the reason, not dropped silently, in both languages", async ({ page, riskyTenant }) => {
  await signIn(page, riskyTenant.email, riskyTenant.password);
  await page.goto("/accounts?severity=URGENT");
  const notice = page.getByRole("status").filter({ hasText: "このリンクの絞り込み条件のうち" });
  await expect(notice).toHaveText(
    "このリンクの絞り込み条件のうち1件は使えないため、それを除いて一覧を表示しています。" +
      "絞り込み severity=URGENT は適用していません。critical, high, medium, low のいずれでもありません。",
  );
  // Unfiltered, and the link stays as typed so it can be corrected.
  await expect(page).toHaveURL(/\/accounts\?severity=URGENT$/);
  await expect(page.getByTestId("accounts-total")).toHaveText("4 件");
  await expect.poll(() => rowNames(page)).toEqual(["+Plus Shop", "Ame Tea", "Clean Store", "Kumo Books"]);
  await expectNoSeriousViolations(page);
  // Its download link carries only the filters it applied, so the file holds what the page lists; the typed link
  // itself refuses the file rather than hand on every account as if it were the critical ones.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSVでダウンロード" }).click()]);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(csv.trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[0])).toEqual(["'+Plus Shop", "Ame Tea", "Clean Store", "Kumo Books"]);
  const refused = await page.request.get("/api/accounts/export?severity=URGENT");
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { message: string }).message).toBe(
    "何もダウンロードしていません。このリンクの絞り込み条件のうち1件が使えません。絞り込み severity=URGENT は使えません。critical, high, medium, low のいずれでもありません。",
  );

  // The value comes from the URL: shown as text (no element made of it), cut short.
  await page.goto(`/accounts?severity=${encodeURIComponent(`<b>${"x".repeat(60)}</b>`)}`);
  const shown = page.getByTestId("ignored-filters");
  await expect(shown).toContainText(`severity=<b>${"x".repeat(37)}… は適用していません。`);
  await expect(shown.locator("b")).toHaveCount(0);

  // A misspelt filter's name (sev for severity) is named too: it used to list every account without a word. The name
  // and value sit in their own <bdi>, so right-to-left letters in them cannot reorder the sentence.
  await page.goto("/accounts?sev=critical");
  const unknown = page.getByTestId("ignored-filters");
  await expect(unknown).toHaveText(
    "このリンクのパラメータのうち1件は使えないため、それを除いて表示しています。" +
      "リンクのパラメータ sev=critical は使っていません。このページにその名前のパラメータはありません。絞り込みの severity のつもりでしたら、名前を直してください。",
  );
  await expect(unknown.locator("bdi")).toHaveText(["sev", "critical"]);
  await expect(page.getByTestId("accounts-total")).toHaveText("4 件");
  await expect(page).toHaveURL(/\/accounts\?sev=critical$/);
  // Its sort links carry only what the table reads; the client-side navigation's own `_rsc` parameter is Next's, and
  // Next takes it out of the page's searchParams: nothing is named.
  const [flight] = await Promise.all([
    page.waitForRequest((r) => new URL(r.url()).searchParams.has("_rsc")),
    page.getByRole("columnheader", { name: /スコア/ }).getByRole("link").click(),
  ]);
  expect(new URL(flight.url()).pathname).toBe("/accounts");
  await expect(page).toHaveURL(/\/accounts\?sort=score$/);
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);

  // The right value says nothing; the same link in English says it in English.
  await page.goto("/accounts?severity=critical");
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  await expect(page.getByTestId("accounts-total")).toHaveText("2 件");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/accounts?severity=URGENT&min=high");
  await expect(page.getByRole("status").filter({ hasText: "Ignored filter" })).toHaveText(
    "2 filters in this link could not be used, so the list is shown without them." +
      "Ignored filter severity=URGENT: not one of critical, high, medium, low." +
      "Ignored filter min=high: not a whole number from 0 to 100.",
  );
  await expect(page.getByTestId("accounts-total")).toHaveText("4 accounts");

  // The tasks and people lists say the same of theirs.
  await page.goto("/tasks?status=finished");
  await expect(page.getByTestId("ignored-filters")).toContainText("Ignored filter status=finished: not one of OPEN, DONE, ALL.");
  await page.goto("/people?external=maybe");
  await expect(page.getByTestId("ignored-filters")).toContainText("Ignored filter external=maybe: not one of yes, no.");
  // A value in another case is the value (decision 101): /tasks?status=all lists every task, no notice.
  await page.goto("/tasks?status=all");
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  await page.goto("/people?external=YES");
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  await expectNoSeriousViolations(page);

  await expectNoSeriousViolations(page);
});

test("a client link naming no client of yours, and a page link no longer valid, say so instead of an empty or restarted table", async ({ page, riskyTenant }) => {
  await signIn(page, riskyTenant.email, riskyTenant.password);
  // A client id nobody has (or another organisation's: the same words) used to show "0 件" and export a header alone.
  await page.goto("/accounts?client=no-such-client");
  await expect(page.getByTestId("ignored-filters")).toHaveText(
    "このリンクの絞り込み条件のうち1件は使えないため、それを除いて一覧を表示しています。" +
      "絞り込み client=no-such-client は適用していません。あなたが見られるクライアントのIDではありません。",
  );
  await expect(page.getByTestId("accounts-total")).toHaveText("4 件");
  await expect.poll(() => rowNames(page)).toEqual(["+Plus Shop", "Ame Tea", "Clean Store", "Kumo Books"]);
  // The page's own download is the list it shows; the typed link's download refuses, naming the client filter.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSVでダウンロード" }).click()]);
  expect((await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n")).toHaveLength(5);
  const refused = await page.request.get("/api/accounts/export?client=no-such-client");
  expect(refused.status()).toBe(404);
  expect(((await refused.json()) as { message: string }).message).toBe(
    "何もダウンロードしていません。このリンクの絞り込み条件のうち1件が使えません。絞り込み client=no-such-client は使えません。あなたが見られるクライアントのIDではありません。",
  );

  // A page position the table cannot read (cut, edited, or from an older version) used to restart at page 1 silently.
  // It is no filter: said as a page position, and nothing is named as a filter.
  await page.goto("/accounts?cursor=garbage");
  await expect(page.getByTestId("stale-page-link")).toHaveText("このページのリンクはもう使えません。最初のページを表示しています。");
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  await expect.poll(() => rowNames(page)).toEqual(["+Plus Shop", "Ame Tea", "Clean Store", "Kumo Books"]);
  await expectNoSeriousViolations(page);
  // A page link the table wrote says nothing.
  await page.goto(`/accounts?cursor=${encodeCursor({ direction: "next", keys: ["Ame Tea"], id: "zzzz" })}`);
  await expect.poll(() => rowNames(page)).toEqual(["Clean Store", "Kumo Books"]);
  await expect(page.getByTestId("stale-page-link")).toHaveCount(0);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/accounts?client=no-such-client&cursor=garbage");
  await expect(page.getByTestId("ignored-filters")).toHaveText(
    "A filter in this link could not be used, so the list is shown without it." + "Ignored filter client=no-such-client: it is not the id of a client you can see.",
  );
  await expect(page.getByTestId("stale-page-link")).toHaveText("This page link is no longer valid; showing the first page.");
  await expect(page.getByTestId("accounts-total")).toHaveText("4 accounts");
});

test("the tasks list names a client link naming no client of yours and lists every task, in both languages", async ({ page, riskyTenant }) => {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  let clientId: string;
  try {
    clientId = (await db.client.findFirstOrThrow({ where: { orgId: riskyTenant.orgId, name: "E2E Client" } })).id;
    const user = await db.user.findFirstOrThrow({ where: { email: riskyTenant.email } });
    await db.remediationTask.create({ data: { orgId: riskyTenant.orgId, accountId: riskyTenant.accountId("kumo"), kind: "TRIAGE", subjectLabel: "kumo", url: "https://sellercentral-japan.amazon.com/", dueOn: new Date(), createdById: user.id } });
  } finally {
    await db.$disconnect();
  }
  await signIn(page, riskyTenant.email, riskyTenant.password);
  // A client id nobody has (or another organisation's, or one not assigned: the same words) showed "タスクはありません。" alone.
  await page.goto("/tasks?client=no-such-client");
  await expect(page.getByTestId("ignored-filters")).toHaveText(
    "このリンクの絞り込み条件のうち1件は使えないため、それを除いて一覧を表示しています。" +
      "絞り込み client=no-such-client は適用していません。あなたが見られるクライアントのIDではありません。",
  );
  await expect(page.getByTestId("task-row")).toHaveCount(1);
  await expect(page.getByTestId("task-filter").getByLabel("クライアント")).toHaveValue("");
  // A client of yours is applied without a word, and the form shows it chosen.
  await page.goto(`/tasks?client=${clientId}&status=DONE`);
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  await expect(page.getByText("タスクはありません。")).toBeVisible();
  await expect(page.getByTestId("task-filter").getByLabel("クライアント")).toHaveValue(clientId);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/tasks?client=no-such-client");
  await expect(page.getByTestId("ignored-filters")).toHaveText(
    "A filter in this link could not be used, so the list is shown without it." + "Ignored filter client=no-such-client: it is not the id of a client you can see.",
  );
  await expect(page.getByTestId("task-row")).toHaveCount(1);
  await expectNoSeriousViolations(page);
});

test("a tracker's parameter is named as the link's, also on the pages that read none: clients, a client, reviews, a campaign", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  // Not a filter, and not called one; the pages that read no parameter at all name it as the lists do, instead of
  // ignoring it silently.
  const trackerNotice =
    "このリンクのパラメータのうち1件は使えないため、それを除いて表示しています。" + "リンクのパラメータ utm_source=mail は使っていません。このページにその名前のパラメータはありません。";
  await page.goto("/people?utm_source=mail");
  await expect(page.getByTestId("ignored-filters")).toHaveText(trackerNotice);
  await page.goto("/clients?utm_source=mail");
  await expect(page.getByTestId("ignored-filters")).toHaveText(trackerNotice);
  await page.goto("/clients");
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  await page.getByTestId("client-reports-link").first().click();
  await expect(page.getByTestId("client-name")).toBeVisible();
  await page.goto(`${page.url()}?utm_source=mail`);
  await expect(page.getByTestId("ignored-filters")).toHaveText(trackerNotice);
  await page.goto("/reviews?utm_source=mail");
  await expect(page.getByTestId("ignored-filters")).toHaveText(trackerNotice);
  await page.goto("/reviews");
  const start = page.getByTestId("start-campaign-form");
  await start.getByLabel("名前", { exact: true }).fill("Link check");
  await start.getByRole("checkbox", { name: "E2E Client", exact: true }).check();
  await start.getByRole("button", { name: "開始" }).click();
  await expect(start.getByText("開始しました。")).toBeVisible();
  await page.getByTestId("campaign-row").getByRole("link", { name: "Link check" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Link check");
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  // A misspelt name is the link's too; with nothing to filter here, no filter is suggested.
  await page.goto(`${page.url()}?sev=critical&utm_source=mail`);
  await expect(page.getByTestId("ignored-filters")).toHaveText(
    "このリンクのパラメータのうち2件は使えないため、それを除いて表示しています。" +
      "リンクのパラメータ sev=critical は使っていません。このページにその名前のパラメータはありません。" +
      "リンクのパラメータ utm_source=mail は使っていません。このページにその名前のパラメータはありません。",
  );
  await expectNoSeriousViolations(page);
});
