import { expect, test } from "./fixtures";
import { signIn } from "./support";

// The accounts table's state lives in the URL and its filters are plain GET forms, so it works with scripts
// off (a locked-down browser, a script that failed to load). Its route used to stream the page behind a loading
// skeleton, in a hidden block only a script could reveal: with scripts off a reader saw the skeleton alone.
test("with JavaScript off, the accounts table shows its rows, filters by a GET form and opens an account", async ({ browser, page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const tab = await context.newPage();
  try {
    await tab.goto("/accounts");
    const rows = tab.getByRole("table").locator("tbody tr th[scope=row]");
    await expect(rows).toHaveText(["Clean Store", "Kumo Books"]);
    await expect(tab.getByTestId("accounts-total")).toHaveText("2 件");

    await tab.getByRole("searchbox").fill("Kumo");
    await tab.getByRole("button", { name: "検索", exact: true }).click();
    await expect(tab).toHaveURL(/\/accounts\?.*q=Kumo/);
    await expect(rows).toHaveText(["Kumo Books"]);

    await tab.getByRole("link", { name: "Kumo Books" }).click();
    await expect(tab.getByRole("heading", { level: 1 })).toContainText("Kumo Books");
  } finally {
    await context.close();
  }
});

// A form folded under a summary opens with its answer: without scripts the answer is a new page, whose
// <details> used to start closed again over the refusal, so the reader had to reopen it to learn what was wrong.
test("with JavaScript off, the people page's folded add form comes back open with its refusal", async ({ browser, page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const tab = await context.newPage();
  try {
    await tab.goto("/people");
    const section = tab.getByTestId("add-person");
    const add = tab.getByTestId("add-person-form");
    await expect(add.getByLabel("氏名")).toBeHidden();
    await section.getByText("関係者を追加").click();
    // Nothing typed: refused at the field, seen without opening the section again.
    await add.getByRole("button", { name: "追加する" }).click();
    await expect(add.getByText("入力してください。")).toBeVisible();
    // Too long: the limit and the length typed, the value kept.
    const typed = "N".repeat(201);
    await add.getByLabel("氏名").fill(typed);
    await add.getByRole("button", { name: "追加する" }).click();
    await expect(add.getByText("200文字までです（201文字入力されています）。入力はそのまま残しています。短くしてからもう一度送信してください。")).toBeVisible();
    await expect(add.getByLabel("氏名")).toHaveValue(typed);
    // Fixed, it is added: the person's own page.
    await add.getByLabel("氏名").fill("Folded Form Person");
    await add.getByRole("button", { name: "追加する" }).click();
    await expect(tab.getByRole("heading", { level: 1 })).toContainText("Folded Form Person");
    // Back on the list with nothing to say, the section is folded as before.
    await tab.goto("/people");
    await expect(tab.getByTestId("add-person-form").getByLabel("氏名")).toBeHidden();
  } finally {
    await context.close();
  }
});

// Removing a member asks before it acts (decision 089): the question is a <details> in the page's HTML, so it opens
// and confirms with scripts off too.
test("with JavaScript off, removing a member opens the question first and removes only on confirming", async ({ browser, page, tenant }) => {
  const { createDb } = await import("@/lib/db/client");
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const user = await db.user.create({ data: { email: `nojs-leaving-${Date.now()}@test.example`, name: "Ueda Leaving", passwordHash: "not-a-real-hash" } });
    const membershipId = (await db.membership.create({ data: { orgId: tenant.orgId, userId: user.id, role: "ADMIN" } })).id;
    await signIn(page, tenant.email, tenant.password);
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const tab = await context.newPage();
    try {
      await tab.goto(`/members?edit=${membershipId}`);
      const member = tab.getByTestId("member").filter({ hasText: "Ueda Leaving" });
      const confirm = member.getByRole("button", { name: "Ueda Leavingを組織から外す" });
      await expect(confirm).toBeHidden();
      await member.getByText("組織から外す…").click();
      await expect(member.getByTestId("remove-member")).toContainText("Ueda Leaving（");
      expect(await db.membership.count({ where: { id: membershipId } })).toBe(1);
      await confirm.click();
      await expect.poll(() => db.membership.count({ where: { id: membershipId } })).toBe(0);
    } finally {
      await context.close();
    }
  } finally {
    await db.$disconnect();
  }
});
